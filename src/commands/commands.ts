import type { Lang } from "../core/plan/cells";
import { runInsertTemplate, runScoreAndTier } from "../excel/actions";
import { isPaneVisible, publishResult, type ActionResult } from "../excel/notify";
import { sharedRuntimeSupported } from "../excel/requirements";
import type { CommandFunctionName } from "./names";

/**
 * The ribbon's ExecuteFunction commands (shared runtime). Each runs its action, publishes the
 * result for the task pane, opens the pane when it is not showing so the person sees the result,
 * and always calls event.completed() — also when the action fails — or Office keeps the button busy.
 */

const ACTIONS: Record<CommandFunctionName, (lang: Lang) => Promise<ActionResult>> = {
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

export async function runCommand(name: CommandFunctionName, event: Office.AddinCommands.Event): Promise<void> {
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

/** Each manifest FunctionName spelled out, so the manifest test can match them one by one. */
export function registerCommands(): void {
  Office.actions.associate("insertTemplate", (event: Office.AddinCommands.Event) => void runCommand("insertTemplate", event));
  Office.actions.associate("scoreAndTier", (event: Office.AddinCommands.Event) => void runCommand("scoreAndTier", event));
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => registerCommands());
}
