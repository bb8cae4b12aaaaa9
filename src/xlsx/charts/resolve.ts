import { cellNumber, cellText, readCells, type CellValue } from "./cells";
import type { XlsxPackage } from "./package";
import { parseRef, rangeCells } from "./refs";
import type { ResolvedChart, ResolvedSeries, XlsxChartSpec } from "./types";

const TYPES: ReadonlySet<string> = new Set(["pie", "column", "bar", "line"]);

/** Checks a spec and fills its caches (from `cache`, else from the cells the refs point at). */
export async function resolveChart(
  spec: XlsxChartSpec,
  pkg: XlsxPackage,
  sheets: Map<string, string>,
): Promise<ResolvedChart> {
  const where = `chart "${spec.name}"`;
  if (!TYPES.has(spec.type)) throw new Error(`${where}: unknown type "${String(spec.type)}"`);
  if (!sheets.has(spec.sheetName)) throw new Error(`${where}: no sheet named "${spec.sheetName}"`);
  if (spec.series.length === 0) throw new Error(`${where}: needs at least one series`);
  checkAnchor(spec, where);

  const refs = [spec.categories, ...spec.series.flatMap((s) => [s.values, ...(typeof s.name === "string" ? [] : [s.name.ref])])];
  for (const ref of refs) {
    const sheet = parseRef(ref).sheet;
    if (!sheets.has(sheet)) throw new Error(`${where}: ref ${ref} names no sheet of this workbook`);
  }
  const catCells = rangeCells(parseRef(spec.categories), spec.categories);
  const count = catCells.length;
  for (const s of spec.series) {
    const n = rangeCells(parseRef(s.values), s.values).length;
    if (n !== count) throw new Error(`${where}: ${s.values} has ${n} cells but the categories have ${count}`);
  }

  const read = (ref: string): Promise<CellValue[]> => readRange(ref, pkg, sheets);
  let categoryCache: string[];
  let valueCaches: (number | null)[][];
  if (spec.cache) {
    const { categories, series } = spec.cache;
    if (categories.length !== count) throw new Error(`${where}: cache has ${categories.length} categories, the ref ${count}`);
    if (series.length !== spec.series.length || series.some((s) => s.length !== count)) {
      throw new Error(`${where}: cache.series must hold ${spec.series.length} arrays of ${count} numbers`);
    }
    categoryCache = categories.map((c) => String(c));
    valueCaches = series.map((s) => s.map((v) => (Number.isFinite(v) ? v : null)));
  } else {
    categoryCache = (await read(spec.categories)).map(cellText);
    valueCaches = await Promise.all(spec.series.map(async (s) => (await read(s.values)).map(cellNumber)));
  }

  const series: ResolvedSeries[] = await Promise.all(
    spec.series.map(async (s, i): Promise<ResolvedSeries> => ({
      name: typeof s.name === "string"
        ? { literal: s.name }
        : { ref: s.name.ref, cached: cellText((await read(s.name.ref))[0] ?? null) },
      values: s.values,
      cache: valueCaches[i],
    })),
  );
  return { type: spec.type, title: spec.title, categories: spec.categories, categoryCache, series };
}

function checkAnchor(spec: XlsxChartSpec, where: string): void {
  const { from, to } = spec.anchor;
  const ok = [from.row, from.col, to.row, to.col].every((n) => Number.isInteger(n) && n >= 0);
  if (!ok || to.row <= from.row || to.col <= from.col) {
    throw new Error(`${where}: anchor must be 0-based cells with "to" below and right of "from"`);
  }
}

async function readRange(ref: string, pkg: XlsxPackage, sheets: Map<string, string>): Promise<CellValue[]> {
  const range = parseRef(ref);
  const cells = rangeCells(range, ref);
  const part = sheets.get(range.sheet);
  if (!part) throw new Error(`ref ${ref} names no sheet of this workbook`);
  const keys = cells.map((c) => `${c.row},${c.col}`);
  const values = readCells(await pkg.text(part), await pkg.sharedStringTable(), new Set(keys));
  return keys.map((k) => values.get(k) ?? null);
}
