import type { ColumnDef } from "../core/layout/types";
import { isNumeric } from "../core/mapping/coerce";
import type { CellValue } from "../core/plan/cells";
import { gridBytes } from "./text-cells";

/**
 * How many bytes a cell takes in an answer, so reads can be packed up to the budget without
 * passing it. Measured per column wherever values came back; a column not seen yet is guessed
 * from the measured ones like it: the same column id, else the largest of its kind for ids,
 * dates and numbers (short and alike), else the mean of text columns (long and varied). A
 * measured column of unknown meaning counts as numbers when most of its filled cells are numbers.
 */

type Kind = "id" | "date" | "number" | "text";

interface Tally {
  bytes: number;
  cells: number;
}

/** Over-estimate a little: the rows still to come are not the ones measured. */
const MARGIN = 1.05;

function kindOf(def: ColumnDef): Kind {
  if (def.type === "id") return "id";
  if (def.type === "date") return "date";
  return isNumeric(def) ? "number" : "text";
}

const mean = (t: Tally) => t.bytes / t.cells;

function observedKind(values: readonly CellValue[]): Kind {
  let filled = 0;
  let numbers = 0;
  for (const v of values) {
    if (v === "") continue;
    filled++;
    if (typeof v === "number") numbers++;
  }
  return filled > 0 && numbers >= filled * 0.8 ? "number" : "text";
}

export class CellSizes {
  private readonly columns = new Map<string, Tally>();
  private readonly ids = new Map<string, Tally>();
  private readonly kinds = new Map<Kind, Tally[]>();
  private anyBytes = 0;
  private anyCells = 0;

  /** `fallback`: bytes per cell when nothing alike was measured yet. */
  constructor(private readonly fallback: number) {}

  /**
   * Record what a column's cells took; `key` names the column (table and index), `def` what it
   * holds. With `alike` false (a block of a whole sheet, many columns) it guides no other column.
   */
  measure(key: string, def: ColumnDef | undefined, values: readonly CellValue[], alike = true): void {
    if (values.length === 0) return;
    const bytes = gridBytes([values]) - 5;
    const t = this.columns.get(key) ?? { bytes: 0, cells: 0 };
    t.bytes += bytes;
    t.cells += values.length;
    this.columns.set(key, t);
    this.anyBytes += bytes;
    this.anyCells += values.length;
    if (!alike) return;
    if (def) this.ids.set(def.id, t);
    const k = def ? kindOf(def) : observedKind(values);
    const list = this.kinds.get(k) ?? [];
    if (!list.includes(t)) list.push(t);
    this.kinds.set(k, list);
  }

  /** Record a whole grid of mixed columns (a sheet read in full). */
  measureGrid(grid: readonly (readonly CellValue[])[]): void {
    const cells = grid.reduce((n, r) => n + r.length, 0);
    if (cells === 0) return;
    this.anyBytes += gridBytes(grid) - 2 - 3 * grid.length;
    this.anyCells += cells;
  }

  /** Estimated bytes per cell of a column. */
  column(key: string, def: ColumnDef | undefined): number {
    const seen = this.columns.get(key) ?? (def ? this.ids.get(def.id) : undefined);
    if (seen) return mean(seen) * MARGIN + 0.25;
    const alike = def ? (this.kinds.get(kindOf(def)) ?? []) : [];
    if (alike.length === 0 || !def) return this.any();
    const kind = kindOf(def);
    const guess = kind === "text" ? mean(alike.reduce((a, t) => ({ bytes: a.bytes + t.bytes, cells: a.cells + t.cells }), { bytes: 0, cells: 0 })) : Math.max(...alike.map(mean));
    return guess * MARGIN + 0.25;
  }

  /** Estimated bytes per cell of anything (a sheet read in full): what was seen, never below the fallback. */
  any(): number {
    return Math.max(this.fallback, this.anyCells ? (this.anyBytes / this.anyCells) * MARGIN : 0);
  }
}
