import { ascendingOrder, sortKey } from "./order";

/**
 * Mid-rank percentile P(x) = (#values < x + 0.5 · #values = x) / n (SPEC §3): units do not
 * matter, ties share one rank, and one huge value does not flatten the rest. NaN counts as 0.
 * Ranked by one linear-time ordering of the indices, so no binary search per member; a caller that
 * already holds the order (from ascendingOrder of the same values) passes it to save the sort.
 */
export function midRankPercentiles(values: ArrayLike<number>, order?: Int32Array): Float64Array {
  if (order !== undefined) return rankedPercentiles(values, order);
  return countedPercentiles(values) ?? rankedPercentiles(values, ascendingOrder(values));
}

/** midRankPercentiles by walking the values in ascending order, one run of ties at a time. */
function rankedPercentiles(values: ArrayLike<number>, order: Int32Array): Float64Array {
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

/**
 * The widest band of doubled values (see countedPercentiles) counted rather than sorted: a
 * histogram this wide costs less than sorting the values, and stays small next to them.
 */
function countingSpan(n: number): number {
  return Math.min(1 << 20, 2 * n + 1024);
}

/**
 * midRankPercentiles without sorting, for figures that are whole or half numbers in a narrow band
 * (months, purchase counts, days, activity = (visits + events) / 2: most of what is ranked), plus
 * ±Infinity (an unknown recency): #values < x is then a running count over one histogram of
 * 2·x. Doubling is exact and keeps order and ties, and P is computed by the same expression from
 * the same two counts, so the numbers are identical. null when the values do not fit.
 */
function countedPercentiles(values: ArrayLike<number>): Float64Array | null {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let below = 0;
  let above = 0;
  for (let i = 0; i < n; i++) {
    const x = sortKey(values[i]);
    if (x === -Infinity) below++;
    else if (x === Infinity) above++;
    else {
      const v = 2 * x;
      if (v !== Math.floor(v) || !Number.isFinite(v)) return null;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const span = below + above === n ? 0 : max - min + 1;
  if (!(span <= countingSpan(n))) return null;
  const count = new Int32Array(span);
  for (let i = 0; i < n; i++) {
    const x = sortKey(values[i]);
    if (x !== -Infinity && x !== Infinity) count[2 * x - min]++;
  }
  const at = new Float64Array(span);
  let less = below;
  for (let k = 0; k < span; k++) {
    const c = count[k];
    if (c === 0) continue;
    at[k] = (less + 0.5 * c) / n;
    less += c;
  }
  const lowest = (0.5 * below) / n;
  const highest = (n - above + 0.5 * above) / n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = sortKey(values[i]);
    out[i] = x === -Infinity ? lowest : x === Infinity ? highest : at[2 * x - min];
  }
  return out;
}
