/**
 * Filters (SPEC §6): AutoFilter criteria on the Customers table, exactly as Excel.FilterCriteria
 * takes them, presets on data written by Score and tier in either language, and the pure
 * evaluation the pane uses for its count.
 */
import fc from "fast-check";
import { adoptList } from "../../src/core/actions/adopt";
import { FILTER_PRESETS, FILTER_PRESET_IDS, buildCriteria, clearFiltersPlan, countVisible, criterionMatches, evaluateFilter, filterPlan, type FilterSpec } from "../../src/core/actions/filter";
import { insertTemplate } from "../../src/core/actions/insert-template";
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { proposeMapping } from "../../src/core/adopt/propose";
import { AdoptError, FILTER_PRESET_TEXT, presetDescription, presetName } from "../../src/core/i18n/adopt";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import { headerOf } from "../../src/core/layout/sheets";
import { isoToSerial } from "../../src/core/mapping/dates";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import type { FilterCriterion } from "../../src/core/plan/types";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { applyToSnapshot } from "../adopt/apply-to-snapshot";
import { sheetOf } from "../adopt/samples";

const col = (id: string) => CUSTOMER_COLUMNS.findIndex((c) => c.id === id);

/** A Customers table at A1 with every standard column; rows give values by column id. */
function customersWorkbook(rows: Record<string, CellValue>[], lang: Lang = "zh-CN", columns = CUSTOMER_COLUMNS): WorkbookSnapshot {
  const headers = columns.map((c) => headerOf(c, lang));
  const values: CellValue[][] = [headers, ...rows.map((r) => columns.map((c) => r[c.id] ?? ""))];
  const sheet: SheetSnapshot = { name: lang === "zh-CN" ? "客户信息" : "Customers", originRow: 0, originCol: 0, values, tables: [{ name: "Customers", headerRow: 0, firstCol: 0, rowCount: rows.length, headers }] };
  return { sheets: [sheet], tableNames: ["Customers"] };
}

const ROWS: Record<string, CellValue>[] = [
  { name: "甲", grade: "重点", needMatch: 5, tier: "A", core: "是", followUpStatus: "逾期" },
  { name: "乙", grade: "重点", needMatch: 3, tier: "D", core: "否", followUpStatus: "正常" },
  { name: "丙", grade: "潜在", needMatch: 4, tier: "B", core: "否", followUpStatus: "3 天内到期" },
  { name: "丁", grade: "重点", needMatch: 4, tier: "D", core: "Yes", followUpStatus: "Overdue" },
  { name: "戊", grade: "普通", needMatch: "", tier: "C", core: "No", followUpStatus: "" },
  { name: "己", grade: "重点", needMatch: "", tier: "", core: "", followUpStatus: "" },
];

function tableRows(wb: WorkbookSnapshot): CellValue[][] {
  return wb.sheets[0].values.slice(1);
}

