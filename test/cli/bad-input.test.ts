/**
 * Bad input (SPEC §8): a clear message and the right exit code, or correct handling, for the
 * ways real lists go wrong. Messages are matched in either language (the CLI follows LANG).
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import { SEED001_BEHAVIOUR, SEED001_CUSTOMERS, seed001Workbook, utc } from "../helpers/seed001";
import { type Cell, type CliRun, columnOf, loadXlsx, runCliCapture, saveTmp, tmpDir, valueAt, workbookFrom } from "../helpers/workbooks";

const REF = ["--ref-date", "2024-06-30"];

interface Scored {
  run: CliRun;
  out: string;
  wb: ExcelJS.Workbook | null;
  json: { customers: number; results: Record<string, unknown>[] } | null;
}

async function score(wb: ExcelJS.Workbook, extra: string[] = []): Promise<Scored> {
  const input = await saveTmp(wb);
  const out = path.join(path.dirname(input), "out.xlsx");
  const run = await runCliCapture(["score", input, "-o", out, "--json", ...REF, ...extra]);
  const ok = run.code === 0;
  return { run, out, wb: ok ? await loadXlsx(out) : null, json: ok ? JSON.parse(run.stdout) : null };
}

function result(s: Scored, id: string): Record<string, unknown> {
  const r = s.json?.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id}`);
  return r;
}

function loaded(s: Scored): ExcelJS.Workbook {
  if (!s.wb) throw new Error(`no output: ${s.run.stderr}`);
  return s.wb;
}

describe("an empty workbook: exit 1, says it is empty", () => {
  test("one blank sheet", async () => {
    const s = await score(workbookFrom({ Sheet1: [] }));
    expect(s.run.code).toBe(1);
    expect(s.run.stderr).toMatch(/empty|空/i);
    expect(existsSync(s.out)).toBe(false);
  });
});

describe("a Customers sheet without recognisable headers: exit 1, names the sheet and the row", () => {
  test("nothing recognisable at all", async () => {
    const s = await score(workbookFrom({ 客户信息: [["foo", "bar"], ["x", "y"]] }));
    expect(s.run.code).toBe(1);
    expect(s.run.stderr).toContain("客户信息");
    expect(s.run.stderr).toMatch(/row 1|第 1 行/);
    expect(existsSync(s.out)).toBe(false);
  });

  test("some headers but no name column: the header row is named", async () => {
    const s = await score(workbookFrom({ 客户信息: [["2024 名单"], ["手机", "邮箱"], ["13800000000", "a@b.cn"]] }));
    expect(s.run.code).toBe(1);
    expect(s.run.stderr).toContain("客户信息");
    expect(s.run.stderr).toMatch(/row 2|第 2 行/);
  });

  test("a workbook with data but no customer sheet at all: exit 1", async () => {
    const s = await score(workbookFrom({ Sheet1: [["a", "b"], [1, 2]] }));
    expect(s.run.code).toBe(1);
    expect(s.run.stderr).toMatch(/客户信息|Customers/);
  });
});

describe("text in number columns: reported by sheet, row and column; scoring still runs; the cell stays", () => {
  let s: Scored;
  beforeAll(async () => {
    const customers = SEED001_CUSTOMERS.map((r, i) => [...r, i === 0 ? "员工人数" : i === 2 ? "很多" : 50]);
    const behaviour = SEED001_BEHAVIOUR.map((r) => [...r]);
    behaviour[3][4] = "abc"; // 2024003's 购买金额(万元), sheet row 4
    s = await score(workbookFrom({ 客户信息: customers, 客户行为: behaviour }));
  });

  test("exit 0, all three scored", () => {
    expect(s.run.code).toBe(0);
    expect(s.json?.customers).toBe(3);
    expect(s.json?.results.every((r) => r.tier !== "")).toBe(true);
  });

  test("stderr names 客户行为, row 4, 购买金额(万元) and the value", () => {
    const line = s.run.stderr.split("\n").find((l) => l.includes("abc"));
    expect(line).toBeDefined();
    expect(line).toContain("客户行为");
    expect(line).toMatch(/row 4|第 4 行/);
    expect(line).toContain("购买金额(万元)");
  });

  test("stderr names 客户信息, row 3, 员工人数 and the value", () => {
    const line = s.run.stderr.split("\n").find((l) => l.includes("很多"));
    expect(line).toBeDefined();
    expect(line).toContain("客户信息");
    expect(line).toMatch(/row 3|第 3 行/);
    expect(line).toContain("员工人数");
  });

  test("the text cells are unchanged in the output", () => {
    const wb = loaded(s);
    expect(valueAt(wb, "客户行为", "E4")).toBe("abc");
    expect(valueAt(wb, "客户信息", "M3")).toBe("很多");
  });

  test("the unreadable amount counts as 0 and the data status says so", () => {
    expect(result(s, "2024003").valueScore).not.toBeNull();
    expect(String(result(s, "2024003").dataStatus)).toMatch(/待补充|金额/);
  });
});

describe("dates typed as text are read as dates", () => {
  // priority 高: next follow-up = last contact + 7 days
  test.each([
    ["2024/3/15", "2024-03-22"],
    ["2024年3月15日", "2024-03-22"],
    ["20240315", "2024-03-22"],
    ["2024-3-15", "2024-03-22"],
    ["2024.3.15", "2024-03-22"],
  ])("最近沟通时间 %s → next follow-up %s", async (typed, next) => {
    const s = await score(
      workbookFrom({
        客户信息: [
          ["客户编号", "客户名称", "最近沟通时间", "跟进优先级"],
          ["2024001", "科技有限公司", typed, "高"],
        ],
      }),
    );
    expect(s.run.code).toBe(0);
    expect(result(s, "2024001").nextFollowUp).toBe(next);
    expect(s.run.stderr).not.toContain(typed);
    // the typed text stays as typed
    expect(valueAt(loaded(s), "客户信息", "C2")).toBe(typed);
  });

  test("a text date that is not a date (2024/2/30) is reported, not guessed", async () => {
    const s = await score(workbookFrom({ 客户信息: [["客户名称", "最近沟通时间"], ["甲公司", "2024/2/30"]] }));
    expect(s.run.code).toBe(0);
    expect(s.run.stderr).toContain("2024/2/30");
    expect(s.json?.results[0].nextFollowUp).toBeNull();
  });
});

describe("no Behaviour sheet: prospects scored by need match and likelihood, RFM blank", () => {
  let s: Scored;
  beforeAll(async () => {
    s = await score(
      workbookFrom({
        客户信息: [
          ["客户编号", "客户名称", "客户等级", "需求匹配度", "合作可能性"],
          ["2024001", "某某科技", "潜在", 4, 3],
        ],
      }),
    );
  });

  test("exit 0 with a notice", () => {
    expect(s.run.code).toBe(0);
    expect(s.run.stderr).toMatch(/Behaviour|客户行为/);
  });

  test("seed 000: need match 4, likelihood 3 → 70 → B", () => {
    const r = result(s, "2024001");
    expect(r.tier).toBe("B");
    expect(r.valueScore).toBeNull();
    expect(String(r.reason)).toMatch(/潜客|prospect/i);
    expect(String(r.reason)).toContain("70");
  });

  test("RFM is null", () => {
    const r = result(s, "2024001");
    expect([r.r, r.f, r.m, r.segment]).toEqual([null, null, null, null]);
  });

  test("the score column shows 70", () => {
    const wb = loaded(s);
    expect(valueAt(wb, "客户信息", `${String.fromCharCode(64 + columnOf(wb, "客户信息", "价值分"))}2`)).toBe(70);
  });
});

describe("files that are not workbooks: exit 1 with a message", () => {
  test("plain text renamed .xlsx", async () => {
    const file = path.join(await tmpDir(), "list.xlsx");
    await writeFile(file, "客户名称,手机\n甲,13800000000\n");
    const run = await runCliCapture(["score", file, ...REF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/xlsx/);
  });

  test("a zip that is not a workbook", async () => {
    const file = path.join(await tmpDir(), "list.xlsx");
    // an empty zip archive: the end-of-central-directory record only, preceded by a local header magic
    await writeFile(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]));
    const run = await runCliCapture(["score", file, ...REF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
  });

  test("a missing file", async () => {
    const file = path.join(await tmpDir(), "nope.xlsx");
    const run = await runCliCapture(["score", file, ...REF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/not found|找不到/i);
  });
});

describe("a bad --ref-date: exit 1, no output written", () => {
  test.each(["2024-13-01", "2024-02-30", "tomorrow", "2024/06/30", ""])("%p", async (value) => {
    const input = await saveTmp(seed001Workbook());
    const out = path.join(path.dirname(input), "out.xlsx");
    const run = await runCliCapture(["score", input, "-o", out, "--ref-date", value]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/YYYY-MM-DD/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("usage errors: exit 2", () => {
  test.each([
    [["frobnicate"]],
    [["score"]],
    [["template"]],
    [[]],
    [["score", "in.xlsx", "--no-such-option"]],
    [["score", "in.xlsx", "-o"]],
  ])("%j", async (argv) => {
    const run = await runCliCapture(argv);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/Usage/);
  });

  test("--help: usage, exit 0", async () => {
    const run = await runCliCapture(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage/);
  });
});

describe("a Behaviour row for an unknown customer id: a notice, the rest scored", () => {
  test("2024999 is named, the three customers are scored", async () => {
    const behaviour = [...SEED001_BEHAVIOUR, [0, "2024999", "2024Q1", 9, 900, 90, 9, "x"] as Cell[]];
    const s = await score(workbookFrom({ 客户信息: SEED001_CUSTOMERS, 客户行为: behaviour }));
    expect(s.run.code).toBe(0);
    expect(s.run.stderr).toContain("2024999");
    expect(s.json?.customers).toBe(3);
    expect(s.json?.results.map((r) => r.id)).toEqual(["2024001", "2024002", "2024003"]);
    // the unknown row does not enter the population: 2024001 still has the largest amount
    expect(result(s, "2024001").core).toBe(true);
  });
});

describe("the same customer id twice: both rows carry a possible-duplicate note", () => {
  test("rows 2 and 4 point at each other", async () => {
    const customers: Cell[][] = [
      ["客户编号", "客户名称", "联系人"],
      ["2024001", "科技有限公司", "王*"],
      ["2024002", "YY制造有限公司", "李*"],
      ["2024001", "科技公司(北京)", "张*"],
    ];
    const s = await score(workbookFrom({ 客户信息: customers }));
    expect(s.run.code).toBe(0);
    const wb = loaded(s);
    const col = columnOf(wb, "客户信息", "疑似重复");
    const ws = wb.getWorksheet("客户信息");
    const note = (r: number) => String(ws?.getRow(r).getCell(col).value ?? "");
    expect(note(2)).not.toBe("");
    expect(note(4)).not.toBe("");
    expect(note(3)).toBe("");
    expect(note(2)).toContain("4");
    expect(note(4)).toContain("2");
  });
});

describe("a user sheet that happens to be called 客户分层: never overwritten", () => {
  // SPEC §8: cells a person typed are never changed except by Clean. Insert template refuses
  // such a sheet (sheetNameTaken); Score and tier clears it and writes the Tiers table over it.
  test("score keeps the person's cells on 客户分层 (or refuses with exit 1)", async () => {
    const mine: Cell[][] = [["我的分层笔记", "备注"], ["甲", "下周拜访"], ["乙", "报价中"]];
    const input = await saveTmp(seed001Workbook({ 客户分层: mine }));
    const out = path.join(path.dirname(input), "out.xlsx");
    const run = await runCliCapture(["score", input, "-o", out, ...REF]);
    if (run.code === 1) {
      expect(existsSync(out)).toBe(false);
      return;
    }
    const wb = await loadXlsx(out);
    expect([valueAt(wb, "客户分层", "A1"), valueAt(wb, "客户分层", "B3")]).toEqual(["我的分层笔记", "报价中"]);
  });

  test("score keeps the person's cells on a sheet called 分析汇总 (or refuses with exit 1)", async () => {
    const mine: Cell[][] = [["季度目标", 1200], ["已完成", 800]];
    const input = await saveTmp(seed001Workbook({ 分析汇总: mine }));
    const out = path.join(path.dirname(input), "out.xlsx");
    const run = await runCliCapture(["score", input, "-o", out, ...REF]);
    if (run.code === 1) return;
    const wb = await loadXlsx(out);
    expect([valueAt(wb, "分析汇总", "A1"), valueAt(wb, "分析汇总", "B2")]).toEqual(["季度目标", 800]);
  });
});

describe("a start date typed as a Date object and as text give the same tenure", () => {
  test("2023-03-15 both ways", async () => {
    const mk = (v: Cell) => workbookFrom({ 客户信息: [["客户名称", "客户编号", "合作起始时间"], ["甲", "1", v]], 客户行为: [["客户编号", "统计周期", "购买金额"], ["1", "2024Q1", 10]] });
    const a = await score(mk(utc(2023, 3, 15)));
    const b = await score(mk("2023-03-15"));
    expect(a.json?.results[0].customerType).toBe("existing");
    expect(b.json?.results[0]).toEqual(a.json?.results[0]);
  });
});

describe("the input is never modified, even when scoring fails", () => {
  test("no headers → exit 1, input bytes unchanged", async () => {
    const input = await saveTmp(workbookFrom({ 客户信息: [["foo"], ["bar"]] }));
    const before = await readFile(input);
    const run = await runCliCapture(["score", input, ...REF]);
    expect(run.code).toBe(1);
    expect((await readFile(input)).equals(before)).toBe(true);
  });
});

describe("blank cells in text-like columns read as blank text, not as nothing", () => {
  // src/core/mapping/coerce.ts returns null for a blank cell of type period / mobile / email /
  // creditCode, while the records type them as strings; the engine then crashes or misjudges.
  test("a Behaviour sheet without a 统计周期 column is scored (one period per customer)", async () => {
    const s = await score(workbookFrom({ 客户信息: [["客户名称", "客户编号"], ["甲", "1"], ["乙", "2"]], 客户行为: [["客户编号", "购买金额"], ["1", 10], ["2", 20]] }));
    expect(s.run.code).toBe(0);
    expect(s.json?.customers).toBe(2);
  });

  test("a blank 统计周期 cell is scored like any other row", async () => {
    const s = await score(workbookFrom({ 客户信息: [["客户名称", "客户编号"], ["甲", "1"]], 客户行为: [["客户编号", "统计周期", "购买金额"], ["1", null, 10]] }));
    expect(s.run.code).toBe(0);
    expect(result(s, "1").valueScore).not.toBeNull();
  });

  test("blank 手机 and 邮箱: the data status asks for 手机或邮箱 (a key field of §3)", async () => {
    const s = await score(
      workbookFrom({
        客户信息: [
          ["客户名称", "客户编号", "所属行业", "联系人", "职务", "手机", "邮箱", "最近沟通时间", "客户等级", "跟进优先级"],
          ["甲", "1", "C 制造业", "王*", "经理", null, null, "2024-06-01", "重点", "高"],
        ],
      }),
    );
    expect(s.run.code).toBe(0);
    expect(String(result(s, "1").dataStatus)).toMatch(/^待补充.*手机或邮箱/);
  });

  test("control: with a mobile the same row is 完整", async () => {
    const s = await score(
      workbookFrom({
        客户信息: [
          ["客户名称", "客户编号", "所属行业", "联系人", "职务", "手机", "邮箱", "最近沟通时间", "客户等级", "跟进优先级"],
          ["甲", "1", "C 制造业", "王*", "经理", "13800000000", null, "2024-06-01", "重点", "高"],
        ],
      }),
    );
    expect(result(s, "1").dataStatus).toBe("完整");
  });
});
