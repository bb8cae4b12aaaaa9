/** A parsed absolute reference like "'分析汇总'!$A$3:$A$6" (0-based rows and columns). */
export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const REF = /^(?:'((?:[^']|'')+)'|([^'!:]+))!\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/;

export function parseRef(ref: string): SheetRange {
  const m = REF.exec(ref.trim());
  if (!m) throw new Error(`chart ref "${ref}" is not a sheet-qualified reference like 'Sheet'!$A$1:$A$4`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const c1 = columnIndex(m[3]);
  const r1 = Number(m[4]) - 1;
  const c2 = m[5] ? columnIndex(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) - 1 : r1;
  if (r1 < 0 || r2 < 0) throw new Error(`chart ref "${ref}": rows start at 1`);
  return { sheet, top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** The cells of a one-row or one-column range, in reading order. */
export function rangeCells(range: SheetRange, ref: string): { row: number; col: number }[] {
  if (range.top !== range.bottom && range.left !== range.right) {
    throw new Error(`chart ref "${ref}" must be a single row or a single column`);
  }
  const cells: { row: number; col: number }[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) cells.push({ row, col });
  }
  return cells;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" → { row: 2, col: 1 }. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(address);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : undefined;
}
