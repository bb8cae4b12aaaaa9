import { normaliseNumber, type NumberOptions } from "../../src/core/clean/normalise";

const WAN: NumberOptions = { unit: "wan" };
const WHOLE: NumberOptions = { whole: true };

describe("money to yuan (default unit)", () => {
  test.each<[string | number, number]>([
    ["30万", 300000],
    ["30 万", 300000],
    ["30万元", 300000],
    ["¥1,200", 1200],
    ["￥1200元", 1200],
    ["￥1,200.50", 1200.5],
    ["RMB 1200", 1200],
    ["人民币1200元", 1200],
    ["1200块", 1200],
    ["1.2万", 12000],
    ["1.15万", 11500],
    ["0.5万", 5000],
    [".5万", 5000],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1，234", 1234],
    ["1 234 567", 1234567],
    ["１２３", 123],
    ["１２３．４", 123.4],
    ["3千", 3000],
    ["3k", 3000],
    ["3K", 3000],
    ["5w", 50000],
    ["1亿", 100000000],
    ["1.5亿", 150000000],
    ["1亿2000万", 120000000],
    ["3万5千", 35000],
    ["3万5", 35000],
    ["三十万", 300000],
    ["两千", 2000],
    ["一千零五", 1005],
    ["二十三", 23],
    ["三百五", 350],
    ["壹万贰仟", 12000],
    ["十万", 100000],
    ["3千万", 30000000],
    ["+5", 5],
    ["0", 0],
    ["0.00", 0],
    ["007", 7],
    [1200, 1200],
    [0, 0],
    [1234.5, 1234.5],
    [" 1200 ", 1200],
  ])("%p → %p", (input, value) => {
    expect(normaliseNumber(input)).toMatchObject({ status: "ok", value });
  });

  test("exact decimals, no binary drift", () => {
    expect(normaliseNumber("1.15万")).toMatchObject({ value: 11500 });
    expect(normaliseNumber("0.07万")).toMatchObject({ value: 700 });
    expect(normaliseNumber("1.1万", WAN)).toMatchObject({ value: 1.1 });
    expect(normaliseNumber("1234元", WAN)).toMatchObject({ value: 0.1234 });
  });

  test("changed: a number stays, text becomes a number", () => {
    expect(normaliseNumber(1200)).toEqual({ status: "ok", value: 1200, changed: false });
    expect(normaliseNumber("1200")).toEqual({ status: "ok", value: 1200, changed: true });
  });
});

describe("万元 columns (年营收(万元), 购买金额(万元))", () => {
  test.each<[string | number, number, string[] | undefined]>([
    ["30万", 30, undefined],
    ["30万元", 30, undefined],
    ["30", 30, undefined],
    [30, 30, undefined],
    ["1.2万", 1.2, undefined],
    ["1亿", 10000, undefined],
    ["1亿2000万", 12000, undefined],
    ["¥1,200", 1200, undefined], // a currency sign alone does not change the unit
    ["1200元", 0.12, ["unitConverted"]],
    ["￥1200元", 0.12, ["unitConverted"]],
    ["3千", 0.3, ["unitConverted"]],
    ["5000元", 0.5, ["unitConverted"]],
  ])("%p → %p", (input, value, warnings) => {
    const r = normaliseNumber(input, WAN);
    expect(r).toMatchObject({ status: "ok", value });
    if (r.status === "ok") expect(r.warnings).toEqual(warnings);
  });
});

describe("counts (whole-number mode)", () => {
  test.each<[string | number, number]>([
    ["3次", 3],
    ["3 次", 3],
    ["3.0", 3],
    ["20人", 20],
    ["5家", 5],
    ["1.5万", 15000],
    ["1,200人", 1200],
    [3, 3],
    [3.0, 3],
    ["十二次", 12],
  ])("%p → %p", (input, value) => {
    expect(normaliseNumber(input, WHOLE)).toMatchObject({ status: "ok", value });
  });
  test.each<string | number>(["3.5", 3.5, "2.25次", "0.5万元"].slice(0, 3))("%p is not whole", (input) => {
    expect(normaliseNumber(input, WHOLE)).toEqual({ status: "invalid", reason: "notWhole" });
  });
});