describe("presets: criteria exactly as Excel.FilterCriteria takes them", () => {
  const wb = customersWorkbook(ROWS);
  const criteria = (id: (typeof FILTER_PRESET_IDS)[number]) => filterPlan(wb, id, "zh-CN").sheets[0].filter?.criteria;

  test("优先跟进: grade = 重点 and need match ≥ 4", () => {
    expect(criteria("priorityFollowUp")).toEqual([
      { column: col("grade"), kind: "custom", criterion1: "=重点" },
      { column: col("needMatch"), kind: "custom", criterion1: ">=4" },
    ]);
  });

  test("逾期跟进: the status Score and tier writes, in either language", () => {
    expect(criteria("overdueFollowUp")).toEqual([{ column: col("followUpStatus"), kind: "custom", criterion1: "=逾期", criterion2: "=Overdue", operator: "Or" }]);
  });

  test("D 类流失风险: tier = D", () => {
    expect(criteria("churnRiskD")).toEqual([{ column: col("tier"), kind: "custom", criterion1: "=D" }]);
  });

  test("核心客户: core = 是 / Yes", () => {
    expect(criteria("coreCustomers")).toEqual([{ column: col("core"), kind: "custom", criterion1: "=是", criterion2: "=Yes", operator: "Or" }]);
  });

  test("the plan: one sheet, the Customers table's filter, nothing written", () => {
    const plan = filterPlan(wb, "churnRiskD", "en-US");
    expect(plan.action).toBe("filter");
    expect(plan.sheets).toHaveLength(1);
    expect(plan.sheets[0]).toMatchObject({ name: "客户信息", ensure: false, writes: [], tables: [] });
    expect(plan.sheets[0].filter?.table).toBe("Customers");
    expect(plan.changeLog).toEqual([]);
  });

  test("evaluateFilter on sample rows: which customers stay visible", () => {
    const rows = tableRows(wb);
    const names = (id: (typeof FILTER_PRESET_IDS)[number]) => evaluateFilter(rows, filterPlan(wb, id, "zh-CN").sheets[0].filter as { table: string; criteria: FilterCriterion[] }).map((i) => rows[i][col("name")]);
    expect(names("priorityFollowUp")).toEqual(["甲", "丁"]);
    expect(names("overdueFollowUp")).toEqual(["甲", "丁"]);
    expect(names("churnRiskD")).toEqual(["乙", "丁"]);
    expect(names("coreCustomers")).toEqual(["甲", "丁"]);
  });

  test("names and descriptions in both languages", () => {
    for (const id of FILTER_PRESET_IDS) {
      expect(presetName(id, "zh-CN")).toBe(FILTER_PRESET_TEXT[id].name.zh);
      expect(presetName(id, "en-US")).not.toBe(presetName(id, "zh-CN"));
      expect(presetDescription(id, "en-US").length).toBeGreaterThan(5);
    }
    expect(presetName("priorityFollowUp", "zh-CN")).toBe("优先跟进");
    expect(presetName("churnRiskD", "zh-CN")).toBe("D 类流失风险");
  });

  test("clearFiltersPlan: the table's filter with empty criteria", () => {
    const plan = clearFiltersPlan(wb);
    expect(plan.action).toBe("clearFilters");
    expect(plan.sheets[0].filter).toEqual({ table: "Customers", criteria: [] });
  });
});

describe("builder", () => {
  const wb = customersWorkbook(ROWS, "en-US");
  const build = (spec: FilterSpec) => buildCriteria(wb.sheets[0].tables[0].headers, spec, "en-US");

  test.each([
    ["equals text", { column: "grade", operator: "equals", value: "潜在" }, { criterion1: "=潜在" }],
    ["equals number", { column: "needMatch", operator: "equals", value: 3 }, { criterion1: "=3" }],
    ["not equals", { column: "grade", operator: "notEquals", value: "普通" }, { criterion1: "<>普通" }],
    ["contains", { column: "summary", operator: "contains", value: "演示" }, { criterion1: "=*演示*" }],
    ["≥", { column: "likelihood", operator: "gte", value: 4 }, { criterion1: ">=4" }],
    ["≤", { column: "likelihood", operator: "lte", value: "2" }, { criterion1: "<=2" }],
    [">", { column: "employees", operator: "gt", value: 100 }, { criterion1: ">100" }],
    ["<", { column: "revenue", operator: "lt", value: 500.5 }, { criterion1: "<500.5" }],
    ["between", { column: "needMatch", operator: "between", value: 2, value2: 4 }, { criterion1: ">=2", criterion2: "<=4", operator: "And" }],
    ["between, bounds reversed", { column: "needMatch", operator: "between", value: 4, value2: 2 }, { criterion1: ">=2", criterion2: "<=4", operator: "And" }],
    ["is blank", { column: "email", operator: "isBlank" }, { criterion1: "=" }],
    ["is not blank", { column: "mobile", operator: "notBlank" }, { criterion1: "<>" }],
    ["a date as a serial", { column: "lastContact", operator: "gte", value: "2024-03-01" }, { criterion1: `>=${isoToSerial("2024-03-01")}` }],
    ["wildcards in a value match themselves", { column: "name", operator: "equals", value: "A*B?C~" }, { criterion1: "=A~*B~?C~~" }],
  ] as const)("%s", (_t, condition, expected) => {
    expect(build({ conditions: [{ ...condition }] })).toEqual([{ column: col(condition.column), kind: "custom", ...expected }]);
  });

  test("two conditions on one column merge into one criterion with And; columns are AND-combined", () => {
    expect(
      build({
        conditions: [
          { column: "needMatch", operator: "gte", value: 2 },
          { column: "grade", operator: "equals", value: "重点" },
          { column: "needMatch", operator: "lt", value: 5 },
        ],
      }),
    ).toEqual([
      { column: col("grade"), kind: "custom", criterion1: "=重点" },
      { column: col("needMatch"), kind: "custom", criterion1: ">=2", criterion2: "<5", operator: "And" },
    ]);
  });

  test("one of three or more values is a values filter", () => {
    expect(build({ conditions: [{ column: "channel", operator: "oneOf", values: ["电话", "微信", "面谈"] }] })).toEqual([{ column: col("channel"), kind: "values", values: ["电话", "微信", "面谈"] }]);
  });

  test("more than Excel can hold on one column is a clear error", () => {
    const run = () =>
      build({
        conditions: [
          { column: "needMatch", operator: "between", value: 2, value2: 4 },
          { column: "needMatch", operator: "notEquals", value: 3 },
        ],
      });
    expect(run).toThrow(expect.objectContaining({ code: "filterTooManyConditions", params: { column: "Need match" } }));
  });

  test("a value that is not a number for a number column, a missing value", () => {
    expect(() => build({ conditions: [{ column: "needMatch", operator: "gte", value: "high" }] })).toThrow(expect.objectContaining({ code: "filterNotNumber" }));
    expect(() => build({ conditions: [{ column: "lastContact", operator: "lt", value: "last week" }] })).toThrow(expect.objectContaining({ code: "filterNotNumber" }));
    expect(() => build({ conditions: [{ column: "grade", operator: "equals" }] })).toThrow(expect.objectContaining({ code: "filterValueMissing" }));
    expect(() => build({ conditions: [{ column: "name", operator: "contains", value: " " }] })).toThrow(expect.objectContaining({ code: "filterValueMissing" }));
  });
});

