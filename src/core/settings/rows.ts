import { ymdToSerial } from "../engine/dates";
import { SETTINGS_ERROR, SETTING_TEXT } from "../i18n/engine";
import type { CellValue, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import { validateSettings, type SettingsError, type SettingsValidation } from "./parse";
import { DEFAULT_SETTINGS, type Settings } from "./types";

/** The Settings table's keys, in sheet order. The key column is what the engine reads back. */
export const SETTING_KEYS = [
  "weights.amount",
  "weights.activity",
  "weights.tenure",
  "tierA",
  "tierB",
  "churnThreshold",
  "followUpDays.high",
  "followUpDays.medium",
  "followUpDays.low",
  "dueSoonDays",
  "newCustomerMonths",
  "coreShare",
  "rfmMode",
  "rfmCutoffs.r",
  "rfmCutoffs.f",
  "rfmCutoffs.m",
  "segmentModel",
  "referenceDate",
  "duplicateThreshold",
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

function valueOf(s: Settings, key: SettingKey): CellValue {
  switch (key) {
    case "weights.amount":
      return s.weights.amount;
    case "weights.activity":
      return s.weights.activity;
    case "weights.tenure":
      return s.weights.tenure;
    case "followUpDays.high":
      return s.followUpDays.high;
    case "followUpDays.medium":
      return s.followUpDays.medium;
    case "followUpDays.low":
      return s.followUpDays.low;
    // Cut-offs are one cell each: four numbers, comma separated, as a person edits them.
    case "rfmCutoffs.r":
      return s.rfmCutoffs.r.join(", ");
    case "rfmCutoffs.f":
      return s.rfmCutoffs.f.join(", ");
    case "rfmCutoffs.m":
      return s.rfmCutoffs.m.join(", ");
    case "referenceDate":
      return s.referenceDate ?? "";
    default:
      return s[key];
  }
}

/** The Settings table body: [key, name, value, note] per setting, names and notes in `lang`. */
export function settingsToRows(settings: Settings, lang: Lang): CellValue[][] {
  return SETTING_KEYS.map((key) => [key, pick(SETTING_TEXT[key].name, lang), valueOf(settings, key), pick(SETTING_TEXT[key].note, lang)]);
}

/** Full-width digits and punctuation typed in Chinese input mode, to ASCII. */
function halfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch === "\u3000" ? " " : ch;
  }
  return out.trim();
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: SettingsError };

function parseNumber(key: string, v: CellValue): Parsed<number> {
  if (typeof v === "number" && Number.isFinite(v)) return { ok: true, value: v };
  const t = halfWidth(String(v)).replace(/,/g, "");
  const m = /^([-+]?\d+(?:\.\d+)?|[-+]?\.\d+)(%)?$/.exec(t);
  if (!m) return { ok: false, error: { key, code: "notNumber", message: SETTINGS_ERROR.notNumber(key, String(v)) } };
  const x = Number(m[1]);
  return { ok: true, value: m[2] ? x / 100 : x };
}

function parseCutoffs(key: string, v: CellValue): Parsed<number[]> {
  const parts = halfWidth(String(v))
    .split(/[,;、\s]+/)
    .filter((p) => p !== "");
  const nums = parts.map(Number);
  if (parts.length === 0 || nums.some((x) => !Number.isFinite(x))) return { ok: false, error: { key, code: "cutoffs", message: SETTINGS_ERROR.cutoffs(key) } };
  return { ok: true, value: nums };
}

const ENUMS: Record<"rfmMode" | "segmentModel", Record<string, string>> = {
  rfmMode: { quintile: "quintile", 五分位: "quintile", fixed: "fixed", 固定: "fixed", 固定分档: "fixed" },
  segmentModel: { eight: "eight", "8": "eight", 八类: "eight", ten: "ten", "10": "ten", 十类: "ten" },
};

function parseEnum(key: "rfmMode" | "segmentModel", v: CellValue): Parsed<string> {
  const hit = ENUMS[key][halfWidth(String(v)).toLowerCase()];
  if (hit) return { ok: true, value: hit };
  const options = key === "rfmMode" ? ["quintile", "fixed"] : ["eight", "ten"];
  return { ok: false, error: { key, code: "oneOf", message: SETTINGS_ERROR.oneOf(key, options) } };
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function parseDate(key: string, v: CellValue): Parsed<number> {
  if (typeof v === "number" && Number.isFinite(v) && v >= 1) return { ok: true, value: Math.floor(v) };
  const m = DATE_TEXT.exec(halfWidth(String(v)));
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return { ok: true, value: ymdToSerial(y, mo, d) };
  }
  return { ok: false, error: { key, code: "notDate", message: SETTINGS_ERROR.notDate(key, String(v)) } };
}

function setValue(s: Settings, key: SettingKey, v: number | number[] | string | null): void {
  const [head, tail] = key.split(".");
  if (tail !== undefined) {
    // Nested keys: weights.*, followUpDays.*, rfmCutoffs.* — copied so DEFAULT_SETTINGS is never mutated.
    const group = { ...(s[head as "weights" | "followUpDays" | "rfmCutoffs"] as unknown as Record<string, unknown>), [tail]: v };
    (s as unknown as Record<string, unknown>)[head] = group;
  } else {
    (s as unknown as Record<string, unknown>)[head] = v;
  }
}

/**
 * The Settings table back to Settings. Rows are found by their key (column 1); a header row or
 * any row with an unknown key is ignored. A missing row, or a blank value, keeps the default
 * (a blank reference date means today: null). An unparseable value is an error naming its key;
 * the remaining values are still validated so the person sees every problem at once.
 */
export function rowsToSettings(rows: CellValue[][]): SettingsValidation {
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  const errors: SettingsError[] = [];
  const known = new Set<string>(SETTING_KEYS);
  for (const row of rows) {
    const key = halfWidth(String(row[0] ?? ""));
    if (!known.has(key)) continue;
    const k = key as SettingKey;
    const raw = row[2] ?? "";
    if (typeof raw === "string" && raw.trim() === "") {
      if (k === "referenceDate") setValue(s, k, null);
      continue;
    }
    let parsed: Parsed<number | number[] | string>;
    if (k === "rfmMode" || k === "segmentModel") parsed = parseEnum(k, raw);
    else if (k.startsWith("rfmCutoffs.")) parsed = parseCutoffs(k, raw);
    else if (k === "referenceDate") parsed = parseDate(k, raw);
    else parsed = parseNumber(k, raw);
    if (parsed.ok) setValue(s, k, parsed.value);
    else errors.push(parsed.error);
  }
  const v = validateSettings(s);
  if (errors.length === 0) return v;
  return { ok: false, errors: v.ok ? errors : [...errors, ...v.errors] };
}
