import ExcelJS from "exceljs";
import path from "node:path";
import { cleanPlan, type CleanOutcome } from "../core/actions/clean";
import { maskedWorkbookPlan } from "../core/actions/mask";
import { readSettings } from "../core/actions/read-settings";
import { workbookLang } from "../core/actions/sheet-names";
import { cleanMessage } from "../core/i18n/clean";
import { InsightError, message } from "../core/i18n/messages";
import { applyPlan } from "../xlsx/apply";
import { readWorkbook } from "../xlsx/file";
import { saveWorkbook } from "../xlsx/save";
import { workbookSnapshot } from "../xlsx/snapshot";
import { UsageError, type CliArgs } from "./args";
import type { Io } from "./run";
import { nowText } from "./time";
import { planAndWrite } from "./write-path";
import { undoLastCleanPlan } from "../core/actions/undo-clean";

/**
 * `customer-insight clean <in.xlsx> [-o out.xlsx] [--json]` and
 * `customer-insight mask <in.xlsx> [-o out.xlsx]` (SPEC §5, §6, §7). Both write a new file and
 * never the input. The masked file holds only the masked sheet: no original personal data at all.
 */

function outFile(input: string, out: string | undefined, suffix: string): string {
  const ext = path.extname(input);
  const file = out ?? path.join(path.dirname(input), `${path.basename(input, ext)}.${suffix}.xlsx`);
  if (path.resolve(file) === path.resolve(input)) throw new InsightError("wouldOverwriteInput", { file });
  return file;
}


/** The --json shape: what was normalised, merged, suspected and flagged. */
export function cleanJson(outcome: CleanOutcome) {
  const r = outcome.report;
  return {
    time: r.time,
    sheet: r.sheet,
    changedCells: r.changedCells,
    archived: r.archived,
    relinked: r.relinked,
    normalised: r.normalised,
    duplicateGroups: r.groups,
    possibleDuplicates: r.possible,
    flagged: r.flagged,
  };
}

export async function cleanCommand(args: CliArgs, io: Io): Promise<void> {
  const input = args.positionals[0];
  if (!input) throw new UsageError("clean needs an input file");
  const out = outFile(input, args.out, "cleaned");
  const { outcome, notice } = await planAndWrite(input, out, (snapshot) => {
    const lang = args.langGiven ? args.lang : workbookLang(snapshot, args.lang);
    const o = cleanPlan(snapshot, readSettings(snapshot), lang, nowText(), { normalise: true, merge: true });
    return { plan: o.plan, outcome: o };
  });
  if (notice) io.err(message(notice.code, notice.params, args.lang));
  const r = outcome.report;
  if (args.json) io.out(JSON.stringify(cleanJson(outcome)));
  else {
    io.out(cleanMessage("cleanSummary", { normalised: r.normalised.length, groups: r.groups.length, merged: r.archived, relinked: r.relinked, possible: r.possible.length, flagged: r.flagged.length }, args.lang));
    for (const f of r.flagged.slice(0, 20)) io.out(`  ${f.key} · ${f.column}: ${String(f.value)} — ${f.message}`);
    if (r.flagged.length > 20) io.out(`  ${message("moreFlaggedCells", { count: r.flagged.length - 20 }, args.lang)}`);
  }
  io.err(message("fileWritten", { file: out }, args.lang));
}

export async function maskCommand(args: CliArgs, io: Io): Promise<void> {
  const input = args.positionals[0];
  if (!input) throw new UsageError("mask needs an input file");
  const out = outFile(input, args.out, "masked");
  const source = await readWorkbook(input);
  const snapshot = workbookSnapshot(source);
  const lang = args.langGiven ? args.lang : workbookLang(snapshot, args.lang);
  const plan = maskedWorkbookPlan(snapshot, lang);
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  await saveWorkbook(wb, out, [plan]);
  io.err(cleanMessage("maskWritten", { file: out }, args.lang));
}

/** `customer-insight undo-clean <in.xlsx> [-o out.xlsx]`: the last Clean run restored from the Change log. */
export async function undoCleanCommand(args: CliArgs, io: Io): Promise<void> {
  const input = args.positionals[0];
  if (!input) throw new UsageError("undo-clean needs an input file");
  const out = outFile(input, args.out, "undone");
  const { outcome, notice } = await planAndWrite(input, out, (snapshot) => {
    const lang = args.langGiven ? args.lang : workbookLang(snapshot, args.lang);
    const o = undoLastCleanPlan(snapshot, lang, nowText());
    return { plan: o.plan, outcome: o };
  });
  if (notice) io.err(message(notice.code, notice.params, args.lang));
  io.out(cleanMessage("undoSummary", { time: outcome.time, cells: outcome.restored, archived: outcome.archiveRowsRemoved }, args.lang));
  io.err(message("fileWritten", { file: out }, args.lang));
}
