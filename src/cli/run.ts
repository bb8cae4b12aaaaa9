import ExcelJS from "exceljs";
import path from "node:path";
import { insertTemplate } from "../core/actions/insert-template";
import { scoreAndTier, outputTexts } from "../core/actions/score-and-tier";
import { workbookLang } from "../core/actions/sheet-names";
import { InsightError, message } from "../core/i18n/messages";
import { isoToSerial, serialToISO, todaySerial } from "../core/mapping/dates";
import { pick, type Lang } from "../core/plan/cells";
import { reasonText } from "../core/i18n/engine";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings/types";
import { readSettings } from "../core/actions/read-settings";
import { applyPlan } from "../xlsx/apply";
import { readWorkbook } from "../xlsx/file";
import { saveWorkbook } from "../xlsx/save";
import { workbookSnapshot } from "../xlsx/snapshot";
import { fillTable } from "../xlsx/fill-table";
import { packageShape, readPackage, savePlanAsPatch, UnsupportedPackage, ZipFormatError, type PackageShape } from "../xlsx/stream";
import type { WorkbookSnapshot } from "../core/plan/snapshot";
import type { WorkbookPlan } from "../core/plan/types";
import { demoData } from "./demo-data";
import { USAGE, UsageError, parseCli, type CliArgs } from "./args";
import { problemLines } from "./problems";
import { tierTable } from "./tier-table";
import { nowText } from "./time";
import { droppedNotice, wantsStream } from "./write-path";
import { cleanCommand, maskCommand, undoCleanCommand } from "./clean-commands";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function refDateOf(args: CliArgs, settings: Settings): number {
  if (args.refDate !== undefined) {
    const s = isoToSerial(args.refDate);
    if (s === null) throw new InsightError("badRefDate", { value: args.refDate });
    return s;
  }
  return settings.referenceDate ?? todaySerial();
}


async function template(args: CliArgs, io: Io): Promise<void> {
  const out = args.positionals[0];
  if (!out) throw new UsageError("template needs an output file");
  const wb = new ExcelJS.Workbook();
  const plan = insertTemplate(workbookSnapshot(wb), args.lang);
  applyPlan(wb, plan);
  await saveWorkbook(wb, out, [plan]);
  io.err(message("templateWritten", { file: out }, args.lang));
}

