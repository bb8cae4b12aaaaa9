/**
 * Which screen a URL opens. The ribbon's buttons open the pane; a hash names the screen
 * (#filters, #settings, #adopt). #clean has no screen yet (the clean core is not built), so it
 * opens Home, like an unknown hash.
 */
export type Screen = "home" | "adopt" | "filters" | "settings";

export function screenFromHash(hash: string): Screen {
  const h = hash.replace(/^#\/?/, "").toLowerCase();
  return h === "adopt" || h === "filters" || h === "settings" ? h : "home";
}
