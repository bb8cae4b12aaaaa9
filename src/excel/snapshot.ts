import type { SheetNeed } from "../core/actions/score-reads";
import type { CellValue } from "../core/plan/cells";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { CellSizes } from "./cell-sizes";
import { blankCover, coverTables, put, type Grid, type Used } from "./read-grid";
import { columnKey, columnsJob, rowsJob, sheetJob, tableRange, type ProjectedTable } from "./read-jobs";
import { LEAD_ROWS, readNames, type LeadGuess, type Names, type SheetInfo } from "./read-names";
import { readValues, type FirstRequest, type RequestScope, type ValueJob } from "./read-values";

/**
 * Reading a WorkbookSnapshot through Office.js in a constant number of requests.
 *
 * Request 1 loads names (read-names.ts). Request 2 loads every sheet's used range and table
 * position, the values of the sheets that fit, and as many row blocks of the rest as the answer
 * budget allows; requests 3… the remaining blocks (read-values.ts). The count grows only past
 * ~4 MB of values per request. An action that needs only part of the workbook (a Projection,
 * e.g. Score and tier's core/actions/score-reads.ts) gets only that: some columns of its input
 * tables, the shape of sheets it rewrites, every other cell "".
 */

/** A table as the shell needs it to apply plans: where it is, header row included. */
export interface TableLocation {
  name: string;
  sheet: string;
  row: number;
  col: number;
  /** rows including the header row */
  rowCount: number;
  colCount: number;
}

export interface ShellSnapshot {
  snapshot: WorkbookSnapshot;
  tables: TableLocation[];
  /** chart names per sheet */
  charts: Map<string, string[]>;
  /** requests the read used */
  syncs: number;
}

export interface ReadOptions {
  /** largest estimated response per request; Excel on the web rejects 5 MB */
  responseBudget?: number;
  /** first guess of the JSON bytes a cell takes; refined from what comes back */
  bytesPerCell?: number;
  /** the docs suggest blocks of 5k–20k rows for big reads */
  maxBlockRows?: number;
  /** a range read is limited to 5,000,000 cells */
  maxBlockCells?: number;
  /** body rows of a projection's lead table read with the names (read-names.ts) */
  leadRows?: number;
}

/** What an action needs of a workbook, decided from its sheet and table names. */
export interface Projection {
  needs: (names: WorkbookSnapshot) => Map<string, SheetNeed>;
  /** a table to start reading with the names, and the columns to guess (saves a request when it exists) */
  lead?: LeadGuess;
}

const DEFAULTS: Required<ReadOptions> = { responseBudget: 4_000_000, bytesPerCell: 20, maxBlockRows: 20_000, maxBlockCells: 1_000_000, leadRows: LEAD_ROWS };
const ALL: SheetNeed = { kind: "all" };
/** Answer bytes of a position (four numbers) or a small load, with its framing. */
const SMALL_BYTES = 120;

/** The names as a snapshot without values: what a Projection decides from. */
function namesOnly(sheets: readonly SheetInfo[]): WorkbookSnapshot {
  const snap = sheets.map((s): SheetSnapshot => ({
    name: s.name,
    originRow: 0,
    originCol: 0,
    values: [],
    tables: s.tables.map((t) => ({ name: t.name, headerRow: 0, firstCol: 0, rowCount: t.bodyRows, headers: t.headers })),
    protected: s.protected,
  }));
  return { sheets: snap, tableNames: snap.flatMap((s) => s.tables.map((t) => t.name)) };
}

const isBlank = (v: CellValue | undefined | null) => v === "" || v === undefined || v === null;

/** One read: what each sheet needs, what came back, and the jobs still to run. */
class Read {
  readonly sizes: CellSizes;
  readonly needs: SheetNeed[];
  readonly projected: ProjectedTable[] = [];
  /** body rows that came with the names, per table read by column */
  private readonly leadBody = new Map<ProjectedTable, number>();
  used: Used[] = [];
  tables: TableLocation[][] = [];
  readonly topLeft = new Map<number, CellValue>();
  /** sheets read whole in request 2 */
  wholes = new Set<number>();
  private positioned = false;