describe("errors name the column", () => {
  const inputsOnly = CUSTOMER_COLUMNS.filter((c) => !c.output);

  test("an output column before Score and tier: run Score and tier first", () => {
    const wb = customersWorkbook(ROWS, "zh-CN", inputsOnly);
    const run = () => filterPlan(wb, "churnRiskD", "zh-CN");
    expect(run).toThrow(AdoptError);
    try {
      run();
    } catch (e) {
      const err = e as AdoptError;
      expect(err.code).toBe("filterColumnMissingOutput");
      expect(err.localized("zh-CN")).toContain("客户分层");
      expect(err.localized("zh-CN")).toContain("评分分层");
      expect(err.localized("en-US")).toContain("Score and tier");
    }
  });

  test("an input column the table lacks", () => {
    const wb = customersWorkbook(ROWS, "en-US", inputsOnly.filter((c) => c.id !== "needMatch"));
    expect(() => filterPlan(wb, "priorityFollowUp", "en-US")).toThrow(expect.objectContaining({ code: "filterColumnMissing", params: { column: "Need match" } }));
  });

  test("an unknown column id; no Customers table", () => {
    const wb = customersWorkbook(ROWS);
    expect(() => filterPlan(wb, { conditions: [{ column: "city", operator: "equals", value: "x" }] }, "zh-CN")).toThrow(expect.objectContaining({ code: "filterUnknownColumn" }));
    const plain: WorkbookSnapshot = { sheets: [sheetOf([["客户名称"], ["甲"]], "客户信息")], tableNames: [] };
    expect(() => filterPlan(plain, "churnRiskD", "zh-CN")).toThrow(expect.objectContaining({ code: "filterNoTable" }));
    expect(() => clearFiltersPlan(plain)).toThrow(expect.objectContaining({ code: "filterNoTable" }));
  });
});

