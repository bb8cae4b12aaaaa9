import { cellAddress } from "../../core/plan/a1";
import type { SheetPlan } from "../../core/plan/types";
import { EditGrid } from "./edits";
import { cellXml, colsXml, columnStyle, conditionalFormatXml, dataValidationsXml, setColumns, tableRefOf, type ColDef } from "./sheet-parts";
import { argb, UnsupportedPackage, type StyleBook } from "./styles";
import type { Sink } from "./zip";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Number-format ranges taller than this become column styles, as apply.ts makes them. */
const COLUMN_STYLE_THRESHOLD = 200;

/**
 * A worksheet part written whole from a sheet plan: for the computed sheets (Tiers, Summary, a
 * new Change log), whose plan clears everything they held, so nothing of the old part survives
 * in the in-memory path either. `tableRelIds` are the relationship ids of the plan's tables, in order.
 */
export async function writeFreshSheet(sp: SheetPlan, styles: StyleBook, selected: boolean, tableRelIds: string[], sink: Sink): Promise<void> {
  if (sp.filter || sp.tables.some((t) => t.mode === "extend")) throw new UnsupportedPackage(`sheet ${sp.name}: filters or table extension on a new sheet`);
  const grid = new EditGrid();
  for (const w of sp.writes) grid.write(w);
  for (const t of sp.tables) grid.values(t.range.row, t.range.col, [t.headers]);
  let cols: ColDef[] = [];
  const columnChanges: { col: number; width?: number; style?: number }[] = [];
  for (const f of sp.formats) {
    const numFmtOnly = f.numberFormat && !f.fill && !f.bold && !f.fontColor && f.italic === undefined && !f.fontSize && f.wrap === undefined && !f.horizontal;
    if (numFmtOnly && f.range.rowCount > COLUMN_STYLE_THRESHOLD) {
      for (let c = f.range.col; c < f.range.col + f.range.colCount; c++) columnChanges.push({ col: c, style: styles.xf(0, { numFmt: f.numberFormat }) });
    } else grid.format(f);
  }
  for (const w of sp.columnWidths) columnChanges.push({ col: w.col, width: w.width });
  cols = setColumns(cols, columnChanges);

  const maxRow = Math.max(0, grid.maxRow);
  const maxCol = Math.max(0, grid.maxCol);
  const sheetPr = sp.tabColor || sp.pageSetup?.fitToWidth ? `<sheetPr>${sp.tabColor ? `<tabColor rgb="${argb(sp.tabColor)}"/>` : ""}${sp.pageSetup?.fitToWidth ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>` : "";
  const n = sp.freezeRows ?? 0;
  const pane = n ? `<pane ySplit="${n}" topLeftCell="A${n + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${n + 1}" sqref="A${n + 1}"/>` : "";
  await sink.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">` +
      sheetPr +
      `<dimension ref="A1:${cellAddress(maxRow, maxCol)}"/>` +
      `<sheetViews><sheetView${selected ? ` tabSelected="1"` : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      colsXml(cols) +
      `<sheetData>`,
  );
  for (const r of grid.rows()) {
    let cells = "";
    for (const [c, e] of grid.rowEdits(r)) {
      const base = columnStyle(cols, c);
      cells += cellXml(r, c, e.change ? styles.xf(base, e.change) : base, e.value ?? "", e.formula);
    }
    if (cells) await sink.write(`<row r="${r + 1}">${cells}</row>`);
  }
  let tail = `</sheetData>`;
  tail += sp.conditionalFormats.map((cf, i) => conditionalFormatXml(cf, i + 1, styles)).join("");
  // CT_Worksheet order: conditionalFormatting, then dataValidations, then pageMargins.
  tail += dataValidationsXml(sp.validations);
  tail += `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  if (sp.pageSetup) tail += `<pageSetup orientation="${sp.pageSetup.landscape ? "landscape" : "portrait"}"${sp.pageSetup.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : ""}/>`;
  if (tableRelIds.length) tail += `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  await sink.write(tail + `</worksheet>`);
}

export { tableRefOf };
