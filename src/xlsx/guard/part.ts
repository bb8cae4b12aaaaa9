import { checkDrawing } from "./drawing";
import { rootName } from "./elements";
import { checkWorksheet } from "./sheet";
import { checkTable } from "./table";
import type { Tally } from "./tally";
import { checkWorkbook } from "./workbook";

/*
 * Which checks a part gets. ExcelJS picks parts by name (these are its own unanchored patterns,
 * matched after it drops a leading "/"); the streaming reader follows the workbook's and sheets'
 * relationships, so a worksheet may sit anywhere. A part is checked as every kind its name or its
 * content could make it.
 */
const EXCELJS_WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const EXCELJS_TABLE = /xl\/tables\/(table\d+)[.]xml/;
const EXCELJS_DRAWING = /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/;

/** `rowsAndCells` false: the streaming reader bounds this part's rows and cells as it reads them. */
export function checkPart(name: string, xml: string, tally: Tally, rowsAndCells = true): void {
  const path = name.replace(/^\/+/, "");
  const root = rootName(xml);
  if (EXCELJS_WORKSHEET.test(path) || root === "worksheet" || xml.includes("sheetData")) checkWorksheet(name, xml, tally, rowsAndCells);
  if (path === "xl/workbook.xml" || root === "workbook") checkWorkbook(name, xml, tally);
  if (EXCELJS_TABLE.test(path) || root === "table") checkTable(name, xml, tally);
  if (EXCELJS_DRAWING.test(path) || root === "wsDr") checkDrawing(name, xml, tally);
}
