import { negate, parseAmount, shift, toNumber, type Decimal } from "./numerals";
import { cleanText } from "./text";
import { EMPTY, invalid, isErrorValue, kept, ok, type Normalised, type RawCell, type WarningCode } from "./types";

export interface NumberOptions {
  /**
   * The column's unit. "wan" for 年营收(万元) and 购买金额(万元): a bare number is already in 万元,
   * "30万" is 30, "1亿" is 10000, "1200元" is 0.12. Default "yuan" (and plain counts).
   */
  unit?: "yuan" | "wan";
  /** counts (员工人数, 购买频次): 3, "3次" and "3.0" are fine, 3.5 is invalid notWhole. Default false. */
  whole?: boolean;
  /** accept negative values (a refund, a balance). Default false: non-negative columns. */
  allowNegative?: boolean;
}

/** Text that stands for "no number yet" and means something to a person: kept as typed. */
const PLACEHOLDERS = new Set([
  "面议", "议价", "价格面议", "待议", "再议", "另议", "商议", "协商", "待定", "未定", "待确认", "不详", "未知", "保密",
  "暂无", "不确定", "无法确定", "tbd", "n/a", "na", "-", "--", "—", "——", "/", "?", "？",
]);

const FOREIGN = /\$|usd|us\$|hk\$|美元|美金|€|eur|欧元|£|gbp|英镑|港币|港元|日元|jpy|円/i;

const NUMISH = "¥?[\\d.,，一二两三四五六七八九十百千万亿kw元块]+";
const RANGE = new RegExp(`^${NUMISH}\\s*(?:-|~|—|–|至|到)\\s*${NUMISH}$`);
const BOUND_PREFIX = /^(?:超过|大于|高于|多于|不到|不足|少于|小于|低于|至少|最少|最多|不超过|不少于|不低于|>=|<=|>|<|≥|≤)/;
const BOUND_SUFFIX = /(?:以上|以下|以内|之内|之上|之下|起|\+)$/;
const APPROX_PREFIX = /^(?:大约|大概|约合|约|近|将近|接近|差不多|~|≈)\s*/;
const APPROX_SUFFIX = /\s*(?:左右|上下|前后)$/;
/** 100多万, 100余万, 100来万: "more than", approximate */
const APPROX_INNER = /(?<=[\d十百千])(?:多|余|来)(?=[万亿千百]|$|[元块人次个])/;
const CURRENCY_PREFIX = /^(?:¥|rmb|cny|人民币)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元整|元|块钱|块|圆|rmb|cny)$/i;
/** count words after a number: 3次, 20人, 5家 */
const COUNT_SUFFIX = /(?<=[\d一二两三四五六七八九十百千万亿])\s*(?:次|个|人|名|位|家|笔|单|件|台|套|张|户|间|辆|场|天)$/;

/** Thousands separators must group by three: "1,234.5" yes, "1,23" no. */
function dropGrouping(s: string): string | null {
  if (!/[,，\s]/.test(s)) return s;
  let bad = false;
  const out = s.replace(/\d[\d,，\s]*\d/g, (run) => {
    if (!/[,，\s]/.test(run)) return run;
    if (!/^\d{1,3}(?:[,，]\d{3})+$/.test(run) && !/^\d{1,3}(?: \d{3})+$/.test(run)) bad = true;
    return run.replace(/[,，\s]/g, "");
  });
  return bad || /[,，]/.test(out) ? null : out;
}

type Parsed =
  | { kind: "number"; value: Decimal; yuanExplicit: boolean; units: number[]; approximate: boolean }
  | { kind: "kept"; reason: "placeholder" | "range" | "bound" }
  | { kind: "invalid"; reason: "notANumber" | "foreignCurrency" | "malformedNumber" };

