import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import { InsightError } from "../core/i18n/messages";
import { checkBeforeLoad } from "./guard";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound files: legacy .xls, and every password-encrypted .xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Read an .xlsx, turning every way it can fail into a message a person can act on. */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch {
    throw new InsightError("fileNotFound", { file });
  }
  if (!startsWith(buf, ZIP_MAGIC) || startsWith(buf, CFB_MAGIC)) throw new InsightError("notXlsx", { file });
  // ExcelJS 4.4.0 trusts sizes and ranges on load (CVEs with no fix): nothing reaches it unchecked
  await checkBeforeLoad(file, buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new InsightError("notXlsx", { file });
  }
  keepUnstyledTables(wb);
  return wb;
}

/** What ExcelJS keeps of a table's <tableStyleInfo> (its `style`). */
interface TableStyleModel {
  theme: string | null;
  showFirstColumn: boolean;
  showLastColumn: boolean;
  showRowStripes: boolean;
  showColumnStripes: boolean;
}

/**
 * A table saved without <tableStyleInfo> (LibreOffice writes none) loads with no `style`, and
 * ExcelJS 4.4.0 then throws when it writes the workbook (TableStyleInfoXform reads `.theme` of
 * undefined). An empty style info — no name, nothing banded — is what such a table shows in
 * Excel, so it is given one and the table looks as it did.
 */
function keepUnstyledTables(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as { table?: { style?: TableStyleModel | null } }[]) {
      if (t.table && !t.table.style) t.table.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
