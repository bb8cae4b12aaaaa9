/**
 * Mid-rank percentile P(x) = (#values < x + 0.5 · #values = x) / n (SPEC §3): units do not
 * matter, ties share one rank, and one huge value does not flatten the rest.
 * All members are scored with one sort and one binary search each (O(n log n)); NaN counts as 0.
 */
export function midRankPercentiles(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sorted[i] = v !== v ? 0 : v;
  }
  sorted.sort();
  // For each sorted position, the P of its value: computed once per run of equal values.
  const pAt = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const p = (start + 0.5 * (end - start)) / n;
    for (let k = start; k < end; k++) pAt[k] = p;
    start = end;
  }
  for (let i = 0; i < n; i++) {
    const raw = values[i];
    out[i] = pAt[lowerBound(sorted, raw !== raw ? 0 : raw)];
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