  constructor(
    readonly names: Names,
    needs: Map<string, SheetNeed>,
    readonly o: Required<ReadOptions>,
  ) {
    this.sizes = new CellSizes(o.bytesPerCell);
    this.needs = names.sheets.map((s) => needs.get(s.name) ?? ALL);
    names.sheets.forEach((s, i) => {
      const need = this.needs[i];
      if (need.kind !== "columns") return;
      for (const t of need.tables) {
        const table = s.tables.find((x) => x.name === t.name);
        if (!table) continue;
        const cells = new Map(t.columns.map((c) => [c.index, new Array<CellValue>(table.bodyRows)]));
        this.projected.push({ sheet: i, table, columns: t.columns, cells, full: new Map(), header: null, unchecked: [] });
      }
    });
    this.takeLead();
    this.chooseWholes();
  }

  /**
   * The lead rows came with the names, in the columns where the template puts what the action
   * needs. Kept when they are every column this table really needs (the headers say which);
   * otherwise the table is read by column like the others, from its first row.
   */
  private takeLead(): void {
    const lead = this.names.lead;
    const p = lead && this.projected.find((x) => x.table.name.toLowerCase() === lead.table.toLowerCase());
    if (!lead || !p || p.columns.length === 0 || !p.columns.every((c) => lead.columns.has(c.index))) return;
    for (const c of p.columns) {
      const from = lead.columns.get(c.index) as CellValue[];
      const into = p.cells.get(c.index) as CellValue[];
      for (let r = 0; r < lead.rows; r++) into[r] = from[r + 1];
      this.sizes.measure(columnKey(p.table.name, c.index), c.def, from.slice(1));
    }
    p.unchecked.push([0, lead.rows]);
    this.leadBody.set(p, lead.rows);
  }

  private leadRows(p: ProjectedTable): number {
    return this.leadBody.get(p) ?? 0;
  }

  /** Sheets read in full come whole with the positions when their tables say they fit; a surprise costs one more request. */
  private chooseWholes(): void {
    let budget = this.o.responseBudget;
    this.names.sheets.forEach((s, i) => {
      if (this.needs[i].kind !== "all") return;
      const est = s.tables.reduce((n, t) => n + (t.bodyRows + 1) * t.headers.length * this.sizes.any(), 0);
      if (est <= budget) {
        this.wholes.add(i);
        budget -= est;
      }
    });
  }

  jobs(): ValueJob[] {
    return this.projected.filter((p) => p.columns.length > 0).map((p) => columnsJob(p, this.leadRows(p), this.sizes));
  }

  /** Request 2's own loads: positions, whole sheets, header rows, top-left cells. */
  first(): FirstRequest {
    const sheets = this.names.sheets;
    let delivered: (() => void) | null = null;
    return {
      bytes: () => {
        let n = 0;
        sheets.forEach((s, i) => {
          n += SMALL_BYTES * (1 + s.tables.length);
          if (this.wholes.has(i)) n += s.tables.reduce((m, t) => m + (t.bodyRows + 1) * t.headers.length * this.sizes.any(), 0);
        });
        for (const p of this.projected) if (!p.header) n += p.table.headers.length * this.sizes.any();
        return n + SMALL_BYTES * this.topLeftSheets().length;
      },
      queue: (scope) => {
        delivered = this.queuePositions(scope);
      },
      deliver: () => delivered?.(),
      shrink: () => {
        if (this.wholes.size === 0) return false;
        this.wholes = new Set();
        return true;
      },
    };
  }

  private topLeftSheets(): number[] {
    return this.needs.flatMap((n, i) => ((n.kind === "shape" || n.kind === "columns") && n.topLeft ? [i] : []));
  }

  private queuePositions(scope: RequestScope): () => void {
    const pos = ["rowIndex", "columnIndex", "rowCount", "columnCount"];
    const sheets = this.names.sheets;
    const used = sheets.map((s, i) => s.ws.getUsedRangeOrNullObject(true).load(this.wholes.has(i) ? [...pos, "values"] : pos));
    const tables = sheets.map((s) => s.tables.map((t) => tableRange(scope, t.name).load(pos)));
    const headers = this.projected.map((p) => (p.header ? null : tableRange(scope, p.table.name).getRow(0).load("values")));
    const corners = this.topLeftSheets().map((i) => ({ i, cell: sheets[i].ws.getCell(0, 0).load("values") }));
    return () => {
      this.used = used.map((r, i) =>
        r.isNullObject
          ? { row: 0, col: 0, rows: 0, cols: 0, values: [] }
          : { row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount, values: this.wholes.has(i) ? ((r.values as CellValue[][] | null) ?? null) : null },
      );
      for (const u of this.used) if (u.values && u.rows * u.cols >= 1000) this.sizes.measureGrid(u.values);
      this.tables = tables.map((rs, i) => rs.map((r, j) => ({ name: sheets[i].tables[j].name, sheet: sheets[i].name, row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount })));
      headers.forEach((h, k) => {
        if (h) this.projected[k].header = (h.values as CellValue[][])[0];
      });
      for (const { i, cell } of corners) this.topLeft.set(i, (cell.values as CellValue[][])[0][0]);
      this.positioned = true;
    };
  }

