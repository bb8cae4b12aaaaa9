/** Clean data and Undo last clean (SPEC §5), on messy lists written the ways people write them. */
import fc from "fast-check";
import { cleanPlan } from "../../src/core/actions/clean";
import { undoLastCleanPlan } from "../../src/core/actions/undo-clean";
import { CleanError } from "../../src/core/i18n/clean";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { applyToSnapshot, cellMap } from "./apply-to-snapshot";
import { NOW, cell, workbook, type Row } from "./samples";

const ALL = { normalise: true, merge: true };
const clean = (wb: WorkbookSnapshot, lang: Lang = "zh-CN", options = ALL) => cleanPlan(wb, DEFAULT_SETTINGS, lang, NOW, options);
const customersName = (lang: Lang) => (lang === "zh-CN" ? "客户信息" : "Customers");

function cleanThenUndo(wb: WorkbookSnapshot, lang: Lang = "zh-CN") {
  const { plan, report } = clean(wb, lang);
  const after = applyToSnapshot(wb, plan);
  // A clean that changed nothing logged nothing: there is nothing to undo, and nothing to restore.
  if (plan.changeLog.length === 0) return { after, back: after, report, undo: null };
  const undo = undoLastCleanPlan(after, lang, "2024-06-30 12:05:00");
  return { after, back: applyToSnapshot(after, undo.plan), report, undo };
}

describe("normalise: each column by its type; ok → changed, ambiguous/invalid → flagged, kept → untouched", () => {
  const rows: Row[] = [
    { id: "2024001", name: "  北京华信科技有限公司 ", industry: "软件", lastContact: "2024年3月15日", startDate: "2023/1/5", revenue: "1.2亿", employees: "１２０", mobile: "+86 138-0013-8000", email: " Zhang@Example.COM ", creditCode: "9111 0000 6000 3734 1L", contact: "张三", grade: "重点", priority: "高" },
    { id: "2024002", name: "上海蓝海物流有限公司", industry: "制造业-机械设备", lastContact: "03/04/2024", revenue: "约100", mobile: "010-12345678", budget: "面议", needMatch: 7, email: "li@qq.con" },
    { id: "2024003", name: "杭州启明软件有限公司", industry: "汽车", subIndustry: "整车", lastContact: 45366, startDate: 20230105, revenue: 300, mobile: "138****1234", creditCode: "123", summary: "=SUM(A1) 客户原话" },
  ];
  const wb = workbook(rows);
  const { plan, report } = clean(wb);
  const after = applyToSnapshot(wb, plan);

  test("dates, numbers, mobiles, emails, credit codes, industries, text", () => {
    expect(cell(after, 0, "name")).toBe("北京华信科技有限公司");
    expect(cell(after, 0, "industry")).toBe("I 信息传输、软件和信息技术服务业");
    expect(cell(after, 0, "lastContact")).toBe(45366);
    expect(cell(after, 0, "startDate")).toBe(44931);
    expect(cell(after, 0, "revenue")).toBe(12000);
    expect(cell(after, 0, "employees")).toBe(120);
    expect(cell(after, 0, "mobile")).toBe("13800138000");
    expect(cell(after, 0, "email")).toBe("Zhang@example.com");
    expect(cell(after, 0, "creditCode")).toBe("91110000600037341L");
    expect(cell(after, 2, "startDate")).toBe(44931);
  });

  test("industry with a sub-industry goes to 细分行业 only when it is blank", () => {
    expect(cell(after, 1, "industry")).toBe("C 制造业");
    expect(cell(after, 1, "subIndustry")).toBe("机械设备");
  });

  test("ambiguous and invalid values are flagged and left as typed", () => {
    expect(cell(after, 1, "lastContact")).toBe("03/04/2024");
    expect(cell(after, 1, "revenue")).toBe("约100");
    expect(cell(after, 1, "needMatch")).toBe(7);
    expect(cell(after, 2, "industry")).toBe("汽车");
    expect(cell(after, 2, "creditCode")).toBe("123");
    const reasons = report.flagged.map((f) => `${f.row}:${f.reason}`);
    expect(reasons).toEqual(expect.arrayContaining(["3:dayMonthOrder", "3:approximate", "3:outOfRange15", "4:multipleSections", "4:length", "3:domainTypo"]));
    expect(report.flagged.find((f) => f.reason === "domainTypo")?.suggestion).toBe("li@qq.com");
  });

  test("kept values are untouched: landlines, masked numbers, placeholders", () => {
    expect(cell(after, 1, "mobile")).toBe("010-12345678");
    expect(cell(after, 2, "mobile")).toBe("138****1234");
    expect(cell(after, 1, "budget")).toBe("面议");
    expect(cell(after, 2, "summary")).toBe("=SUM(A1) 客户原话");
  });

  test("every change is one log row: time, clean, sheet, id #row, header, exact old and new", () => {
    expect(plan.changeLog).toContainEqual({ time: NOW, action: "clean", sheet: "客户信息", key: "2024001 #2", column: "年营收(万元)", old: "1.2亿", new: 12000 });
    expect(plan.changeLog).toContainEqual({ time: NOW, action: "clean", sheet: "客户信息", key: "2024003 #4", column: "合作起始时间", old: 20230105, new: 44931 });
    expect(plan.changeLog.every((e) => e.old !== e.new)).toBe(true);
    expect(report.normalised).toHaveLength(plan.changeLog.length);
  });

  test("clean of a clean list changes nothing", () => {
    const again = clean(after);
    expect(again.plan.changeLog.filter((e) => e.column !== "疑似重复")).toEqual([]);
  });
});

