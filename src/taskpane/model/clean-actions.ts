import { cleanPlan, type CleanOptions } from "../../core/actions/clean";
import { maskPlan } from "../../core/actions/mask";
import { readSettings } from "../../core/actions/read-settings";
import { resolveSheetName, workbookLang } from "../../core/actions/sheet-names";
import { undoLastCleanPlan } from "../../core/actions/undo-clean";
import { cleanMessage } from "../../core/i18n/clean";
import type { Lang } from "../../core/plan/cells";
import { findTable, type WorkbookSnapshot } from "../../core/plan/snapshot";
import type { Planned } from "../host";
import { st } from "../screen-text";

/**
 * The planners behind the Clean screen's buttons, for host.applyPlanned: Clean (normalise and/or
 * merge), Undo last clean and Masked copy. Each plans from the workbook as it is when the button
 * is pressed (not from the review on screen), in the workbook's own language (a workbook made in
 * Chinese gets 归档 and Chinese log text whatever the display language); the result message is in
 * the pane's language.
 */

type Builder = (snapshot: WorkbookSnapshot, now: string) => Planned;

function customerRows(snapshot: WorkbookSnapshot): number | null {
  return findTable(snapshot, "Customers")?.table.rowCount ?? null;
}

export function cleanBuilder(options: CleanOptions, lang: Lang): Builder {
  return (snapshot, now) => {
    const wbLang = workbookLang(snapshot, lang);
    const { plan, report } = cleanPlan(snapshot, readSettings(snapshot), wbLang, now, options);
    const archive = plan.sheets.find((s) => s.tables.some((t) => t.name === "Archive"))?.name ?? resolveSheetName(snapshot, "archive", wbLang);
    const log = resolveSheetName(snapshot, "changeLog", wbLang);
    const params = {
      normalised: report.normalised.length,
      groups: report.groups.length,
      archived: report.archived,
      possible: report.possible.length,
      flagged: report.flagged.length,
      changed: report.changedCells,
      archive,
      log,
    };
    return {
      plan,
      rows: customerRows(snapshot),
      message: (l) => {
        if (report.changedCells === 0) return st(l, "cleanNothing", params);
        const relinked = report.relinked > 0 ? st(l, "cleanRelinked", { rows: report.relinked }) : "";
        const dup = report.groups.length === 0 ? "" : options.merge ? st(l, "cleanDoneMerged", { ...params, relinked }) : st(l, "cleanDoneFound", params);
        return `${st(l, "cleanDone", { ...params, dup })} ${st(l, "cleanLogged", params)}`;
      },
    };
  };
}

export function undoBuilder(lang: Lang): Builder {
  return (snapshot, now) => {
    const outcome = undoLastCleanPlan(snapshot, workbookLang(snapshot, lang), now);
    return {
      plan: outcome.plan,
      rows: outcome.restored,
      message: (l) => cleanMessage("undoSummary", { time: outcome.time, cells: outcome.restored, archived: outcome.archiveRowsRemoved }, l),
    };
  };
}

export function maskBuilder(lang: Lang): Builder {
  return (snapshot) => {
    const plan = maskPlan(snapshot, workbookLang(snapshot, lang));
    const sheet = plan.activate ?? plan.sheets[0]?.name ?? "";
    const rows = customerRows(snapshot) ?? 0;
    const original = findTable(snapshot, "Customers")?.sheet.name ?? "";
    return { plan, rows, message: (l) => st(l, "maskDone", { sheet, rows, original }) };
  };
}
