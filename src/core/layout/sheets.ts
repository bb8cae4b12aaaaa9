import type { Label, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import { BEHAVIOUR_COLUMNS, INTERACTION_COLUMNS } from "./behaviour";
import { CHANGE_LOG_COLUMNS, SETTING_COLUMNS, TIER_COLUMNS } from "./computed";
import { CUSTOMER_COLUMNS } from "./customers";
import { LIST_LABELS, LIST_ORDER } from "./lists";
import type { ColumnDef, SheetDef, SheetId, TableDef, TableId } from "./types";

const LIST_COLUMNS: ColumnDef[] = LIST_ORDER.map((id) => ({ id, label: LIST_LABELS[id], type: "text", width: id === "industry" ? 34 : 12 }));

export const TABLES: Record<TableId, TableDef> = {
  Customers: { id: "Customers", columns: CUSTOMER_COLUMNS, style: "TableStyleMedium2" },
  Behaviour: { id: "Behaviour", columns: BEHAVIOUR_COLUMNS, style: "TableStyleMedium2" },
  Interactions: { id: "Interactions", columns: INTERACTION_COLUMNS, style: "TableStyleMedium2" },
  Tiers: { id: "Tiers", columns: TIER_COLUMNS, style: "TableStyleMedium4" },
  Settings: { id: "Settings", columns: SETTING_COLUMNS, style: "TableStyleLight9" },
  Lists: { id: "Lists", columns: LIST_COLUMNS, style: "TableStyleLight9" },
  ChangeLog: { id: "ChangeLog", columns: CHANGE_LOG_COLUMNS, style: "TableStyleLight1" },
  Archive: { id: "Archive", columns: [...CUSTOMER_COLUMNS.filter((c) => !c.output), { id: "mergedInto", label: { zh: "并入客户", en: "Merged into" }, type: "text", width: 12 }, { id: "mergedAt", label: { zh: "合并时间", en: "Merged at" }, type: "text", width: 20 }], style: "TableStyleLight1" },
};

/** The workbook layout, in sheet order (SPEC §2). */
export const SHEETS: SheetDef[] = [
  { id: "customers", label: { zh: "客户信息", en: "Customers" }, tables: [TABLES.Customers], tabColor: "#0F6CBD", inTemplate: true },
  { id: "behaviour", label: { zh: "客户行为", en: "Behaviour" }, tables: [TABLES.Behaviour], tabColor: "#0F6CBD", inTemplate: true },
  { id: "interactions", label: { zh: "互动记录", en: "Interactions" }, tables: [TABLES.Interactions], tabColor: "#0F6CBD", inTemplate: true },
  { id: "tiers", label: { zh: "客户分层", en: "Tiers" }, tables: [TABLES.Tiers], tabColor: "#107C10", inTemplate: true },
  { id: "summary", label: { zh: "分析汇总", en: "Summary" }, tables: [], tabColor: "#107C10", inTemplate: true },
  { id: "settings", label: { zh: "设置", en: "Settings" }, tables: [TABLES.Settings, TABLES.Lists], tabColor: "#8A8886", inTemplate: true },
  { id: "changeLog", label: { zh: "变更日志", en: "Change log" }, tables: [TABLES.ChangeLog], tabColor: "#8A8886", inTemplate: true },
  { id: "archive", label: { zh: "归档", en: "Archive" }, tables: [TABLES.Archive], tabColor: "#8A8886", inTemplate: false },
];

export function sheetDef(id: SheetId): SheetDef {
  const s = SHEETS.find((d) => d.id === id);
  if (!s) throw new Error(`unknown sheet ${id}`);
  return s;
}

/** Both names a sheet may carry; the engine accepts either whatever the current language. */
export function sheetNames(id: SheetId): string[] {
  const l = sheetDef(id).label;
  return [l.zh, l.en];
}

export function sheetName(id: SheetId, lang: Lang): string {
  return pick(sheetDef(id).label, lang);
}

export function headerOf(col: ColumnDef, lang: Lang): string {
  return pick(col.label, lang);
}

/** Column index of each table on its sheet: tables sit side by side with one blank column. */
export function tableStartCol(sheet: SheetDef, tableId: TableId): number {
  let col = 0;
  for (const t of sheet.tables) {
    if (t.id === tableId) return col;
    col += t.columns.length + 1;
  }
  throw new Error(`table ${tableId} not on sheet ${sheet.id}`);
}

export const TIER_NAMES: Record<"A" | "B" | "C" | "D", Label> = {
  A: { zh: "高价值", en: "High value" },
  B: { zh: "潜力", en: "Potential" },
  C: { zh: "普通", en: "Regular" },
  D: { zh: "流失风险", en: "Churn risk" },
};
