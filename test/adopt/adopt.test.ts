/**
 * Adopt my list, the plan (SPEC §4, §8 "nothing lost"): the list becomes the Customers table
 * in place; no data cell is written; header changes are logged; the engine reads it back.
 */
import { adoptList, type AdoptMappingEntry } from "../../src/core/actions/adopt";
import { insertTemplate } from "../../src/core/actions/insert-template";
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { proposeMapping, type AdoptProposal } from "../../src/core/adopt/propose";
import { AdoptError } from "../../src/core/i18n/adopt";
import { InsightError } from "../../src/core/i18n/messages";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import { readLedger } from "../../src/core/mapping/ledger";
import { isoToSerial } from "../../src/core/mapping/dates";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import fc from "fast-check";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { applyToSnapshot, cellOf } from "./apply-to-snapshot";
import { SAMPLES, sheetOf, type Sample } from "./samples";

const NOW = "2024-06-01 10:00:00";

function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) };
}

function mappingOf(sheet: SheetSnapshot): AdoptMappingEntry[] {
  return proposeMapping(sheet).columns.map((c) => ({ source: c.source, target: c.target }));
}

function adopt(sample: Sample, lang: Lang = "zh-CN", name?: string) {
  const sheet = name ? { ...sample.sheet, name } : sample.sheet;
  const before = workbook(sheet);
  const mapping = mappingOf(sheet);
  const plan = adoptList(before, sheet.name, mapping, lang, NOW);
  const after = applyToSnapshot(before, plan);
  return { sheet, before, mapping, plan, after, proposal: proposeMapping(sheet) };
}

function writtenCells(plan: WorkbookPlan, sheetName: string): Set<string> {
  const out = new Set<string>();
  for (const sp of plan.sheets.filter((s) => s.name === sheetName)) for (const w of sp.writes) w.values.forEach((line, i) => line.forEach((_, j) => out.add(`${w.row + i},${w.col + j}`)));
  return out;
}

describe.each(SAMPLES.map((s) => [s.title, s] as const))("adoptList: %s", (_title, sample) => {
  const { sheet, plan, after, proposal } = adopt(sample);
  const adopted = after.sheets.find((s) => s.name === sheet.name) as SheetSnapshot;

  test("no cell outside the header row is written: data cells, title rows and everything else stay as typed", () => {
    for (const key of writtenCells(plan, sheet.name)) expect(Number(key.split(",")[0])).toBe(proposal.headerRow);
    sheet.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = sheet.originRow + i;
        const col = sheet.originCol + j;
        if (row === proposal.headerRow) return;
        // Same value and same type (=== on string | number | boolean).
        expect(cellOf(adopted, row, col)).toBe(v);
      }),
    );
  });

  test("every header cell that changed is in the change log, old → new", () => {
    for (let i = 0; i < proposal.colCount; i++) {
      const col = proposal.firstCol + i;
      const old = cellOf(sheet, proposal.headerRow, col);
      const now = cellOf(adopted, proposal.headerRow, col);
      const entries = plan.changeLog.filter((e) => e.old === old && e.new === now && e.sheet === sheet.name);
      if (old === now) expect(plan.changeLog.some((e) => e.key.endsWith(` ${String.fromCharCode(65 + col)}${proposal.headerRow + 1}`))).toBe(false);
      else expect(entries.length).toBeGreaterThanOrEqual(1);
    }
    for (const e of plan.changeLog) {
      expect(e.action).toBe("adopt");
      expect(e.time).toBe(NOW);
    }
  });

  test("the table covers the header row to the last row, the list's columns and the standard columns it lacked", () => {
    const sp = plan.sheets[0];
    expect(sp.tables).toHaveLength(1);
    const t = sp.tables[0];
    expect(t).toMatchObject({ name: "Customers", mode: "create" });
    expect(t.range.row).toBe(proposal.headerRow);
    expect(t.range.col).toBe(proposal.firstCol);
    expect(t.range.rowCount).toBe(Math.max(2, proposal.lastRow - proposal.headerRow + 1));
    const mapped = proposal.columns.filter((c) => c.target).length;
    expect(t.range.colCount).toBe(proposal.colCount + CUSTOMER_COLUMNS.length - mapped);
    expect(t.headers).toHaveLength(t.range.colCount);
    // Excel table headers are unique (case-insensitive) and never blank.
    expect(new Set(t.headers.map((h) => h.toLowerCase())).size).toBe(t.headers.length);
    for (const h of t.headers) expect(h.trim()).not.toBe("");
  });

  test("readLedger finds the Customers table with every customer and the mapped fields", () => {
    const ledger = readLedger(after);
    expect(ledger.customers.tableName).toBe("Customers");
    expect(ledger.customerRecords).toHaveLength(proposal.dataRows);
    for (const c of proposal.columns) {
      if (!c.target) continue;
      expect(ledger.customers.columns.get(c.target)).toBe(c.source);
    }
    // Unmapped columns are not read as anything.
    const readCols = new Set(ledger.customers.columns.values());
    for (const c of proposal.columns) if (!c.target) expect(readCols.has(c.source)).toBe(false);
    const nameCol = proposal.columns.find((c) => c.target === "name")?.source as number;
    const names = ledger.customerRecords.map((r) => r.name);
    expect(names).toEqual(ledger.customerRecords.map((r) => String(cellOf(sheet, r.row, nameCol)).trim()));
  });
});

