import { cleanText, foldKey, normaliseText, toHalfWidth } from "../../src/core/clean/normalise";

describe("normaliseText (display)", () => {
  test.each<[string, string]>([
    ["  张三  ", "张三"],
    ["张  三", "张 三"],
    ["北京\t\t某某   科技", "北京 某某 科技"],
    ["\u3000张三\u3000", "张三"],
    ["ＡＢＣ　１２３", "ABC 123"],
    ["ｃｏｍｐａｎｙ＠ｅｘａｍｐｌｅ．ｃｏｍ", "company@example.com"],
    ["Ｏｆｆｉｃｅ－３６５", "Office-365"],
    ["１００％", "100%"],
    ["北京某某（集团）有限公司", "北京某某（集团）有限公司"],
    ["你好，世界！", "你好，世界！"],
    ["备注：待定；再议？", "备注：待定；再议？"],
    ["A\u00A0B", "A B"],
    ["张\u200B三", "张三"],
    ["\uFEFF张三", "张三"],
    ["line1\nline2", "line1 line2"],
    ["《客户》【重点】", "《客户》【重点】"],
  ])("%p → %p", (input, value) => {
    expect(normaliseText(input)).toEqual({ status: "ok", value, changed: value !== input });
  });

  test("unchanged text says so", () => {
    expect(normaliseText("张三")).toEqual({ status: "ok", value: "张三", changed: false });
  });

  test("multiline keeps line breaks, cleans each line", () => {
    expect(cleanText("  第一行  \r\n\r\n  第二行\t说明 ", { multiline: true })).toBe("第一行\n第二行 说明");
    expect(normaliseText("a\n\nb", { multiline: true })).toEqual({ status: "ok", value: "a\nb", changed: true });
  });

  test("numbers and booleans are kept as they are", () => {
    expect(normaliseText(123)).toEqual({ status: "kept", value: "123", reason: "notText" });
    expect(normaliseText(true)).toEqual({ status: "kept", value: "TRUE", reason: "notText" });
    expect(normaliseText(Number.NaN)).toEqual({ status: "invalid", reason: "unrecognised" });
  });

  test("empties and errors", () => {
    for (const s of ["", " ", "\u3000\u3000", "\u200B", "\t\n"]) expect(normaliseText(s)).toEqual({ status: "empty" });
    expect(normaliseText("#REF!")).toEqual({ status: "invalid", reason: "errorValue" });
  });

  test("toHalfWidth folds the whole range ！…～ and the ideographic space", () => {
    expect(toHalfWidth("！～（），\u3000")).toBe("!~(), ");
    let all = "";
    for (let c = 0xff01; c <= 0xff5e; c++) all += String.fromCharCode(c);
    let ascii = "";
    for (let c = 0x21; c <= 0x7e; c++) ascii += String.fromCharCode(c);
    expect(toHalfWidth(all)).toBe(ascii);
  });
});

describe("foldKey (matching only)", () => {
  test.each<[string, string]>([
    ["北京某某（集团）有限公司", "北京某某集团有限公司"],
    ["北京某某(集团) 有限公司", "北京某某集团有限公司"],
    ["北京某某【集团】有限公司", "北京某某集团有限公司"],
    ["ＳａａＳ", "saas"],
    ["  Hello   World ", "helloworld"],
    ["ABC　有限公司", "abc有限公司"],
    ["你好，世界！", "你好,世界!"],
    ["[A] {B} <C>", "abc"],
  ])("%p → %p", (input, key) => {
    expect(foldKey(input)).toBe(key);
  });
  test("same key for width and case variants", () => {
    expect(foldKey("Ｃｕｓｔｏｍｅｒ（Ａ）")).toBe(foldKey("customer (a)"));
  });
  test("non-text cells", () => {
    expect(foldKey(123)).toBe("123");
    expect(foldKey(true)).toBe("true");
    expect(foldKey(Number.NaN)).toBe("");
  });
});
