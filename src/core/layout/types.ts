import type { Label } from "../plan/cells";

/** How a column's cells are read and validated. */
export type ColumnType =
  | "text"
  | "id"
  | "list"
  | "whole"
  | "decimal"
  | "money"
  | "date"
  | "score15"
  | "mobile"
  | "email"
  | "creditCode"
  | "period"
  | "percent"
  | "boolean";

export type ListId = "industry" | "sizeBand" | "budget" | "channel" | "feedback" | "grade" | "priority";

export interface ColumnDef {
  /** stable id: never changes, whatever the header language */
  id: string;
  label: Label;
  type: ColumnType;
  /** required for a record to be complete (data status names it when blank) */
  required?: boolean;
  /** written only by the add-in (distinct header fill); never typed by a person */
  output?: boolean;
  list?: ListId;
  /** Excel character width */
  width: number;
  numberFormat?: string;
  /** other headers people use for this column (matched after folding case, width, spaces) */
  synonyms?: string[];
  /** short help shown as the validation prompt / in the pane */
  hint?: Label;
}

export type TableId = "Customers" | "Behaviour" | "Interactions" | "Tiers" | "Settings" | "Lists" | "ChangeLog" | "Archive";
export type SheetId = "customers" | "behaviour" | "interactions" | "tiers" | "summary" | "settings" | "changeLog" | "archive";

export interface TableDef {
  id: TableId;
  columns: ColumnDef[];
  style: string;
}

export interface SheetDef {
  id: SheetId;
  label: Label;
  /** tables on the sheet, left to right with one blank column between them */
  tables: TableDef[];
  tabColor?: string;
  /** created by Insert template (Archive appears only when a merge needs it) */
  inTemplate: boolean;
}
