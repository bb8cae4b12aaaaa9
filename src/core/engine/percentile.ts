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
