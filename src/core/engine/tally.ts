import type { CountMatrix } from "./summary";

// Counting over codes (see codes.ts): each hot loop is its own small function over typed arrays,
// and objects are built after it. A one-off function mixing both is optimised on the fly (OSR)
// and thrown away again whenever its cold tail meets a shape it had not seen, every run.

function byCountThenKey(a: { key: string; count: number }, b: { key: string; count: number }): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Codes with a count, non-blank, most frequent first (ties by text): countBy over codes. */
export function rankCodes(counts: Int32Array, values: readonly string[]): { key: string; count: number }[] {
  const out: { key: string; count: number }[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id] > 0 && values[id] !== "") out.push({ key: values[id], count: counts[id] });
  return out.sort(byCountThenKey);
}

/** Where each code lands among `keys` (−1: not counted); a key listed twice counts at its last place. */
export function placeOf(keys: readonly string[], values: readonly string[]): Int32Array {
  const at = new Map<string, number>();
  keys.forEach((k, i) => at.set(k, i));
  const out = new Int32Array(values.length);
  for (let id = 0; id < values.length; id++) out[id] = at.get(values[id]) ?? -1;
  return out;
}

/** Pairs counted into a flat rows × cols table, by the places of their codes (−1: skipped). */
function countPairs(rowCode: Int32Array, rowAt: Int32Array, colCode: Int32Array, colAt: Int32Array, cols: number, rows: number, pairs: number): Int32Array {
  const counts = new Int32Array(rows * cols);
  for (let k = 0; k < pairs; k++) {
    const i = rowAt[rowCode[k]];
    if (i < 0) continue;
    const j = colAt[colCode[k]];
    if (j >= 0) counts[i * cols + j]++;
  }
  return counts;
}

/** Counts customers into rows × cols by the codes of their row and column values; others are skipped. */
export function matrix(rows: string[], cols: string[], rowCode: Int32Array, rowValues: readonly string[], colCode: Int32Array, colValues: readonly string[], pairs: number): CountMatrix {
  const flat = countPairs(rowCode, placeOf(rows, rowValues), colCode, placeOf(cols, colValues), cols.length, rows.length, pairs);
  return { rows, cols, counts: rows.map((_, i) => cols.map((_, j) => flat[i * cols.length + j])) };
}

/** How many times each code occurs. */
export function countCodes(code: Int32Array, codes: number): Int32Array {
  const out = new Int32Array(codes);
  for (let i = 0; i < code.length; i++) out[code[i]]++;
  return out;
}
