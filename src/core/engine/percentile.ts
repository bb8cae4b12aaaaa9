import { ascendingOrder, sortKey } from "./order";

/**
 * Mid-rank percentile P(x) = (#values < x + 0.5 · #values = x) / n (SPEC §3): units do not
 * matter, ties share one rank, and one huge value does not flatten the rest. NaN counts as 0.
 * Ranked by one linear-time ordering of the indices, so no binary search per member; a caller that
 * already holds the order (from ascendingOrder of the same values) passes it to save the sort.
 */
export function midRankPercentiles(values: ArrayLike<number>, order: Int32Array = ascendingOrder(values)): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const v = sortKey(values[order[start]]);
    let end = start + 1;
    while (end < n && sortKey(values[order[end]]) === v) end++;
    const p = (start + 0.5 * (end - start)) / n;
    for (let k = start; k < end; k++) out[order[k]] = p;
    start = end;
  }
  return out;
}

/** P of one value within a population already sorted ascending (e.g. for a reason text). */
export function percentileIn(sortedAscending: Float64Array, x: number): number {
  const n = sortedAscending.length;
  if (n === 0) return 0;
  const lo = lowerBound(sortedAscending, x);
  const hi = upperBound(sortedAscending, x, lo);
  return (lo + 0.5 * (hi - lo)) / n;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, x: number, from: number): number {
  let lo = from;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
