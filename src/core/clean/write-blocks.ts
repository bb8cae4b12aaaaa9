import type { CellValue } from "../plan/cells";
import type { CellWrite } from "../plan/types";

export interface CellAssignment {
  row: number;
  col: number;
  value: CellValue;
  numberFormat?: string;
}

/**
 * Cell assignments as few rectangular writes as possible, touching no other cell (an untouched
 * cell may hold a formula: rewriting its value would destroy it). Runs of adjacent columns in a
 * row become one row write; equal runs on consecutive rows with the same formats become one block.
 */
export function writeBlocks(cells: readonly CellAssignment[]): CellWrite[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const blocks = new WriteBlocks();
  for (const c of sorted) blocks.add(c.row, c.col, c.value, c.numberFormat);
  return blocks.finish();
}

/**
 * writeBlocks fed one cell at a time, already in sheet order (row, then column), so a caller that
 * produces its cells in order (Clean's millions of blanked cells) needs no array of assignments
 * and no sort. The result is the same as writeBlocks on the same cells. The open run is collected
 * in reused buffers and copied out at its exact length: arrays grown by push keep spare capacity,
 * which across a few hundred thousand runs was tens of megabytes of the plan.
 */
export class WriteBlocks {
  private readonly writes: CellWrite[] = [];
  private readonly values: CellValue[] = [];
  private readonly formats: (string | undefined)[] = [];
  /** the open run: its row, first column and length (0: none), and whether a cell brought a format */
  private row = 0;
  private col = 0;
  private length = 0;
  private formatted = false;
  /** the last write, which the next run may extend downwards, with its runs' formats */
  private block: CellWrite | null = null;
  private blockFormats: (string | undefined)[] | null = null;

  /** The next cell; it must come after the previous one in sheet order. */
  add(row: number, col: number, value: CellValue, numberFormat?: string): void {
    if (this.length === 0 || this.row !== row || this.col + this.length !== col) {
      this.close();
      this.row = row;
      this.col = col;
    }
    this.values[this.length] = value;
    this.formats[this.length] = numberFormat;
    this.length++;
    if (numberFormat !== undefined) this.formatted = true;
  }

  finish(): CellWrite[] {
    this.close();
    return this.writes;
  }

  private close(): void {
    const width = this.length;
    if (width === 0) return;
    const values = this.values.slice(0, width);
    const formats = this.formatted ? this.formats.slice(0, width) : null;
    this.length = 0;
    this.formatted = false;
    const block = this.block;
    if (block && block.col === this.col && block.values[0].length === width && sameFormats(this.blockFormats, formats) && block.row + block.values.length === this.row) {
      block.values.push(values);
      return;
    }
    const write: CellWrite = { row: this.row, col: this.col, kind: "values", values: [values] };
    if (formats) write.numberFormats = formats.map((f) => f ?? "General");
    this.writes.push(write);
    this.block = write;
    this.blockFormats = formats;
  }
}

/** Formats of two runs of one width compare as their signatures did: a missing format is "". */
function sameFormats(a: readonly (string | undefined)[] | null, b: readonly (string | undefined)[] | null): boolean {
  if (a === b) return true;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let i = 0; i < n; i++) if ((a?.[i] ?? "") !== (b?.[i] ?? "")) return false;
  return true;
}
