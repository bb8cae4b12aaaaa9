/**
 * Binary floating point turns (0.3 + 0.5) × 100 into 80.00000000000001; thresholds compare with ≥,
 * so figures are cleaned to 9 decimals before any comparison.
 */
export function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Scores are shown with one decimal; the tier is decided on the shown value so the two agree. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
