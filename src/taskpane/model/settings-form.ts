import { settingsRows } from "../../core/actions/read-settings";
import { serialToISO } from "../../core/mapping/dates";
import type { CellValue, Label } from "../../core/plan/cells";
import type { WorkbookSnapshot } from "../../core/plan/snapshot";
import { SETTING_KEYS, rowsToSettings, settingsToRows, type SettingKey } from "../../core/settings/rows";
import { DEFAULT_SETTINGS, type Settings } from "../../core/settings/types";

/**
 * The Settings screen's form: one text per Settings key, as a person edits it. Validation is the
 * core's: the form becomes Settings-table rows and goes through rowsToSettings → validateSettings,
 * so the pane and Score and tier accept and refuse exactly the same values, with the same messages.
 */
export type SettingsForm = Record<SettingKey, string>;

/** The keys the pane edits; the rest keep what the sheet holds. */
export const FORM_KEYS: readonly SettingKey[] = [
  "weights.amount",
  "weights.activity",
  "weights.tenure",
  "tierA",
  "tierB",
  "churnThreshold",
  "followUpDays.high",
  "followUpDays.medium",
  "followUpDays.low",
  "rfmMode",
  "segmentModel",
  "referenceDate",
];

function text(key: SettingKey, v: CellValue): string {
  if (key === "referenceDate" && typeof v === "number") return serialToISO(v);
  return typeof v === "string" ? v : String(v);
}

export function formFromSettings(s: Settings): SettingsForm {
  const form = {} as SettingsForm;
  for (const row of settingsToRows(s, "en-US")) form[row[0] as SettingKey] = text(row[0] as SettingKey, row[2]);
  return form;
}

export const DEFAULT_FORM: SettingsForm = formFromSettings(DEFAULT_SETTINGS);

/** The form as the workbook holds it: its Settings rows over the defaults. */
export function formFromWorkbook(snapshot: WorkbookSnapshot): { form: SettingsForm; hasTable: boolean } {
  const rows = settingsRows(snapshot);
  const form = { ...DEFAULT_FORM };
  const known = new Set<string>(SETTING_KEYS);
  for (const row of rows) {
    const key = String(row[0] ?? "").trim();
    if (known.has(key)) form[key as SettingKey] = text(key as SettingKey, row[2] ?? "");
  }
  return { form, hasTable: rows.length > 0 };
}

export interface FormCheck {
  settings: Settings | null;
  /** messages per key; "weights" holds the sum rule */
  errors: Map<string, Label[]>;
  count: number;
}

export function checkForm(form: SettingsForm): FormCheck {
  const rows: CellValue[][] = SETTING_KEYS.map((k) => [k, "", form[k]]);
  const v = rowsToSettings(rows);
  const errors = new Map<string, Label[]>();
  if (v.ok) return { settings: v.settings, errors, count: 0 };
  for (const e of v.errors) errors.set(e.key, [...(errors.get(e.key) ?? []), e.message]);
  return { settings: null, errors, count: v.errors.length };
}

/** Sum of the three weights as typed (NaN when one is not a number). */
export function weightSum(form: SettingsForm): number {
  const n = (s: string) => Number(s.trim() === "" ? NaN : s.replace(/,/g, ""));
  return Math.round((n(form["weights.amount"]) + n(form["weights.activity"]) + n(form["weights.tenure"])) * 1e6) / 1e6;
}