describe("English headers, a list without the template's Change log", () => {
  test("works in en-US and adds the Change log sheet", () => {
    const wb = workbook([{ id: "C-1", name: "Acme Co., Ltd.", mobile: "138 0013 8000", lastContact: "2024.3.15" }, { id: "C-2", name: "ACME LIMITED", contact: "Bob", email: "bob@acme.com" }], { lang: "en-US", changeLog: false });
    const { plan, report } = clean(wb, "en-US");
    expect(report.groups).toHaveLength(1);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Customers", "Archive", "Change log"]);
    const after = applyToSnapshot(wb, plan);
    // Bob is another person: carried as a contact, not mixed into the survivor's contact fields
    expect(cell(after, 0, "email", "en-US")).toBe("");
    expect(cell(after, 0, "summary", "en-US")).toBe("Other contacts: Bob / bob@acme.com");
    expect(cell(after, 0, "lastContact", "en-US")).toBe(45366);
  });
});

describe("merge: most complete survivor, blanks filled, other contacts carried, rows moved to the archive", () => {
  const rows: Row[] = [
    { id: "2024001", name: "北京华信科技有限公司", contact: "张三", mobile: "13800138000", lastContact: 45000 },
    { id: "2024002", name: "上海蓝海物流有限公司", contact: "王五" },
    { id: "2024003", name: "北京华信科技有限责任公司", contact: "李四", title: "采购经理", mobile: "13900139000", email: "li@huaxin.com", industry: "I 信息传输、软件和信息技术服务业", lastContact: 45300, summary: "要案例" },
    { id: "2024004", name: "北京华信科技（集团）公司", contact: "张三", title: "总经理", grade: "重点" },
  ];
  const wb = workbook(rows, { extra: { header: "微信号", values: ["", "", "lisi_wx", "zs_wx"] } });
  const { plan, report } = clean(wb);
  const after = applyToSnapshot(wb, plan);

  test("survivor = most complete, its blanks filled from the others", () => {
    expect(report.groups).toHaveLength(1);
    const g = report.groups[0];
    expect(g.survivor.id).toBe("2024003");
    expect(g.members.map((m) => m.id)).toEqual(["2024001", "2024003", "2024004"]);
    expect(cell(after, 2, "grade")).toBe("重点");
    expect(cell(after, 2, "title")).toBe("采购经理");
  });

  test("other contacts are appended to the survivor's 沟通内容摘要", () => {
    expect(cell(after, 2, "summary")).toBe("要案例\n其他联系人: 张三 / 13800138000; 张三 / 总经理");
  });

  test("merged rows are blanked in place (every column) and archived with 并入客户 and 合并时间", () => {
    expect(after.sheets[0].values[1].every((v) => v === "")).toBe(true);
    expect(after.sheets[0].values[4].every((v) => v === "")).toBe(true);
    const archive = after.sheets.find((s) => s.name === "归档");
    expect(archive?.tables[0]).toMatchObject({ name: "Archive", rowCount: 2 });
    const body = archive?.values.slice(1) ?? [];
    expect(body.map((r) => [r[0], r[1], r[25], r[26]])).toEqual([
      ["2024001", "北京华信科技有限公司", "2024003", NOW],
      ["2024004", "北京华信科技（集团）公司", "2024003", NOW],
    ]);
  });

  test("conservation: every original cell is in the result, the archive or the log", () => {
    const result = [...cellMap(after, "客户信息").values(), ...cellMap(after, "归档").values()];
    const logged = plan.changeLog.map((e) => e.old);
    for (const [, v] of cellMap(wb, "客户信息")) expect(result.includes(v) || logged.includes(v)).toBe(true);
    // the merged row's own column (微信号) is not an archive column: its value is in the log
    expect(logged).toContain("zs_wx");
  });

  test("merge: false reports groups and changes no row", () => {
    const r = clean(wb, "zh-CN", { normalise: false, merge: false });
    expect(r.report.groups[0].merged).toBe(false);
    expect(r.plan.sheets.map((s) => s.name)).toEqual(["客户信息"]);
    expect(r.plan.changeLog).toEqual([]);
  });
});

