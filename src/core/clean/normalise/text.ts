import { EMPTY, invalid, isErrorValue, kept, ok, type Normalised, type RawCell } from "./types";

/**
 * Full-width punctuation that is ordinary in Chinese text and names (北京某某（集团）有限公司,
 * 你好，世界): kept as typed in the display form, folded only in matching keys.
 */
const CJK_PUNCTUATION_KEPT = new Set(["！", "（", "）", "，", "：", "；", "？"]);

/** Zero-width characters that copy-paste from web pages and chat apps leave behind. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Every full-width ASCII character (！ U+FF01 … ～ U+FF5E) and the ideographic space to half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** As `toHalfWidth`, but Chinese punctuation that belongs in names and sentences stays full-width. */
function toHalfWidthForDisplay(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    if (ch === "\u3000") return " ";
    if (CJK_PUNCTUATION_KEPT.has(ch)) return ch;
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}

export interface TextOptions {
  /** keep line breaks (Alt+Enter in a cell): each line is cleaned, blank lines dropped. Default false. */
  multiline?: boolean;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The display form of a text: what Clean writes back into the cell. */
export function cleanText(s: string, options: TextOptions = {}): string {
  const t = toHalfWidthForDisplay(s.replace(ZERO_WIDTH, ""));
  if (!options.multiline) return collapse(t);
  return t
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(collapse)
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * Trim, collapse whitespace runs, full-width letters, digits and symbols to half-width.
 * Numbers and booleans in a text column are kept as they are (reason notText): a person typed a
 * number, and turning it into text is not a clean-up.
 */
export function normaliseText(raw: RawCell, options: TextOptions = {}): Normalised<string> {
  if (typeof raw === "number") return Number.isFinite(raw) ? kept(String(raw), "notText") : invalid("unrecognised");
  if (typeof raw === "boolean") return kept(raw ? "TRUE" : "FALSE", "notText");
  if (isErrorValue(raw)) return invalid("errorValue");
  const value = cleanText(raw, options);
  return value === "" ? EMPTY : ok(raw, value);
}

const BRACKETS = /[()[\]{}<>（）［］｛｝【】〔〕〖〗《》〈〉「」『』]/g;

/**
 * A key for matching, never for display: NFKC (full-width and compatibility forms folded),
 * lower-case, zero-width characters, whitespace and brackets removed.
 * "北京某某（集团）有限公司" and "北京某某(集团) 有限公司" have the same key.
 */
export function foldKey(raw: RawCell): string {
  const s = typeof raw === "string" ? raw : typeof raw === "number" ? (Number.isFinite(raw) ? String(raw) : "") : raw ? "true" : "false";
  return s.replace(ZERO_WIDTH, "").normalize("NFKC").toLowerCase().replace(/\s+/g, "").replace(BRACKETS, "");
}
