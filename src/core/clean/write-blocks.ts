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
  interface Run {
    row: number;
    col: number;
    values: CellValue[];
    formats: (string | undefined)[];
  }
  const runs: Run[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.col + last.values.length === c.col) {
      last.values.push(c.value);
      last.formats.push(c.numberFormat);
    } else runs.push({ row: c.row, col: c.col, values: [c.value], formats: [c.numberFormat] });
  }
  const writes: CellWrite[] = [];
  let block: { write: CellWrite; sig: string; width: number } | null = null;
  for (const r of runs) {
    const sig = r.formats.map((f) => f ?? "").join("\u0000");
    if (block && block.write.col === r.col && block.width === r.values.length && block.sig === sig && block.write.row + block.write.values.length === r.row) {
      block.write.values.push(r.values);
      continue;
    }
    const write: CellWrite = { row: r.row, col: r.col, kind: "values", values: [r.values] };
    if (r.formats.some((f) => f !== undefined)) write.numberFormats = r.formats.map((f) => f ?? "General");
    writes.push(write);
    block = { write, sig, width: r.values.length };
  }
  return writes;
}
