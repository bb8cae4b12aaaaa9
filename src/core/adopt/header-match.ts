/**
 * Header recognition for Adopt my list (SPEC §4): a person's header text → a Customers column,
 * with how sure we are. Three strengths: the standard name (id, zh or en label), a known synonym
 * (the layout's list), or a keyword inside a longer header (上次到店时间 → last contact,
 * 企业全称 → name). Headers of the add-in's output columns (客户分层, 价值分 …) are recognised
 * as such: a list's own column with that header is never adopted into an output.
 */
import { CUSTOMER_COLUMNS } from "../layout/customers";
import { foldHeader } from "../mapping/headers";

export type HeaderKind = "exact" | "synonym" | "fuzzy";

export type HeaderMatch = { kind: HeaderKind; target: string; score: number } | { kind: "output"; target: string; score: number };

export const HEADER_SCORE: Record<HeaderKind, number> = { exact: 1, synonym: 0.92, fuzzy: 0.7 };

/** Input columns a list can be adopted into (outputs are the add-in's own). */
export const INPUT_COLUMNS = CUSTOMER_COLUMNS.filter((c) => !c.output);
const OUTPUT_IDS = new Set(CUSTOMER_COLUMNS.filter((c) => c.output).map((c) => c.id));

function withoutUnit(folded: string): string {
  return folded.replace(/\([^)]*\)$/, "");
}

const LABELS = new Map<string, string>();
const SYNONYMS = new Map<string, string>();
for (const c of CUSTOMER_COLUMNS) {
  for (const n of [c.id, c.label.zh, c.label.en]) {
    const f = foldHeader(n);
    if (f && !LABELS.has(f)) LABELS.set(f, c.id);
  }
}
for (const c of CUSTOMER_COLUMNS) {
  for (const n of c.synonyms ?? []) {
    const f = foldHeader(n);
    if (f && !LABELS.has(f) && !SYNONYMS.has(f)) SYNONYMS.set(f, c.id);
  }
}

/** Headers of people on our side (sales owner), never the customer or its contact. */
export const OWNER = /客户经理|销售|业务员|负责人|跟进人|归属|owner|salesrep|accountmanager|salesperson|^rep$|^sales$/;

/** Keyword rules on the folded header, most specific first: the first rule that matches wins. */
const KEYWORDS: [RegExp, string][] = [
  [/信用代码|税号|纳税人识别号|uscc|creditcode|taxid/, "creditCode"],
  [/(上次|最近|最后|末次|last|latest|recent).*(沟通|联系|到店|跟进|拜访|来访|回访|contact|visit|followup|call|touch)|(沟通|联系|到店|跟进|拜访|来访|回访)(时间|日期)|lastcontact/, "lastContact"],
  [/(合作|签约|开户|入会|注册|首次|开始|成交|起始).*(时间|日期)|since|startdate|joined|signed|入会|开户/, "startDate"],
  [/匹配|fit|match/, "needMatch"],
  [/可能性|意向强度|成交概率|成交率|赢单率|likelihood|probability|intent/, "likelihood"],
  [/邮箱|邮件|email|e-?mail|^mail/, "email"],
  [/沟通方式|跟进方式|联系渠道|沟通渠道|channel/, "channel"],
  [/手机|电话|联系方式|phone|mobile|^tel|cell/, "mobile"],
  [/联系人|对接人|^contact|contactperson|contactname|keyperson|关键人/, "contact"],
  [/职务|职位|岗位|头衔|^title$|jobtitle|position|role|designation/, "title"],
  [/细分|子行业|subindustry|subsector|segment/, "subIndustry"],
  [/行业|industry|sector/, "industry"],
  [/员工|人数|employees|headcount|staff/, "employees"],
  [/营收|营业收入|年收入|营业额|revenue|turnover/, "revenue"],
  [/规模|size/, "sizeBand"],
  [/预算|budget/, "budget"],
  [/采购(时间|计划|节点|周期)|timing|purchaseplan/, "purchaseTiming"],
  [/需求(描述|说明|详情|内容)|痛点|requirement/, "demandDescription"],
  [/需求|意向产品|产品意向|interest|^needs?$/, "demandType"],
  [/优先|priority|紧急/, "priority"],
  [/等级|级别|grade|level|客户分类|^vip/, "grade"],
  [/反馈|评价|feedback/, "feedback"],
  [/沟通内容|沟通记录|跟进记录|跟进情况|摘要|备注|记录|^notes?$|summary|^remarks?$|comments?|memo/, "summary"],
  [/编号|客户id|customerid|客户代码|客户号|会员号|会员卡号|accountid|^id$|^no\.?$/, "id"],
  [/名称|公司|企业|单位|姓名|客户名|^客户$|^会员$|company|^name$|accountname|client|^customer$|customername|organi[sz]ation|firm/, "name"],
];

/** A header naming a person on our side (客户经理, 销售, Owner): never a customer field. */
export function isOwnerHeader(raw: unknown): boolean {
  return typeof raw === "string" && OWNER.test(foldHeader(raw));
}

/** What a header says, or null when it names nothing we know. */
export function matchHeaderText(raw: unknown): HeaderMatch | null {
  if (typeof raw !== "string") return null;
  const f = foldHeader(raw);
  if (!f) return null;
  const exact = LABELS.get(f) ?? LABELS.get(withoutUnit(f));
  const synonym = exact === undefined ? (SYNONYMS.get(f) ?? SYNONYMS.get(withoutUnit(f))) : undefined;
  const id = exact ?? synonym;
  if (id !== undefined) {
    if (OUTPUT_IDS.has(id)) return { kind: "output", target: id, score: 0 };
    return { kind: exact !== undefined ? "exact" : "synonym", target: id, score: HEADER_SCORE[exact !== undefined ? "exact" : "synonym"] };
  }
  if (OWNER.test(f)) return null;
  for (const [re, target] of KEYWORDS) if (re.test(f)) return { kind: "fuzzy", target, score: HEADER_SCORE.fuzzy };
  return null;
}
