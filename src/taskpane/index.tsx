import { createRoot } from "react-dom/client";
import { App } from "./App";
import { langFromTag } from "./i18n";

/**
 * The pane renders at once (in the browser's language) and connects to Office inside App: outside
 * Office, or when office.js is slow, the person still sees the pane and why its buttons are off.
 */
const container = document.getElementById("container");
if (container) {
  // The pane fills Excel's task pane edge to edge.
  document.body.style.margin = "0";
  createRoot(container).render(<App initialLang={langFromTag(navigator.language)} />);
}
