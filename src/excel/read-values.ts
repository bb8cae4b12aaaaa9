import type { CellValue } from "../core/plan/cells";
import { answerTooBig } from "./office-errors";

/**
 * Reading values in as few requests as the answers allow: rectangles to read (jobs) are cut into
 * row blocks and packed, across sheets and tables, into requests whose estimated answer stays
 * under the budget (Excel on the web rejects answers over 5 MB; a range read is limited to
 * 5,000,000 cells). An answer that still comes back too big changed nothing: its blocks are
 * asked for again with doubled estimates.
 */

export interface BlockLimits {
  /** largest estimated answer per request */
  responseBudget: number;
  /** the docs suggest blocks of 5k–20k rows for big reads */
  maxBlockRows: number;
  /** a range read is limited to 5,000,000 cells */
  maxBlockCells: number;
}

/** Proxies made for one request, so each is made once per request. */
export class RequestScope {
  private readonly made = new Map<string, Excel.Range>();
  constructor(readonly context: Excel.RequestContext) {}
  range(key: string, make: () => Excel.Range): Excel.Range {
    let r = this.made.get(key);
    if (!r) {
      r = make();
      this.made.set(key, r);
    }
    return r;
  }
}

/** A rectangle of rows to read, possibly over several requests. */
export interface ValueJob {
  rows: number;
  /** cells per row */
  width: number;
  /** estimated answer bytes per row */
  bytesPerRow(): number;
  /** queue loads of rows [from, from + count); one range per returned entry */
  queue(scope: RequestScope, from: number, count: number): Excel.Range[];
  /** the values of those ranges, in order */
  take(from: number, count: number, values: CellValue[][][]): void;
}

/** What the first request carries besides blocks (positions, whole sheets). */
export interface FirstRequest {
  /** estimated answer bytes */
  bytes(): number;
  queue(scope: RequestScope): void;
  deliver(): void;
  /** ask for less after a too-big answer; false when there is nothing left to drop */
  shrink(): boolean;
}

interface Pending {
  job: ValueJob;
  from: number;
  rows: number;
  /** estimate multiplier, doubled after a too-big answer */
  scale: number;
}

/** Bytes an answer spends per block besides the values (property names and framing of its few ranges). */
const BLOCK_BYTES = 320;

/**
 * Run the jobs (and `first`) in requests; after each request `more` may add jobs that what came
 * back made necessary. Returns the number of requests.
 */
export async function readValues(context: Excel.RequestContext, jobs: ValueJob[], o: BlockLimits, first?: FirstRequest, more?: () => ValueJob[]): Promise<number> {
  const todo: Pending[] = jobs.filter((j) => j.rows > 0).map((job) => ({ job, from: 0, rows: job.rows, scale: 1 }));
  let head = first;
  let syncs = 0;
  while (todo.length || head) {
    const batch: Pending[] = [];
    let left = o.responseBudget - (head ? head.bytes() : 0);
    while (todo.length) {
      const next = todo[0];
      const perRow = Math.max(1, next.job.bytesPerRow() * next.scale);
      const fit = Math.min(next.rows, o.maxBlockRows, Math.floor(o.maxBlockCells / Math.max(1, next.job.width)), Math.floor((left - BLOCK_BYTES) / perRow));
      if (fit < 1 && (batch.length || head)) break;
      const rows = Math.max(1, fit);
      batch.push({ ...next, rows });
      left -= rows * perRow + BLOCK_BYTES;
      if (rows === next.rows) todo.shift();
      else todo[0] = { ...next, from: next.from + rows, rows: next.rows - rows };
    }
    const scope = new RequestScope(context);
    head?.queue(scope);
    const ranges = batch.map((b) => b.job.queue(scope, b.from, b.rows));
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      if (!answerTooBig(e)) throw e;
      const shrunk = head?.shrink() ?? false;
      if (!shrunk && batch.every((b) => b.rows === 1)) throw e;
      todo.unshift(...batch.map((b) => ({ ...b, scale: b.scale * 2 })));
      continue;
    }
    head?.deliver();
    head = undefined;
    batch.forEach((b, k) => b.job.take(b.from, b.rows, ranges[k].map((r) => r.values as CellValue[][])));
    if (more) for (const job of more()) if (job.rows > 0) todo.push({ job, from: 0, rows: job.rows, scale: 1 });
  }
  return syncs;
}
