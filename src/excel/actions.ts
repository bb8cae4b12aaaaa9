import { insertTemplate } from "../core/actions/insert-template";
import { readSettings } from "../core/actions/read-settings";
import { SCORE_LEAD_COLUMNS, SCORE_LEAD_TABLE, scoreAndTierNeeds } from "../core/actions/score-reads";
import { workbookLang } from "../core/actions/sheet-names";
import { InsightError, message } from "../core/i18n/messages";
import { todaySerial } from "../core/mapping/dates";
import type { Lang } from "../core/plan/cells";
import { problemLines } from "../cli/problems";
import { applyPlan, type ApplyOptions, type ApplyResult } from "./apply";
import type { ActionResult } from "./notify";
import { requireExcelApi } from "./requirements";
import { readSnapshot, type Projection, type ReadOptions, type ShellSnapshot } from "./snapshot";

/**
 * The ribbon's and the pane's actions over a live workbook: read a snapshot, let the core plan,
 * apply the plan. Every failure becomes a localized message; nothing throws out of here.
 * A failure before applying changes nothing (the core and apply.ts check first); a failure while
 * applying is reported as such, and running the action again completes the workbook, since both
 * plans are computed from what the workbook holds then.
 */

export interface RunOptions {
  /** the clock, for the change log's time and the default reference date */
  now?: Date;
  read?: ReadOptions;
  apply?: ApplyOptions;
}

type Stage = "check" | "read" | "plan" | "apply";

function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function errorDetail(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const code = "code" in e && typeof (e as { code: unknown }).code === "string" ? (e as { code: string }).code : "";
    const msg = e instanceof Error ? e.message : "";
    return code && msg ? `${code}: ${msg}` : code || msg || String(e);
  }
  return String(e);
}

function failure(action: ActionResult["action"], lang: Lang, e: unknown, stage: Stage, syncs: number): ActionResult {
  let text: string;
  if (e instanceof InsightError) text = e.localized(lang);
  else if (stage === "apply") text = message("excelApplyFailed", { detail: errorDetail(e) }, lang);
  else text = message("excelReadFailed", { detail: errorDetail(e) }, lang);
  return { action, ok: false, lang, message: text, details: [], counts: {}, syncs, at: new Date().toISOString() };
}

/**
 * One Excel.run: read, plan, apply. `plan` returns the plan-bearing outcome; `finish` turns the
 * outcome and what apply did into the result the person sees.
 */
async function run<T>(
  action: ActionResult["action"],
  lang: Lang,
  options: RunOptions,
  plan: (shell: ShellSnapshot) => { outcome: T; workbookPlan: Parameters<typeof applyPlan>[1] },
  finish: (outcome: T, applied: ApplyResult) => Omit<ActionResult, "action" | "ok" | "lang" | "syncs" | "at">,
  projection?: Projection,
): Promise<ActionResult> {
  let stage: Stage = "check";
  let syncs = 0;
  try {
    requireExcelApi();
    return await Excel.run(async (context) => {
      stage = "read";
      const shell = await readSnapshot(context, options.read, projection);
      syncs = shell.syncs;
      stage = "plan";
      const { outcome, workbookPlan } = plan(shell);
      stage = "apply";
      const applied = await applyPlan(context, workbookPlan, shell, options.apply);
      syncs += applied.syncs;
      return { action, ok: true, lang, syncs, at: new Date().toISOString(), ...finish(outcome, applied) };
    });
  } catch (e) {
    return failure(action, lang, e, stage, syncs);
  }
}

/** Insert template (SPEC §2): adds what the workbook lacks, never touches what a person typed. */
export function runInsertTemplate(lang: Lang, options: RunOptions = {}): Promise<ActionResult> {
  return run(
    "insertTemplate",
    lang,
    options,
    (shell) => {
      const p = insertTemplate(shell.snapshot, lang);
      return { outcome: p, workbookPlan: p };
    },
    (_p, applied) => {
      const { sheetsCreated, tablesCreated, columnsAdded } = applied.counts;
      const changed = sheetsCreated + tablesCreated + columnsAdded > 0;
      return {
        message: changed ? message("templateDone", { sheets: sheetsCreated, tables: tablesCreated, columns: columnsAdded }, lang) : message("templateUnchanged", {}, lang),
        details: [],
        counts: { ...applied.counts },
      };
    },
  );
}

/**
 * Score and tier (SPEC §3): reference date from Settings or today; writes outputs, Tiers and Summary.
 * Reads only what the scoring uses (core/actions/score-reads.ts), starting with the Customers rows.
 */
export async function runScoreAndTier(lang: Lang, options: RunOptions = {}): Promise<ActionResult> {
  // The engine and its texts are the largest part of the code and only Score needs them: fetched
  // on first use (from our own origin), so the pane and the ribbon start without them.
  let scoreAndTier: typeof import("../core/actions/score-and-tier").scoreAndTier;
  try {
    ({ scoreAndTier } = await import("../core/actions/score-and-tier"));
  } catch (e) {
    return failure("scoreAndTier", lang, e, "check", 0);
  }
  const now = options.now ?? new Date();
  const projection: Projection = { needs: (names) => scoreAndTierNeeds(names, lang), lead: { table: SCORE_LEAD_TABLE, columns: SCORE_LEAD_COLUMNS } };
  return run(
    "scoreAndTier",
    lang,
    options,
    (shell) => {
      const settings = readSettings(shell.snapshot);
      const refDate = settings.referenceDate ?? todaySerial(now);
      // A workbook made in Chinese is written in Chinese whatever the display language.
      const outcome = scoreAndTier(shell.snapshot, settings, refDate, workbookLang(shell.snapshot, lang), localTime(now));
      return { outcome, workbookPlan: outcome.plan };
    },
    (outcome, applied) => {
      const tiers = { A: 0, B: 0, C: 0, D: 0 };
      for (const c of outcome.result.customers) if (c.tier !== "") tiers[c.tier] += 1;
      return {
        message: message("scoreDone", { customers: outcome.result.customers.length, a: tiers.A, b: tiers.B, c: tiers.C, d: tiers.D }, lang),
        details: [...outcome.notices.map((n) => message(n.code, n.params, lang)), ...problemLines(outcome.ledger.problems, lang)],
        counts: { customers: outcome.result.customers.length, ...tiers, ...applied.counts },
      };
    },
    projection,
  );
}
