import { refInBounds } from "./refs";
import { rawAttr, startTags } from "./elements";
import type { Tally } from "./tally";

/**
 * A table part: its ref (and its autofilter's) inside the grid. Neither reader expands a table
 * cell by cell, but both snapshots reach down to a table's last row, one entry per row.
 */
export function checkTable(part: string, xml: string, tally: Tally): void {
  for (const name of ["table", "autoFilter"]) {
    for (const { tag } of startTags(xml, name)) {
      const ref = rawAttr(tag, "ref");
      if (ref === undefined) continue;
      if (!ref.replace(/\$/g, "").split(":").every((end) => refInBounds(end))) tally.outOfBounds(part, tag, "XFD1048576");
    }
  }
}
