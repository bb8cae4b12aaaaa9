import type { ColumnDef, TableDef } from "../layout/types";
import type { CellRange, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import type { SheetPlan } from "../plan/types";
import { validationFor } from "../plan/validation-rules";

/** Rows below the header that get formats and validation in a new table (Excel copies them as the table grows). */
export const TEMPLATE_ROWS = 5000;

export const HEADER_FILL = { input: "#0F6CBD", output: "#107C10" } as const;

/**
 * Header fill, number formats, widths and validation for columns of a table placed at
 * (headerRow, firstCol). Used for a new table and for columns added to an existing one.
 */
export function decorateColumns(
  sp: SheetPlan,
  table: TableDef,
  columns: readonly { def: ColumnDef; col: number }[],
  headerRow: number,
  dataRows: number,
  lang: Lang,
  settingsSheetName: string,
): void {
  for (const { def, col } of columns) {
    const data: CellRange = { row: headerRow + 1, col, rowCount: dataRows, colCount: 1 };
    sp.formats.push({ range: { row: headerRow, col, rowCount: 1, colCount: 1 }, fill: def.output ? HEADER_FILL.output : HEADER_FILL.input, fontColor: "#FFFFFF", bold: true, wrap: true });
    if (def.numberFormat) sp.formats.push({ range: data, numberFormat: def.numberFormat });
    sp.columnWidths.push({ col, width: def.width });
    if (!def.output && table.id !== "Settings" && table.id !== "Lists" && table.id !== "ChangeLog") {
      const v = validationFor(def, data, lang, settingsSheetName);
      if (v) {
        if (def.hint) v.prompt = { title: pick(def.label, lang), message: pick(def.hint, lang) };
        sp.validations.push(v);
      }
    }
  }
}
