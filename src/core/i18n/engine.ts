import type { Label, Lang } from "../plan/cells";
import { TIER_NAMES } from "../layout/sheets";
import type { Conclusions, Recommendation, TierFacts } from "../engine/conclusions";
import type { DataGap, FollowUpStatus, Issue, Reason, SegmentId, Tier, Trait } from "../engine/types";

/**
 * The engine's words, zh-CN and en-US: tiers, reasons, traits, issues, actions, data status,
 * segments, settings messages and conclusions. Logic builds structured data; only this file
 * turns it into text.
 *
 * The per-customer texts (reason, traits, issues, data status, follow-up status) are written as
 * `…In(x, lang)`, which builds the one language asked for: a sheet of 100,000 customers needs one
 * language, and building both doubled the work. `…Text(x)` gives both, as a Label, from the same words.
 */

/** "92", "70.5": scores as people write them. */
export function num(x: number, decimals = 1): string {
  if (decimals === 1) {
    const k = Math.round(x * 10);
    if (k >= 0 && k < TENTHS_CACHED) return (TENTHS[k] ??= String(k / 10));
    // Written from its tenths directly, which is quicker than the general number-to-text
    // conversion and gives the same text (k/10 prints as its digits).
    const d = k % 10;
    if (d !== 0 && k > -1e15 && k < 1e15) return (k < 0 ? "-" : "") + String(Math.abs((k - d) / 10)) + "." + String(Math.abs(d));
  }
  const f = 10 ** decimals;
  return String(Math.round(x * f) / f);
}

/**
 * Scores and churn risks are 0–100 with one decimal, in every reason of a sheet: their texts are
 * made once each ("0", "0.1" … "200") and shared, instead of one new string per reason.
 */
const TENTHS_CACHED = 2001;
const TENTHS: string[] = [];

/** 0.35 → "35%". */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** P95: a mid-rank percentile as a whole number, as in the reason text of SPEC §3. */
function p(x: number): string {
  const k = Math.round(x * 100);
  return k >= 0 && k <= 100 ? (PERCENTILES[k] ??= `P${k}`) : `P${k}`;
}

/** P0 … P100, made once each, like TENTHS. */
const PERCENTILES: string[] = [];

export const SEPARATOR: Label = { zh: "、", en: ", " };
export const BLANK: Label = { zh: "(未填)", en: "(blank)" };

export const TIER_LABEL: Record<Tier, Label> = {
  A: TIER_NAMES.A,
  B: TIER_NAMES.B,
  C: TIER_NAMES.C,
  D: TIER_NAMES.D,
  "": { zh: "未评分", en: "Not scored" },
};

/** "A类" / "Tier A", as seed 001 writes the tier cell. */
export function tierLetter(t: Tier): Label {
  return t === "" ? TIER_LABEL[""] : { zh: `${t}类`, en: `Tier ${t}` };
}

export const SCORE_KIND_LABEL: Record<"value" | "prospect" | "none", Label> = {
  value: { zh: "价值分", en: "Value score" },
  prospect: { zh: "潜客评分", en: "Prospect score" },
  none: { zh: "无评分", en: "No score" },
};

/**
 * Joined from parts rather than written as template literals: a template builds its text as a
 * chain of pieces that a sheet of 100,000 reasons keeps alive (about four times the memory);
 * `join` makes each reason one flat string.
 */
