/**
 * What a column's values say about it (SPEC §4: "a column of 11-digit numbers starting with 1
 * is a mobile"). Each detector gives the share of non-blank values that fit; propose.ts turns
 * shares into candidate targets. Pure and cheap: at most MAX_VALUES values are looked at.
 */
import { normaliseDate } from "../clean/normalise/date";
import { normaliseIndustry } from "../clean/normalise/industry";
import { normaliseMobile } from "../clean/normalise/mobile";
import { LISTS } from "../layout/lists";
import type { CellValue } from "../plan/cells";

export const MAX_VALUES = 500;

export interface ValueProfile {
  /** non-blank values looked at */
  n: number;
  distinct: number;
  mobile: number;
  /** mobiles and landlines */
  phone: number;
  email: number;
  /** dates written as text (2024-03-15, 2024年3月15日, 20240315) */
  textDate: number;
  /** whole numbers that are plausible Excel dates (1980–2060) */
  serialDate: number;
  number: number;
  score15: number;
  grade: number;
  priority: number;
  channel: number;
  feedback: number;
  budget: number;
  sizeBand: number;
  industry: number;
  creditCode: number;
  company: number;
  person: number;
  title: number;
}

const SERIAL_1980 = 29221;
const SERIAL_2060 = 58441;

const setOf = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
const GRADE = setOf([...LISTS.grade.flatMap((i) => [i.value, i.label.en, `${i.value}客户`]), "key"]);
const PRIORITY = setOf(LISTS.priority.flatMap((i) => [i.value, i.label.en, `${i.value}优先级`]));
const CHANNEL = setOf(LISTS.channel.flatMap((i) => [i.value, i.label.en]));
const FEEDBACK = setOf(LISTS.feedback.flatMap((i) => [i.value, i.label.en]));
const BUDGET = setOf(LISTS.budget.map((i) => i.value));
const SIZE = setOf(LISTS.sizeBand.map((i) => i.value));
/** Words of the lists: never taken for a person's name. */
const LIST_WORDS = new Set([...GRADE, ...PRIORITY, ...CHANNEL, ...FEEDBACK, ...BUDGET, ...SIZE]);

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CREDIT = /^[0-9A-HJ-NPQRTUW-Y]{18}$/;
const COMPANY_ZH = /.{2,}(有限公司|有限责任公司|股份有限公司|集团|公司|商行|商店|工作室|事务所|研究院|研究所|医院|学校|大学|学院|银行|酒店|门诊|诊所|超市|中心|合作社|分行|支行)([(（][^)）]*[)）])?$/;
const SHOP = /^(?!.*(到店|进店|来店|门店$)).{3,}(店|厂)$/;
const COMPANY_EN = /\S\s+(co\.?,?\s*ltd\.?|co\.?|ltd\.?|limited|inc\.?|llc|gmbh|corp\.?|corporation|company|group|plc|s\.a\.)$/i;
const PERSON_ZH = /^[\u4e00-\u9fa5]{2,3}(先生|女士|小姐)?$|^[\u4e00-\u9fa5](先生|女士|小姐|总|经理)$/;
const PERSON_EN = /^[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z'-]+$/;
const NOT_PERSON = /(市|省|区|县|业|部|类|型|司|店|厂|级|期|量|额|户|品|费|价)$/;
const TITLE = /(经理|总监|总经理|主管|专员|主任|董事|总裁|老板|店长|厂长|负责人|工程师|采购|助理|秘书|会计|财务|老师|校长|院长|ceo|cto|cfo|coo|cio|vp|director|manager|head|engineer|owner|founder|president|buyer|officer|assistant)/i;

function isNumberText(s: string): boolean {
  return /^[-+]?\d{1,3}(,\d{3})*(\.\d+)?$|^[-+]?\d+(\.\d+)?$/.test(s);
}

function isTextDate(text: string): boolean {
  const d = normaliseDate(text, { time: "drop" });
  return d.status === "ok" || d.status === "ambiguous";
}

function wholeOf(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && /^\s*\d+(\.0+)?\s*$/.test(v)) return Number(v);
  return null;
}

export function profileValues(values: readonly CellValue[]): ValueProfile {
  const p: ValueProfile = { n: 0, distinct: 0, mobile: 0, phone: 0, email: 0, textDate: 0, serialDate: 0, number: 0, score15: 0, grade: 0, priority: 0, channel: 0, feedback: 0, budget: 0, sizeBand: 0, industry: 0, creditCode: 0, company: 0, person: 0, title: 0 };
  const seen = new Set<string>();
  for (const v of values) {
    if (p.n >= MAX_VALUES) break;
    if (v === "" || typeof v === "boolean") {
      if (typeof v === "boolean") p.n++;
      continue;
    }
    const text = typeof v === "string" ? v.trim() : String(v);
    if (text === "") continue;
    p.n++;
    seen.add(text);
    const lower = text.toLowerCase();
    const textDate = typeof v === "string" && /\d/.test(text) && isTextDate(text);
    if (textDate) p.textDate++;
    const m = textDate ? null : normaliseMobile(v);
    if (m === null) {
      // a date is not a phone number
    } else if (m.status === "ok") {
      p.mobile++;
      p.phone++;
    } else if (m.status === "kept" && m.reason === "landline") p.phone++;
    if (typeof v === "string" && EMAIL.test(text)) p.email++;
    const whole = wholeOf(v);
    if (typeof v === "number" && Number.isInteger(v) && v >= SERIAL_1980 && v <= SERIAL_2060) p.serialDate++;
    if (typeof v === "number" || isNumberText(text)) p.number++;
    if (whole !== null && Number.isInteger(whole) && whole >= 1 && whole <= 5) p.score15++;
    if (GRADE.has(lower)) p.grade++;
    if (PRIORITY.has(lower)) p.priority++;
    if (CHANNEL.has(lower)) p.channel++;
    if (FEEDBACK.has(lower)) p.feedback++;
    if (BUDGET.has(lower)) p.budget++;
    if (SIZE.has(lower)) p.sizeBand++;
    if (typeof v === "string" && CREDIT.test(text.toUpperCase().replace(/[\s-]/g, ""))) p.creditCode++;
    if (typeof v === "string") {
      const ind = normaliseIndustry(text);
      const isIndustry = ind.status === "ok" && !(ind.warnings ?? []).includes("partialMatch");
      if (isIndustry) p.industry++;
      if (COMPANY_ZH.test(text) || SHOP.test(text) || COMPANY_EN.test(text)) p.company++;
      else if (!isIndustry && !LIST_WORDS.has(lower) && ((PERSON_ZH.test(text) && !NOT_PERSON.test(text)) || PERSON_EN.test(text))) p.person++;
      if (TITLE.test(text) && text.length <= 20) p.title++;
    }
  }
  p.distinct = seen.size;
  return p;
}

export function share(p: ValueProfile, count: number): number {
  return p.n === 0 ? 0 : count / p.n;
}
