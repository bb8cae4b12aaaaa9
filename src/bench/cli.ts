import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { demoData } from "../cli/demo-data";
import { insertTemplate } from "../core/actions/insert-template";
import { isoToSerial } from "../core/mapping/dates";
import { applyPlan } from "../xlsx/apply";
import { fillTable } from "../xlsx/fill-table";
import { workbookSnapshot } from "../xlsx/snapshot";

const REF = isoToSerial("2026-06-30") as number;

/**
 * The demo workbook with n customers and their behaviour rows (about 1.05 per customer), as a
 * person would have it: the template's tables filled in. Interactions stay empty, as in the
 * measurements of TOOLCHAIN.md (100,000 customers + 100,000 behaviour rows, ~14 MB).
 */
export async function writeCliInput(n: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, insertTemplate(workbookSnapshot(wb), "zh-CN"));
  const d = demoData(REF, n, 7);
  fillTable(wb, "Customers", d.customers);
  fillTable(wb, "Behaviour", d.behaviour);
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  renameSync(tmp, file);
}

if (require.main === module && process.argv[2] === "--generate") {
  writeCliInput(Number(process.argv[3]), process.argv[4]).catch((e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exitCode = 1;
  });
}