describe("adoptList: the details", () => {
  test("standard headers in the chosen language; person's headers logged with the cell", () => {
    const { plan, after } = adopt(SAMPLES[1]);
    const s = after.sheets[0];
    expect(s.values[0].slice(0, 5)).toEqual(["客户名称", "手机", "最近沟通时间", "消费金额", "沟通内容摘要"]);
    expect(plan.changeLog.map((e) => [e.key, e.old, e.new])).toEqual([
      ["表头 A1", "姓名", "客户名称"],
      ["表头 B1", "手机号", "手机"],
      ["表头 C1", "上次到店时间", "最近沟通时间"],
      ["表头 E1", "备注", "沟通内容摘要"],
    ]);
    const en = adopt(SAMPLES[1], "en-US");
    expect(en.after.sheets[0].values[0].slice(0, 5)).toEqual(["Customer name", "Mobile", "Last contact", "消费金额", "Contact summary"]);
    expect(en.plan.changeLog[0].key).toBe("Header A1");
  });

  test("a title row above the headers is untouched and outside the table; the header row and above are frozen", () => {
    const { plan, after } = adopt(SAMPLES[3]);
    expect(after.sheets[0].values[0][0]).toBe("2024年客户台账");
    expect(plan.sheets[0].tables[0].range.row).toBe(2);
    expect(plan.sheets[0].freezeRows).toBe(3);
  });

  test("an unmapped header the engine would misread gets a prefix; blank, numeric and repeated headers get unique text (all logged)", () => {
    const dup = adopt(SAMPLES[6]);
    // 电话 (second) would be read as mobile, 备注 is mapped to summary
    expect(dup.after.sheets[0].values[0].slice(0, 4)).toEqual(["客户名称", "手机", "原表·电话", "沟通内容摘要"]);
    const odd = adopt(SAMPLES[17]);
    expect(odd.after.sheets[0].values[0].slice(0, 4)).toEqual(["客户名称", "2023", "列C", "手机"]);
    expect(odd.plan.changeLog.find((e) => e.key === "表头 B1")).toMatchObject({ old: 2023, new: "2023" });
    expect(odd.plan.changeLog.find((e) => e.key === "表头 C1")).toMatchObject({ old: "", new: "列C" });
    const out = adopt(SAMPLES[14]);
    expect(out.after.sheets[0].values[0][1]).toBe("原表·客户类型");
  });

  test("a header that needs no change is not written (seed 000 style list: only the missing columns are added)", () => {
    const { plan } = adopt(SAMPLES[16]);
    expect(plan.changeLog).toEqual([]);
    const writes = plan.sheets[0].writes;
    expect(writes).toHaveLength(1);
    expect(writes[0].col).toBe(14);
    expect(plan.sheets.some((s) => s.tables.some((t) => t.name === "ChangeLog"))).toBe(false);
  });

  test("the ChangeLog sheet is added when the workbook has none, so header changes are recorded", () => {
    const { plan } = adopt(SAMPLES[0]);
    const log = plan.sheets.find((s) => s.tables.some((t) => t.name === "ChangeLog"));
    expect(log?.name).toBe("变更日志");
  });

  test("data validation on mapped and added columns; lists only when the Lists table exists; data cells get no number format", () => {
    const { plan, proposal } = adopt(SAMPLES[0]);
    const sp = plan.sheets[0];
    const listRules = sp.validations.filter((v) => v.rule.kind === "list");
    expect(listRules).toHaveLength(0);
    const mobileCol = proposal.columns.find((c) => c.target === "mobile")?.source;
    expect(sp.validations.some((v) => v.range.col === mobileCol && v.rule.kind === "custom")).toBe(true);
    for (const f of sp.formats) if (f.numberFormat) expect(f.range.col).toBeGreaterThanOrEqual(proposal.firstCol + proposal.colCount);
  });

  test("dates, mobiles and grades are read by the engine from the adopted table", () => {
    const { after } = adopt(SAMPLES[0]);
    const ledger = readLedger(after);
    const [a, b, c] = ledger.customerRecords;
    expect(a).toMatchObject({ name: "宁波海通进出口有限公司", contact: "王芳", title: "采购经理", mobile: "13805741234", email: "wangfang@haitong.cn", grade: "重点", lastContact: isoToSerial("2024-03-15") });
    expect(b.lastContact).toBe(isoToSerial("2024-04-02"));
    expect(c.lastContact).toBe(isoToSerial("2024-05-06"));
  });

  test("Insert template afterwards adds the other sheets without error and leaves Customers alone", () => {
    const { after, sheet } = adopt(SAMPLES[0], "zh-CN", "客户信息");
    const plan = insertTemplate(after, "zh-CN");
    const customers = plan.sheets.find((s) => s.name === "客户信息");
    expect(customers?.tables ?? []).toEqual([]);
    expect(customers?.writes ?? []).toEqual([]);
    const names = plan.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["客户行为", "互动记录", "客户分层", "分析汇总", "设置", "变更日志"]));
    const full = applyToSnapshot(after, plan);
    expect(readLedger(full).customerRecords).toHaveLength(3);
    expect(full.sheets.find((s) => s.name === sheet.name)?.values).toEqual(after.sheets.find((s) => s.name === sheet.name)?.values);
  });

  test("Score and tier afterwards writes only into the added columns, never into the person's cells", () => {
    const { after, sheet, proposal } = adopt(SAMPLES[14], "zh-CN", "客户信息");
    const withTemplate = applyToSnapshot(after, insertTemplate(after, "zh-CN"));
    const { plan } = scoreAndTier(withTemplate, DEFAULT_SETTINGS, isoToSerial("2024-06-01") as number, "zh-CN", NOW);
    const firstNew = proposal.firstCol + proposal.colCount;
    for (const key of writtenCells(plan, sheet.name)) expect(Number(key.split(",")[1])).toBeGreaterThanOrEqual(firstNew);
    // 客户类型 was the person's column (renamed 原表·客户类型): the engine's own 客户类型 column is a new one.
    const scored = applyToSnapshot(withTemplate, plan).sheets.find((s) => s.name === sheet.name) as SheetSnapshot;
    expect(scored.values[1][1]).toBe("新客户");
    expect(scored.values[2][1]).toBe("老客户");
  });
});

