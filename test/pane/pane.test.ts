/**
 * The task pane, end to end in headless Chromium: the production bundle, served over http, with
 * the strict Excel fake injected (or without it: a plain browser). Screens are driven as a person
 * would, the fake's workbook is checked after each action, every screen is screenshot in zh-CN and
 * en-US (test-output/pane/*.png) and checked with axe-core.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { PANE_BUDGET_GZIP_BYTES, initialGzipBytes } from "../../src/bench/pane";
import { OUT, axeViolations, browserAvailable, buildFakeBundle, buildPane, fakeInitScript, launch, serve, type FakeSetup } from "./harness";

const run = browserAvailable();
const describeBrowser = run ? describe : describe.skip;

jest.setTimeout(180_000);

type CellValue = string | number | boolean;

/** A person's list: a title row above the headers, headers as people write them. */
const MESSY_LIST: CellValue[][] = [
  ["2024年客户台账", "", "", ""],
  ["公司", "电话", "上次联系时间", "备注"],
  ["宁波海通进出口有限公司", "13805741234", "2024-03-15", "老客户"],
  ["杭州云帆网络科技有限公司", "13987654321", "2024/5/20", ""],
  ["苏州启明精密仪器有限公司", "186-1234-5678", "2024年1月10日", "=SUM(1,2) 不是公式"],
];

/** Customers typed after Insert template: grade, priority, need match and likelihood drive tiers and the preset. */
const CUSTOMERS: CellValue[][] = [
  ["", "宁波海通进出口有限公司", "F 批发和零售业", "", "", "", "", "王芳", "采购经理", "13805741234", "", "", "", "", "", "", "", "2024-03-15", "电话", "", "积极", "重点", "高", 5, 4],
  ["", "杭州云帆网络科技有限公司", "I 信息传输、软件和信息技术服务业", "", "", "", "", "李强", "CTO", "13987654321", "", "", "", "", "", "", "", "2024-05-20", "微信", "", "中性", "重点", "中", 3, 3],
  ["", "苏州启明精密仪器有限公司", "C 制造业", "", "", "", "", "张伟", "总经理", "18612345678", "", "", "", "", "", "", "", "2024-01-10", "面谈", "", "积极", "潜在", "低", 4, 2],
  ["", "成都蓝海贸易有限公司", "F 批发和零售业", "", "", "", "", "赵敏", "采购", "13700001111", "", "", "", "", "", "", "", "2024-06-01", "邮件", "", "消极", "普通", "低", 2, 1],
  ["", "深圳晨光电子科技有限公司", "C 制造业", "", "", "", "", "陈晨", "经理", "13600002222", "", "", "", "", "", "", "", "2024-06-10", "电话", "", "积极", "重点", "高", 4, 5],
];

/**
 * Customers to clean: 北京华信科技有限公司 (row 2) and 北京华信科技有限责任公司 (row 4) are one
 * company (same name once the suffix is folded); 杭州云帆网络科技 / 杭州云帆网络技术 (rows 3, 5) are a
 * possible duplicate; 2024年3月15日 is a date typed as text (normalised); 03/04/2024 is ambiguous (flagged).
 */
const DUPLICATES: CellValue[][] = [
  ["", "北京华信科技有限公司", "I 信息传输、软件和信息技术服务业", "", "", "", "", "张三", "总经理", "13800138000", "", "", "", "", "", "", "", "2024年3月15日", "电话", "", "积极", "重点", "高", 5, 4],
  ["", "杭州云帆网络科技有限公司", "I 信息传输、软件和信息技术服务业", "", "", "", "", "李强", "CTO", "13987654321", "", "", "", "", "", "", "", 45432, "微信", "", "中性", "重点", "中", 3, 3],
  ["", "北京华信科技有限责任公司", "", "", "", "", "", "李四", "采购经理", "13900139000", "li@huaxin.com", "", "", "", "", "", "", 45300, "微信", "要案例", "积极", "重点", "中", 4, 3],
  ["", "杭州云帆网络技术有限公司", "", "", "", "", "", "王五", "经理", "13700001111", "", "", "", "", "", "", "", "03/04/2024", "邮件", "", "中性", "普通", "低", 2, 2],
];

