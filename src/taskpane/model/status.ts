import { countVisible, tableColumnIndex } from "../../core/actions/filter";
import { SHEETS, sheetDef } from "../../core/layout/sheets";
import type { TableId } from "../../core/layout/types";
import { serialToISO } from "../../core/mapping/dates";
import { REPORT } from "../../core/i18n/report";
import type { CellValue, Lang } from "../../core/plan/cells";
import { findTable, type WorkbookSnapshot } from "../../core/plan/snapshot";

/** What Home shows about the workbook, computed from a snapshot by the core's own readers. */
export interface WorkbookStatus {
  /** template tables the workbook lacks (empty: complete) */
  missingTables: TableId[];
  templatePresent: boolean;
  /** sheet holding the Customers table, or null */
  customersSheet: string | null;
  customers: number | null;
  /** ISO reference date of the last Score and tier (from the Summary sheet), or null */
  scoredAsOf: string | null;
  tiers: Record<"A" | "B" | "C" | "D", number> | null;
  overdue: number | null;
}

const TEMPLATE_TABLES: TableId[] = SHEETS.filter((s) => s.inTemplate).flatMap((s) => s.tables.map((t) => t.id));

/** Data rows of a table as cells from its first column; blank rows skipped. */
export function tableRows(snapshot: WorkbookSnapshot, tableName: string): { headers: string[]; rows: CellValue[][] } | null {
  const found = findTable(snapshot, tableName);
  if (!found) return null;
  const { sheet, table } = found;
  const rows: CellValue[][] = [];
  for (let r = table.headerRow + 1; r <= table.headerRow + table.rowCount; r++) {
    const line = sheet.values[r - sheet.originRow] ?? [];
    const cells = table.headers.map((_, j) => line[table.firstCol + j - sheet.originCol] ?? "");
    if (cells.some((c) => c !== "")) rows.push(cells);
  }
  return { headers: table.headers, rows };
}

/** The Summary sheet's 参考日期 / Reference date cell, which Score and tier writes. */
function scoredAsOf(snapshot: WorkbookSnapshot): string | null {
  const names = [sheetDef("summary").label.zh, sheetDef("summary").label.en];
  const tiers = findTable(snapshot, "Tiers");
  const summary = snapshot.sheets.find((s) => names.includes(s.name));
  if (!summary || !tiers || tiers.table.rowCount === 0) return null;
  const labels: CellValue[] = [REPORT.asOf.zh, REPORT.asOf.en];
  for (let i = 0; i < summary.values.length - 1; i++) {
    const j = summary.values[i].findIndex((v) => labels.includes(v));
    if (j < 0) continue;
    const v = summary.values[i + 1][j];
    if (typeof v === "number") return serialToISO(v);
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  }
  return null;
}

export function workbookStatus(snapshot: WorkbookSnapshot, lang: Lang): WorkbookStatus {
  const missingTables = TEMPLATE_TABLES.filter((id) => !findTable(snapshot, id));
  const customers = tableRows(snapshot, "Customers");
  let tiers: WorkbookStatus["tiers"] = null;
  let overdue: number | null = null;
  if (customers) {
    const tierCol = tableColumnIndex(customers.headers).get("tier");
    if (tierCol !== undefined) {
      tiers = { A: 0, B: 0, C: 0, D: 0 };
      for (const row of customers.rows) {
        const v = String(row[tierCol] ?? "").trim().toUpperCase().charAt(0);
        if (v === "A" || v === "B" || v === "C" || v === "D") tiers[v] += 1;
      }
    }
    try {
      overdue = countVisible(snapshot, "overdueFollowUp", lang).visible.length;
    } catch {
      overdue = null; // not scored yet: the column is missing
    }
  }
  const found = findTable(snapshot, "Customers");
  return {
    missingTables,
    templatePresent: missingTables.length === 0,
    customersSheet: found ? found.sheet.name : null,
    customers: customers ? customers.rows.length : null,
    scoredAsOf: scoredAsOf(snapshot),
    tiers,
    overdue,
  };
}
