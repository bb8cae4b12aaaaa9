import { normaliseCreditCode } from "./normalise/credit-code";
import { normaliseDate } from "./normalise/date";
import { normaliseEmail } from "./normalise/email";
import { normaliseIndustry, type IndustryValue } from "./normalise/industry";
import { normaliseMobile } from "./normalise/mobile";
import { normaliseNumber, type NumberOptions } from "./normalise/number";
import { normaliseText, type TextOptions } from "./normalise/text";
import type { Normalised, RawCell } from "./normalise/types";

/**
 * The finished normalisers (normalise/), made fast enough for 100,000 customers without changing
 * one result: (1) per-column memo tables, because list columns repeat a handful of values;
 * (2) shortcuts for values already in canonical form, each of which returns exactly what the
 * normaliser returns for that value (test/clean/fast-normalise.test.ts checks them against the
 * normalisers on generated values). Anything outside a shortcut goes to the normaliser.
 */

const MEMO_LIMIT = 50_000;

function memo<T>(fn: (raw: string) => Normalised<T>): (raw: string) => Normalised<T> {
  const cache = new Map<string, Normalised<T>>();
  return (raw) => {
    const hit = cache.get(raw);
    if (hit) return hit;
    const r = fn(raw);
    if (cache.size < MEMO_LIMIT) cache.set(raw, r);
    return r;
  };
}

/** Text cleanText would return unchanged: no zero-width or full-width characters, no whitespace but single inner spaces. */
const TEXT_NEEDS_WORK = /[\u200B-\u200D\u2060\uFEFF\u00AD\uFF01-\uFF5E\u3000]|[^\S ]|  |^ | $/;
/** …and, for multiline text, line breaks are fine as long as lines are clean. */
const MULTILINE_NEEDS_WORK = /[\u200B-\u200D\u2060\uFEFF\u00AD\uFF01-\uFF5E\u3000]|[^\S \n]|  |^ | $| \n|\n |\n\n|^\n|\n$/;

/** Text the text normaliser returns as it is (ok, unchanged, no warnings). */
export function isCleanText(raw: RawCell, multiline: boolean): raw is string {
  return typeof raw === "string" && raw !== "" && raw.charCodeAt(0) !== 35 /* # error values */ && !(multiline ? MULTILINE_NEEDS_WORK : TEXT_NEEDS_WORK).test(raw);
}

export function fastText(raw: RawCell, options: TextOptions = {}): Normalised<string> {
  if (isCleanText(raw, options.multiline === true)) return { status: "ok", value: raw, changed: false };
  return normaliseText(raw, options);
}

const MOBILE_CANONICAL = /^1[3-9]\d{9}$/;

/** A mobile number the mobile normaliser returns as it is (ok, unchanged, no warnings). */
export function isCanonicalMobile(raw: RawCell): raw is string {
  return typeof raw === "string" && MOBILE_CANONICAL.test(raw);
}

export function fastMobile(raw: RawCell): Normalised<string> {
  if (isCanonicalMobile(raw)) return { status: "ok", value: raw, changed: false };
  return normaliseMobile(raw);
}

/** local@domain with a plain local part and a lower-case domain: the result depends on the domain only. */
const EMAIL_CANONICAL = /^([A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/;

export function makeFastEmail(): (raw: RawCell) => Normalised<string> {
  const byDomain = new Map<string, Normalised<string>>();
  const slow = memo(normaliseEmail);
  return (raw) => {
    if (typeof raw !== "string") return normaliseEmail(raw);
    const m = raw.length <= 254 ? EMAIL_CANONICAL.exec(raw) : null;
    const local = m?.[1];
    const domain = m?.[2];
    if (!m || local === undefined || domain === undefined || local.length > 64) return slow(raw);
    let probe = byDomain.get(domain);
    if (!probe) {
      probe = normaliseEmail(`x@${domain}`);
      if (byDomain.size < MEMO_LIMIT) byDomain.set(domain, probe);
    }
    if (probe.status !== "ok") return probe;
    const r: Normalised<string> = { status: "ok", value: raw, changed: false };
    if (probe.warnings) r.warnings = probe.warnings;
    if (probe.suggestion !== undefined) r.suggestion = `${local}@${probe.suggestion.slice(2)}`;
    return r;
  };
}

/** One set of memoised normalisers per table: memo tables are per column type and options. */
export interface Normalisers {
  text(raw: RawCell, multiline: boolean): Normalised<string>;
  date(raw: RawCell): Normalised<number>;
  number(raw: RawCell, options: NumberOptions): Normalised<number>;
  mobile(raw: RawCell): Normalised<string>;
  email(raw: RawCell): Normalised<string>;
  creditCode(raw: RawCell): Normalised<string>;
  industry(raw: RawCell): Normalised<IndustryValue>;
}

/**
 * Memo for number cells (date serials and amounts repeat): the result depends on the value only.
 * -0 is left out because the memo's keys do not tell it from 0.
 */
function numberMemo<T>(fn: (raw: number) => Normalised<T>): (raw: number) => Normalised<T> {
  const cache = new Map<number, Normalised<T>>();
  return (raw) => {
    if (Object.is(raw, -0)) return fn(raw);
    const hit = cache.get(raw);
    if (hit) return hit;
    const r = fn(raw);
    if (cache.size < MEMO_LIMIT) cache.set(raw, r);
    return r;
  };
}

export function makeNormalisers(): Normalisers {
  const date = memo((s) => normaliseDate(s));
  const dateNumber = numberMemo((x) => normaliseDate(x));
  const numbers = new Map<string, (s: string) => Normalised<number>>();
  const industry = memo(normaliseIndustry);
  const creditCode = memo(normaliseCreditCode);
  const email = makeFastEmail();
  return {
    text: (raw, multiline) => fastText(raw, multiline ? { multiline: true } : {}),
    date: (raw) => (typeof raw === "string" ? date(raw) : typeof raw === "number" ? dateNumber(raw) : normaliseDate(raw)),
    number: (raw, options) => {
      if (typeof raw !== "string") return normaliseNumber(raw, options);
      const k = `${options.unit ?? ""}|${options.whole ? 1 : 0}|${options.allowNegative ? 1 : 0}`;
      let f = numbers.get(k);
      if (!f) {
        f = memo((s) => normaliseNumber(s, options));
        numbers.set(k, f);
      }
      return f(raw);
    },
    mobile: fastMobile,
    email,
    creditCode: (raw) => (typeof raw === "string" ? creditCode(raw) : normaliseCreditCode(raw)),
    industry: (raw) => (typeof raw === "string" ? industry(raw) : normaliseIndustry(raw)),
  };
}
