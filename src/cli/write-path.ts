import { statSync } from "node:fs";
import type ExcelJS from "exceljs";
import { InsightError } from "../core/i18n/messages";
import type { WorkbookPlan } from "../core/plan/types";
import type { WorkbookSnapshot } from "../core/plan/snapshot";
import { applyPlan } from "../xlsx/apply";
import { readWorkbook } from "../xlsx/file";
import { saveWorkbook } from "../xlsx/save";
import { workbookSnapshot } from "../xlsx/snapshot";
import { packageShape, readPackage, savePlanAsPatch, UnsupportedPackage, ZipFormatError } from "../xlsx/stream";

/**
 * Inputs above this size take the streaming path (src/xlsx/stream): a list of about 500 customers.
 * Measured here (`npm run bench -- cli`, 2 busy cores), ExcelJS in memory costs seconds even for
 * small files (it expands the template's 5,000-row validations cell by cell): 1,000 customers
 * (0.2 MB) 4.7–8.7 s against 2.4–3.0 s streaming, 10,000 (1.8 MB) 20 s and 1 GB against 5.7 s
 * and 0.2 GB, where LibreOffice's own load-and-save takes 5–11 s. The streaming path also keeps
 * what ExcelJS does not model (charts, pivot tables): it patches the package. Only small lists
 * stay in memory, the path that carries every plan step; plans or packages the streaming path
 * does not carry fall back to it by themselves. CUSTOMER_INSIGHT_XLSX_PATH=stream|memory forces one path.
 */
const STREAM_ABOVE_BYTES = 128 * 1024;

export function wantsStream(input: string): boolean {
  const forced = process.env.CUSTOMER_INSIGHT_XLSX_PATH;
  if (forced === "stream") return true;
  if (forced === "memory") return false;
  try {
    return statSync(input).size > STREAM_ABOVE_BYTES;
  } catch {
    return false; // readWorkbook gives the localised "file not found"
  }
}

/** What an action makes of a workbook: the plan to write and what it tells the person. */
export interface Planned<T> {
  plan: WorkbookPlan;
  outcome: T;
}

/**
 * Read `input`, plan, write the plan to `out` — streaming when the input is large and the path
 * carries the plan, else through ExcelJS in memory. A refusal of the action (InsightError) is the
 * action's, whichever path met it; a package or plan the streaming path does not carry is planned
 * again in memory, from the same workbook.
 */
export async function planAndWrite<T>(input: string, out: string, plan: (snapshot: WorkbookSnapshot) => Planned<T>): Promise<T> {
  if (wantsStream(input)) {
    const streamed = await planStreaming(input, out, plan);
    if (streamed) return streamed.outcome;
  }
  const wb: ExcelJS.Workbook = await readWorkbook(input);
  const planned = plan(workbookSnapshot(wb));
  applyPlan(wb, planned.plan);
  await saveWorkbook(wb, out, [planned.plan]);
  return planned.outcome;
}

async function planStreaming<T>(input: string, out: string, plan: (snapshot: WorkbookSnapshot) => Planned<T>): Promise<Planned<T> | null> {
  let opened;
  try {
    opened = await readPackage(input);
  } catch (e) {
    if (e instanceof InsightError) throw e;
    return null; // not a package this path reads: the in-memory path reads it or says why not
  }
  const planned = plan(opened.snapshot);
  try {
    await savePlanAsPatch(opened.zip, packageShape(opened.snapshot), planned.plan, out);
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof UnsupportedPackage) return null;
    throw e;
  }
  return planned;
}