describe("adoptList: errors leave the workbook as it was", () => {
  test("no header row", () => {
    const s = sheetOf([
      ["甲有限公司", "13800001111"],
      ["乙有限公司", "13900002222"],
    ]);
    expect(() => adoptList(workbook(s), s.name, [], "zh-CN")).toThrow(expect.objectContaining({ code: "noHeaderRow" }));
  });

  test("the name column not mapped", () => {
    const s = SAMPLES[0].sheet;
    const mapping = mappingOf(s).map((m) => (m.target === "name" ? { ...m, target: null } : m));
    const run = () => adoptList(workbook(s), s.name, mapping, "zh-CN");
    expect(run).toThrow(AdoptError);
    expect(run).toThrow(expect.objectContaining({ code: "nameNotMapped" }));
  });

  test("a table named Customers already exists (any case, any sheet)", () => {
    const other: SheetSnapshot = { name: "客户信息", originRow: 0, originCol: 0, values: [["客户名称"], ["x"]], tables: [{ name: "customers", headerRow: 0, firstCol: 0, rowCount: 1, headers: ["客户名称"] }] };
    const s = SAMPLES[0].sheet;
    expect(() => adoptList(workbook(s, other), s.name, mappingOf(s), "zh-CN")).toThrow(expect.objectContaining({ code: "customersTableExists", params: { sheet: "客户信息" } }));
  });

  test("the list overlaps another table on the sheet", () => {
    const s: SheetSnapshot = { ...SAMPLES[0].sheet, tables: [{ name: "Table1", headerRow: 2, firstCol: 3, rowCount: 1, headers: ["职务", "电话"] }] };
    const run = () => adoptList(workbook(s), s.name, mappingOf(SAMPLES[0].sheet), "en-US");
    expect(run).toThrow(expect.objectContaining({ code: "rangeOverlapsTable", params: { table: "Table1", sheet: "Sheet1" } }));
    try {
      run();
    } catch (e) {
      expect((e as AdoptError).localized("zh-CN")).toContain("Table1");
    }
  });

  test("a table just right of the list, where standard columns would go, is an overlap too", () => {
    const s: SheetSnapshot = { ...SAMPLES[0].sheet, tables: [{ name: "Side", headerRow: 0, firstCol: 10, rowCount: 3, headers: ["a"] }] };
    expect(() => adoptList(workbook(s), s.name, mappingOf(SAMPLES[0].sheet), "zh-CN")).toThrow(expect.objectContaining({ code: "rangeOverlapsTable" }));
  });

  test("two columns to one target, an unknown or output target, a source outside the list, a missing or protected sheet", () => {
    const s = SAMPLES[0].sheet;
    const wb = workbook(s);
    expect(() => adoptList(wb, s.name, [{ source: 0, target: "name" }, { source: 1, target: "name" }], "zh-CN")).toThrow(expect.objectContaining({ code: "duplicateTarget" }));
    expect(() => adoptList(wb, s.name, [{ source: 0, target: "name" }, { source: 1, target: "tier" }], "zh-CN")).toThrow(expect.objectContaining({ code: "unknownTarget" }));
    expect(() => adoptList(wb, s.name, [{ source: 0, target: "name" }, { source: 1, target: "nope" }], "zh-CN")).toThrow(expect.objectContaining({ code: "unknownTarget" }));
    expect(() => adoptList(wb, s.name, [{ source: 0, target: "name" }, { source: 40, target: "email" }], "zh-CN")).toThrow(expect.objectContaining({ code: "sourceOutOfRange" }));
    expect(() => adoptList(wb, "Nope", [], "zh-CN")).toThrow(expect.objectContaining({ code: "sheetNotFound" }));
    expect(() => adoptList(workbook({ ...s, protected: true }), s.name, mappingOf(s), "zh-CN")).toThrow(InsightError);
  });

  test("columns left out of the mapping are kept as extra columns", () => {
    const s = SAMPLES[0].sheet;
    const plan = adoptList(workbook(s), s.name, [{ source: 0, target: "name" }], "zh-CN", NOW);
    const after = applyToSnapshot(workbook(s), plan);
    const ledger = readLedger(after);
    expect([...ledger.customers.columns.keys()].filter((id) => ledger.customers.columns.get(id) as number < 8)).toEqual(["name"]);
    // 联系人, 职务, 电话, 邮箱, 最近联系时间, 客户等级 would be read by the engine: prefixed
    expect(after.sheets[0].values[0].slice(0, 8)).toEqual(["客户名称", "国家", "原表·联系人", "原表·职务", "原表·电话", "原表·邮箱", "原表·最近联系时间", "原表·客户等级"]);
  });
});

