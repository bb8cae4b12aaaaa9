/**
 * Adopt my list, the proposal (SPEC §4): header row detection, header styles, value clues,
 * one target per column and one column per target.
 */
import fc from "fast-check";
import { proposeMapping, type AdoptProposal } from "../../src/core/adopt/propose";
import { matchHeaderText } from "../../src/core/adopt/header-match";
import { AdoptError, evidenceText } from "../../src/core/i18n/adopt";
import { columnLetters } from "../../src/core/plan/a1";
import type { CellValue } from "../../src/core/plan/cells";
import { HEADERLESS, SAMPLES, sheetOf } from "./samples";

function targets(p: AdoptProposal): Record<string, string | null> {
  return Object.fromEntries(p.columns.map((c) => [columnLetters(c.source), c.target]));
}

describe("proposeMapping on real list layouts", () => {
  test.each(SAMPLES.map((s) => [s.title, s] as const))("%s", (_title, sample) => {
    const p = proposeMapping(sample.sheet);
    expect(p.headerRow).toBe(sample.headerRow);
    expect(targets(p)).toEqual(sample.expect);
    expect(p.unmappedRequired).toEqual([]);
  });

  test("no header row at all → AdoptError noHeaderRow, localised", () => {
    expect(() => proposeMapping(HEADERLESS)).toThrow(AdoptError);
    try {
      proposeMapping(HEADERLESS);
    } catch (e) {
      const err = e as AdoptError;
      expect(err.code).toBe("noHeaderRow");
      expect(err.localized("zh-CN")).toContain("表头");
      expect(err.localized("en-US")).toContain("header row");
    }
  });

  test("an empty sheet → noHeaderRow", () => {
    expect(() => proposeMapping(sheetOf([]))).toThrow(AdoptError);
  });

  test("the title row stays outside; dataRows counts non-blank rows below the header", () => {
    const p = proposeMapping(SAMPLES[3].sheet);
    expect(p.headerRow).toBe(2);
    expect(p.dataRows).toBe(2);
    expect(p.firstCol).toBe(0);
    expect(p.colCount).toBe(5);
  });

  test("blank rows inside the list are not counted as data, but the list goes on below them", () => {
    const p = proposeMapping(SAMPLES[13].sheet);
    expect(p.firstCol).toBe(2);
    expect(p.dataRows).toBe(2);
    expect(p.lastRow).toBe(7);
  });

  test("evidence: header kinds and value clues are named", () => {
    const crm = proposeMapping(SAMPLES[2].sheet);
    const byHeader = new Map(crm.columns.map((c) => [c.header, c]));
    expect(byHeader.get("Phone")?.evidence).toEqual(expect.arrayContaining(["header:synonym", "values:mobile"]));
    expect(byHeader.get("Contact")?.evidence).toContain("header:exact");
    const clues = proposeMapping(SAMPLES[7].sheet);
    const ev = new Map(clues.columns.map((c) => [c.target, c.evidence]));
    expect(ev.get("mobile")).toContain("values:mobile");
    expect(ev.get("email")).toContain("values:email");
    expect(ev.get("grade")).toContain("values:grade");
    expect(ev.get("priority")).toContain("values:priority");
    expect(ev.get("creditCode")).toContain("values:creditCode");
    expect(ev.get("industry")).toContain("values:industry");
    expect(ev.get("contact")).toContain("values:person");
    for (const c of clues.columns) for (const e of c.evidence) expect(evidenceText(e, "zh-CN")).not.toBe(e);
  });

  test("a contradicted header is demoted and says so", () => {
    const p = proposeMapping(SAMPLES[11].sheet);
    const b = p.columns.find((c) => c.header === "联系方式");
    expect(b?.target).toBe("email");
    const dup = proposeMapping(SAMPLES[6].sheet).columns[2];
    expect(dup.evidence).toContain("header:duplicate");
    const out = proposeMapping(SAMPLES[14].sheet).columns[1];
    expect(out.evidence).toContain("header:output");
  });

  test("exact headers are surer than synonyms, synonyms than keywords, and those than value clues alone", () => {
    const p = proposeMapping(
      sheetOf([
        ["客户名称", "手机号", "上次拜访日期", "字段"],
        ["甲有限公司", "", "", "a@b.com"],
        ["乙有限公司", "", "", "c@d.com"],
      ]),
    );
    const [name, mobile, last, email] = p.columns;
    expect(name.confidence).toBeGreaterThan(mobile.confidence);
    expect(mobile.confidence).toBeGreaterThan(last.confidence);
    expect(last.target).toBe("lastContact");
    expect(email.target).toBe("email");
    expect(email.confidence).toBeLessThan(name.confidence);
  });

  test("samples are the first distinct non-blank values, as text", () => {
    const p = proposeMapping(SAMPLES[1].sheet);
    expect(p.columns[1].samples).toEqual(["13812345678", "13987654321", "186-1234-5678"]);
    expect(p.columns[4].samples).toEqual(["喜欢拿铁", "会员日到店"]);
  });

  test("a list without any name column reports name as unmapped required", () => {
    const p = proposeMapping(
      sheetOf([
        ["手机", "邮箱", "行业"],
        ["13800001111", "a@b.com", "制造业"],
      ]),
    );
    expect(p.unmappedRequired).toEqual(["name"]);
    expect(p.added).toContain("name");
  });
});

