/**
 * A merged customer's Behaviour and Interactions rows follow it to the survivor (SPEC §5: merge
 * loses nothing): 客户编号 rewritten, logged, undone exactly; Score and tier then counts them.
 */
import { cleanPlan } from "../../src/core/actions/clean";
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { undoLastCleanPlan } from "../../src/core/actions/undo-clean";
import { BEHAVIOUR_COLUMNS, INTERACTION_COLUMNS } from "../../src/core/layout/behaviour";
import type { ColumnDef } from "../../src/core/layout/types";
import { isoToSerial } from "../../src/core/mapping/dates";
import type { CellValue } from "../../src/core/plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { applyToSnapshot, cellMap } from "./apply-to-snapshot";
import { NOW, workbook, type Row } from "./samples";

const ALL = { normalise: true, merge: true };

function sheet(name: string, table: string, columns: ColumnDef[], rows: Row[]): SheetSnapshot {
  const headers = columns.map((c) => c.label.zh);
  const values: CellValue[][] = [headers, ...rows.map((r) => columns.map((c) => r[c.id] ?? ""))];
  return { name, originRow: 0, originCol: 0, values, tables: [{ name: table, headerRow: 0, firstCol: 0, rowCount: rows.length, headers }] };
}

function withLinked(customers: Row[], behaviour: Row[], interactions: Row[]): WorkbookSnapshot {
  const wb = workbook(customers);
  wb.sheets.push(sheet("客户行为", "Behaviour", BEHAVIOUR_COLUMNS.filter((c) => !c.output), behaviour), sheet("互动记录", "Interactions", INTERACTION_COLUMNS, interactions));
  return { sheets: wb.sheets, tableNames: wb.sheets.flatMap((s) => s.tables.map((t) => t.name)) };
}

const column = (wb: WorkbookSnapshot, name: string, c = 0) => (wb.sheets.find((s) => s.name === name) as SheetSnapshot).values.slice(1).map((r) => r[c]);

describe("merged customers' Behaviour and Interactions rows move to the survivor", () => {
  const customers: Row[] = [
    { id: "2024001", name: "北京华信科技有限公司", contact: "张三", mobile: "13800138000" },
    { id: "2024002", name: "上海蓝海物流有限公司", contact: "王五" },
    { id: "2024003", name: "北京华信科技有限责任公司", contact: "李四", title: "采购经理", mobile: "13900139000", email: "li@huaxin.com", industry: "I 信息传输、软件和信息技术服务业", lastContact: 45300 },
  ];
  const behaviour: Row[] = [
    { customerId: "2024001", period: "2024Q1", purchases: 5, amount: 12 },
    { customerId: "2024002", period: "2024Q1", purchases: 2, amount: 3 },
    { customerId: " 2024001 ", period: "2024Q2", purchases: 4, amount: 9 },
    { customerId: "2024003", period: "2024Q2", purchases: 8, amount: 20 },
  ];
  const interactions: Row[] = [
    { customerId: "2024001", date: 45310, channel: "电话", summary: "报价" },
    { customerId: "2024002", date: 45311, channel: "邮件" },
  ];
  const wb = withLinked(customers, behaviour, interactions);
  const { plan, report } = cleanPlan(wb, DEFAULT_SETTINGS, "zh-CN", NOW, ALL);
  const after = applyToSnapshot(wb, plan);

  test("only the merged-away id's rows change, to the survivor's id; other cells untouched", () => {
    expect(report.groups.map((g) => g.survivor.id)).toEqual(["2024003"]);
    expect(column(after, "客户行为")).toEqual(["2024003", "2024002", "2024003", "2024003"]);
    expect(column(after, "互动记录")).toEqual(["2024003", "2024002"]);
    expect(report.relinked).toBe(3);
    const beforeB = cellMap(wb, "客户行为");
    const afterB = cellMap(after, "客户行为");
    const changed = [...afterB].filter(([k, v]) => beforeB.get(k) !== v).map(([k]) => k);
    expect(changed).toHaveLength(2);
  });

  test("each rewritten cell is one log row: its sheet, the old id and row, the header, exact old and new", () => {
    const linked = plan.changeLog.filter((e) => e.sheet !== "客户信息");
    expect(linked).toEqual([
      { time: NOW, action: "clean", sheet: "客户行为", key: "2024001 #2", column: "客户编号", old: "2024001", new: "2024003" },
      { time: NOW, action: "clean", sheet: "客户行为", key: "2024001 #4", column: "客户编号", old: " 2024001 ", new: "2024003" },
      { time: NOW, action: "clean", sheet: "互动记录", key: "2024001 #2", column: "客户编号", old: "2024001", new: "2024003" },
    ]);
  });

  test("Score and tier after the clean: no unknown ids, the survivor has the moved behaviour", () => {
    const ref = isoToSerial("2024-06-30") as number;
    const beforeScore = scoreAndTier(wb, DEFAULT_SETTINGS, ref, "zh-CN", NOW);
    expect(beforeScore.result.unknownBehaviourIds).toEqual([]);
    const scored = scoreAndTier(after, DEFAULT_SETTINGS, ref, "zh-CN", NOW);
    expect(scored.result.unknownBehaviourIds).toEqual([]);
    const survivor = scored.result.customers.find((c) => c.id === "2024003");
    expect(survivor?.hasBehaviour).toBe(true);
    expect(survivor?.lastContact).toBe(45310);
  });

  test("Undo last clean puts every Behaviour and Interactions cell back exactly", () => {
    const undo = undoLastCleanPlan(after, "zh-CN", "2024-06-30 12:05:00");
    const back = applyToSnapshot(after, undo.plan);
    for (const name of ["客户信息", "客户行为", "互动记录"]) expect(cellMap(back, name)).toEqual(cellMap(wb, name));
  });

  test("merge off: nothing relinked", () => {
    const r = cleanPlan(wb, DEFAULT_SETTINGS, "zh-CN", NOW, { normalise: true, merge: false });
    expect(r.report.relinked).toBe(0);
    expect(r.plan.sheets.map((s) => s.name)).toEqual(["客户信息"]);
  });
});

describe("ids that stay are not moved", () => {
  test("a merged-away id another remaining customer still holds keeps its rows", () => {
    const customers: Row[] = [
      { id: "A", name: "甲有限公司", mobile: "13800138000" },
      { id: "B", name: "甲有限公司", mobile: "13800138000", email: "a@b.cn" },
      { id: "A", name: "乙有限公司" },
    ];
    const wb = withLinked(customers, [{ customerId: "A", period: "2024Q1", purchases: 1 }], []);
    const { plan, report } = cleanPlan(wb, DEFAULT_SETTINGS, "zh-CN", NOW, ALL);
    expect(report.groups).toHaveLength(1);
    expect(report.relinked).toBe(0);
    expect(column(applyToSnapshot(wb, plan), "客户行为")).toEqual(["A"]);
  });

  test("a number id typed as a number stays a number", () => {
    const customers: Row[] = [
      { id: 2024001, name: "丙有限公司" },
      { id: 2024002, name: "丙有限公司", mobile: "13800138000", email: "c@d.cn" },
    ];
    const wb = withLinked(customers, [{ customerId: 2024001, period: "2024Q1" }, { customerId: "2024001", period: "2024Q2" }], []);
    const after = applyToSnapshot(wb, cleanPlan(wb, DEFAULT_SETTINGS, "zh-CN", NOW, ALL).plan);
    expect(column(after, "客户行为")).toEqual([2024002, "2024002"]);
  });
});