function parseText(text: string): Parsed {
  let s = text.normalize("NFKC").toLowerCase().replace(/[−－]/g, "-").trim();
  const bare = s.replace(/[。.!！]+$/, "");
  if (PLACEHOLDERS.has(bare)) return { kind: "kept", reason: "placeholder" };
  if (FOREIGN.test(s)) return { kind: "invalid", reason: "foreignCurrency" };
  if (/%|‰/.test(s)) return { kind: "invalid", reason: "notANumber" };
  if (BOUND_PREFIX.test(s) || BOUND_SUFFIX.test(s)) return /\d|[一二两三四五六七八九十]/.test(s) ? { kind: "kept", reason: "bound" } : { kind: "invalid", reason: "notANumber" };

  let approximate = false;
  for (const re of [APPROX_PREFIX, APPROX_SUFFIX]) {
    if (re.test(s)) {
      approximate = true;
      s = s.replace(re, "");
    }
  }
  if (APPROX_INNER.test(s)) {
    approximate = true;
    s = s.replace(APPROX_INNER, "");
  }

  let negative = false;
  const sign = /^([-+]|负)\s*/.exec(s);
  if (sign) {
    negative = sign[1] !== "+";
    s = s.slice(sign[0].length);
  }
  s = s.replace(COUNT_SUFFIX, "");
  if (RANGE.test(s)) return { kind: "kept", reason: "range" };

  s = s.replace(CURRENCY_PREFIX, "");
  if (s.startsWith("-") && !negative) {
    // ¥-5
    negative = true;
    s = s.slice(1);
  }
  let yuanExplicit = false;
  if (CURRENCY_SUFFIX.test(s)) {
    yuanExplicit = true;
    s = s.replace(CURRENCY_SUFFIX, "");
  }
  s = s.replace(COUNT_SUFFIX, "");
  const grouped = dropGrouping(s.trim());
  if (grouped === null) return { kind: "invalid", reason: "malformedNumber" };
  s = grouped.replace(/\s+/g, "");
  if (s === "") return { kind: "invalid", reason: "notANumber" };
  const amount = parseAmount(s);
  if (!amount) return { kind: "invalid", reason: /\d/.test(s) ? "malformedNumber" : "notANumber" };
  return { kind: "number", value: negative ? negate(amount.value) : amount.value, yuanExplicit, units: amount.units, approximate };
}

/**
 * Money and counts → a number in the column's unit. "30万" → 300000 (or 30 in a 万元 column),
 * "¥1,200", "￥1200元", "1.2万", "１２３", "3千", "1亿". 面议 / 待定 are kept (placeholder),
 * "100-200万" kept (range), "100万以上" kept (bound); "约100" is ambiguous (approximate) with the
 * number as its one candidate. A currency symbol alone (¥1,200) does not change the unit: in a
 * 万元 column it means 1200 万元; an explicit 元 does (1200元 → 0.12, warning unitConverted).
 */
export function normaliseNumber(raw: RawCell, options: NumberOptions = {}): Normalised<number> {
  const unit = options.unit ?? "yuan";
  if (typeof raw === "boolean") return invalid("boolean");
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return invalid("notANumber");
    return check(raw, raw, options, [], false);
  }
  if (isErrorValue(raw)) return invalid("errorValue");
  const text = cleanText(raw);
  if (text === "") return EMPTY;
  const parsed = parseText(text);
  if (parsed.kind === "kept") return kept(text, parsed.reason);
  if (parsed.kind === "invalid") return invalid(parsed.reason);

  const scaled = parsed.units.some((u) => u >= 3) || parsed.yuanExplicit;
  const warnings: WarningCode[] = [];
  let value = parsed.value;
  if (unit === "wan" && scaled) {
    // an amount with its own unit (万, 亿, 千, 元) is in yuan: convert to 万元
    value = shift(value, -4);
    if (!parsed.units.some((u) => u >= 4)) warnings.push("unitConverted");
  }
  return check(raw, toNumber(value), options, warnings, parsed.approximate);
}

function check(raw: RawCell, n: number, options: NumberOptions, warnings: WarningCode[], approximate: boolean): Normalised<number> {
  const value = Object.is(n, -0) ? 0 : n;
  if (value < 0 && !options.allowNegative) return invalid("negative");
  if (options.whole && !Number.isInteger(value)) return invalid("notWhole");
  if (approximate) {
    const r: Normalised<number> = { status: "ambiguous", candidates: [value], reason: "approximate", warnings: ["approximate", ...warnings] };
    return r;
  }
  return ok(raw, value, warnings);
}
