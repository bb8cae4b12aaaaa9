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
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