describe("possible duplicates go to the 疑似重复 column, never merged", () => {
  test("names the other row's id, the reason and the score", () => {
    const wb = workbook([{ id: "A1", name: "深圳市腾达电子有限公司" }, { id: "A2", name: "深圳腾达电子公司" }, { id: "A3", name: "上海蓝海物流有限公司" }]);
    const { plan, report } = clean(wb);
    const after = applyToSnapshot(wb, plan);
    expect(report.possible).toEqual([{ a: { row: 2, id: "A1", name: "深圳市腾达电子有限公司" }, b: { row: 3, id: "A2", name: "深圳腾达电子公司" }, score: 0.96, reason: "similarName" }]);
    expect(cell(after, 0, "possibleDuplicate")).toBe("A2 (名称相近 0.96)");
    expect(cell(after, 1, "possibleDuplicate")).toBe("A1 (名称相近 0.96)");
    expect(cell(after, 2, "possibleDuplicate")).toBe("");
  });
});

describe("Undo last clean restores the workbook exactly", () => {
  test("values and types, the archive emptied, undo rows logged", () => {
    const wb = workbook([
      { id: "2024001", name: "北京华信科技有限公司", mobile: 13800138000, lastContact: "2024/3/15", revenue: "30万" },
      { id: "2024002", name: "北京华信科技有限责任公司", contact: "李四", needMatch: 4, likelihood: true },
    ]);
    const { back, undo, after } = cleanThenUndo(wb);
    expect(cellMap(back, "客户信息")).toEqual(cellMap(wb, "客户信息"));
    if (!undo) throw new Error("expected an undo");
    expect(undo.archiveRowsRemoved).toBe(1);
    expect(back.sheets.find((s) => s.name === "归档")?.values.slice(1).flat().every((v) => v === "")).toBe(true);
    expect(undo.plan.changeLog.every((e) => e.action === "undoClean")).toBe(true);
    expect(undo.plan.changeLog).toHaveLength(cellMap(after, "变更日志").size > 0 ? undo.restored : 0);
  });

  test("a second undo walks back to the clean before; with none left it says so", () => {
    const wb = workbook([{ id: "1", name: " 甲有限公司 " }]);
    const first = applyToSnapshot(wb, clean(wb).plan);
    const edited = applyToSnapshot(first, { action: "clean", lang: "zh-CN", sheets: [{ name: "客户信息", ensure: false, clear: [], tables: [], writes: [{ row: 1, col: 1, kind: "values", values: [["  乙公司 "]] }], formats: [], validations: [], conditionalFormats: [], charts: [], columnWidths: [] }], changeLog: [] });
    const second = applyToSnapshot(edited, cleanPlan(edited, DEFAULT_SETTINGS, "zh-CN", "2024-07-01 09:00:00", ALL).plan);
    const u1 = applyToSnapshot(second, undoLastCleanPlan(second, "zh-CN", "2024-07-01 10:00:00").plan);
    expect(cellMap(u1, "客户信息")).toEqual(cellMap(edited, "客户信息"));
    expect(() => undoLastCleanPlan(u1, "zh-CN", "x")).toThrow(CleanError);
    const wb2 = workbook([{ id: "1", name: " 甲有限公司 " }]);
    const once = applyToSnapshot(wb2, clean(wb2).plan);
    const back = applyToSnapshot(once, undoLastCleanPlan(once, "zh-CN", "2024-07-01 10:00:00").plan);
    expect(() => undoLastCleanPlan(back, "zh-CN", "y")).toThrow(/no clean run to undo|没有可撤销/);
  });

  test("refuses, changing nothing, when a cleaned cell was edited since", () => {
    const wb = workbook([{ id: "1", name: " 甲有限公司 " }]);
    const after = applyToSnapshot(wb, clean(wb).plan);
    after.sheets[0].values[1][1] = "我改过了";
    expect(() => undoLastCleanPlan(after, "zh-CN", "x")).toThrow(CleanError);
    try {
      undoLastCleanPlan(after, "zh-CN", "x");
    } catch (e) {
      expect((e as CleanError).localized("zh-CN")).toContain("B2");
    }
  });

  test("without a Change log there is nothing to undo", () => {
    expect(() => undoLastCleanPlan(workbook([{ name: "甲" }], { changeLog: false }), "en-US", "x")).toThrow(CleanError);
  });
});

