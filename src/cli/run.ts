import ExcelJS from "exceljs";
import path from "node:path";
import { insertTemplate } from "../core/actions/insert-template";
import { scoreAndTier, customerTexts } from "../core/actions/score-and-tier";
import { workbookLang } from "../core/actions/sheet-names";
import { InsightError, message } from "../core/i18n/messages";
import { isoToSerial, serialToISO, todaySerial } from "../core/mapping/dates";
import type { Lang } from "../core/plan/cells";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings/types";
import { readSettings } from "../core/actions/read-settings";
import { applyPlan } from "../xlsx/apply";
import { readWorkbook } from "../xlsx/file";
import { saveWorkbook } from "../xlsx/save";
import { workbookSnapshot } from "../xlsx/snapshot";
import { fillTable } from "../xlsx/fill-table";
import { demoData } from "./demo-data";
import { USAGE, UsageError, parseCli, type CliArgs } from "./args";
import { problemLines } from "./problems";
import { tierTable } from "./tier-table";

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

function nowText(): string {
  return new Date().toISOString().replace("T", " ").slice(0, 19);
}

async function template(args: CliArgs, io: Io): Promise<void> {
  const out = args.positionals[0];
  if (!out) throw new UsageError("template needs an output file");
  const wb = new ExcelJS.Workbook();
  const plan = insertTemplate(workbookSnapshot(wb), args.lang);
  applyPlan(wb, plan);
  await saveWorkbook(wb, out, [plan]);
  io.err(args.lang === "zh-CN" ? `已写入模板: ${out}` : `Template written: ${out}`);
}

function defaultOut(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.scored.xlsx`);
}

async function score(args: CliArgs, io: Io): Promise<void> {
  const input = args.positionals[0];
  if (!input) throw new UsageError("score needs an input file");
  const out = args.out ?? defaultOut(input);
  if (path.resolve(out) === path.resolve(input)) throw new InsightError("wouldOverwriteInput", { file: out });
  const wb = await readWorkbook(input);
  const snapshot = workbookSnapshot(wb);
  const lang = args.langGiven ? args.lang : workbookLang(snapshot, args.lang);
  const settings = readSettings(snapshot);
  const refDate = refDateOf(args, settings);
  const outcome = scoreAndTier(snapshot, settings, refDate, lang, nowText());
  applyPlan(wb, outcome.plan);
  await saveWorkbook(wb, out, [outcome.plan]);
  for (const l of problemLines(outcome.ledger.problems, args.lang)) io.err(l);
  for (const n of outcome.notices) io.err(message(n.code, n.params, args.lang));
  if (args.json) io.out(JSON.stringify(scoreJson(outcome, lang, settings)));
  else {
    io.out(tierTable(outcome.result, args.lang));
    io.err(args.lang === "zh-CN" ? `已写入: ${out}` : `Written: ${out}`);
  }
}

/** The --json shape documented in the README (and issue 2). */
export function scoreJson(outcome: ReturnType<typeof scoreAndTier>, lang: Lang, settings: Settings) {
  const tiers = { A: 0, B: 0, C: 0, D: 0 };
  for (const r of outcome.result.customers) if (r.tier !== "") tiers[r.tier]++;
  return {
    customers: outcome.result.customers.length,
    tiers,
    results: outcome.result.customers.map((r) => {
      const tx = customerTexts(r, lang, settings);
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
        reason: tx.reason,
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
  io.err(args.lang === "zh-CN" ? `示例工作簿已写入: ${path.resolve(out)}` : `Sample workbook written: ${path.resolve(out)}`);
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
