import type { CellRange, CellValue } from "../../core/plan/cells";
import type { CellWrite, FormatPlan } from "../../core/plan/types";
import { formatChange } from "./sheet-parts";
import type { StyleChange } from "./styles";

/** What the plan does to one cell: a new value (when `value` is set) and a change of look. */
export interface CellEdit {
  value?: CellValue;
  formula?: boolean;
  change?: StyleChange;
  /** the cell was cleared first (a plan's `clear`): its old value and look are gone, as apply.ts's clearRange leaves it */
  reset?: boolean;
}

const RESET: CellEdit = { reset: true };

interface Block {
  seq: number;
  range: CellRange;
  at(row: number, col: number): CellEdit | undefined;
}

/** Blocks up to this many rows are indexed by row; taller ones are checked on every row. */
const SHORT = 16;

/**
 * The cell edits of one sheet plan, kept as the plan's blocks (a 100,000-row output block is
 * never expanded into a map of cells) and merged row by row in plan order: writes, then table
 * headers, then formats — the order apply.ts applies them in.
 */
export class EditGrid {
  private readonly tall: Block[] = [];
  private readonly byRow = new Map<number, Block[]>();
  private seq = 0;
  maxRow = -1;
  maxCol = -1;

  private add(range: CellRange, at: Block["at"]): void {
    if (range.rowCount <= 0 || range.colCount <= 0) return;
    const b: Block = { seq: this.seq++, range, at };
    if (range.rowCount > SHORT) this.tall.push(b);
    else
      for (let r = range.row; r < range.row + range.rowCount; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(b);
        else this.byRow.set(r, [b]);
      }
    this.maxRow = Math.max(this.maxRow, range.row + range.rowCount - 1);
    this.maxCol = Math.max(this.maxCol, range.col + range.colCount - 1);
  }

  write(w: CellWrite): void {
    let width = 0; // a loop: spreading 100,000 rows into Math.max overflows the stack
    for (const l of w.values) if (l.length > width) width = l.length;
    const changes = (w.numberFormats ?? []).map((nf): StyleChange | undefined => (nf && nf !== "General" ? { numFmt: nf } : undefined));
    this.add({ row: w.row, col: w.col, rowCount: w.values.length, colCount: width }, (r, c) => {
      const line = w.values[r - w.row];
      const v = line?.[c - w.col];
      if (v === undefined) return undefined;
      return { value: v, formula: w.kind === "formulas", change: changes[c - w.col] };
    });
  }

  /** A plan's clear: contents and formats. Added before the writes, as apply.ts clears first. */
  clear(range: CellRange): void {
    this.add(range, () => RESET);
  }

  values(row: number, col: number, values: CellValue[][]): void {
    this.write({ row, col, kind: "values", values });
  }

  format(f: FormatPlan): void {
    const change = formatChange(f);
    this.add(f.range, () => ({ change }));
  }

  /** Sorted rows that have edits. */
  rows(): number[] {
    const flags = new Uint8Array(this.maxRow + 1);
    for (const b of this.tall) flags.fill(1, b.range.row, b.range.row + b.range.rowCount);
    for (const r of this.byRow.keys()) flags[r] = 1;
    const out: number[] = [];
    for (let r = 0; r < flags.length; r++) if (flags[r]) out.push(r);
    return out;
  }

  /** The merged edits of one row, by column, in column order. */
  rowEdits(row: number): [number, CellEdit][] {
    const blocks: Block[] = [];
    for (const b of this.tall) if (row >= b.range.row && row < b.range.row + b.range.rowCount) blocks.push(b);
    const short = this.byRow.get(row);
    if (short) {
      blocks.push(...short);
      blocks.sort((a, b) => a.seq - b.seq);
    }
    const cells = new Map<number, CellEdit>();
    for (const b of blocks) {
      for (let c = b.range.col; c < b.range.col + b.range.colCount; c++) {
        const e = b.at(row, c);
        if (!e) continue;
        const prev = cells.get(c);
        // the block's own change object is shared until two blocks meet on a cell (styles cache on it)
        if (!prev) cells.set(c, e);
        else {
          const merged: CellEdit = e.reset ? { reset: true } : { ...prev };
          if (e.value !== undefined) {
            merged.value = e.value;
            merged.formula = e.formula;
          }
          if (e.change) merged.change = prev.change ? { ...prev.change, ...e.change } : e.change;
          cells.set(c, merged);
        }
      }
    }
    const out = [...cells];
    return blocks.length > 1 ? out.sort((a, b) => a[0] - b[0]) : out;
  }
}