describe("adoptList: properties", () => {
  const HEADERS: CellValue[] = ["客户名称", "公司", "姓名", "电话", "电话", "手机号", "邮箱", "备注", "城市", "", 2024, "客户类型", "客户分层", "联系人", "Phone", "phone", "最近联系时间", "Column1"];
  const VALUES: CellValue[] = ["", "某某有限公司", "张三", 13800001111, "13900002222", "a@b.com", "2024-03-15", 45366, "重点", "高", 3, "=SUM(A1)", "+86 138", true, "#N/A", 0, " 空格 "];
  const arb = fc
    .record({
      width: fc.integer({ min: 1, max: 7 }),
      height: fc.integer({ min: 0, max: 6 }),
      titleRows: fc.integer({ min: 0, max: 2 }),
      seed: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    })
    .map(({ width, height, titleRows, seed }) => {
      let k = 0;
      const next = () => seed[k++ % seed.length];
      const rows: CellValue[][] = [];
      for (let t = 0; t < titleRows; t++) rows.push([t === 0 ? "客户台账" : "", ...new Array<CellValue>(width - 1).fill("")]);
      const header = Array.from({ length: width }, () => HEADERS[next() % HEADERS.length]);
      header[next() % width] = "客户名称";
      rows.push(header);
      for (let r = 0; r < height; r++) rows.push(Array.from({ length: width }, () => VALUES[next() % VALUES.length]));
      return sheetOf(rows, "客户信息");
    });

  test("conservation: no non-header cell changes; every changed header is logged; headers unique and non-blank; the engine reads it", () => {
    fc.assert(
      fc.property(arb, (sheet) => {
        let p: AdoptProposal;
        try {
          p = proposeMapping(sheet);
        } catch (e) {
          return e instanceof AdoptError && e.code === "noHeaderRow";
        }
        if (!p.columns.some((c) => c.target === "name")) return true;
        const wb = workbook(sheet);
        const plan = adoptList(wb, sheet.name, p.columns, "zh-CN", NOW);
        const after = applyToSnapshot(wb, plan);
        const adopted = after.sheets[0];
        sheet.values.forEach((line, i) =>
          line.forEach((v, j) => {
            if (i === p.headerRow) {
              const now = cellOf(adopted, i, j);
              // right of the list: blank cells where the standard columns the list lacked go
              if (j >= p.firstCol + p.colCount) expect(v).toBe("");
              else if (now !== v) expect(plan.changeLog.filter((e) => e.old === v && e.new === now).length).toBeGreaterThan(0);
            } else expect(cellOf(adopted, i, j)).toBe(v);
          }),
        );
        const t = plan.sheets[0].tables[0];
        expect(new Set(t.headers.map((h) => h.trim().toLowerCase())).size).toBe(t.headers.length);
        for (const h of t.headers) expect(h.trim()).not.toBe("");
        const ledger = readLedger(after);
        expect(ledger.customerRecords).toHaveLength(p.dataRows);
        // The engine reads exactly the mapped columns among the person's.
        const mine = [...ledger.customers.columns.entries()].filter(([, c]) => c < p.firstCol + p.colCount);
        expect(new Map(mine)).toEqual(new Map(p.columns.filter((c) => c.target).map((c) => [c.target as string, c.source])));
        expect(() => insertTemplate(after, "zh-CN")).not.toThrow();
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
