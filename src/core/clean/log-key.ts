import type { CellValue } from "../plan/cells";

/**
 * The Change log's key column for Clean rows: the customer id and the sheet row, "2024001 #12"
 * ("#12" when the row has no id). The id is what a person looks for; the row number is what makes
 * Undo exact — ids may be blank or repeated in a messy list, and merged rows are blanked, id included.
 */
export function logKey(id: CellValue, row: number): string {
  const s = typeof id === "string" ? id.trim() : String(id);
  return s === "" ? `#${row + 1}` : `${s} #${row + 1}`;
}

/** The 0-based sheet row of a Clean log key; null when the key is not one. */
export function rowOfLogKey(key: CellValue): number | null {
  const m = /(?:^|\s)#(\d+)$/.exec(String(key).trim());
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n >= 1 ? n - 1 : null;
}
