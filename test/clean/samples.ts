/** Workbooks as people fill them in, for Clean's tests: a Customers table (+ Change log), cells by column id. */
import { CHANGE_LOG_COLUMNS } from "../../src/core/layout/computed";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";

export type Row = Partial<Record<string, CellValue>>;

export const NOW = "2024-06-30 12:00:00";

export interface SampleOptions {
  lang?: Lang;
  /** include the Change log sheet (default true) */
  changeLog?: boolean;
  /** extra columns a person added at the right of the table (header → value per row) */
  extra?: { header: string; values: CellValue[] };
  /** columns to leave out of the table (ids) */
  without?: string[];
}

export function customersSheet(rows: Row[], o: SampleOptions = {}): SheetSnapshot {
  const lang = o.lang ?? "zh-CN";
  const cols = CUSTOMER_COLUMNS.filter((c) => !(o.without ?? []).includes(c.id));
  const headers = cols.map((c) => (lang === "zh-CN" ? c.label.zh : c.label.en));
  if (o.extra) headers.push(o.extra.header);
  const body = rows.map((r, i) => {
    const line: CellValue[] = cols.map((c) => r[c.id] ?? "");
    if (o.extra) line.push(o.extra.values[i] ?? "");
    return line;
  });
  const values = [headers, ...(body.length ? body : [headers.map(() => "")])];
  return { name: lang === "zh-CN" ? "客户信息" : "Customers", originRow: 0, originCol: 0, values, tables: [{ name: "Customers", headerRow: 0, firstCol: 0, rowCount: Math.max(1, rows.length), headers }] };
}

export function changeLogSheet(lang: Lang = "zh-CN"): SheetSnapshot {
  const headers = CHANGE_LOG_COLUMNS.map((c) => (lang === "zh-CN" ? c.label.zh : c.label.en));
  return { name: lang === "zh-CN" ? "变更日志" : "Change log", originRow: 0, originCol: 0, values: [headers, headers.map(() => "")], tables: [{ name: "ChangeLog", headerRow: 0, firstCol: 0, rowCount: 1, headers }] };
}

export function workbook(rows: Row[], o: SampleOptions = {}): WorkbookSnapshot {
  const sheets = [customersSheet(rows, o)];
  if (o.changeLog !== false) sheets.push(changeLogSheet(o.lang));
  return { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) };
}

/** Column index (0-based) of a column id in a sample's Customers table. */
export function colOf(snapshot: WorkbookSnapshot, id: string, lang: Lang = "zh-CN"): number {
  const sheet = snapshot.sheets[0];
  const def = CUSTOMER_COLUMNS.find((c) => c.id === id);
  if (!def) throw new Error(`no column ${id}`);
  return sheet.values[0].indexOf(lang === "zh-CN" ? def.label.zh : def.label.en);
}

/** The value of a customer's cell (data row i, 0-based) after a plan was applied. */
export function cell(snapshot: WorkbookSnapshot, i: number, id: string, lang: Lang = "zh-CN"): CellValue {
  const sheet = snapshot.sheets.find((s) => s.tables.some((t) => t.name === "Customers")) as SheetSnapshot;
  const col = sheet.values[0].indexOf(lang === "zh-CN" ? (CUSTOMER_COLUMNS.find((c) => c.id === id)?.label.zh ?? "") : (CUSTOMER_COLUMNS.find((c) => c.id === id)?.label.en ?? ""));
  return sheet.values[i + 1]?.[col] ?? "";
}
