/** Duplicate keys and near names (SPEC §5), on names and contacts written the ways people write them. */
import { exactDuplicates, keysOf, possibleDuplicates, type DuplicateInput } from "../../src/core/clean/duplicates";
import { makeNormalisers } from "../../src/core/clean/fast-normalise";
import { nameKey } from "../../src/core/clean/name-key";
import { jaroWinkler } from "../../src/core/clean/similarity";
import type { CellValue } from "../../src/core/plan/cells";

const input = (name: CellValue, more: Partial<DuplicateInput> = {}): DuplicateInput => ({ name, mobile: "", email: "", creditCode: "", ...more });

function run(items: DuplicateInput[], threshold = 0.85) {
  const n = makeNormalisers();
  const keys = items.map((i) => keysOf(i, n));
  const { result, vetoed } = exactDuplicates(keys);
  const pairs = possibleDuplicates(keys, result.component, (c) => c, vetoed, threshold);
  return { groups: result.groups.map((g) => g.members), reasons: result.groups.map((g) => g.reasons.map((r) => r.kind)), pairs };
}

describe("name key: legal forms, brackets, case and width folded", () => {
  test.each([
    ["北京华信科技有限公司", "北京华信科技有限责任公司"],
    ["北京华信科技有限公司", "北京华信科技股份有限公司"],
    ["北京华信科技有限公司", "北京华信科技公司"],
    ["北京华信科技集团有限公司", "北京华信科技集团"],
    ["北京华信科技(集团)有限公司", "北京华信科技（集团）有限公司"],
    ["华信科技（北京）有限公司", "华信科技(北京)有限公司"],
    ["ＡＢＣ科技有限公司", "abc科技有限公司"],
    [" 北京 华信科技 有限公司 ", "北京华信科技有限公司"],
    ["Acme Co., Ltd.", "ACME LIMITED"],
    ["Acme Inc", "acme"],
  ])("%s ≡ %s", (a, b) => expect(nameKey(a)).toBe(nameKey(b)));

  test.each([
    ["华信科技(北京)有限公司", "华信科技有限公司"],
    ["北京华信科技有限公司", "上海华信科技有限公司"],
    ["Costco", "Cost"],
    ["华信科技有限公司北京分公司", "华信科技有限公司"],
  ])("%s ≢ %s (a region in brackets or a branch is another legal entity)", (a, b) => expect(nameKey(a)).not.toBe(nameKey(b)));

  test("the legal form alone is not stripped to nothing", () => expect(nameKey("有限公司")).not.toBe(""));
});

describe("exact duplicates: groups by union-find over name, mobile, email, credit code", () => {
  test("有限公司 vs 有限责任公司, （北京） vs (北京), full-width", () => {
    const r = run([input("北京华信科技有限公司"), input("上海蓝海物流有限公司"), input("北京华信科技有限责任公司"), input("华信（北京）软件有限公司"), input("华信(北京)软件有限公司"), input("ＸＹＺ贸易有限公司"), input("xyz贸易公司")]);
    expect(r.groups).toEqual([[0, 2], [3, 4], [5, 6]]);
    expect(r.reasons.every((k) => k.includes("name"))).toBe(true);
  });

  test("+86 mobiles, spaces and dashes are one mobile", () => {
    const r = run([input("张先生的公司", { mobile: "+86 138-0013-8000" }), input("另一个名字有限公司", { mobile: "13800138000" }), input("第三家有限公司", { mobile: "0086 13800138000" }), input("第四家有限公司", { mobile: 13800138000 })]);
    expect(r.groups).toEqual([[0, 1, 2, 3]]);
    expect(r.reasons[0]).toEqual(["mobile"]);
  });

  test("emails match whatever their case and full-width ＠", () => {
    const r = run([input("甲公司", { email: "Zhang@Example.com" }), input("乙有限公司", { email: "zhang＠example.com" })]);
    expect(r.groups).toEqual([[0, 1]]);
  });

  test("credit codes match after width and case folding; links are transitive", () => {
    const r = run([input("北京甲有限公司", { creditCode: "91110000600037341L" }), input("甲 (BJ)", { creditCode: "９１１１００００６０００３７３４１ｌ", mobile: "13900139000" }), input("另一个写法", { mobile: "139 0013 9000" })]);
    expect(r.groups).toEqual([[0, 1, 2]]);
  });

  test("different credit codes are never merged: a possible duplicate instead", () => {
    const r = run([input("北京华信科技有限公司", { creditCode: "91110000600037341L" }), input("北京华信科技有限责任公司", { creditCode: "91310000MA1FL0000X" })]);
    expect(r.groups).toEqual([]);
    expect(r.pairs).toEqual([{ a: 0, b: 1, score: 1, reason: "creditCodeConflict" }]);
  });

  test("short person names (张伟) are possible duplicates, not merged; their mobile still merges them", () => {
    const r = run([input("张伟"), input("张伟"), input("李娜", { mobile: "13700137000" }), input("李娜", { mobile: "137-0013-7000" })]);
    expect(r.groups).toEqual([[2, 3]]);
    expect(r.pairs).toEqual([{ a: 0, b: 1, score: 1, reason: "shortName" }]);
  });

  test("blank and invalid values are no key", () => {
    const r = run([input("", { mobile: "见备注" }), input("", { mobile: "见备注" }), input("甲有限公司", { email: "not an email" }), input("乙有限公司", { email: "not an email" })]);
    expect(r.groups.every((g) => g.length >= 2)).toBe(true);
  });
});