  private sheetJobsQueued = false;

  /** After each request: blocks of sheets too big to come whole, and whole rows where the needed cells were blank. */
  more(): ValueJob[] {
    if (!this.positioned) return [];
    const jobs: ValueJob[] = [];
    if (!this.sheetJobsQueued) {
      this.sheetJobsQueued = true;
      this.used.forEach((u, i) => {
        if (this.needs[i].kind !== "all" || u.values !== null) return;
        u.values = new Array<CellValue[]>(u.rows);
        jobs.push(sheetJob(this.names.sheets[i].ws, `sheet\u0000${this.names.sheets[i].name}`, u, u.values, this.sizes));
      });
    }
    for (const p of this.projected) jobs.push(...this.blankRowJobs(p));
    return jobs;
  }

  private location(p: ProjectedTable): TableLocation {
    return this.tables[p.sheet].find((t) => t.name === p.table.name) as TableLocation;
  }

  /**
   * Rows whose needed cells are all blank, inside the used range: whether the row is blank decides
   * whether the core reads it at all, and only the other cells can tell. Read them whole.
   */
  private blankRowJobs(p: ProjectedTable): ValueJob[] {
    // Without a needed column the core reads none of the table's rows (no name, no customer id).
    if (p.columns.length === 0) return [];
    const u = this.used[p.sheet];
    const body = this.location(p).row + 1;
    const rows: number[] = [];
    for (const [from, count] of p.unchecked) {
      for (let r = Math.max(from, u.row - body); r < Math.min(from + count, u.row + u.rows - body); r++) {
        if (!p.full.has(r) && p.columns.every((c) => isBlank((p.cells.get(c.index) as CellValue[])[r]))) rows.push(r);
      }
    }
    p.unchecked = [];
    const jobs: ValueJob[] = [];
    let i = 0;
    while (i < rows.length) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      jobs.push(rowsJob(p, rows[i], j - i + 1, this.sizes));
      i = j + 1;
    }
    return jobs;
  }

  private projectedGrid(i: number): Grid {
    const g = blankCover(this.used[i], this.tables[i]);
    for (const p of this.projected.filter((x) => x.sheet === i)) {
      const at = this.location(p);
      (p.header ?? []).forEach((v, j) => put(g, at.row, at.col + j, v));
      for (const c of p.columns) {
        const col = p.cells.get(c.index) as CellValue[];
        for (let r = 0; r < col.length; r++) put(g, at.row + 1 + r, at.col + c.index, col[r]);
      }
      for (const [r, line] of p.full) line.forEach((v, j) => put(g, at.row + 1 + r, at.col + j, v));
    }
    return g;
  }

  snapshot(syncs: number): ShellSnapshot {
    const sheets: SheetSnapshot[] = this.names.sheets.map((info, i) => {
      const tables: TableSnapshot[] = this.tables[i].map((t, j) => ({ name: t.name, headerRow: t.row, firstCol: t.col, rowCount: t.rowCount - 1, headers: info.tables[j].headers }));
      const kind = this.needs[i].kind;
      const grid = kind === "all" ? coverTables(this.used[i], this.tables[i]) : kind === "shape" ? blankCover(this.used[i], this.tables[i]) : this.projectedGrid(i);
      const corner = this.topLeft.get(i);
      if (corner !== undefined) put(grid, 0, 0, corner);
      return { name: info.name, ...grid, tables, protected: info.protected };
    });
    return {
      snapshot: { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) },
      tables: this.tables.flat(),
      charts: new Map(this.names.sheets.map((s) => [s.name, s.charts])),
      syncs,
    };
  }
}

/** Read what an action needs (everything, without a projection): used values, tables, protection and charts. */
export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}, projection?: Projection): Promise<ShellSnapshot> {
  const o = { ...DEFAULTS, ...options };
  const names = await readNames(context, projection?.lead, o.leadRows);
  const read = new Read(names, projection ? projection.needs(namesOnly(names.sheets)) : new Map(), o);
  const syncs = await readValues(context, read.jobs(), o, read.first(), () => read.more());
  return read.snapshot(names.syncs + syncs);
}