function defaultOut(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.scored.xlsx`);
}

type Scored = { outcome: ReturnType<typeof scoreAndTier>; lang: Lang; settings: Settings };

function scoreSnapshot(args: CliArgs, snapshot: WorkbookSnapshot): Scored {
  const lang = args.langGiven ? args.lang : workbookLang(snapshot, args.lang);
  const settings = readSettings(snapshot);
  const refDate = refDateOf(args, settings);
  return { outcome: scoreAndTier(snapshot, settings, refDate, lang, nowText()), lang, settings };
}

/** What score prints, made before the file is written so the large path can let the outcome go. */
interface Report {
  errs: string[];
  out: string;
}

function reportOf(args: CliArgs, { outcome, lang, settings }: Scored): Report {
  const errs = [...problemLines(outcome.ledger.problems, args.lang), ...outcome.notices.map((n) => message(n.code, n.params, args.lang))];
  return { errs, out: args.json ? JSON.stringify(scoreJson(outcome, lang, settings)) : tierTable(outcome.result, args.lang) };
}

/** Read and score on the large-file path; only the plan, the report and the package's shape outlive it. */
function scorePackage(args: CliArgs, snapshot: WorkbookSnapshot): { plan: WorkbookPlan; report: Report; shape: PackageShape } {
  const scored = scoreSnapshot(args, snapshot);
  return { plan: scored.outcome.plan, report: reportOf(args, scored), shape: packageShape(snapshot) };
}

/** The large-file path; null when the package or the plan needs the in-memory path. */
async function scoreStreaming(args: CliArgs, input: string, out: string): Promise<Report | null> {
  let zip;
  let scored;
  try {
    const opened = await readPackage(input);
    zip = opened.zip;
    scored = scorePackage(args, opened.snapshot);
  } catch (e) {
    if (e instanceof InsightError) throw e;
    return null; // not a package this path reads: the in-memory path reads it or says why not
  }
  try {
    await savePlanAsPatch(zip, scored.shape, scored.plan, out);
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof UnsupportedPackage) return null;
    throw e;
  }
  return scored.report;
}

async function score(args: CliArgs, io: Io): Promise<void> {
  const input = args.positionals[0];
  if (!input) throw new UsageError("score needs an input file");
  const out = args.out ?? defaultOut(input);
  if (path.resolve(out) === path.resolve(input)) throw new InsightError("wouldOverwriteInput", { file: out });
  let report = wantsStream() ? await scoreStreaming(args, input, out) : null;
  if (!report) {
    const wb = await readWorkbook(input);
    const scored = scoreSnapshot(args, workbookSnapshot(wb));
    applyPlan(wb, scored.outcome.plan);
    await saveWorkbook(wb, out, [scored.outcome.plan]);
    report = reportOf(args, scored);
    const notice = await droppedNotice(input, out);
    if (notice) report.errs.push(message(notice.code, notice.params, args.lang));
  }
  for (const l of report.errs) io.err(l);
  io.out(report.out);
  if (!args.json) io.err(message("fileWritten", { file: out }, args.lang));
}

/** The --json shape documented in the README (and issue 2). */
export function scoreJson(outcome: ReturnType<typeof scoreAndTier>, lang: Lang, settings: Settings) {
  const tiers = { A: 0, B: 0, C: 0, D: 0 };
  for (const r of outcome.result.customers) if (r.tier !== "") tiers[r.tier]++;
  return {
    customers: outcome.result.customers.length,
    tiers,
    results: outcome.result.customers.map((r) => {
      const tx = outputTexts(r, lang, settings);
      return {
        id: outcome.ids.get(r.row) ?? r.id,
        name: r.name,
        activity: r.activity,
        declineRate: r.declineRate,
        churnRisk: r.churnRisk,
        valueScore: r.valueScore,
        tier: r.tier,
        core: r.core,
        customerType: r.customerType,
        r: r.r,
        f: r.f,
        m: r.m,
        segment: r.segment,
        nextFollowUp: r.nextFollowUp === null ? null : serialToISO(r.nextFollowUp),
        followUpStatus: r.followUpStatus,
        dataStatus: tx.dataStatus,
        reason: pick(reasonText(r.reason), lang),
      };
    }),
  };
}

async function demo(args: CliArgs, io: Io): Promise<void> {
  const out = args.positionals[0] ?? "demo.xlsx";
  // The sample data is Chinese, so the sample workbook is too unless --lang says otherwise.
  const lang: Lang = args.langGiven ? args.lang : "zh-CN";
  const refDate = refDateOf(args, DEFAULT_SETTINGS);
  const wb = new ExcelJS.Workbook();
  const tplPlan = insertTemplate(workbookSnapshot(wb), lang);
  applyPlan(wb, tplPlan);
  const data = demoData(refDate);
  fillTable(wb, "Customers", data.customers);
  fillTable(wb, "Behaviour", data.behaviour);
  fillTable(wb, "Interactions", data.interactions);
  const snapshot = workbookSnapshot(wb);
  const outcome = scoreAndTier(snapshot, DEFAULT_SETTINGS, refDate, lang, nowText());
  applyPlan(wb, outcome.plan);
  await saveWorkbook(wb, out, [tplPlan, outcome.plan]);
  io.out(tierTable(outcome.result, args.lang));
  for (const n of outcome.notices) io.err(message(n.code, n.params, args.lang));
  io.err(message("sampleWritten", { file: path.resolve(out) }, args.lang));
}

/** Run the CLI; returns the exit code (0 ok, 1 bad input, 2 usage). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let args: CliArgs | undefined;
  try {
    args = parseCli(argv);
    if (args.help || !args.command) {
      io.out(USAGE);
      return args.help ? 0 : 2;
    }
    if (args.command === "template") await template(args, io);
    else if (args.command === "score") await score(args, io);
    else if (args.command === "demo") await demo(args, io);
    else if (args.command === "clean") await cleanCommand(args, io);
    else if (args.command === "undo-clean") await undoCleanCommand(args, io);
    else if (args.command === "mask") await maskCommand(args, io);
    else throw new UsageError(`unknown command: ${args.command}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InsightError) {
      io.err(e.localized(args?.lang ?? "en-US"));
      return 1;
    }
    throw e;
  }
}
