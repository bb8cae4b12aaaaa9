/**
 * The result every normaliser returns. Normalisers never throw and never guess: a value that
 * could mean two things is `ambiguous` with every reading as a candidate, text that is not a
 * value but means something to a person (面议, a landline, a range) is `kept` as typed, and
 * anything else that does not parse is `invalid`. Reasons and warnings are codes; the UI
 * localises them (one i18n table per language).
 */

/** A cell value as Office.js gives it: "" for empty, dates as Excel serial numbers. */
export type RawCell = string | number | boolean;

/** Accepted, possibly with warnings a person should look at. */
export interface Ok<T> {
  status: "ok";
  value: T;
  /** true when writing `value` back would change what the cell holds (`value !== raw` for scalars) */
  changed: boolean;
  warnings?: WarningCode[];
  /** further values found in the same cell ("13800138000/13900139000"): not written, offered to the person */
  extra?: T[];
  /** a likely correction (email domain typo) — never applied automatically */
  suggestion?: T;
}

export interface Empty {
  status: "empty";
}

export interface Ambiguous<T> {
  status: "ambiguous";
  /** every reading, in a stable documented order */
  candidates: T[];
  reason: AmbiguousReason;
  warnings?: WarningCode[];
}

export interface Invalid {
  status: "invalid";
  reason: InvalidReason;
}

/** Text left exactly as a person wrote it (trimmed and width-folded), because it means something. */
export interface Kept {
  status: "kept";
  value: string;
  reason: KeptReason;
  warnings?: WarningCode[];
}

export type Normalised<T> = Ok<T> | Empty | Ambiguous<T> | Invalid | Kept;

export type InvalidReason =
  /** an Excel error value such as #N/A or #VALUE! */
  | "errorValue"
  /** TRUE/FALSE where a value of another type was expected */
  | "boolean"
  /** nothing recognisable */
  | "unrecognised"
  // dates
  | "impossibleDate"
  | "missingYear"
  | "missingDay"
  | "outOfRange"
  | "fictitiousDate"
  // numbers
  | "notANumber"
  | "negative"
  | "notWhole"
  | "foreignCurrency"
  | "malformedNumber"
  // mobiles
  | "notMobile"
  // emails
  | "notEmail"
  // credit codes
  | "length"
  | "charset"
  | "legacyRegistrationNumber"
  | "numberPrecision"
  // industries
  | "unknownIndustry";

export type AmbiguousReason =
  /** 03/04/2024: day-first and month-first both valid */
  | "dayMonthOrder"
  /** 约100, 100左右 */
  | "approximate"
  /** a term that belongs to more than one GB/T section (医药: C or F) */
  | "multipleSections"
  /** "C 建筑业": the letter and the name disagree */
  | "letterNameMismatch";

export type KeptReason =
  /** a number cell in a text column, a serial in a text column… kept exactly */
  | "notText"
  /** 面议, 待定, 不详 */
  | "placeholder"
  /** 100-200万 */
  | "range"
  /** 100万以上, 10万以下, 100+ */
  | "bound"
  /** 010-12345678, 0755-1234567, 400-800-8888 */
  | "landline"
  /** 138****1234 */
  | "masked";

export type WarningCode =
  /** 24/3/15 read as 2024-03-15 (Excel's pivot: 00–29 → 20xx, 30–99 → 19xx) */
  | "twoDigitYear"
  /** a time of day was present and dropped (option time: "drop") */
  | "timeDropped"
  /** 2024-03-15T10:00:00Z: the wall-clock time is kept, the zone ignored */
  | "timeZoneIgnored"
  /** "45366" typed as text and read as an Excel serial */
  | "serialAsText"
  /** the value carried an explicit unit (元) that was converted to the column's unit (万元) */
  | "unitConverted"
  /** an approximate marker (约, 左右) */
  | "approximate"
  /** more than one value in the cell: the first is the value, the others are in `extra` */
  | "multiple"
  /** an email domain that looks like a typo of a common provider: see `suggestion` */
  | "domainTypo"
  /** a credit code whose check character does not match (early pilot codes exist that fail it) */
  | "checkDigit"
  /** an industry found inside a longer text (汽车零部件制造 → C), for a person to confirm */
  | "partialMatch";

/** Build an ok result; `changed` is strict inequality with the raw cell. */
export function ok<T extends string | number>(raw: RawCell, value: T, warnings: WarningCode[] = []): Ok<T> {
  const r: Ok<T> = { status: "ok", value, changed: value !== raw };
  if (warnings.length > 0) r.warnings = warnings;
  return r;
}

export const EMPTY: Empty = Object.freeze({ status: "empty" }) as Empty;

export function invalid(reason: InvalidReason): Invalid {
  return { status: "invalid", reason };
}

export function kept(value: string, reason: KeptReason, warnings: WarningCode[] = []): Kept {
  const r: Kept = { status: "kept", value, reason };
  if (warnings.length > 0) r.warnings = warnings;
  return r;
}

const ERROR_VALUE = /^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Excel error values arrive as their text. */
export function isErrorValue(s: string): boolean {
  return ERROR_VALUE.test(s.trim());
}