export function reasonIn(r: Reason, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (r.kind) {
    case "value": {
      const f = valueFrame(r.weights, lang);
      return [f[0], num(r.score), f[1], p(r.pAmount), f[2], p(r.pActivity), f[3], p(r.pTenure), f[4], num(r.churnRisk), f[5], r.tier].join("");
    }
    case "churn": {
      const parts = zh
        ? ["流失风险 ", num(r.churnRisk), " ≥ ", num(r.churnThreshold), " (下降率 ", pct(r.declineRate), ", 投诉 ", String(r.complaints), " 次) → D; 价值分 ", num(r.score)]
        : ["Churn risk ", num(r.churnRisk), " ≥ ", num(r.churnThreshold), " (decline ", pct(r.declineRate), ", ", String(r.complaints), r.complaints === 1 ? " complaint" : " complaints", ") → D; value score ", num(r.score)];
      return parts.join("");
    }
    case "prospect": {
      let parts: string[];
      if (r.needMatch !== null && r.likelihood !== null) {
        parts = zh
          ? ["潜客评分 ", num(r.score), " = 20 × 平均(需求匹配度 ", String(r.needMatch), ", 合作可能性 ", String(r.likelihood), ") → ", r.tier]
          : ["Prospect score ", num(r.score), " = 20 × mean(need match ", String(r.needMatch), ", likelihood ", String(r.likelihood), ") → ", r.tier];
      } else {
        const v = String(r.needMatch ?? r.likelihood);
        parts = zh
          ? ["潜客评分 ", num(r.score), " = 20 × ", r.needMatch !== null ? "需求匹配度" : "合作可能性", " ", v, " (无行为数据) → ", r.tier]
          : ["Prospect score ", num(r.score), " = 20 × ", r.needMatch !== null ? "need match" : "likelihood", " ", v, " (no Behaviour data) → ", r.tier];
      }
      return parts.join("");
    }
    case "none":
      return zh ? "无行为数据, 也未填需求匹配度或合作可能性, 无法评分" : "No Behaviour data and no need-match or likelihood rating: cannot score";
  }
}

/**
 * The words of a value reason around its six figures (score, three percentiles, churn risk, tier),
 * weights included: every value reason of a run has the same, so they are made once and kept.
 */
function valueFrame(w: { amount: number; activity: number; tenure: number }, lang: Lang): readonly string[] {
  const last = lastFrame;
  if (last.lang === lang && last.amount === w.amount && last.activity === w.activity && last.tenure === w.tenure) return last.words;
  const [a, b, c] = [num(w.amount, 3), num(w.activity, 3), num(w.tenure, 3)];
  const words =
    lang === "zh-CN"
      ? ["价值分 ", " = 金额 ", `×${a} + 活跃度 `, `×${b} + 合作时长 `, `×${c}; 流失风险 `, " → "]
      : ["Value score ", " = amount ", `×${a} + activity `, `×${b} + tenure `, `×${c}; churn risk `, " → "];
  lastFrame = { lang, amount: w.amount, activity: w.activity, tenure: w.tenure, words };
  return words;
}

let lastFrame: { lang: Lang | null; amount: number; activity: number; tenure: number; words: readonly string[] } = { lang: null, amount: NaN, activity: NaN, tenure: NaN, words: [] };

export function reasonText(r: Reason): Label {
  return { zh: reasonIn(r, "zh-CN"), en: reasonIn(r, "en-US") };
}

const TRAIT_WORDS: Record<"highFrequency" | "lowFrequency" | "highAvgOrder" | "highActivity" | "highAmount" | "midAmount" | "lowAmount", Label> = {
  highFrequency: { zh: "高频次购买", en: "frequent purchases" },
  lowFrequency: { zh: "购买频次低", en: "infrequent purchases" },
  highAvgOrder: { zh: "客单价高", en: "high average order" },
  highActivity: { zh: "活跃度强", en: "highly active" },
  highAmount: { zh: "购买金额高", en: "high spend" },
  midAmount: { zh: "购买金额中等", en: "medium spend" },
  lowAmount: { zh: "购买金额低", en: "low spend" },
};

export function traitIn(t: Trait, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (t.id) {
    case "prefers":
      return zh ? `偏好${t.category}` : `prefers ${t.category}`;
    case "longTenure":
      return zh ? `合作 ${t.months} 个月` : `customer for ${t.months} months`;
    case "highNeedMatch":
      return zh ? `需求匹配度 ${t.value}` : `need match ${t.value}`;
    case "highLikelihood":
      return zh ? `合作可能性 ${t.value}` : `likelihood ${t.value}`;
    default:
      return zh ? TRAIT_WORDS[t.id].zh : TRAIT_WORDS[t.id].en;
  }
}

