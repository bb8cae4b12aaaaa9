import type ExcelJS from "exceljs";
import { InsightError, type MessageCode, type MessageParams } from "../core/i18n/messages";
import type { WorkbookPlan } from "../core/plan/types";
import type { WorkbookSnapshot } from "../core/plan/snapshot";
import { applyPlan } from "../xlsx/apply";
import { readWorkbook } from "../xlsx/file";
import { saveWorkbook } from "../xlsx/save";
import { droppedParts } from "./dropped-parts";
import { workbookSnapshot } from "../xlsx/snapshot";
import { packageShape, readPackage, savePlanAsPatch, UnsupportedPackage, ZipFormatError } from "../xlsx/stream";

/**
 * Every command takes the streaming path (src/xlsx/stream) first: it patches the package, so what
 * ExcelJS does not model (a person's own charts, pivot tables, slicers) is kept, and it is faster
 * at every size. Measured here (`npm run bench -- cli`, 2 busy cores): 1,000 customers (0.2 MB)
 * 1.0 s against 3.8 s through ExcelJS in memory, 10,000 (1.8 MB) 3.4 s / 0.23 GB against
 * 15.8 s / 1.16 GB (ExcelJS expands the template's 5,000-row validations cell by cell). The
 * in-memory path carries every plan step: plans or packages the streaming path does not carry
 * (undo-clean's archive rewrite, a package it cannot read) fall back to it by themselves. The
 * corpus runs every Score case on both. CUSTOMER_INSIGHT_XLSX_PATH=stream|memory forces one path.
 */
export function wantsStream(): boolean {
  return process.env.CUSTOMER_INSIGHT_XLSX_PATH !== "memory";
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
export async function planAndWrite<T>(input: string, out: string, plan: (snapshot: WorkbookSnapshot) => Planned<T>): Promise<Written<T>> {
  if (wantsStream()) {
    const streamed = await planStreaming(input, out, plan);
    if (streamed) return { outcome: streamed.outcome, notice: null };
  }
  const wb: ExcelJS.Workbook = await readWorkbook(input);
  const planned = plan(workbookSnapshot(wb));
  applyPlan(wb, planned.plan);
  await saveWorkbook(wb, out, [planned.plan]);
  return { outcome: planned.outcome, notice: await droppedNotice(input, out) };
}

/** What an action wrote, and what a person must hear about the file (parts the rewrite could not carry). */
export interface Written<T> {
  outcome: T;
  notice: { code: MessageCode; params: MessageParams } | null;
}

/** Said when the in-memory rewrite left a person's charts or pivot tables behind: never silently. */
export async function droppedNotice(input: string, out: string): Promise<Written<unknown>["notice"]> {
  const dropped = await droppedParts(input, out);
  return dropped ? { code: "partsNotKept", params: dropped } : null;
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
