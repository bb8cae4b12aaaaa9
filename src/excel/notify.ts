import type { Lang } from "../core/plan/cells";

/** What an action tells the person: the pane shows it; ribbon commands store it here. */
export interface ActionResult {
  action: "insertTemplate" | "scoreAndTier";
  ok: boolean;
  lang: Lang;
  /** the headline, localized */
  message: string;
  /** further localized lines (notices, cell problems) */
  details: string[];
  counts: Record<string, number>;
  /** Excel requests this run used (diagnostics) */
  syncs: number;
  at: string;
}

type Listener = (result: ActionResult) => void;

let last: ActionResult | null = null;
let paneVisible = false;
const listeners = new Set<Listener>();

/** Store a result and tell every subscriber (the task pane) about it. */
export function publishResult(result: ActionResult): void {
  last = result;
  for (const l of [...listeners]) {
    try {
      l(result);
    } catch {
      // A faulty listener must not stop the others, nor the command that published.
    }
  }
}

export function lastResult(): ActionResult | null {
  return last;
}

/** Subscribe to results; returns the unsubscribe function (call it on unmount). */
export function subscribeResults(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The pane reports whether it is showing (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1),
 * so a ribbon command knows whether it must open it to show a result.
 */
export function setPaneVisible(visible: boolean): void {
  paneVisible = visible;
}

export function isPaneVisible(): boolean {
  return paneVisible;
}

/** Tests only: forget results, listeners and visibility. */
export function resetNotify(): void {
  last = null;
  paneVisible = false;
  listeners.clear();
}
