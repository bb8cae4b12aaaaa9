import { InsightError } from "../../core/i18n/messages";
import { MAX_MERGED_CELLS, MAX_MERGES_PER_SHEET, MAX_NAME_CELLS, MAX_VALIDATION_CELLS } from "./limits";

/** The ranges ExcelJS expands cell by cell, named by their element (the same in both languages). */
export type Expanded = "dataValidation" | "mergeCell" | "definedName";

const ELEMENT: Record<Expanded, string> = {
  dataValidation: "<dataValidation sqref>",
  mergeCell: "<mergeCell ref>",
  definedName: "<definedName>",
};

const LIMIT: Record<Expanded, number> = {
  dataValidation: MAX_VALIDATION_CELLS,
  mergeCell: MAX_MERGED_CELLS,
  definedName: MAX_NAME_CELLS,
};

const count = (n: number): string => n.toLocaleString("en-US");

export function byteSize(n: number): string {
  if (n >= 2 ** 30) return `${+(n / 2 ** 30).toFixed(1)} GB`;
  if (n >= 2 ** 20) return `${+(n / 2 ** 20).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/**
 * What the part checks of one package add up to, and the refusals: each an InsightError naming
 * the file, the part and what is out of bounds, so the CLI exits 1 before any reader sees the file.
 */
export class Tally {
  private readonly cells: Record<Expanded, number> = { dataValidation: 0, mergeCell: 0, definedName: 0 };

  constructor(readonly file: string) {}

  /** `element` (the XML that says it, e.g. `<row r="2000000">`) goes past `limit`. */
  outOfBounds(part: string, element: string, limit: string | number): never {
    throw new InsightError("unsafeWorkbookBounds", { file: this.file, part, element: clip(element), limit: typeof limit === "number" ? count(limit) : limit });
  }

  /** Adds the cells of one expanded range; refuses once the workbook's total for its kind passes the limit. */
  expand(kind: Expanded, part: string, cells: number): void {
    const total = (this.cells[kind] += cells);
    if (total > LIMIT[kind]) throw new InsightError("unsafeWorkbookArea", { file: this.file, part, element: ELEMENT[kind], cells: count(total), limit: count(LIMIT[kind]) });
  }

  merges(part: string, n: number): void {
    if (n > MAX_MERGES_PER_SHEET) throw new InsightError("unsafeWorkbookMerges", { file: this.file, part, count: count(n), limit: count(MAX_MERGES_PER_SHEET) });
  }

  tooLarge(part: string, limit: number, fileSize: number): never {
    throw new InsightError("unsafeWorkbookSize", { file: this.file, part, limit: byteSize(limit), size: byteSize(fileSize) });
  }
}

/** A crafted attribute can be megabytes long; the message quotes its start. */
function clip(element: string): string {
  return element.length > 120 ? `${element.slice(0, 117)}…` : element;
}
