import { readFile } from "node:fs/promises";
import JSZip from "jszip";

/** Charts and pivot tables of a package, by their part names. */
async function countParts(file: string): Promise<{ charts: number; pivotTables: number }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const names = Object.keys(zip.files);
  return {
    charts: names.filter((n) => /^xl\/charts\/chart\d+\.xml$/i.test(n)).length,
    pivotTables: names.filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/i.test(n)).length,
  };
}

/**
 * What the in-memory path (ExcelJS rewrites the whole file) left behind: charts and pivot tables
 * the input had and the output lacks. The output's own charts (the Summary's, written anew) count
 * against the input's, so a re-scored Summary is not reported. Null when nothing is missing, or
 * when a file cannot be read as a package (the reason was given already, or the file is ours).
 */
export async function droppedParts(input: string, output: string): Promise<{ charts: number; pivotTables: number } | null> {
  try {
    const [a, b] = await Promise.all([countParts(input), countParts(output)]);
    const charts = Math.max(0, a.charts - b.charts);
    const pivotTables = Math.max(0, a.pivotTables - b.pivotTables);
    return charts || pivotTables ? { charts, pivotTables } : null;
  } catch {
    return null;
  }
}
