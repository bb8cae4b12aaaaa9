import { civilFromDays, daysFromCivil, isValidYmd, unpackYmd } from "../../calendar";
import { chineseDigitsToArabic, parseAmount, toNumber } from "./numerals";
import { EMPTY, invalid, isErrorValue, ok, type InvalidReason, type Normalised, type RawCell, type WarningCode } from "./types";

/**
 * Dates to Excel serials, 1900 date system. Excel counts the fictitious 1900-02-29 (serial 60,
 * kept from Lotus 1-2-3), so 1900-01-01 = 1 … 1900-02-28 = 59, then 1900-03-01 = 61: from
 * serial 61 on, serial = days since 1899-12-30; below 60, one less.
 */
export const MIN_SERIAL = 1; // 1900-01-01
export const MAX_SERIAL = 2958465; // 9999-12-31
const FICTITIOUS_SERIAL = 60; // "1900-02-29"

const EPOCH = daysFromCivil(1899, 12, 30);

export { isValidYmd } from "../../calendar";

/** A real calendar date from 1900-01-01 to 9999-12-31 → serial; null otherwise (1900-02-29 included). */
export function ymdToSerial(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || !isValidYmd(y, m, d)) return null;
  const serial = daysFromCivil(y, m, d) - EPOCH;
  return serial < 61 ? serial - 1 : serial;
}

/** The calendar date of a serial's day (time fraction dropped); 60 gives Excel's 1900-02-29. */
export function serialToYmd(serial: number): { y: number; m: number; d: number } | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < MIN_SERIAL || whole > MAX_SERIAL) return null;
  if (whole === FICTITIOUS_SERIAL) return { y: 1900, m: 2, d: 29 };
  return unpackYmd(civilFromDays(EPOCH + (whole < 60 ? whole + 1 : whole)));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/**
 * "2024-03-15" for serial 45366 (any time fraction is ignored). Serial 60 gives "1900-02-29", as
 * Excel displays it. null outside 1 … 2958465 (1900-01-01 … 9999-12-31) or for NaN/Infinity.
 */
export function serialToISO(serial: number): string | null {
  const ymd = serialToYmd(serial);
  return ymd ? `${pad(ymd.y, 4)}-${pad(ymd.m)}-${pad(ymd.d)}` : null;
}