describeBrowser("task pane in Chromium", () => {
  let dir = "";
  let server: { url: string; close: () => Promise<void> };
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let fakeBundle = "";
  let axeSource = "";
  const pageErrors: string[] = [];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    [dir, fakeBundle] = await Promise.all([buildPane(), buildFakeBundle()]);
    server = await serve(dir);
    browser = await launch();
    axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(setup: FakeSetup | null, hash = ""): Promise<Page> {
    const page = await browser.context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    if (setup) await page.addInitScript({ content: fakeInitScript(fakeBundle, setup) });
    await page.goto(`${server.url}/taskpane.html${hash}`);
    return page;
  }

  /** Waits until the pane has read the workbook (Home shows the template row filled). */
  async function ready(page: Page): Promise<void> {
    await page.locator("main").waitFor();
    await page.waitForFunction(() => !document.body.textContent?.includes("正在连接") && !document.body.textContent?.includes("Connecting"));
  }

  async function setLang(page: Page, lang: "zh-CN" | "en-US"): Promise<void> {
    await page.locator(`header button[lang="${lang}"]`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  }

  async function checkA11y(page: Page, where: string): Promise<void> {
    const v = await axeViolations(page, axeSource);
    const bad = v.filter((x) => x.impact === "serious" || x.impact === "critical");
    if (bad.length) console.log(where, JSON.stringify(bad, null, 1));
    expect(bad).toEqual([]);
  }

  /** Clicks an action and waits for its result message (success or error). */
  async function act(page: Page, selector: string): Promise<string> {
    await page.locator(selector).click();
    const bar = page.locator('[role="group"].fui-MessageBar, .fui-MessageBar').filter({ hasText: /完成|没有完成|Done|Not done/ }).first();
    await bar.waitFor({ timeout: 60_000 });
    return (await bar.textContent()) ?? "";
  }

  async function fakeEval<T>(page: Page, fn: string): Promise<T> {
    return page.evaluate(`(() => { const wb = window.__fake.workbook; ${fn} })()`) as Promise<T>;
  }

  test("the initial JavaScript of taskpane.html stays within 200 KB gzip", () => {
    const bytes = initialGzipBytes(dir);
    console.log(`[test/pane] initial JS of taskpane.html: ${bytes} bytes gzip (budget ${PANE_BUDGET_GZIP_BYTES})`);
    expect(bytes).toBeLessThanOrEqual(PANE_BUDGET_GZIP_BYTES);
  });

  test("outside Office the pane renders, says it runs inside Excel, and its buttons are disabled", async () => {
    const page = await open(null);
    await page.getByText(/Runs inside Excel|请在 Excel 中使用/).waitFor({ timeout: 30_000 });
    const actions = page.locator("button[data-action]");
    expect(await actions.count()).toBeGreaterThanOrEqual(2);
    for (const b of await actions.all()) expect(await b.isDisabled()).toBe(true);
    await setLang(page, "zh-CN");
    await shot(page, "outside-office-zh-CN");
    await checkA11y(page, "outside zh");
    await setLang(page, "en-US");
    await shot(page, "outside-office-en-US");
    await page.close();
  });

  test("insert template, settings, score and the 优先跟进 filter, in Chinese", async () => {
    const page = await open({ displayLanguage: "zh-CN", sheets: [{ name: "Sheet1", values: [] }] });
    await ready(page);
    await page.getByText("工作簿状态").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");

    // Insert template
    const msg = await act(page, 'button[data-action="template"]');
    expect(msg).toContain("模板已就绪");
    const names = await fakeEval<string[]>(page, "return wb.sheetNames();");
    expect(names).toEqual(expect.arrayContaining(["客户信息", "客户行为", "互动记录", "客户分层", "分析汇总", "设置", "变更日志"]));
    const tables = await fakeEval<string[]>(page, "return wb.tables.filter((t) => !t.deleted).map((t) => t.name);");
    expect(tables).toEqual(expect.arrayContaining(["Customers", "Behaviour", "Interactions", "Tiers", "Settings", "Lists", "ChangeLog"]));
    await page.getByText("已就绪", { exact: true }).waitFor();
    await shot(page, "home-zh-CN");
    await checkA11y(page, "home zh");

    // Customers typed by a person
    await page.evaluate((rows) => {
      const w = window as unknown as { __kit: { typeIntoTable: (f: unknown, t: string, r: unknown[][]) => void }; __fake: unknown };
      w.__kit.typeIntoTable(w.__fake, "Customers", rows);
    }, CUSTOMERS);

    // Settings: a weight change is refused until the weights sum to 1, then saved on the sheet
    await page.locator('button[data-screen="settings"]').click();
    const amount = page.locator('input[data-setting="weights.amount"]');
    await amount.waitFor();
    await amount.fill("0.4");
    await page.getByText(/权重之和必须为 1/).waitFor();
    expect(await page.locator('button[data-action="settings-save"]').isDisabled()).toBe(true);
    await shot(page, "settings-invalid-zh-CN");
    await page.locator('input[data-setting="weights.activity"]').fill("0.4");
    await page.getByText(/当前合计 1/).waitFor();
    await shot(page, "settings-zh-CN");
    await checkA11y(page, "settings zh");
    const saved = await act(page, 'button[data-action="settings-save"]');
    expect(saved).toContain("设置已保存");
    const settingsValues = await fakeEval<CellValue[][]>(page, `const t = wb.sheet("设置").tables().find((x) => x.name === "Settings"); return wb.sheet("设置").values(t.address.split("!")[1]);`);
    const byKey = new Map(settingsValues.map((r) => [r[0], r[2]]));
    expect(byKey.get("weights.amount")).toBe(0.4);
    expect(byKey.get("weights.activity")).toBe(0.4);
    expect(byKey.get("weights.tenure")).toBe(0.2);

    // Score and tier, from Home
    await page.locator('button[data-screen="home"]').click();
    const scored = await act(page, 'button[data-action="score"]');
    expect(scored).toContain("已为 5 位客户评分分层");
    const tiers = await fakeEval<{ name: string; rows: number }[]>(page, `return wb.sheet("客户分层").tables().map((t) => ({ name: t.name, address: t.address }));`);
    expect(tiers.map((x) => x.name)).toEqual(["Tiers"]);
    const customers = await fakeEval<CellValue[][]>(page, `const t = wb.sheet("客户信息").tables().find((x) => x.name === "Customers"); return wb.sheet("客户信息").values(t.address.split("!")[1]);`);
    const head = customers[0];
    for (const h of ["客户分层", "价值分", "下次跟进日期", "跟进状态", "数据状态"]) expect(head).toContain(h);
    const tierCol = head.indexOf("客户分层");
    const tierValues = customers.slice(1, 6).map((r) => r[tierCol]);
    for (const v of tierValues) expect(["A", "B", "C", "D"]).toContain(v);
    await page.getByText(/上次评分|基准日/).first().waitFor();
    await page.locator("dd .fui-Badge").first().waitFor();
    await shot(page, "home-scored-zh-CN");

    // Filters: the 优先跟进 preset with its live count, applied as AutoFilter on the table
    await page.locator('button[data-screen="filters"]').click();
    const preset = page.locator('button[data-preset="priorityFollowUp"]');
    await preset.waitFor();
    await page.waitForFunction(() => document.querySelector('button[data-preset="priorityFollowUp"]')?.textContent?.includes("/ 5"));
    expect(await preset.textContent()).toContain("2 / 5");
    await shot(page, "filters-zh-CN");
    await checkA11y(page, "filters zh");
    const filtered = await act(page, 'button[data-preset="priorityFollowUp"]');
    expect(filtered).toContain("显示 2 / 5");
    const af = await fakeEval<{ autoFilter: Record<string, unknown> | null }[]>(page, `return wb.toJSON().tables.filter((t) => t.name === "Customers");`);
    expect(af[0].autoFilter).not.toBeNull();
    expect(Object.keys(af[0].autoFilter ?? {}).length).toBe(2);
    const hidden = await fakeEval<number[]>(page, `return wb.sheet("客户信息").hiddenRows();`);
    // rows 2–6 hold the five customers; the two 重点 with need match ≥ 4 (rows 2 and 6) stay visible
    expect(hidden).toEqual([3, 4, 5]);

    // The builder: need match ≥ 4 → 3 of 5; then clear
    const cleared = await act(page, 'button[data-action="filters-clear"]');
    expect(cleared).toContain("已清除");
    expect(await fakeEval<number[]>(page, `return wb.sheet("客户信息").hiddenRows();`)).toEqual([]);

    // Adopt screen once the table exists: says so
    await page.locator('button[data-screen="adopt"]').click();
    await page.getByText(/已有客户表/).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test("adopt a messy list: the proposal is shown, can be corrected, and converting keeps every data cell", async () => {
    const page = await open({ displayLanguage: "zh-CN", sheets: [{ name: "我的名单", values: MESSY_LIST }] }, "#adopt");
    await ready(page);
    // The active sheet is read as the screen opens; the proposal appears without a click.
    await page.locator('[data-column="A"]').waitFor();
    expect(await page.getByRole("button", { name: "重新识别" }).isEnabled()).toBe(true);
    const before = await fakeEval<CellValue[][]>(page, `return wb.sheet("我的名单").values("A1:D5");`);
    // the proposal: 公司 → 客户名称, 电话 → 手机, 上次联系时间 → 最近沟通时间
    const select = (col: string) => page.locator(`[data-column="${col}"] select`);
    expect(await select("A").inputValue()).toBe("name");
    expect(await select("B").inputValue()).toBe("mobile");
    expect(await select("C").inputValue()).toBe("lastContact");
    await shot(page, "adopt-zh-CN");
    await checkA11y(page, "adopt zh");
    // correct one: keep 备注 as it is (the proposal reads it as the contact summary)
    await select("D").selectOption("__keep__");
    const done = await act(page, 'button[data-action="adopt-convert"]');
    expect(done).toContain("转换为客户表");
    const tables = await fakeEval<{ name: string; address: string }[]>(page, `return wb.sheet("我的名单").tables();`);
    expect(tables.map((x) => x.name)).toEqual(["Customers"]);
    expect(tables[0].address).toMatch(/^'?我的名单'?!A2:/);
    const after = await fakeEval<CellValue[][]>(page, `return wb.sheet("我的名单").values("A1:D5");`);
    // the title row and every data row are exactly as typed; only header cells changed
    expect(after[0]).toEqual(before[0]);
    expect(after.slice(2)).toEqual(before.slice(2));
    expect(after[1].slice(0, 3)).toEqual(["客户名称", "手机", "最近沟通时间"]);
    expect(after[1][3]).toBe("原表·备注");
    await page.close();
  });

  test("Clean: the ribbon opens the review; dry-run counts; Clean merges and logs; Undo restores every cell; masked copy", async () => {
    const page = await open({ displayLanguage: "zh-CN", sheets: [{ name: "Sheet1", values: [] }] });
    await ready(page);
    expect(await act(page, 'button[data-action="template"]')).toContain("模板已就绪");
    await page.evaluate((rows) => {
      const w = window as unknown as { __kit: { typeIntoTable: (f: unknown, t: string, r: unknown[][]) => void }; __fake: unknown };
      w.__kit.typeIntoTable(w.__fake, "Customers", rows);
    }, DUPLICATES);

    // The ribbon's Clean button (ExecuteFunction openClean): completes its event, shows the pane, opens the Clean screen.
    const ribbon = await page.evaluate(() => {
      const w = window as unknown as { __fake: { Office: Record<string, unknown>; actions: Map<string, (e: { completed: () => void }) => void> }; __shown: number; __completed: number };
      w.__shown = 0;
      w.__completed = 0;
      w.__fake.Office.addin = { showAsTaskpane: () => ((w.__shown += 1), Promise.resolve()) };
      const names = [...w.__fake.actions.keys()].sort();
      w.__fake.actions.get("openClean")?.({ completed: () => (w.__completed += 1) });
      return { names, shown: w.__shown, completed: w.__completed };
    });
    expect(ribbon).toEqual({ names: ["insertTemplate", "openClean", "openFilters", "scoreAndTier"], shown: 1, completed: 1 });
    await page.locator("#clean-title").waitFor();
    expect(await page.locator('button[data-screen="clean"]').getAttribute("aria-current")).toBe("page");

    // The dry run (the screen reads the workbook again as it opens): counts, the group side by side, the pair, the flagged cell.
    const count = (k: string) => page.locator(`[data-count="${k}"]`).textContent();
    await page.waitForFunction(() => document.querySelector('[data-count="groups"]')?.textContent === "1");
    expect([await count("normalised"), await count("groups"), await count("possible"), await count("flagged")]).toEqual(["1", "1", "1", "1"]);
    const group = page.locator('[data-group="1"]');
    expect(await group.locator("h4").textContent()).toContain("北京华信科技有限责任公司");
    expect(await group.textContent()).toContain("名称相同");
    expect(await group.locator('th[data-member="keep"]').textContent()).toContain("第 4 行");
    expect(await group.locator('th[data-member="merge"]').textContent()).toContain("第 2 行");
    for (const f of ["contact", "mobile", "lastContact"]) expect(await group.locator(`tr[data-field="${f}"]`).getAttribute("data-differs")).toBe("true");
    expect(await group.locator('tr[data-field="grade"]').getAttribute("data-differs")).toBeNull();
    expect(await page.locator('[data-possible="3-5"]').textContent()).toMatch(/名称相近 0\.9\d/);
    expect(await page.locator('[data-flagged="5-最近沟通时间"]').textContent()).toContain("日月顺序不确定");
    // a dry run writes nothing
    // Every cell of the sheet's first 12 rows × 40 columns (the table and beyond): value, its type, formula, number format, text prefix.
    const sheetCells = (name: string) =>
      fakeEval<unknown[][]>(
        page,
        `const s = wb.sheet(${JSON.stringify(name)}); const col = (c) => (c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : "") + String.fromCharCode(65 + (c % 26));
         const out = []; for (let r = 1; r <= 12; r++) for (let c = 0; c < 40; c++) { const v = s.cell(col(c) + r); out.push([col(c) + r, v.value, typeof v.value, v.formula ?? null, v.numberFormat, v.quotePrefix]); } return out;`,
      );
    const before = await sheetCells("客户信息");
    expect(await fakeEval<string[]>(page, "return wb.sheetNames();")).not.toContain("归档");
    await page.getByRole("button", { name: "关闭消息" }).click(); // the template's result, so the screenshots show the screen
    await shot(page, "clean-zh-CN");
    await checkA11y(page, "clean zh");
    await setLang(page, "en-US");
    await page.getByText("Duplicates (to be merged)").waitFor();
    expect(await page.locator('[data-possible="3-5"]').textContent()).toMatch(/similar name 0\.9\d/);
    await shot(page, "clean-en-US");
    await checkA11y(page, "clean en");
    await setLang(page, "zh-CN");

    // Options: merge off → the groups are shown as not merged
    await page.locator('input[data-option="merge"]').uncheck();
    await page.getByText("重复客户 (不合并)").waitFor();
    await page.locator('input[data-option="merge"]').check();
    await page.getByText("重复客户 (将合并)").waitFor();

    // Clean
    const table = (sheet: string, name: string) =>
      fakeEval<CellValue[][]>(page, `const s = wb.sheet(${JSON.stringify(sheet)}); const t = s.tables().find((x) => x.name === ${JSON.stringify(name)}); return t ? s.values(t.address.split("!")[1]) : null;`);
    const customersBefore = await table("客户信息", "Customers");
    const cleaned = await act(page, 'button[data-action="clean-apply"]');
    expect(cleaned).toContain("规范化 1 个单元格");
    expect(cleaned).toContain("合并 1 组重复客户, 1 行移到「归档」");
    expect(cleaned).toContain("疑似重复 1 对");
    expect(cleaned).toMatch(/已记入「变更日志」.*撤销上次清洗/);
    expect(await fakeEval<string[]>(page, "return wb.sheetNames();")).toContain("归档");
    const archive = await table("归档", "Archive");
    expect(archive.slice(1).map((r) => r[1])).toEqual(["北京华信科技有限公司"]);
    const log = (await table("变更日志", "ChangeLog")).slice(1).filter((r) => r[1] === "clean");
    expect(log.length).toBeGreaterThan(0);
    // The survivor (row 4): a cell changed only where the log says so, from the logged old value to the new one.
    const customersAfter = await table("客户信息", "Customers");
    const headers = customersAfter[0].map(String);
    const survivorBefore = customersBefore[3];
    const survivorAfter = customersAfter[3];
    const survivorLog = log.filter((r) => r[3] === "#4");
    headers.forEach((h, j) => {
      const entries = survivorLog.filter((r) => r[4] === h);
      if (survivorAfter[j] === survivorBefore[j]) expect({ h, entries }).toEqual({ h, entries: [] });
      else expect({ h, old: entries[0]?.[5], new: entries[entries.length - 1]?.[6] }).toEqual({ h, old: survivorBefore[j], new: survivorAfter[j] });
    });
    expect(survivorAfter[headers.indexOf("沟通内容摘要")]).toContain("张三");
    // the merged row is blanked in place, every cell of it logged
    expect(customersAfter[1].every((v) => v === "")).toBe(true);
    expect(log.filter((r) => r[3] === "#2").length).toBe(customersBefore[1].filter((v) => v !== "").length);
    // the review now shows what is left: no groups, the pair still to check
    await page.waitForFunction(() => document.querySelector('[data-count="groups"]')?.textContent === "0");
    expect(await page.getByText(/上次清洗: \d{4}-\d{2}-\d{2}/).count()).toBe(1);

    // Undo last clean: every cell of 客户信息 back exactly (values, types, formats), the archive emptied.
    const undone = await act(page, 'button[data-action="clean-undo"]');
    expect(undone).toMatch(/已撤销 .* 的清洗: 恢复 \d+ 个单元格, 从归档中移除 1 行/);
    expect(await sheetCells("客户信息")).toEqual(before);
    expect((await table("归档", "Archive")).slice(1).flat().every((v) => v === "")).toBe(true);
    await page.waitForFunction(() => document.querySelector('[data-count="groups"]')?.textContent === "1");

    // Undo refuses when a cell the clean wrote was edited since.
    await act(page, 'button[data-action="clean-apply"]');
    await page.evaluate(() => {
      const w = window as unknown as { __fake: { workbook: { sheet: (n: string) => unknown } }; __kit: unknown };
      const st = (w.__fake.workbook as unknown as { findTable: (n: string) => { sheet: unknown; rect: { row: number; col: number } }; cellFor: (s: unknown, r: number, c: number) => { value: unknown } });
      const t = st.findTable("Customers");
      st.cellFor(t.sheet, t.rect.row + 1, t.rect.col + 1).value = "新客户有限公司"; // a new customer typed into the row the merge blanked
    });
    await page.locator('button[data-action="clean-recheck"]').click();
    const refused = await act(page, 'button[data-action="clean-undo"]');
    expect(refused).toContain("没有完成");
    expect(refused).toMatch(/已被修改.*未执行撤销/);
    const customersAfterRefusal = await table("客户信息", "Customers");
    expect(customersAfterRefusal[1][1]).toBe("新客户有限公司");

    // Masked copy: a new sheet, mobiles as 138****8000, names masked; the original untouched.
    const original = await sheetCells("客户信息");
    const masked = await act(page, 'button[data-action="clean-mask"]');
    expect(masked).toContain("已生成脱敏副本: 工作表「客户信息(脱敏)」");
    expect(masked).toContain("原工作表「客户信息」未改动");
    const copy = await table("客户信息(脱敏)", "CustomersMasked");
    const mobile = copy[0].indexOf("手机");
    const mobiles = copy.slice(1).map((r) => r[mobile]).filter((v) => v !== "");
    expect(mobiles.length).toBeGreaterThan(0);
    for (const m of mobiles) expect(String(m)).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const contacts = copy.slice(1).map((r) => r[copy[0].indexOf("联系人")]).filter((v) => v !== "");
    for (const c of contacts) expect(String(c)).toMatch(/^\p{Script=Han}\*+$/u);
    expect(await sheetCells("客户信息")).toEqual(original);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test("when Excel fails, the pane says so in words and stays usable", async () => {
    const page = await open({ displayLanguage: "en-US", sheets: [{ name: "Sheet1", values: [] }] });
    await ready(page);
    await page.getByText("This workbook").waitFor();
    await page.evaluate(() => ((window as unknown as { __failExcel: boolean }).__failExcel = true));
    const failed = await act(page, 'button[data-action="template"]');
    expect(failed).toContain("Not done");
    expect(failed).toMatch(/Excel reported an error/);
    await shot(page, "home-excel-error-en-US");
    expect(await page.locator('button[data-action="template"]').isDisabled()).toBe(false);
    await page.evaluate(() => ((window as unknown as { __failExcel: boolean }).__failExcel = false));
    const ok = await act(page, 'button[data-action="template"]');
    expect(ok).toContain("Template ready");
    await page.close();
  });

  test("every screen in English: screenshots and no serious accessibility violations", async () => {
    const page = await open({ displayLanguage: "en-US", sheets: [{ name: "My list", values: MESSY_LIST }] });
    await ready(page);
    await page.getByText("This workbook").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
    await shot(page, "home-en-US");
    await checkA11y(page, "home en");
    await page.locator('button[data-screen="adopt"]').click();
    await page.getByRole("button", { name: "Read again" }).click();
    await page.locator('[data-column="A"]').waitFor();
    await shot(page, "adopt-en-US");
    await checkA11y(page, "adopt en");
    await page.locator('button[data-screen="settings"]').click();
    await page.locator('input[data-setting="weights.amount"]').waitFor();
    await shot(page, "settings-en-US");
    await checkA11y(page, "settings en");
    await page.locator('button[data-screen="filters"]').click();
    await page.locator('button[data-preset="priorityFollowUp"]').waitFor();
    await shot(page, "filters-en-US");
    await checkA11y(page, "filters en");
    // #clean on a workbook without the customer table: the review says what to do first
    await page.locator('button[data-screen="clean"]').click();
    await page.locator("#clean-title").waitFor();
    await page.getByText(/customer table|Customers/).first().waitFor();
    expect(await page.locator('button[data-action="clean-apply"]').isDisabled()).toBe(true);
    await checkA11y(page, "clean (no table) en");
    await page.locator('button[data-screen="filters"]').click();
    await page.locator('button[data-preset="priorityFollowUp"]').waitFor();
    // switching the language in the header re-labels the screen at once
    await setLang(page, "zh-CN");
    await page.getByText("常用筛选").waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
