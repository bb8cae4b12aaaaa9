import { EMPTY, invalid, isErrorValue, type Normalised, type RawCell } from "./types";

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from 0-9 and the capitals without I, O, S, V, Z
 * (31 characters, values 0…30 in this order). The 18th is a check character:
 * C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0, and Wi = 3^(i−1) mod 31 =
 * 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28.
 */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters; null if they are not 17 valid characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
}

export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUW-Y]{18}$/.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/**
 * A credit-code cell: width-folded, upper-cased, spaces and dashes removed. Wrong length or a
 * character outside the set is invalid (a 15-digit number is the old 工商注册号: its own reason).
 * A check character that does not match is only a warning (checkDigit): codes issued in early
 * pilot regions exist that fail it, and a person can check the licence.
 */
export function normaliseCreditCode(raw: RawCell): Normalised<string> {
  if (typeof raw === "boolean") return invalid("boolean");
  // 18 digits do not survive as a number (2^53 ≈ 9.007e15): the cell must be re-typed as text
  if (typeof raw === "number") return Number.isFinite(raw) && Math.abs(raw) >= 1e15 ? invalid("numberPrecision") : invalid("length");
  if (isErrorValue(raw)) return invalid("errorValue");
  const code = raw
    .normalize("NFKC")
    .replace(/[\s\-_.·\u200B-\u200D\uFEFF]/g, "")
    .toUpperCase();
  if (code === "") return EMPTY;
  if (code.length !== 18) return invalid(/^\d{15}$/.test(code) ? "legacyRegistrationNumber" : "length");
  if (!/^[0-9A-HJ-NPQRTUW-Y]{18}$/.test(code)) return invalid("charset");
  const r: Normalised<string> = { status: "ok", value: code, changed: code !== raw };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) r.warnings = ["checkDigit"];
  return r;
}