export function traitText(t: Trait): Label {
  return { zh: traitIn(t, "zh-CN"), en: traitIn(t, "en-US") };
}

export function issueIn(i: Issue, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (i.id) {
    case "complaints":
      return zh ? `投诉${i.count}次` : `${i.count} complaint${i.count === 1 ? "" : "s"}`;
    case "decline":
      return zh ? `购买频次下降${pct(i.rate)}` : `purchases down ${pct(i.rate)}`;
    case "lowActivity":
      return zh ? "活跃度不足" : "low activity";
    case "overdue":
      return zh ? `跟进逾期${i.days}天` : `follow-up ${i.days} day${i.days === 1 ? "" : "s"} overdue`;
    case "staleRecency":
      return zh ? `${i.days}天未购买` : `no purchase for ${i.days} days`;
    case "lowLikelihood":
      return zh ? `合作可能性低 (${i.value})` : `low likelihood (${i.value})`;
  }
}

export function issueText(i: Issue): Label {
  return { zh: issueIn(i, "zh-CN"), en: issueIn(i, "en-US") };
}

/** 建议行动 per tier (seed 001's 结论与建议). */
export const ACTION_TEXT: Record<Tier, Label> = {
  A: { zh: "客户成功经理定期回访, 提供定制化服务", en: "Customer success manager visits regularly; offer tailored service" },
  B: { zh: "针对性培育 (同行案例, 试用)", en: "Targeted nurturing (peer case studies, trials)" },
  C: { zh: "标准化维护, 自动化触达", en: "Standard care; automated outreach" },
  D: { zh: "销售主管牵头, 1 周内完成流失原因调研并制定挽回方案", en: "Sales lead to research the churn cause within a week and plan a win-back" },
  "": { zh: "补充行为数据或需求匹配度/合作可能性后重新评分", en: "Add Behaviour data or need-match / likelihood ratings, then score again" },
};

/**
 * Field names in the data status. 职务 is named 联系人职务 as in seed 001 (待补充联系人职务),
 * since 职务 alone is ambiguous in a list of a company's fields.
 */
export const FIELD_TEXT: Record<string, Label> = {
  id: { zh: "客户编号", en: "customer ID" },
  name: { zh: "客户名称", en: "customer name" },
  industry: { zh: "所属行业", en: "industry" },
  contact: { zh: "联系人", en: "contact" },
  title: { zh: "联系人职务", en: "contact title" },
  mobileOrEmail: { zh: "手机或邮箱", en: "mobile or email" },
  lastContact: { zh: "最近沟通时间", en: "last contact" },
  grade: { zh: "客户等级", en: "grade" },
  priority: { zh: "跟进优先级", en: "priority" },
  amount: { zh: "购买金额", en: "amount" },
  purchases: { zh: "购买频次", en: "purchases" },
  siteVisits: { zh: "官网访问次数", en: "site visits" },
  events: { zh: "参与活动次数", en: "events attended" },
  startDate: { zh: "合作起始时间", en: "start date" },
  lastPurchase: { zh: "最近购买日期", en: "last purchase date" },
};

export const DATA_STATUS_TEXT = {
  complete: { zh: "完整", en: "Complete" } as Label,
  /** seed 001 writes 待补充联系人职务: the prefix runs straight into the field names */
  toComplete: { zh: "待补充", en: "To complete: " } as Label,
  countedAsZero: { zh: "(按0计)", en: " (counted as 0)" } as Label,
  assumedMedium: { zh: "(按中计)", en: " (taken as medium)" } as Label,
  duplicateId: { zh: "客户编号重复", en: "duplicate customer ID" } as Label,
  futureStart: { zh: "合作起始时间晚于基准日", en: "start date after the reference date" } as Label,
  /** between the 待补充 list and the other notes */
  noteSeparator: { zh: "; ", en: "; " } as Label,
};

