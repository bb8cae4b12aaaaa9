/**
 * `clean` and `undo-clean` on the streaming path (src/cli/write-path.ts: every command takes it
 * first) write what the in-memory path writes — every sheet's cells, tables, validation and
 * conditional formats — and keep what ExcelJS cannot carry (the Summary's charts). Undo's archive
 * rewrite (the body cleared, the header kept, the table's extent moved) is patched in place.
 */
import path from "node:path";
import type ExcelJS from "exceljs";
import { cellValues, loadXlsx, onWritePath, runCliCapture, tablesOf, tmpDir, type WritePath } from "../helpers/workbooks";
import { chartCount } from "./same-output";

type Path = WritePath;

async function run(kind: Path, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await onWritePath(kind, () => runCliCapture(argv));
  expect([argv[0], kind, r.code, r.stderr]).toEqual([argv[0], kind, 0, expect.not.stringContaining("Internal error")]);
  return r;
}

function sheetState(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => {
    const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    return {
      name: ws.name,
      cells: Object.fromEntries(cellValues(wb, ws.name)),
      tables: tablesOf(wb, ws.name)
        .map((t) => ({ name: t.name, ref: t.tableRef, columns: t.columns.map((c) => c.name) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      validation: Object.keys(dv)
        .sort()
        .map((k) => [k, dv[k]]),
      conditionalFormats: (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length,
    };
  });
}

describe("clean and undo-clean: the streaming path writes what the in-memory path writes", () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await tmpDir();
    input = path.join(dir, "demo.xlsx");
    // 200 demo customers, scored: duplicates to merge, values to normalise, and the Summary's charts.
    expect((await runCliCapture(["demo", input, "--ref-date", "2026-06-30"])).code).toBe(0);
  }, 120_000);

  test("clean: same cells, tables, validation, formats and report; the charts kept", async () => {
    const out = (k: Path) => path.join(dir, `cleaned.${k}.xlsx`);
    const [mem, str] = [await run("memory", ["clean", input, "-o", out("memory"), "--json"]), await run("stream", ["clean", input, "-o", out("stream"), "--json"])];
    const report = (s: string) => ({ ...JSON.parse(s), time: "" }) as { archived: number; normalised: unknown[] };
    expect(report(str.stdout)).toEqual(report(mem.stdout));
    // The check bites: this clean merges, archives and normalises.
    expect(report(mem.stdout).archived).toBeGreaterThan(0);
    expect(report(mem.stdout).normalised.length).toBeGreaterThan(0);
    const [a, b] = [await loadXlsx(out("memory")), await loadXlsx(out("stream"))];
    // The change log's time column is the run's clock: the same shape, not the same second.
    const clock = (s: ReturnType<typeof sheetState>) => JSON.parse(JSON.stringify(s).replace(/"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"/g, '"T"')) as unknown;
    expect(clock(sheetState(b))).toEqual(clock(sheetState(a)));
    const charts = await chartCount(input);
    expect(charts).toBeGreaterThan(0);
    expect(await chartCount(out("stream"))).toBe(charts);
    // The in-memory rewrite cannot carry the Summary's charts, and says so rather than dropping them silently.
    expect(await chartCount(out("memory"))).toBe(0);
    expect(mem.stderr).toMatch(new RegExp(`${charts} chart\\(s\\) and 0 pivot table\\(s\\) of the input are not in the output|${charts} 个图表和 0 个数据透视表没有带到输出文件`));
    expect(str.stderr).not.toMatch(/not in the output|没有带到输出文件/);
  }, 300_000);

  test("undo-clean of each: the same workbook on both paths, the customers as before the clean", async () => {
    const out = (k: Path) => path.join(dir, `undone.${k}.xlsx`);
    for (const k of ["memory", "stream"] as const) await run(k, ["undo-clean", path.join(dir, `cleaned.${k}.xlsx`), "-o", out(k)]);
    const [a, b, given] = [await loadXlsx(out("memory")), await loadXlsx(out("stream")), await loadXlsx(input)];
    const clock = (s: ReturnType<typeof sheetState>) => JSON.parse(JSON.stringify(s).replace(/"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"/g, '"T"')) as unknown;
    expect(clock(sheetState(b))).toEqual(clock(sheetState(a)));
    // Undo gives back the customers as they were before the clean.
    expect(Object.fromEntries(cellValues(b, "客户信息"))).toEqual(Object.fromEntries(cellValues(given, "客户信息")));
    // The streaming path really patched (the in-memory one drops charts): the Summary's are still there.
    expect(await chartCount(out("stream"))).toBe(await chartCount(input));
  }, 300_000);
});