// ---- properties on generated messy workbooks ----

const messyText = fc.constantFrom("", " 北京华信科技有限公司 ", "北京华信科技有限责任公司", "ＡＢＣ贸易", "深圳市腾达电子有限公司", "深圳腾达电子公司", "张伟", "=SUM(A1)", "-5", "@x", "a  b", "line1\n\nline2", "#N/A", "上海蓝海物流有限公司");
const messyMobile = fc.constantFrom("", "+86 138-0013-8000", "13800138000", 13900139000, "010-12345678", "138****1234", "13800138000/13900139000", "abc", true);
const messyDate = fc.constantFrom("", "2024年3月15日", "2024/3/15", "2024.3.15", 20240315, 45366, 45366.5, "03/04/2024", "2024-02-30", "2024-03-15 14:30", "昨天");
const messyNumber = fc.constantFrom("", "30万", "¥1,200", "１２３", 50, -3, "约100", "面议", "100-200万", 2.5, "1.2亿");
const messyEmail = fc.constantFrom("", "Zhang@Example.COM", "zhang@example.com", "li@qq.con", "a@b.com; c@d.com", "not mail", 5);
const messyIndustry = fc.constantFrom("", "软件", "IT", "制造业-机械设备", "汽车", "C 制造业", "外星业务", "C 建筑业");
const messyCode = fc.constantFrom("", "91110000600037341L", "９１１１００００６０００３７３４１ｌ", "91310000MA1FL0000X", "123", 123456789012345);
const messyRow = fc.record({
  id: fc.constantFrom("", "2024001", "2024002", 2024003, "C-9"),
  name: messyText,
  industry: messyIndustry,
  subIndustry: fc.constantFrom("", "机械设备", "整车"),
  employees: messyNumber,
  revenue: messyNumber,
  contact: fc.constantFrom("", "张三", "李四", " 王五 "),
  title: fc.constantFrom("", "采购经理", "总经理"),
  mobile: messyMobile,
  email: messyEmail,
  creditCode: messyCode,
  lastContact: messyDate,
  startDate: messyDate,
  summary: messyText,
  needMatch: fc.constantFrom("", 3, "4分", 9, "五"),
  possibleDuplicate: fc.constantFrom("", "旧值"),
  tier: fc.constantFrom("", "A"),
});
const messyWorkbook = fc.tuple(fc.array(messyRow, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.constantFrom<Lang>("zh-CN", "en-US")).map(([rows, withLog, lang]) => ({
  wb: workbook(rows as Row[], { lang, changeLog: withLog, extra: { header: "备用", values: rows.map((_, i) => (i % 2 ? `x${i}` : "")) } }),
  lang,
}));

describe("properties", () => {
  test("clean then undo gives back every cell exactly (values and types)", () => {
    fc.assert(
      fc.property(messyWorkbook, ({ wb, lang }) => {
        const { back } = cleanThenUndo(wb, lang);
        expect(cellMap(back, customersName(lang))).toEqual(cellMap(wb, customersName(lang)));
      }),
      { numRuns: 150 },
    );
  });

  test("conservation: every original cell value is in the result, the archive or the log (as the old value)", () => {
    fc.assert(
      fc.property(messyWorkbook, ({ wb, lang }) => {
        const { plan } = clean(wb, lang);
        const after = applyToSnapshot(wb, plan);
        const archive = after.sheets.find((s) => s.tables.some((t) => t.name === "Archive"));
        const there = new Set<CellValue>([...cellMap(after, customersName(lang)).values(), ...(archive ? cellMap(after, archive.name).values() : [])]);
        const logged = new Map(plan.changeLog.map((e) => [`${e.key}|${e.column}`, e.old]));
        const sheet = wb.sheets[0];
        sheet.values.slice(1).forEach((line, r) =>
          line.forEach((v, c) => {
            if (v === "") return;
            const key = `${String(line[0] === "" ? "" : line[0]).trim()}${String(line[0]).trim() === "" ? "" : " "}#${r + 2}|${sheet.values[0][c]}`;
            expect(there.has(v) || logged.get(key) === v).toBe(true);
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  test("clean never writes a cell the log does not record", () => {
    fc.assert(
      fc.property(messyWorkbook, ({ wb, lang }) => {
        const { plan } = clean(wb, lang);
        const written = plan.sheets[0].writes.reduce((n, w) => n + w.values.length * w.values[0].length, 0);
        expect(written).toBe(plan.changeLog.length);
      }),
      { numRuns: 100 },
    );
  });
});