describe("possible duplicates: similar names with blocking, never merged", () => {
  test.each([
    ["深圳市腾达电子有限公司", "深圳腾达电子有限公司"],
    ["杭州启明软件科技有限公司", "杭州启明软件技术有限公司"],
    ["北京华信科技有限公司", "北京华新科技有限公司"],
    ["腾达电子有限公司", "深圳腾达电子有限公司"],
    ["华信科技(北京)有限公司", "华信科技有限公司"],
  ])("%s ~ %s", (a, b) => {
    const r = run([input(a), input("上海蓝海物流有限公司"), input(b)]);
    expect(r.groups).toEqual([]);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ a: 0, b: 2, reason: "similarName" });
    expect(r.pairs[0].score).toBeGreaterThanOrEqual(0.85);
  });

  test.each([
    ["北京华信科技有限公司", "上海蓝海物流有限公司"],
    ["北京华信科技有限公司", "北京恒达软件有限公司"],
    ["深圳腾达电子有限公司", "广州腾飞服装有限公司"],
  ])("%s ≁ %s", (a, b) => expect(run([input(a), input(b)]).pairs).toEqual([]));

  test("the threshold comes from Settings", () => {
    const items = [input("北京华信科技有限公司"), input("北京华新科技有限公司")];
    expect(run(items, 0.99).pairs).toEqual([]);
    expect(run(items, 0.8).pairs).toHaveLength(1);
  });

  test("blocking still finds the pair among many unrelated names", () => {
    const cities = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安"];
    const words = ["恒达", "瑞丰", "启明", "博远", "金盛", "天成", "宏图", "卓越", "汇通", "鼎新"];
    const trades = ["物流", "贸易", "餐饮管理", "建设工程", "文化传播"];
    const items: DuplicateInput[] = [];
    for (const c of cities) for (const w of words) for (const t of trades) items.push(input(`${c}${w}${t}有限公司`));
    items.splice(123, 0, input("深圳市腾达电子有限公司"));
    items.push(input("深圳腾达电子公司"));
    const r = run(items);
    expect(r.pairs.some((p) => p.a === 123 && p.b === items.length - 1)).toBe(true);
    expect(r.pairs.every((p) => p.score >= 0.85)).toBe(true);
  });

  test("Jaro–Winkler golden values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("abc", "abc")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
  });
});

describe("scale: normalise keys + duplicates on 100,000 customers (speed is measured by npm run bench, not here)", () => {
  test("completes and every group has at least two members", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const han = "华信恒达瑞丰启明中科博远金盛天成宏图卓越汇通鼎新东方锦程鑫源智联安泰永兴正和嘉禾晨光蓝海云帆九州";
    const word = () => Array.from({ length: 3 }, () => han[Math.floor(rnd() * han.length)]).join("");
    const items: DuplicateInput[] = [];
    for (let i = 0; i < 100_000; i++) items.push(input(`${["北京", "上海", "深圳"][i % 3]}${word()}${word()}有限公司`, { mobile: String(13000000000 + i * 7), email: `u${i}@example.com` }));
    const r = run(items);
    expect(r.groups.every((g) => g.length >= 2)).toBe(true);
  });
});
