import { idKey } from "../engine/ids";
import { BEHAVIOUR_COLUMNS, INTERACTION_COLUMNS } from "../layout/behaviour";
import type { ColumnDef, SheetId, TableId } from "../layout/types";
import { locateTable, type LocatedTable } from "../mapping/locate";
import type { CellValue } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";

/**
 * A merged customer's Behaviour and Interactions rows follow it to the survivor: their 客户编号
 * is rewritten to the survivor's id. Left as they were, they would name a customer that is now
 * only in the archive, and Score and tier would drop those purchases and contacts as "unknown id".
 * Each rewritten cell is a change to user data, so it is an edit like any other: logged, undone.
 */

/** The sheets whose rows point at a customer by 客户编号. */
export const LINKED_TABLES: readonly { table: TableId; sheet: SheetId; columns: readonly ColumnDef[] }[] = [
  { table: "Behaviour", sheet: "behaviour", columns: BEHAVIOUR_COLUMNS },
  { table: "Interactions", sheet: "interactions", columns: INTERACTION_COLUMNS },
];

/** One rewritten 客户编号 cell: sheet row, the id it held, the survivor's id written over it. */
export interface Relinked {
  row: number;
  old: CellValue;
  new: CellValue;
}

export interface LinkedEdits {
  table: LocatedTable;
  /** the 0-based sheet column of 客户编号 */
  col: number;
  /**
   * the rows whose 客户编号 changed, in sheet order (one cell per row): a plain list rather than
   * an Edits, because a large merge relinks hundreds of thousands of rows and each is one cell
   */
  cells: Relinked[];
}

const asText = (v: CellValue): string => (typeof v === "string" ? v : String(v));

/**
 * `moves`: idKey of a merged-away id → the survivor's id. Only the 客户编号 cell of a matching row
 * changes, and it keeps its own kind: text stays text (the column is text-formatted), a number typed
 * as a number stays a number when the survivor's id is one.
 */
export function relinkRows(snapshot: WorkbookSnapshot, moves: ReadonlyMap<string, CellValue>): LinkedEdits[] {
  const out: LinkedEdits[] = [];
  if (moves.size === 0) return out;
  for (const t of LINKED_TABLES) {
    const table = locateTable(snapshot, t.table, t.sheet, t.columns, "customerId");
    const col = table?.columns.get("customerId");
    if (!table || col === undefined) continue;
    const at = col - table.firstCol;
    const cells: Relinked[] = [];
    // The parallel arrays (sheet order), not table.rows: no object per row of the linked sheet.
    const { dataRows, dataCells } = table;
    for (let i = 0; i < dataRows.length; i++) {
      const old = dataCells[i][at] ?? "";
      const survivor = moves.get(idKey(asText(old).trim()));
      if (survivor === undefined) continue;
      const to: CellValue = typeof old === "number" && typeof survivor === "number" ? survivor : asText(survivor);
      if (to === old) continue;
      cells.push({ row: dataRows[i], old, new: to });
    }
    if (cells.length > 0) out.push({ table, col, cells });
  }
  return out;
}
