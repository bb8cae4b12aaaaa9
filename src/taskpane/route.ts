/**
 * Which screen the pane shows, and how the ribbon asks for one.
 *
 * A URL hash names a screen (#clean, #filters, #settings, #adopt); anything else opens Home.
 *
 * The ribbon's Clean and Filters buttons are ExecuteFunction commands (src/commands/commands.ts),
 * not ShowTaskpane actions: a ShowTaskpane button opens the manifest's one page (a shared runtime
 * has one task pane), so the pane could not tell which button was clicked. In the shared runtime
 * the commands and the pane are one JavaScript runtime (one webpack runtime, so this module is
 * instantiated once): a command calls `requestScreen`, then `Office.addin.showAsTaskpane()`; the
 * pane, subscribed here, switches screen — or, not yet rendered, starts on `requestedScreen()`.
 */
export type Screen = "home" | "adopt" | "clean" | "filters" | "settings";

const NAMED: readonly Screen[] = ["adopt", "clean", "filters", "settings"];

export function screenFromHash(hash: string): Screen {
  const h = hash.replace(/^#\/?/, "").toLowerCase();
  return (NAMED as readonly string[]).includes(h) ? (h as Screen) : "home";
}

type Listener = (screen: Screen) => void;

let requested: Screen | null = null;
const listeners = new Set<Listener>();

/** The ribbon asks the pane for a screen: listeners hear it now; a pane rendered later starts on it. */
export function requestScreen(screen: Screen): void {
  requested = screen;
  for (const l of [...listeners]) l(screen);
}

/** The screen the ribbon asked for last, if any (read once by the pane as it starts). */
export function requestedScreen(): Screen | null {
  return requested;
}

export function subscribeScreen(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