describe("criterion semantics (as Excel applies them)", () => {
  test.each([
    ["=重点", "重点", true],
    ["=重点", "重点客户", false],
    ["=d", "D", true],
    [">=4", 4, true],
    [">=4", 3, false],
    [">=4", "4", false],
    [">=4", "", false],
    ["=", "", true],
    ["=", "x", false],
    ["<>", "", false],
    ["<>", 0, true],
    ["=*软件*", "杭州软件公司", true],
    ["=*软件*", "硬件", false],
    ["<>重点", "", true],
    ["=A~*B", "A*B", true],
    ["=A~*B", "AxB", false],
    ["=3", 3, true],
  ] as const)("%s on %p → %p", (criterion, value, expected) => {
    expect(criterionMatches(criterion, value)).toBe(expected);
  });

  test("property: a merged criterion shows exactly the rows both conditions show", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant("")), { maxLength: 30 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (values, a, b) => {
        const wb = customersWorkbook(values.map((v) => ({ name: "x", employees: v })));
        const headers = wb.sheets[0].tables[0].headers;
        const rows = tableRows(wb);
        const merged = buildCriteria(headers, { conditions: [{ column: "employees", operator: "gte", value: a }, { column: "employees", operator: "lte", value: b }] }, "zh-CN");
        const between = buildCriteria(headers, { conditions: [{ column: "employees", operator: "between", value: a, value2: b }] }, "zh-CN");
        const expected = values.flatMap((v, i) => (typeof v === "number" && v >= a && v <= b ? [i] : []));
        expect(evaluateFilter(rows, merged)).toEqual(expected);
        if (a <= b) expect(evaluateFilter(rows, between)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("presets on a list adopted and scored by the real actions", () => {
  function scoredWorkbook(lang: Lang) {
    const sheet = sheetOf(
      [
        ["客户名称", "联系人", "手机", "最近联系时间", "客户等级", "跟进优先级", "需求匹配度", "合作可能性"],
        ["甲有限公司", "张三", "13800000001", "2024-01-02", "重点", "高", 5, 5],
        ["乙有限公司", "李四", "13800000002", "2024-05-30", "重点", "低", 4, 2],
        ["丙有限公司", "王五", "13800000003", "2024-05-01", "潜在", "中", 3, 3],
        ["丁有限公司", "赵六", "13800000004", "2024-04-01", "普通", "低", 2, 1],
      ],
      lang === "zh-CN" ? "客户信息" : "Customers",
    );
    let wb: WorkbookSnapshot = { sheets: [sheet], tableNames: [] };
    wb = applyToSnapshot(wb, adoptList(wb, sheet.name, proposeMapping(sheet).columns, lang, "t"));
    wb = applyToSnapshot(wb, insertTemplate(wb, lang));
    const outcome = scoreAndTier(wb, DEFAULT_SETTINGS, isoToSerial("2024-06-01") as number, lang, "t");
    return { wb: applyToSnapshot(wb, outcome.plan), result: outcome.result };
  }

  test.each(["zh-CN", "en-US"] as const)("%s: counts match what Score and tier computed", (lang) => {
    const { wb, result } = scoredWorkbook(lang);
    const rowsWith = (pred: (r: (typeof result.customers)[number]) => boolean) => result.customers.filter(pred).map((r) => r.row).sort((a, b) => a - b);
    expect(countVisible(wb, "overdueFollowUp", lang).visible).toEqual(rowsWith((r) => r.followUpStatus === "overdue"));
    expect(countVisible(wb, "churnRiskD", lang).visible).toEqual(rowsWith((r) => r.tier === "D"));
    expect(countVisible(wb, "coreCustomers", lang).visible).toEqual(rowsWith((r) => r.core));
    expect(countVisible(wb, "priorityFollowUp", lang)).toEqual({ total: 4, visible: [1, 2] });
    expect(rowsWith((r) => r.followUpStatus === "overdue").length).toBeGreaterThan(0);
    // The filter is read in the workbook's language, whatever the pane's.
    expect(filterPlan(wb, "overdueFollowUp", lang === "zh-CN" ? "en-US" : "zh-CN").sheets[0].filter?.criteria).toEqual(filterPlan(wb, "overdueFollowUp", lang).sheets[0].filter?.criteria);
  });

  test("every preset is a valid spec for the standard table", () => {
    const wb = customersWorkbook([]);
    for (const id of FILTER_PRESET_IDS) expect(buildCriteria(wb.sheets[0].tables[0].headers, FILTER_PRESETS[id], "zh-CN").length).toBeGreaterThan(0);
  });
});
