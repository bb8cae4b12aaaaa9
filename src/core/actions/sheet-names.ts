import { sheetDef, sheetName } from "../layout/sheets";
import type { SheetId } from "../layout/types";
import type { Lang } from "../plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../plan/snapshot";

/**
 * The name our sheet has in this workbook: an existing sheet under either language's name wins
 * (a workbook made in Chinese stays Chinese), else the name in the requested language.
 */
export function resolveSheetName(snapshot: WorkbookSnapshot, id: SheetId, lang: Lang): string {
  // A sheet holding one of our tables is that sheet, whatever it is called (an adopted "Sheet1").
  const def = sheetDef(id);
  for (const t of def.tables) {
    const holder = snapshot.sheets.find((s) => s.tables.some((x) => x.name.toLowerCase() === t.id.toLowerCase()));
    if (holder) return holder.name;
  }
  const { zh, en } = def.label;
  const preferred = lang === "zh-CN" ? [zh, en] : [en, zh];
  for (const n of preferred) if (snapshot.sheets.some((s) => s.name === n)) return n;
  return sheetName(id, lang);
}

export function sheetByName(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

/** The language a workbook was made in, judged by its sheet names; the fallback otherwise. */
export function workbookLang(snapshot: WorkbookSnapshot, fallback: Lang): Lang {
  if (snapshot.sheets.some((s) => s.name === sheetDef("customers").label.zh)) return "zh-CN";
  if (snapshot.sheets.some((s) => s.name === sheetDef("customers").label.en)) return "en-US";
  return fallback;
}

/** True when any cell of the rectangle holds something. */
export function hasValuesIn(sheet: SheetSnapshot, row: number, col: number, rowCount: number, colCount: number): boolean {
  for (let r = row; r < row + rowCount; r++) {
    const line = sheet.values[r - sheet.originRow];
    if (!line) continue;
    for (let c = col; c < col + colCount; c++) {
      const v = line[c - sheet.originCol];
      if (v !== undefined && v !== "") return true;
    }
  }
  return false;
}
