import type { Lang } from "../core/plan/cells";
import { runInsertTemplate, runScoreAndTier } from "../excel/actions";
import { isPaneVisible, publishResult, type ActionResult } from "../excel/notify";
import { sharedRuntimeSupported } from "../excel/requirements";
import { requestScreen, type Screen } from "../taskpane/route";
import type { ActionFunctionName, OpenFunctionName } from "./names";

/**
 * The ribbon's ExecuteFunction commands (shared runtime). Each runs its action, publishes the
 * result for the task pane, opens the pane when it is not showing so the person sees the result,
 * and always calls event.completed() — also when the action fails — or Office keeps the button busy.
 *
 * openClean and openFilters run no action: they ask the pane for their screen (shared state in
 * src/taskpane/route.ts, which the pane listens to) and show the pane with Office.addin.showAsTaskpane().
 */

const ACTIONS: Record<ActionFunctionName, (lang: Lang) => Promise<ActionResult>> = {
  insertTemplate: (lang) => runInsertTemplate(lang),
  scoreAndTier: (lang) => runScoreAndTier(lang),
};

/** Office's display language: any Chinese (zh-*) → zh-CN, everything else → en-US. */
export function displayLang(): Lang {
  const tag = typeof Office !== "undefined" ? (Office.context.displayLanguage ?? "") : "";
  return tag.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

function showPane(): void {
  if (isPaneVisible() || !sharedRuntimeSupported()) return;
  const addin = (Office as { addin?: Office.Addin }).addin;
  if (typeof addin?.showAsTaskpane !== "function") return;
  // Not awaited: the command completes whether or not the pane opens.
  addin.showAsTaskpane().catch(() => undefined);
}

export async function runCommand(name: ActionFunctionName, event: Office.AddinCommands.Event): Promise<void> {
  const lang = displayLang();
  let done = false;
  const complete = () => {
    if (done) return;
    done = true;
    event.completed();
  };
  try {
    const result = await ACTIONS[name](lang);
    publishResult(result);
    showPane();
  } catch (e) {
    // Actions turn failures into results; this is the guard for anything they did not foresee.
    publishResult({ action: name, ok: false, lang, message: e instanceof Error ? e.message : String(e), details: [], counts: {}, syncs: 0, at: new Date().toISOString() });
    showPane();
  } finally {
    complete();
  }
}

const OPENS: Record<OpenFunctionName, Screen> = {
  openClean: "clean",
  openFilters: "filters",
};

/**
 * Opens the pane on a screen: the pane switches at once if it is showing (or starts on it), and
 * showAsTaskpane() shows it if it is not. The event completes whether or not the pane opens.
 */
export function openScreen(name: OpenFunctionName, event: Office.AddinCommands.Event): void {
  try {
    requestScreen(OPENS[name]);
    const addin = typeof Office !== "undefined" ? (Office as { addin?: Office.Addin }).addin : undefined;
    if (sharedRuntimeSupported() && typeof addin?.showAsTaskpane === "function") {
      // Not awaited: Office waits for event.completed(), not for the pane.
      addin.showAsTaskpane().catch(() => undefined);
    }
  } catch {
    // Nothing to report: at worst the pane stays as it was.
  } finally {
    event.completed();
  }
}

/** Each manifest FunctionName spelled out, so the manifest test can match them one by one. */
export function registerCommands(): void {
  Office.actions.associate("insertTemplate", (event: Office.AddinCommands.Event) => void runCommand("insertTemplate", event));
  Office.actions.associate("scoreAndTier", (event: Office.AddinCommands.Event) => void runCommand("scoreAndTier", event));
  Office.actions.associate("openClean", (event: Office.AddinCommands.Event) => openScreen("openClean", event));
  Office.actions.associate("openFilters", (event: Office.AddinCommands.Event) => openScreen("openFilters", event));
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => registerCommands());
}