/** "2024-03-15T14:30:00": the serial's date and its time of day, rounded to the second. */
export function serialToISODateTime(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const totalSeconds = Math.round(serial * 86400);
  const day = Math.floor(totalSeconds / 86400);
  const date = serialToISO(day);
  if (date === null) return null;
  const s = totalSeconds - day * 86400;
  return `${date}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** "2024-03-15" → 45366. Exactly YYYY-MM-DD; "1900-02-29" → 60 as in Excel; null otherwise. */
export function isoToSerial(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y === 1900 && m === 2 && d === 29) return FICTITIOUS_SERIAL;
  return ymdToSerial(y, m, d);
}

export interface DateOptions {
  /** a time of day (a serial's fraction, "14:30" in text): kept in the serial, or dropped. Default "keep". */
  time?: "keep" | "drop";
}

type Ymd = { y: number; m: number; d: number };
type Parsed =
  | { kind: "date"; dates: Ymd[]; seconds: number; warnings: WarningCode[] }
  | { kind: "serial"; serial: number; warnings: WarningCode[] }
  | { kind: "invalid"; reason: InvalidReason };

const bad = (reason: InvalidReason): Parsed => ({ kind: "invalid", reason });

/** Excel's two-digit year rule: 00–29 → 2000–2029, 30–99 → 1930–1999. */
function pivotYear(yy: number): number {
  return yy <= 29 ? 2000 + yy : 1900 + yy;
}

/** Time after the date: "14:30", "14:30:05.123", "14时30分", "14点", "下午2:30", "2:30 pm", "T10:00:00Z". */
function parseTime(rest: string): { seconds: number; warnings: WarningCode[] } | null {
  let s = rest.trim().replace(/^t/, "").trim();
  const warnings: WarningCode[] = [];
  if (s === "") return { seconds: 0, warnings };
  const zone = /(?:z|[+-]\d{2}:?\d{2})$/.exec(s);
  if (zone && /\d/.test(s.slice(0, zone.index))) {
    s = s.slice(0, zone.index).trim();
    warnings.push("timeZoneIgnored");
  }
  let half: "am" | "pm" | null = null;
  const prefix = /^(上午|早上|凌晨|早晨|下午|晚上|傍晚|中午)/.exec(s);
  if (prefix) {
    half = ["下午", "晚上", "傍晚"].includes(prefix[1] ?? "") ? "pm" : prefix[1] === "中午" ? null : "am";
    s = s.slice(prefix[0].length).trim();
  }
  const suffix = /\s*(a\.?m\.?|p\.?m\.?)$/.exec(s);
  if (suffix) {
    half = (suffix[1] ?? "").startsWith("p") ? "pm" : "am";
    s = s.slice(0, suffix.index).trim();
  }
  const m =
    /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(s) ??
    /^(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分\s*(?:(\d{1,2})\s*秒)?)?$/.exec(s) ??
    (half !== null ? /^(\d{1,2})()()$/.exec(s) : null);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  const sec = m[3] ? Number(m[3]) : 0;
  if (half !== null) {
    if (h < 1 || h > 12) return null;
    if (half === "pm" && h < 12) h += 12;
    if (half === "am" && h === 12) h = 0;
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  return { seconds: h * 3600 + min * 60 + sec, warnings };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthFromName(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3));
  if (i < 0) return null;
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i] ?? "";
  return name.length === 3 || (name === "sept" && i === 8) || full === name ? i + 1 : null;
}

/** Chinese numerals in dates: 二〇二四年三月十五日 → 2024年3月15日. */
function arabicDates(s: string): string {
  return s
    .replace(/([〇零一二三四五六七八九]{2,4})(?=\s*年)/g, (all, digits: string) => chineseDigitsToArabic(digits) ?? all)
    .replace(/([一二三四五六七八九十]{1,3})(?=\s*[月日号])/g, (all, n: string) => {
      const parsed = parseAmount(n);
      return parsed ? String(toNumber(parsed.value)) : all;
    });
}

function withTime(date: Ymd | Ymd[], rest: string, warnings: WarningCode[]): Parsed {
  const time = parseTime(rest);
  if (!time) return bad("unrecognised");
  return { kind: "date", dates: Array.isArray(date) ? date : [date], seconds: time.seconds, warnings: [...warnings, ...time.warnings] };
}

function parseText(raw: string): Parsed {
  const s = arabicDates(
    raw
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[(（]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]?/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  let m: RegExpExecArray | null;

  // 2024年3月15日, 24年3月15日, 2024年03月15日 14:30
  m = /^(\d{4}|\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:[日号]|(?=\s|$))(.*)$/.exec(s);
  if (m) {
    const two = (m[1] ?? "").length === 2;
    const y = two ? pivotYear(Number(m[1])) : Number(m[1]);
    return withTime({ y, m: Number(m[2]), d: Number(m[3]) }, m[4] ?? "", two ? ["twoDigitYear"] : []);
  }
  // 2024/3/15, 2024-3-15, 2024.3.15, 15/03/2024, 03/04/2024, 24/3/15, ISO with T
  m = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?=$|[\st])(.*)$/.exec(s);
  if (m) {
    const [a, b, c, rest] = [m[1] ?? "", Number(m[3]), m[4] ?? "", m[5] ?? ""];
    if (a.length === 4 && c.length <= 2) return withTime({ y: Number(a), m: b, d: Number(c) }, rest, []);
    if (a.length <= 2 && c.length === 4) {
      const [p, y] = [Number(a), Number(c)];
      if (p === b) return withTime({ y, m: b, d: p }, rest, []);
      const dayFirst = { y, m: b, d: p };
      const monthFirst = { y, m: p, d: b };
      const valid = [dayFirst, monthFirst].filter((x) => isValidYmd(x.y, x.m, x.d));
      // both readings possible → ambiguous (day-first listed first); one → that one; none → impossible
      return withTime(valid.length > 0 ? valid : [dayFirst], rest, []);
    }
    if (a.length <= 2 && c.length <= 2) return withTime({ y: pivotYear(Number(a)), m: b, d: Number(c) }, rest, ["twoDigitYear"]);
    return bad("unrecognised");
  }
  // 20240315, 20240315 14:30
  m = /^(\d{4})(\d{2})(\d{2})(?=$|[\st])(.*)$/.exec(s);
  if (m) return withTime({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, m[4] ?? "", []);
  // 15 Mar 2024, 15-Mar-2024 (Excel's d-mmm-yyyy), Mar 15, 2024, March 15 2024
  m = /^(\d{1,2})[\s-]([a-z]{3,9})\.?,?[\s-]\s?(\d{4})(?=$|[\st])(.*)$/.exec(s);
  if (m) {
    const month = monthFromName(m[2] ?? "");
    if (month !== null) return withTime({ y: Number(m[3]), m: month, d: Number(m[1]) }, m[4] ?? "", []);
  }
  m = /^([a-z]{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})(?=$|[\st])(.*)$/.exec(s);
  if (m) {
    const month = monthFromName(m[1] ?? "");
    if (month !== null) return withTime({ y: Number(m[3]), m: month, d: Number(m[2]) }, m[4] ?? "", []);
  }
  // 45366 typed as text (a CSV import): a five-digit serial, 1927-05-18 … 2173-10-14
  m = /^\d{5}(?:\.\d+)?$/.exec(s);
  if (m) return { kind: "serial", serial: Number(s), warnings: ["serialAsText"] };
  // no year: 3月15日, 3/15
  if (/^\d{1,2}\s*月\s*\d{1,2}\s*[日号]?(?:\s.*)?$/.test(s) || /^\d{1,2}[/.-]\d{1,2}$/.test(s)) return bad("missingYear");
  // no day: 2024年3月, 2024/3, 2024-03
  if (/^\d{4}\s*年\s*\d{1,2}\s*月?$/.test(s) || /^\d{4}[/.-]\d{1,2}$/.test(s)) return bad("missingDay");
  return bad("unrecognised");
}

function fromNumber(n: number): Parsed {
  if (!Number.isFinite(n)) return bad("outOfRange");
  // 20240315 stored as a number: no serial has eight digits (the last is 2958465)
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) {
    return { kind: "date", dates: [{ y: Math.floor(n / 10000), m: Math.floor(n / 100) % 100, d: n % 100 }], seconds: 0, warnings: [] };
  }
  return { kind: "serial", serial: n, warnings: [] };
}

function checkSerial(serial: number): InvalidReason | null {
  if (serial < MIN_SERIAL || serial >= MAX_SERIAL + 1) return "outOfRange";
  if (serial >= FICTITIOUS_SERIAL && serial < FICTITIOUS_SERIAL + 1) return "fictitiousDate";
  return null;
}

/**
 * A date cell → its Excel serial. Numbers are serials (or yyyymmdd); text in the forms people
 * type in Chinese workbooks. Day/month order is never guessed: 03/04/2024 is ambiguous with both
 * readings as candidates (day-first first). A time of day is kept as the serial's fraction unless
 * `time: "drop"`.
 */
export function normaliseDate(raw: RawCell, options: DateOptions = {}): Normalised<number> {
  if (typeof raw === "boolean") return invalid("boolean");
  if (typeof raw === "string") {
    if (raw.trim() === "" || raw.replace(/[\s\u200B-\u200D\uFEFF]/g, "") === "") return EMPTY;
    if (isErrorValue(raw)) return invalid("errorValue");
  }
  const parsed = typeof raw === "number" ? fromNumber(raw) : parseText(raw);
  if (parsed.kind === "invalid") return invalid(parsed.reason);
  const drop = options.time === "drop";
  const warnings = [...parsed.warnings];
  if (parsed.kind === "serial") {
    const reason = checkSerial(parsed.serial);
    if (reason) return invalid(reason);
    let serial = parsed.serial;
    if (drop && !Number.isInteger(serial)) {
      serial = Math.floor(serial);
      warnings.push("timeDropped");
    }
    return ok(raw, serial, warnings);
  }
  const serials: number[] = [];
  for (const { y, m, d } of parsed.dates) {
    if (y < 1900 || y > 9999) return invalid("outOfRange");
    const day = ymdToSerial(y, m, d);
    if (day === null) return invalid("impossibleDate");
    serials.push(drop ? day : day + parsed.seconds / 86400);
  }
  if (drop && parsed.seconds > 0) warnings.push("timeDropped");
  const [first] = serials;
  if (first === undefined) return invalid("unrecognised");
  if (serials.length > 1) {
    const r: Normalised<number> = { status: "ambiguous", candidates: serials, reason: "dayMonthOrder" };
    if (warnings.length > 0) r.warnings = warnings;
    return r;
  }
  return ok(raw, first, warnings);
}
