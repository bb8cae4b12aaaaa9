/**
 * Clean and Undo through the real ExcelJS shell (workbook → snapshot → plan → apply → snapshot),
 * and the CLI commands clean / mask: exit codes and files.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { cleanPlan } from "../../src/core/actions/clean";
import { insertTemplate } from "../../src/core/actions/insert-template";
import { undoLastCleanPlan } from "../../src/core/actions/undo-clean";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import type { CellValue } from "../../src/core/plan/cells";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { cleanCommand, maskCommand } from "../../src/cli/clean-commands";
import { UsageError, parseCli } from "../../src/cli/args";
import { InsightError } from "../../src/core/i18n/messages";
import { applyPlan } from "../../src/xlsx/apply";
import { fillTable } from "../../src/xlsx/fill-table";
import { workbookSnapshot } from "../../src/xlsx/snapshot";
import { toCellValue } from "../../src/xlsx/cell-value";
import { loadXlsx, saveTmp, tmpDir } from "../helpers/workbooks";

const INPUTS = CUSTOMER_COLUMNS.filter((c) => !c.output);
const row = (o: Record<string, CellValue>): CellValue[] => INPUTS.map((c) => o[c.id] ?? "");

const ROWS: CellValue[][] = [
  row({ id: "2024001", name: " 北京华信科技有限公司", industry: "软件", mobile: "+86 138-0013-8000", lastContact: "2024年3月15日", revenue: "30万", contact: "张三", summary: "=SUM(A1) 原话" }),
  row({ id: "2024002", name: "上海蓝海物流有限公司", mobile: 13900139000, email: "Ops@LanHai.com", lastContact: 45366, needMatch: 4 }),
  row({ id: "2024003", name: "北京华信科技有限责任公司", contact: "李四", title: "采购经理", mobile: "13700137000", startDate: "2023.1.5", grade: "重点" }),
  row({ id: "2024004", name: "深圳市腾达电子有限公司", creditCode: "9111 0000 6000 3734 1L", lastContact: "03/04/2024", revenue: "约100" }),
  row({ id: "2024005", name: "深圳腾达电子公司", industry: "制造业-机械设备", employees: "１２０" }),
];

function templateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, insertTemplate(workbookSnapshot(wb), "zh-CN"));
  fillTable(wb, "Customers", ROWS);
  return wb;
}

function customersCells(wb: ExcelJS.Workbook): Map<string, CellValue> {
  const ws = wb.getWorksheet("客户信息");
  const out = new Map<string, CellValue>();
  ws?.eachRow({ includeEmpty: false }, (r, i) =>
    r.eachCell({ includeEmpty: false }, (c, j) => {
      const v = toCellValue(c.value);
      if (v !== "") out.set(`${i},${j}`, v);
    }),
  );
  return out;
}

describe("through the ExcelJS shell: clean → apply → snapshot → undo → apply", () => {
  test("every Customers cell comes back exactly, also after a save and reload", async () => {
    const wb = templateWorkbook();
    const before = customersCells(wb);
    const { plan, report } = cleanPlan(workbookSnapshot(wb), DEFAULT_SETTINGS, "zh-CN", "2024-06-30 12:00:00", { normalise: true, merge: true });
    expect(report.groups).toHaveLength(1);
    applyPlan(wb, plan);
    const cleaned = await loadXlsx(await saveTmp(wb));
    const cv = customersCells(cleaned);
    expect(cv.get("2,2")).toBe("北京华信科技有限公司");
    expect(cv.has("4,1")).toBe(false);
    expect(cleaned.getWorksheet("归档")?.getTable("Archive")).toBeTruthy();
    const undo = undoLastCleanPlan(workbookSnapshot(cleaned), "zh-CN", "2024-06-30 12:05:00");
    applyPlan(cleaned, undo.plan);
    const restored = await loadXlsx(await saveTmp(cleaned));
    expect(customersCells(restored)).toEqual(before);
    const archive = workbookSnapshot(restored).sheets.find((s) => s.name === "归档");
    expect(archive?.values.slice(1).flat().every((v) => v === "")).toBe(true);
  });
});

async function cli(command: (a: ReturnType<typeof parseCli>, io: { out: (s: string) => void; err: (s: string) => void }) => Promise<void>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  try {
    await command(parseCli(argv), { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code: 0, stdout: out.join("\n"), stderr: err.join("\n") };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: "", stderr: e.message };
    if (e instanceof InsightError) return { code: 1, stdout: "", stderr: e.localized("en-US") };
    throw e;
  }
}

describe("CLI clean and mask", () => {
  test("clean writes <in>.cleaned.xlsx next to the input, never over it, and --json reports everything", async () => {
    const input = await saveTmp(templateWorkbook(), "list.xlsx");
    const run = await cli(cleanCommand, ["clean", input, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { normalised: unknown[]; duplicateGroups: unknown[]; possibleDuplicates: unknown[]; flagged: { reason: string }[] };
    expect(json.normalised.length).toBeGreaterThan(3);
    expect(json.duplicateGroups).toHaveLength(1);
    expect(json.possibleDuplicates).toHaveLength(1);
    expect(json.flagged.map((f) => f.reason)).toEqual(expect.arrayContaining(["dayMonthOrder", "approximate"]));
    const out = path.join(path.dirname(input), "list.cleaned.xlsx");
    expect(existsSync(out)).toBe(true);
    const log = (await loadXlsx(out)).getWorksheet("变更日志");
    expect(log?.rowCount).toBeGreaterThan(5);
    expect((await cli(cleanCommand, ["clean", input, "-o", input])).code).toBe(1);
    expect((await cli(cleanCommand, ["clean"])).code).toBe(2);
    expect((await cli(cleanCommand, ["clean", path.join(await tmpDir(), "missing.xlsx")])).code).toBe(1);
  });

  test("mask writes a file holding only the masked sheet, without the original personal data", async () => {
    const input = await saveTmp(templateWorkbook(), "list.xlsx");
    const out = path.join(await tmpDir(), "share.xlsx");
    const run = await cli(maskCommand, ["mask", input, "-o", out]);
    expect(run.code).toBe(0);
    const wb = await loadXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["客户信息(脱敏)"]);
    const all: string[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => void all.push(String(toCellValue(c.value)))));
    const text = all.join("|");
    for (const secret of ["13800138000", "13900139000", "Ops@LanHai.com", "华信科技", "张三", "李四"]) expect(text).not.toContain(secret);
    expect(text).toContain("139****9000");
    expect(text).toContain("=SUM(A1) 原话");
    const defaultOut = await cli(maskCommand, ["mask", input]);
    expect(defaultOut.code).toBe(0);
    expect(existsSync(path.join(path.dirname(input), "list.masked.xlsx"))).toBe(true);
    expect((await cli(maskCommand, ["mask", input, "-o", input])).code).toBe(1);
  });
});
