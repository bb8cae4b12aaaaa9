import { MAX_COLS, MAX_ROWS } from "./limits";
import type { Tally } from "./tally";

const ANCHOR_CELL = /<((?:[A-Za-z_][\w.-]*:)?(col|row))>([^<]*)</g;

/**
 * A drawing part's anchors (<xdr:from>/<xdr:to>, 0-based <xdr:col> and <xdr:row>). ExcelJS reads
 * them as numbers, but asking an image for its position makes the sheet create every column up
 * to the anchor's (CVE-2026-128344); we never ask, and refuse such a drawing all the same.
 */
export function checkDrawing(part: string, xml: string, tally: Tally): void {
  for (const m of xml.matchAll(ANCHOR_CELL)) {
    const n = Number(m[3].trim());
    const max = m[2] === "col" ? MAX_COLS - 1 : MAX_ROWS - 1;
    if (n > max) tally.outOfBounds(part, `<${m[1]}>${m[3].trim()}</${m[1]}>`, max);
  }
}
