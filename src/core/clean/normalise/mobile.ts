import { cleanText } from "./text";
import { EMPTY, invalid, isErrorValue, kept, type Normalised, type RawCell, type WarningCode } from "./types";

/** Chinese mobile numbers, as the validation rule in SPEC §2 states them. */
export const MOBILE = /^1[3-9]\d{9}$/;

/** Separators between two numbers in one cell: 13800138000/13900139000, 138…；139…, 138… 或 139… */
const MULTI_SEPARATORS = /\s*(?:[/／,，;；、|｜\n\r]+|\s或\s?|或)\s*/;
/** A label typed before the number: 手机：138…, Tel: 138… */
const LABEL = /^(?:手机号码|手机号|手机|电话|联系电话|联系方式|移动电话|tel|mobile|mob|phone|cell|m|t)\s*[:：.]?\s*/i;

type One =
  | { kind: "mobile"; value: string }
  | { kind: "landline" }
  | { kind: "masked" }
  | { kind: "invalid" };

/** Digits of a phone number written with the usual noise: +86, 0086, spaces, dashes, dots, brackets. */
function classify(part: string): One {
  let s = part.normalize("NFKC").trim().replace(LABEL, "");
  if (/[*＊×xX]{2,}/.test(s) && /\d{3}/.test(s)) {
    const compact = s.replace(/[\s\-.()（）]/g, "");
    if (/^(?:\+?86)?1\d{1,2}[*xX×]{3,8}\d{2,4}$/.test(compact)) return { kind: "masked" };
  }
  // an extension: 0755-12345678-801, 0755-12345678转801, 010-12345678 ext 8
  const ext = /(?:\s*(?:转|ext\.?|x|分机)\s*\d{1,6}|-\d{1,5})$/i;
  if (!/^[\d\s\-+.()（）]+$/.test(s.replace(ext, ""))) return { kind: "invalid" };
  const hasPlus = s.includes("+");
  const digitsOnly = s.replace(/[^\d]/g, "");
  // country code: +86, 0086, 86 (only where what follows is a whole mobile number)
  let national = digitsOnly;
  if (/^0086\d{11}$/.test(national)) national = national.slice(4);
  else if (/^86\d{11}$/.test(national)) national = national.slice(2);
  else if (hasPlus && !/^\s*[(（]?\s*\+\s*86/.test(s)) return { kind: "invalid" }; // a foreign number
  if (MOBILE.test(national)) return { kind: "mobile", value: national };
  // landlines: 010-12345678, 0755-1234567, 400-800-8888, 800…, local 8-digit, with or without +86
  const isLandline = (digits: string): boolean => {
    const local = digits.replace(/^(?:0086|86)(?=[1-9]\d{8,10}$)/, "0");
    return /^0[1-9]\d{8,10}$/.test(local) || /^[48]00\d{7}$/.test(local) || /^[2-9]\d{6,7}$/.test(local);
  };
  if (isLandline(digitsOnly) || isLandline(s.replace(ext, "").replace(/[^\d]/g, ""))) return { kind: "landline" };
  return { kind: "invalid" };
}

/**
 * A mobile cell → 11 digits. Landlines are kept (reason landline), never called mobiles; masked
 * numbers (138****1234) are kept (reason masked). Two numbers in one cell: the first mobile is
 * the value, warning multiple, the others (mobiles normalised, anything else as typed) in `extra`.
 * A number cell (13800138000 typed as a number) gives the same digits as text.
 */
export function normaliseMobile(raw: RawCell): Normalised<string> {
  if (typeof raw === "boolean") return invalid("boolean");
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw) || raw <= 0) return invalid("notMobile");
    const one = classify(String(raw));
    if (one.kind === "mobile") return finish(raw, one.value);
    return one.kind === "landline" ? kept(String(raw), "landline") : invalid("notMobile");
  }
  if (isErrorValue(raw)) return invalid("errorValue");
  const text = cleanText(raw, { multiline: true });
  if (text === "") return EMPTY;
  const display = text.replace(/\n/g, " ");

  const whole = classify(text.replace(/\n/g, " "));
  if (whole.kind === "mobile") return finish(raw, whole.value);

  let parts = text.split(MULTI_SEPARATORS).filter((p) => p !== "");
  if (parts.length < 2) {
    // two mobiles separated only by a space: 13800138000 13900139000
    const digits = text.replace(/\D/g, "");
    const halves = /^\S+\s+\S+$/.test(text) && digits.length === 22 ? text.split(/\s+/) : [];
    if (halves.length === 2) parts = halves;
  }
  if (parts.length >= 2) {
    const classified = parts.map((p) => ({ text: p, one: classify(p) }));
    const firstMobile = classified.findIndex((c) => c.one.kind === "mobile");
    const chosen = classified[firstMobile];
    if (chosen && chosen.one.kind === "mobile") {
      const extra = classified.filter((_, i) => i !== firstMobile).map((c) => (c.one.kind === "mobile" ? c.one.value : c.text));
      return finish(raw, chosen.one.value, ["multiple"], extra);
    }
    if (classified.every((c) => c.one.kind === "landline")) return kept(display, "landline", ["multiple"]);
  }
  if (whole.kind === "landline") return kept(display, "landline");
  if (whole.kind === "masked") return kept(display, "masked");
  return invalid("notMobile");
}

function finish(raw: RawCell, value: string, warnings: WarningCode[] = [], extra: string[] = []): Normalised<string> {
  const r: Normalised<string> = { status: "ok", value, changed: value !== raw };
  if (warnings.length > 0) r.warnings = warnings;
  if (extra.length > 0) r.extra = extra;
  return r;
}
