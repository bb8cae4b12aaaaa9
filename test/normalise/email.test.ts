import { normaliseEmail, suggestDomain } from "../../src/core/clean/normalise";

describe("emails", () => {
  test.each<[string, string]>([
    ["zhang@qq.com", "zhang@qq.com"],
    [" zhang@qq.com ", "zhang@qq.com"],
    ["Zhang.San@QQ.COM", "Zhang.San@qq.com"],
    ["zhang＠qq．com", "zhang@qq.com"],
    ["zhang@qq。com", "zhang@qq.com"],
    ["ｚｈａｎｇ＠ｑｑ．ｃｏｍ", "zhang@qq.com"],
    ["zhang @ qq.com", "zhang@qq.com"],
    ["mailto:zhang@qq.com", "zhang@qq.com"],
    ["张三 <zhang@example.com>", "zhang@example.com"],
    ["<zhang@example.com>", "zhang@example.com"],
    ["first.last+tag@sub.example.com.cn", "first.last+tag@sub.example.com.cn"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["user_1@163.com", "user_1@163.com"],
    ["a@b.co", "a@b.co"],
    ["a@example.com.", "a@example.com"],
    ["a@xn--fiqs8s.cn", "a@xn--fiqs8s.cn"],
  ])("%p → %s", (input, value) => {
    expect(normaliseEmail(input)).toMatchObject({ status: "ok", value });
  });

  test("only the domain is lower-cased", () => {
    expect(normaliseEmail("Li.Lei@Example.COM")).toEqual({ status: "ok", value: "Li.Lei@example.com", changed: true });
    expect(normaliseEmail("li@example.com")).toEqual({ status: "ok", value: "li@example.com", changed: false });
  });

  test.each<[string, string]>([
    ["a@qq.con", "a@qq.com"],
    ["a@qq.cm", "a@qq.com"],
    ["a@qq.co", "a@qq.com"],
    ["a@qq.comm", "a@qq.com"],
    ["a@163.cm", "a@163.com"],
    ["a@163.con", "a@163.com"],
    ["a@126.cpm", "a@126.com"],
    ["a@gmial.com", "a@gmail.com"],
    ["a@gmai.com", "a@gmail.com"],
    ["a@gamil.com", "a@gmail.com"],
    ["a@hotmial.com", "a@hotmail.com"],
    ["a@foxmial.com", "a@foxmail.com"],
    ["a@sian.com", "a@sina.com"],
    ["a@outlook.con", "a@outlook.com"],
    ["a@mycompany.con", "a@mycompany.com"],
  ])("typo %p is accepted with a suggestion, never fixed", (input, suggestion) => {
    expect(normaliseEmail(input)).toEqual({ status: "ok", value: input, changed: false, warnings: ["domainTypo"], suggestion });
  });

  test.each(["qq.com", "163.com", "126.com", "sina.cn", "vip.qq.com", "example.com", "mycompany.cn", "huawei.com", "alibaba-inc.com"])("no suggestion for %s", (d) => {
    expect(suggestDomain(d)).toBeNull();
  });

  test("several addresses: the first, the rest in extra", () => {
    expect(normaliseEmail("a@x.com; b@y.com")).toEqual({ status: "ok", value: "a@x.com", changed: true, warnings: ["multiple"], extra: ["b@y.com"] });
    expect(normaliseEmail("a@x.com，B@Y.COM")).toMatchObject({ value: "a@x.com", extra: ["B@y.com"] });
    expect(normaliseEmail("a@x.com b@y.com")).toMatchObject({ value: "a@x.com", extra: ["b@y.com"] });
    expect(normaliseEmail("a@x.com/b@y.com")).toEqual({ status: "invalid", reason: "notEmail" });
  });

  test.each<string | number | boolean>([
    "zhang",
    "zhang@",
    "@qq.com",
    "zhang@qq",
    "zhang@@qq.com",
    "zhang@qq..com",
    "zhang..san@qq.com",
    ".zhang@qq.com",
    "zhang.@qq.com",
    "zhang san@qq.com",
    "zhang@-qq.com",
    "zhang@qq.c",
    "zhang@qq.123",
    "张三@qq.com",
    "zhang@例子.中国",
    "a,b@qq.com",
    `${"a".repeat(65)}@qq.com`,
    "无",
    123,
    true,
  ])("%p is invalid", (input) => {
    expect(normaliseEmail(input)).toEqual({ status: "invalid", reason: typeof input === "boolean" ? "boolean" : "notEmail" });
  });

  test("errors and empties", () => {
    expect(normaliseEmail("#N/A")).toEqual({ status: "invalid", reason: "errorValue" });
    expect(normaliseEmail("")).toEqual({ status: "empty" });
    expect(normaliseEmail(" \u3000 ")).toEqual({ status: "empty" });
  });
});
