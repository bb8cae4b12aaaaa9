import { InsightError } from "../i18n/messages";
import { findTable, type WorkbookSnapshot } from "../plan/snapshot";
import type { CellValue, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import type { SettingsError } from "../settings/parse";
import { rowsToSettings } from "../settings/rows";
import { DEFAULT_SETTINGS, type Settings } from "../settings/types";

/** Settings that a person typed wrong: every problem at once, in their language. */
export class SettingsInvalidError extends InsightError {
  constructor(readonly errors: SettingsError[]) {
    super("settingsInvalid", { details: errors.map((e) => e.message.en).join("; ") });
  }

  override localized(lang: Lang): string {
    return super.localized(lang).replace(this.params.details as string, this.errors.map((e) => pick(e.message, lang)).join(lang === "zh-CN" ? "; " : "; "));
  }
}

/** The Settings table's rows (key, name, value, note), or none when the workbook has no Settings table. */
export function settingsRows(snapshot: WorkbookSnapshot): CellValue[][] {
  const found = findTable(snapshot, "Settings");
  if (!found) return [];
  const { sheet, table } = found;
  const rows: CellValue[][] = [];
  for (let r = table.headerRow + 1; r <= table.headerRow + table.rowCount; r++) {
    const line = sheet.values[r - sheet.originRow] ?? [];
    rows.push([0, 1, 2, 3].map((i) => line[table.firstCol - sheet.originCol + i] ?? ""));
  }
  return rows;
}

/** Settings from the workbook (defaults where it has none); invalid settings are an error, never ignored. */
export function readSettings(snapshot: WorkbookSnapshot): Settings {
  const rows = settingsRows(snapshot);
  if (rows.length === 0) return DEFAULT_SETTINGS;
  const v = rowsToSettings(rows);
  if (!v.ok) throw new SettingsInvalidError(v.errors);
  return v.settings;
}