describe("header recognition styles", () => {
  test.each([
    ["姓名", "name"],
    ["客户姓名", "name"],
    ["公司", "name"],
    ["企业名称", "name"],
    ["客户名称", "name"],
    ["单位", "name"],
    ["企业全称", "name"],
    ["电话", "mobile"],
    ["手机号", "mobile"],
    ["联系电话", "mobile"],
    ["联系方式", "mobile"],
    ["手机（必填）", "mobile"],
    ["上次到店时间", "lastContact"],
    ["最近联系时间", "lastContact"],
    ["最后跟进", "lastContact"],
    ["最后跟进日期", "lastContact"],
    ["Company", "name"],
    ["Contact", "contact"],
    ["Phone", "mobile"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["Industry", "industry"],
    ["Last contact", "lastContact"],
    ["Last Contact Date", "lastContact"],
    ["年营收(万元)", "revenue"],
    ["年营收（万元）", "revenue"],
    ["营业收入(元)", "revenue"],
    ["职位", "title"],
    ["对接人", "contact"],
    ["联系人姓名", "contact"],
    ["纳税人识别号", "creditCode"],
    ["签约时间", "startDate"],
    ["需求匹配度", "needMatch"],
    ["成交概率", "likelihood"],
  ])("%s → %s", (header, target) => {
    expect(matchHeaderText(header)?.target).toBe(target);
  });

  test.each(["客户经理", "销售负责人", "Owner", "城市", "消费金额", "2024年客户台账"])("%s names no Customers input", (header) => {
    const m = matchHeaderText(header);
    expect(m === null || m.kind === "output").toBe(true);
  });
});

describe("properties", () => {
  const HEADER_POOL = ["客户名称", "公司", "姓名", "电话", "手机号", "电话", "邮箱", "Email", "行业", "联系人", "职务", "最近联系时间", "备注", "城市", "金额", "", "客户等级", "优先级", "匹配度", "意向", "客户类型", "Company", "Phone", "Notes"];
  const VALUE_POOL: CellValue[] = ["", "某某有限公司", "张三", 13800001111, "13900002222", "a@b.com", "2024-03-15", 45366, "重点", "高", 3, 5, "制造业", "91110105MA01ABCD1X", "备注文字", 12.5, true, "#N/A"];
  const sheetArb = fc
    .record({
      width: fc.integer({ min: 1, max: 8 }),
      height: fc.integer({ min: 0, max: 8 }),
      title: fc.boolean(),
      originRow: fc.integer({ min: 0, max: 3 }),
      originCol: fc.integer({ min: 0, max: 3 }),
      seed: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
    })
    .map(({ width, height, title, originRow, originCol, seed }) => {
      let k = 0;
      const next = () => seed[k++ % seed.length];
      const rows: CellValue[][] = [];
      if (title) rows.push(["客户台账", ...new Array<CellValue>(width - 1).fill("")]);
      rows.push(Array.from({ length: width }, () => HEADER_POOL[next() % HEADER_POOL.length]));
      for (let r = 0; r < height; r++) rows.push(Array.from({ length: width }, () => VALUE_POOL[next() % VALUE_POOL.length]));
      return sheetOf(rows, "S", originRow, originCol);
    });

  test("every source column appears once; no target twice; confidence in [0,1]; or a clear noHeaderRow", () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        let p: AdoptProposal;
        try {
          p = proposeMapping(sheet);
        } catch (e) {
          return e instanceof AdoptError && e.code === "noHeaderRow";
        }
        const sources = p.columns.map((c) => c.source);
        expect(sources).toEqual(Array.from({ length: p.colCount }, (_, i) => p.firstCol + i));
        const ts = p.columns.map((c) => c.target).filter((t) => t !== null);
        expect(new Set(ts).size).toBe(ts.length);
        for (const c of p.columns) {
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
          expect(c.samples.length).toBeLessThanOrEqual(3);
        }
        expect(p.headerRow).toBeGreaterThanOrEqual(sheet.originRow);
        expect(p.unmappedRequired.length === 0).toBe(ts.includes("name"));
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
