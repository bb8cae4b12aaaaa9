import { MASKED_SHEET_NAME, UNNAMED_COLUMN } from "../i18n/clean";
import { usedWidth } from "../plan/snapshot";
import { InsightError } from "../i18n/messages";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import { locateTable } from "../mapping/locate";
import type { CellValue, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { emptySheetPlan, type SheetPlan, type WorkbookPlan } from "../plan/types";
import { maskCompany, maskCreditCode, maskEmail, maskFreeText, maskPerson, maskPhone, maskUnknown } from "../clean/mask-values";
import { sheetByName } from "./sheet-names";

/**
 * Masked copy (SPEC §6): a new sheet 客户信息(脱敏) / Customers (masked) holding a copy of the
 * Customers table with personal data masked (rules in clean/mask-values.ts); every other column is
 * copied as it is. The original is not touched. Values are written as literal values, so text that
 * starts with = + - @ stays text. The copy is a table of its own (CustomersMasked), so a re-run
 * replaces it; a sheet of that name holding something else is never overwritten.
 * For a file to share, `maskedWorkbookPlan` gives the same sheet for an empty workbook: the file
 * then holds nothing but the masked copy.
 */

export const MASKED_TABLE = "CustomersMasked";

export interface MaskOptions {
  /** the new sheet's name (default 客户信息(脱敏) / Customers (masked)) */
  sheetName?: string;
}

const MASKERS: Record<string, (v: CellValue) => CellValue> = {
  name: maskCompany,
  contact: maskPerson,
  mobile: maskPhone,
  email: maskEmail,
  creditCode: maskCreditCode,
  summary: maskFreeText,
  demandDescription: maskFreeText,
  possibleDuplicate: (v) => v,
};

export function maskPlan(snapshot: WorkbookSnapshot, lang: Lang, options: MaskOptions = {}): WorkbookPlan {
  const table = locateTable(snapshot, "Customers", "customers", CUSTOMER_COLUMNS, "name");
  if (!table) throw new InsightError(snapshot.sheets.every((s) => s.values.length === 0) ? "emptyWorkbook" : "noCustomerSheet");
  if (!table.columns.has("name")) throw new InsightError("noHeaders", { sheet: table.sheet.name, row: table.headerRow + 1 });
  const name = options.sheetName ?? pick(MASKED_SHEET_NAME, lang);
  const existing = sheetByName(snapshot, name);
  const ours = existing?.tables.some((t) => t.name.toLowerCase() === MASKED_TABLE.toLowerCase()) ?? false;
  if (existing && existing.values.length > 0 && !ours) throw new InsightError("sheetNameTaken", { sheet: name, table: MASKED_TABLE });
  if (existing?.protected) throw new InsightError("sheetProtected", { sheet: name });
  if (name === table.sheet.name) throw new InsightError("sheetNameTaken", { sheet: name, table: MASKED_TABLE });

  const idAt = new Map<number, string>();
  for (const [id, col] of table.columns) idAt.set(col - table.firstCol, id);
  const headers = uniqueHeaders(table.headers, lang);
  const maskers = headers.map((_, j) => {
    const id = idAt.get(j);
    if (id === undefined) return maskUnknown;
    return MASKERS[id] ?? ((v: CellValue) => v);
  });
  const rows = table.rows.map((r) => r.cells.map((v, j) => (v === "" ? "" : maskers[j](v))));
  const body = rows.length ? rows : [headers.map(() => "")];
  const formats = headers.map((_, j) => {
    const id = idAt.get(j);
    const def = CUSTOMER_COLUMNS.find((c) => c.id === id);
    // Masked phones and codes are text; dates and amounts keep their display.
    return def?.numberFormat && def.numberFormat !== "@" ? def.numberFormat : "General";
  });
  const sp: SheetPlan = emptySheetPlan(name, true);
  if (existing && existing.values.length) {
    const width = existing.originCol + usedWidth(existing);
    sp.clear.push({ row: 0, col: 0, rowCount: existing.originRow + existing.values.length, colCount: width });
  }
  sp.tabColor = "#8A8886";
  sp.writes.push({ row: 0, col: 0, kind: "values", values: [headers, ...body], numberFormats: formats });
  sp.tables.push({ name: MASKED_TABLE, mode: ours ? "replace" : "create", range: { row: 0, col: 0, rowCount: 1 + body.length, colCount: headers.length }, headers, style: "TableStyleLight1" });
  sp.freezeRows = 1;
  headers.forEach((_, j) => {
    const def = CUSTOMER_COLUMNS.find((c) => c.id === idAt.get(j));
    sp.columnWidths.push({ col: j, width: def?.width ?? 14 });
  });
  sp.formats.push({ range: { row: 0, col: 0, rowCount: 1, colCount: headers.length }, bold: true });
  return { action: "mask", lang, sheets: [sp], changeLog: [], activate: name };
}

/** The same masked sheet for a new, empty workbook (the shareable file). */
export function maskedWorkbookPlan(snapshot: WorkbookSnapshot, lang: Lang, options: MaskOptions = {}): WorkbookPlan {
  const plan = maskPlan(snapshot, lang, options);
  return { ...plan, sheets: plan.sheets.map((sp) => ({ ...sp, clear: [], tables: sp.tables.map((t) => ({ ...t, mode: "create" as const })) })) };
}

/** Table headers must be unique and non-blank: blanks get 列 N, repeats get (2), (3)… */
function uniqueHeaders(headers: readonly string[], lang: Lang): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    let base = String(h).trim();
    if (base === "") base = pick(UNNAMED_COLUMN, lang).replace("{n}", String(i + 1));
    let out = base;
    let k = 2;
    while (seen.has(out.toLowerCase())) out = `${base} (${k++})`;
    seen.add(out.toLowerCase());
    return out;
  });
}