function fieldIn(g: DataGap, zh: boolean): string {
  const f = FIELD_TEXT[g.field];
  const name = f === undefined ? g.field : zh ? f.zh : f.en;
  const suffix = g.field === "priority" ? DATA_STATUS_TEXT.assumedMedium : g.kind === "countedAsZero" ? DATA_STATUS_TEXT.countedAsZero : null;
  return suffix === null ? name : name + (zh ? suffix.zh : suffix.en);
}

/** 完整, or 待补充 + the gaps (seed 001: 待补充联系人职务), then any other notes. */
export function dataStatusIn(gaps: readonly DataGap[], lang: Lang): string {
  const zh = lang === "zh-CN";
  const pick = (l: Label) => (zh ? l.zh : l.en);
  if (gaps.length === 0) return pick(DATA_STATUS_TEXT.complete);
  // Parts joined once (one flat string), as in reasonIn.
  const parts: string[] = [];
  for (const g of gaps) {
    if (g.kind !== "missing" && g.kind !== "countedAsZero" && g.kind !== "assumedMedium") continue;
    parts.push(parts.length === 0 ? pick(DATA_STATUS_TEXT.toComplete) : pick(SEPARATOR), fieldIn(g, zh));
  }
  for (const g of gaps) {
    if (g.kind !== "duplicateId" && g.kind !== "futureStart") continue;
    if (parts.length > 0) parts.push(pick(DATA_STATUS_TEXT.noteSeparator));
    parts.push(pick(g.kind === "duplicateId" ? DATA_STATUS_TEXT.duplicateId : DATA_STATUS_TEXT.futureStart));
  }
  const text = parts.join("");
  return zh ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

export function dataStatusText(gaps: readonly DataGap[]): Label {
  return { zh: dataStatusIn(gaps, "zh-CN"), en: dataStatusIn(gaps, "en-US") };
}

export const SEGMENT_TEXT: Record<SegmentId, Label> = {
  importantValue: { zh: "重要价值客户", en: "Important value" },
  importantDevelop: { zh: "重要发展客户", en: "Important development" },
  importantKeep: { zh: "重要保持客户", en: "Important retention" },
  importantRetain: { zh: "重要挽留客户", en: "Important win-back" },
  generalValue: { zh: "一般价值客户", en: "General value" },
  generalDevelop: { zh: "一般发展客户", en: "General development" },
  generalKeep: { zh: "一般保持客户", en: "General retention" },
  generalRetain: { zh: "一般挽留客户", en: "General win-back" },
  champions: { zh: "冠军客户", en: "Champions" },
  loyal: { zh: "忠诚客户", en: "Loyal" },
  potentialLoyalists: { zh: "潜在忠诚客户", en: "Potential loyalists" },
  newCustomers: { zh: "新客户", en: "New customers" },
  promising: { zh: "有潜力客户", en: "Promising" },
  needAttention: { zh: "需要关注", en: "Need attention" },
  aboutToSleep: { zh: "即将沉睡", en: "About to sleep" },
  atRisk: { zh: "有流失风险", en: "At risk" },
  cantLoseThem: { zh: "不能失去", en: "Can't lose them" },
  hibernating: { zh: "沉睡客户", en: "Hibernating" },
};

export function followUpStatusIn(s: FollowUpStatus, dueSoonDays: number, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (s) {
    case "overdue":
      return zh ? "逾期" : "Overdue";
    case "dueSoon":
      return zh ? `${dueSoonDays} 天内到期` : `Due within ${dueSoonDays} day${dueSoonDays === 1 ? "" : "s"}`;
    case "ok":
      return zh ? "正常" : "On track";
  }
}

export function followUpStatusText(s: FollowUpStatus, dueSoonDays: number): Label {
  return { zh: followUpStatusIn(s, dueSoonDays, "zh-CN"), en: followUpStatusIn(s, dueSoonDays, "en-US") };
}

export const YES_NO: Record<"yes" | "no", Label> = {
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
};

export const CUSTOMER_TYPE_TEXT: Record<"new" | "existing", Label> = {
  new: { zh: "新客户", en: "New" },
  existing: { zh: "老客户", en: "Existing" },
};

// ---- Settings ----------------------------------------------------------------------------

export const SETTING_TEXT: Record<string, { name: Label; note: Label }> = {
  "weights.amount": { name: { zh: "权重: 购买金额", en: "Weight: amount" }, note: { zh: "价值分中购买金额百分位的权重; 三个权重之和为 1", en: "Weight of the amount percentile in the value score; the three weights sum to 1" } },
  "weights.activity": { name: { zh: "权重: 活跃度", en: "Weight: activity" }, note: { zh: "活跃度 = (官网访问次数 + 参与活动次数) / 2", en: "activity = (site visits + events attended) / 2" } },
  "weights.tenure": { name: { zh: "权重: 合作时长", en: "Weight: tenure" }, note: { zh: "合作时长 = 合作起始时间至基准日的整月数", en: "tenure = whole months from the start date to the reference date" } },
  tierA: { name: { zh: "A类阈值", en: "Tier A threshold" }, note: { zh: "评分 ≥ 此值为 A类 (高价值)", en: "score at or above this is tier A (high value)" } },
  tierB: { name: { zh: "B类阈值", en: "Tier B threshold" }, note: { zh: "评分 ≥ 此值为 B类 (潜力), 须小于 A类阈值", en: "score at or above this is tier B (potential); below the tier A threshold" } },
  churnThreshold: { name: { zh: "流失风险阈值", en: "Churn risk threshold" }, note: { zh: "流失风险 ≥ 此值为 D类; 流失风险 = (下降率 + 投诉次数×0.5)×100", en: "churn risk at or above this is tier D; churn risk = (decline rate + complaints × 0.5) × 100" } },
  "followUpDays.high": { name: { zh: "跟进间隔: 高 (天)", en: "Follow-up days: high" }, note: { zh: "优先级高: 最近沟通后多少天再跟进", en: "high priority: days after the last contact" } },
  "followUpDays.medium": { name: { zh: "跟进间隔: 中 (天)", en: "Follow-up days: medium" }, note: { zh: "优先级中 (空白按中计)", en: "medium priority (blank counts as medium)" } },
  "followUpDays.low": { name: { zh: "跟进间隔: 低 (天)", en: "Follow-up days: low" }, note: { zh: "优先级低", en: "low priority" } },
  dueSoonDays: { name: { zh: "即将到期 (天)", en: "Due soon (days)" }, note: { zh: "下次跟进在此天数内为「即将到期」", en: "a follow-up within this many days is due soon" } },
  newCustomerMonths: { name: { zh: "新客户 (月)", en: "New customer (months)" }, note: { zh: "合作时长少于此月数为新客户", en: "tenure below this many months is a new customer" } },
  coreShare: { name: { zh: "核心客户比例", en: "Core customer share" }, note: { zh: "按购买金额前多少为核心客户 (0.1 = 前 10%)", en: "share of customers by amount that are core (0.1 = top 10%)" } },
  rfmMode: { name: { zh: "RFM 评分方式", en: "RFM scoring" }, note: { zh: "quintile = 五分位; fixed = 固定分档", en: "quintile, or fixed cut-offs" } },
  "rfmCutoffs.r": { name: { zh: "R 分档 (天)", en: "R cut-offs (days)" }, note: { zh: "四个递增天数: ≤第1个 → 5分 … 超过第4个 → 1分", en: "four ascending day counts: ≤ 1st → 5 … above the 4th → 1" } },
  "rfmCutoffs.f": { name: { zh: "F 分档 (次)", en: "F cut-offs (purchases)" }, note: { zh: "四个递增值: ≥第4个 → 5分 … 低于第1个 → 1分", en: "four ascending values: ≥ 4th → 5 … below the 1st → 1" } },
  "rfmCutoffs.m": { name: { zh: "M 分档 (万元)", en: "M cut-offs (¥10k)" }, note: { zh: "四个递增金额: ≥第4个 → 5分 … 低于第1个 → 1分", en: "four ascending amounts: ≥ 4th → 5 … below the 1st → 1" } },
  segmentModel: { name: { zh: "RFM 分群模型", en: "RFM segment model" }, note: { zh: "eight = 八类 (重要价值…); ten = 十类 R×F 分群", en: "eight = the Chinese eight classes; ten = the ten-segment R×F map" } },
  referenceDate: { name: { zh: "基准日", en: "Reference date" }, note: { zh: "空白 = 今天", en: "blank = today" } },
  duplicateThreshold: { name: { zh: "疑似重复相似度", en: "Duplicate similarity" }, note: { zh: "名称相似度 ≥ 此值 (0–1] 标为疑似重复", en: "names at least this similar (0–1] are possible duplicates" } },
};

function settingName(key: string): Label {
  return SETTING_TEXT[key]?.name ?? { zh: key, en: key };
}

/** Validation messages: each names the setting as the person sees it on the Settings sheet. */
export const SETTINGS_ERROR = {
  weightsSum: (sum: number): Label => ({ zh: `权重之和必须为 1 (当前 ${num(sum, 6)})`, en: `The weights must sum to 1 (now ${num(sum, 6)})` }),
  range: (key: string, min: number, max: number, minExclusive: boolean): Label =>
    minExclusive
      ? { zh: `${settingName(key).zh}必须大于 ${min} 且不超过 ${max}`, en: `${settingName(key).en} must be above ${min} and at most ${max}` }
      : { zh: `${settingName(key).zh}必须在 ${min} 到 ${max} 之间`, en: `${settingName(key).en} must be between ${min} and ${max}` },
  tierOrder: (a: number, b: number): Label => ({ zh: `B类阈值 (${num(b)}) 必须小于 A类阈值 (${num(a)})`, en: `The tier B threshold (${num(b)}) must be below the tier A threshold (${num(a)})` }),
  positive: (key: string): Label => ({ zh: `${settingName(key).zh}必须大于 0`, en: `${settingName(key).en} must be greater than 0` }),
  positiveWhole: (key: string): Label => ({ zh: `${settingName(key).zh}必须是正整数`, en: `${settingName(key).en} must be a positive whole number` }),
  wholeNonNegative: (key: string): Label => ({ zh: `${settingName(key).zh}必须是不小于 0 的整数`, en: `${settingName(key).en} must be a whole number, 0 or more` }),
  cutoffs: (key: string): Label => ({ zh: `${settingName(key).zh}必须是四个递增的数`, en: `${settingName(key).en} must be four ascending numbers` }),
  oneOf: (key: string, options: string[]): Label => ({ zh: `${settingName(key).zh}必须是 ${options.join(" / ")} 之一`, en: `${settingName(key).en} must be one of ${options.join(" / ")}` }),
  notNumber: (key: string, value: string): Label => ({ zh: `${settingName(key).zh}: 「${value}」不是数字`, en: `${settingName(key).en}: '${value}' is not a number` }),
  notDate: (key: string, value: string): Label => ({ zh: `${settingName(key).zh}: 「${value}」不是日期`, en: `${settingName(key).en}: '${value}' is not a date` }),
  invalid: (key: string): Label => ({ zh: `${settingName(key).zh}的值无效`, en: `${settingName(key).en} has an invalid value` }),
};

// ---- Conclusions -------------------------------------------------------------------------

function tierConclusion(f: TierFacts, notable: number): Label {
  const name = TIER_LABEL[f.tier];
  if (f.count === 0) return { zh: `${f.tier}类(${name.zh})客户 0 家`, en: `Tier ${f.tier} (${name.en}): no customers` };
  let zh = `${f.tier}类(${name.zh})客户 ${f.count} 家, 占 ${pct(f.share)}`;
  let en = `Tier ${f.tier} (${name.en}): ${f.count} customer${f.count === 1 ? "" : "s"}, ${pct(f.share)}`;
  if (f.amountShare > 0) {
    zh += `, 贡献金额 ${pct(f.amountShare)}`;
    en += `, ${pct(f.amountShare)} of amount`;
  }
  if (f.topIndustry && f.topIndustry.share >= notable) {
    zh += `, 主要集中在${f.topIndustry.name} (${pct(f.topIndustry.share)})`;
    en += `, mostly ${f.topIndustry.name} (${pct(f.topIndustry.share)})`;
  }
  if (f.topCategory && f.topCategory.share >= notable) {
    zh += `, 偏好${f.topCategory.name} (${pct(f.topCategory.share)})`;
    en += `, preferring ${f.topCategory.name} (${pct(f.topCategory.share)})`;
  }
  if (f.tier === "D") {
    zh += `; ${pct(f.complaintShare)} 有投诉, 平均下降率 ${pct(f.meanDecline)}`;
    en += `; ${pct(f.complaintShare)} have complaints, mean decline ${pct(f.meanDecline)}`;
  }
  if (f.prospectCount > 0) {
    zh += `; 其中 ${f.prospectCount} 家按潜客评分`;
    en += `; ${f.prospectCount} scored as prospects`;
  }
  return { zh, en };
}

function recommendationText(r: Recommendation): Label {
  switch (r.id) {
    case "recoverD":
      return {
        zh: `D类流失风险客户 ${r.count} 家 (${pct(r.complaintShare)} 有投诉): 由销售主管牵头, 1 周内完成流失原因调研并制定挽回方案`,
        en: `${r.count} churn-risk (D) customer${r.count === 1 ? "" : "s"} (${pct(r.complaintShare)} with complaints): the sales lead researches the causes within a week and plans a win-back`,
      };
    case "overdue":
      return {
        zh: `${r.count} 位客户跟进已逾期 (高优先级 ${r.high} 位): 优先联系`,
        en: `${r.count} follow-up${r.count === 1 ? " is" : "s are"} overdue (${r.high} high priority): contact them first`,
      };
    case "nurtureA":
      return {
        zh: `A类客户 ${r.count} 家贡献 ${pct(r.amountShare)} 金额: 安排客户成功经理定期回访, 提供定制化服务`,
        en: `${r.count} tier A customer${r.count === 1 ? "" : "s"} bring ${pct(r.amountShare)} of the amount: regular visits by a customer success manager, tailored service`,
      };
    case "nurtureProspects":
      return {
        zh: `${r.count} 家潜客评分达 B类: 提供同行案例与试用, 推进转化`,
        en: `${r.count} prospect${r.count === 1 ? "" : "s"} score at tier B: offer peer case studies and trials to convert`,
      };
    case "completeData":
      return {
        zh: `${r.count} 位客户数据待补充: 补齐后评分与跟进更可靠`,
        en: `${r.count} customer record${r.count === 1 ? "" : "s"} to complete: scores and follow-ups get more reliable`,
      };
    case "addBehaviour":
      return {
        zh: "尚无客户行为数据: 在「客户行为」表录入购买与活动数据, 即可按价值评分",
        en: "No Behaviour data yet: enter purchases and engagement on the Behaviour sheet to score by value",
      };
    case "liftC":
      return {
        zh: `C类客户 ${r.count} 家: 标准化维护, 自动化触达, 关注购买频次变化`,
        en: `${r.count} tier C customer${r.count === 1 ? "" : "s"}: standard care and automated outreach; watch purchase frequency`,
      };
    case "reviewMonthly":
      return { zh: "每月更新行为数据并重新评分, 跟踪各层客户变化", en: "Update the Behaviour data and score again monthly to follow each tier" };
  }
}

export const CONCLUSION_TEXT = {
  tier: tierConclusion,
  recommendation: recommendationText,
};

export const CONCLUSIONS_TITLE: Record<"tiers" | "recommendations", Label> = {
  tiers: { zh: "分层结论", en: "Conclusions by tier" },
  recommendations: { zh: "建议", en: "Recommendations" },
};

export type { Conclusions };

/** The Summary's conclusion and recommendation lines, both languages. */
export function formatConclusionLines(c: Conclusions): { conclusions: Label[]; recommendations: Label[] } {
  return { conclusions: c.tiers.map((t) => t.text), recommendations: c.recommendations.map((r) => r.text) };
}