describe("negatives", () => {
  test.each<string | number>(["-5", "－5", "−5", "负5", "-1.2万", "¥-5", -5])("%p is invalid by default", (input) => {
    expect(normaliseNumber(input)).toEqual({ status: "invalid", reason: "negative" });
  });
  test("allowed when the column allows it", () => {
    expect(normaliseNumber("-5", { allowNegative: true })).toMatchObject({ status: "ok", value: -5 });
    expect(normaliseNumber("-1.2万", { allowNegative: true })).toMatchObject({ status: "ok", value: -12000 });
    expect(normaliseNumber(-3.5, { allowNegative: true })).toMatchObject({ status: "ok", value: -3.5 });
    expect(normaliseNumber(-0)).toMatchObject({ status: "ok", value: 0 });
  });
});

describe("approximate values are flagged, never silently accepted", () => {
  test.each<[string, NumberOptions, number]>([
    ["约100", {}, 100],
    ["大约100", {}, 100],
    ["大概50万", {}, 500000],
    ["100左右", {}, 100],
    ["100万左右", WAN, 100],
    ["近100万", {}, 1000000],
    ["100多万", {}, 1000000],
    ["100余万", WAN, 100],
    ["~100", {}, 100],
    ["约100人", WHOLE, 100],
  ])("%p", (input, options, value) => {
    expect(normaliseNumber(input, options)).toEqual({ status: "ambiguous", candidates: [value], reason: "approximate", warnings: ["approximate"] });
  });
});

describe("text that means something is kept", () => {
  test.each<[string, string]>([
    ["面议", "placeholder"],
    ["价格面议", "placeholder"],
    ["待定", "placeholder"],
    ["待定。", "placeholder"],
    ["不详", "placeholder"],
    ["保密", "placeholder"],
    ["TBD", "placeholder"],
    ["N/A", "placeholder"],
    ["-", "placeholder"],
    ["100-200万", "range"],
    ["10万-30万", "range"],
    ["10-30万", "range"],
    ["100~200", "range"],
    ["100至200万元", "range"],
    ["50到100人", "range"],
    ["1000—2000", "range"],
    ["100万以上", "bound"],
    ["10万以下", "bound"],
    ["500万以内", "bound"],
    ["100+", "bound"],
    ["超过100万", "bound"],
    ["不到10万", "bound"],
    [">100", "bound"],
    ["≥50", "bound"],
    ["1000人以上", "bound"],
  ])("%p → kept %s", (input, reason) => {
    expect(normaliseNumber(input)).toEqual({ status: "kept", value: input, reason });
  });
  test("kept values are the display-cleaned text", () => {
    expect(normaliseNumber("  面议 ")).toEqual({ status: "kept", value: "面议", reason: "placeholder" });
    expect(normaliseNumber("１００－２００万")).toEqual({ status: "kept", value: "100-200万", reason: "range" });
  });
});

describe("what is not a number", () => {
  test.each<[string | number | boolean, string]>([
    ["$100", "foreignCurrency"],
    ["USD 100", "foreignCurrency"],
    ["100美元", "foreignCurrency"],
    ["€50", "foreignCurrency"],
    ["HK$100", "foreignCurrency"],
    ["100港币", "foreignCurrency"],
    ["1,23", "malformedNumber"],
    ["12,3456", "malformedNumber"],
    ["1.2.3", "malformedNumber"],
    ["3万4万", "malformedNumber"],
    ["3万45", "malformedNumber"],
    ["万", "notANumber"],
    ["abc", "notANumber"],
    ["很多", "notANumber"],
    ["50%", "notANumber"],
    ["以上", "notANumber"],
    ["¥", "notANumber"],
    [true, "boolean"],
    [false, "boolean"],
    [Number.NaN, "notANumber"],
    [Number.POSITIVE_INFINITY, "notANumber"],
    ["#DIV/0!", "errorValue"],
  ])("%p → invalid %s", (input, reason) => {
    expect(normaliseNumber(input)).toEqual({ status: "invalid", reason });
  });
  test.each(["", "  ", "\u3000"])("%p is empty", (s) => {
    expect(normaliseNumber(s)).toEqual({ status: "empty" });
  });
});
