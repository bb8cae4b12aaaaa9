import { normaliseMobile } from "../../src/core/clean/normalise";

describe("mobiles to 11 digits", () => {
  test.each<[string | number, string]>([
    ["13800138000", "13800138000"],
    [13800138000, "13800138000"],
    [8613800138000, "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["+8613800138000", "13800138000"],
    ["+86-138-0013-8000", "13800138000"],
    ["(+86)13800138000", "13800138000"],
    ["（+86）138 0013 8000", "13800138000"],
    ["0086 13800138000", "13800138000"],
    ["0086-13800138000", "13800138000"],
    ["86-13800138000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["138.0013.8000", "13800138000"],
    ["(138)0013-8000", "13800138000"],
    ["１３８００１３８０００", "13800138000"],
    ["＋８６ １３８－００１３－８０００", "13800138000"],
    ["  13800138000\u3000", "13800138000"],
    ["手机：13800138000", "13800138000"],
    ["Tel: 13800138000", "13800138000"],
    ["19912345678", "19912345678"],
    ["16612345678", "16612345678"],
  ])("%p → %s", (input, value) => {
    expect(normaliseMobile(input)).toMatchObject({ status: "ok", value });
  });

  test("changed: only a cell that already holds the 11 digits as text is unchanged", () => {
    expect(normaliseMobile("13800138000")).toEqual({ status: "ok", value: "13800138000", changed: false });
    expect(normaliseMobile(13800138000)).toEqual({ status: "ok", value: "13800138000", changed: true });
    expect(normaliseMobile("138 0013 8000")).toEqual({ status: "ok", value: "13800138000", changed: true });
  });
});

describe("landlines are kept, never called mobiles", () => {
  test.each<string | number>([
    "010-12345678",
    "01012345678",
    "(010)12345678",
    "（010）1234 5678",
    "0755-1234567",
    "0755-12345678",
    "021 6123 4567",
    "0571-88889999",
    "400-800-8888",
    "400 800 8888",
    "4008008888",
    "800-820-8820",
    "+86 10 12345678",
    "+86-755-12345678",
    "0755-12345678-801",
    "0755-12345678转801",
    "88889999",
    4008008888,
  ])("%p", (input) => {
    expect(normaliseMobile(input)).toMatchObject({ status: "kept", reason: "landline", value: typeof input === "number" ? String(input) : input });
  });
});

describe("masked numbers are kept", () => {
  test.each(["138****1234", "138 **** 1234", "138xxxx1234", "138XXXX1234", "+86 138****1234", "138＊＊＊＊1234"])("%p", (input) => {
    expect(normaliseMobile(input)).toMatchObject({ status: "kept", reason: "masked" });
  });
});

describe("two numbers in one cell: the first mobile, the rest in extra", () => {
  test.each<[string, string, string[]]>([
    ["13800138000/13900139000", "13800138000", ["13900139000"]],
    ["13800138000 / 13900139000", "13800138000", ["13900139000"]],
    ["13800138000,13900139000", "13800138000", ["13900139000"]],
    ["13800138000，139-0013-9000", "13800138000", ["13900139000"]],
    ["13800138000；13900139000", "13800138000", ["13900139000"]],
    ["13800138000、13900139000", "13800138000", ["13900139000"]],
    ["13800138000\n13900139000", "13800138000", ["13900139000"]],
    ["13800138000或13900139000", "13800138000", ["13900139000"]],
    ["13800138000 13900139000", "13800138000", ["13900139000"]],
    ["0755-12345678/13800138000", "13800138000", ["0755-12345678"]],
    ["13800138000/13900139000/13700137000", "13800138000", ["13900139000", "13700137000"]],
  ])("%p", (input, value, extra) => {
    expect(normaliseMobile(input)).toEqual({ status: "ok", value, changed: true, warnings: ["multiple"], extra });
  });
  test("two landlines stay kept", () => {
    expect(normaliseMobile("010-12345678/010-87654321")).toEqual({ status: "kept", value: "010-12345678/010-87654321", reason: "landline", warnings: ["multiple"] });
  });
});

describe("anything else is invalid", () => {
  test.each<string | number | boolean>([
    "12345",
    "1380013800",
    "138001380001",
    "12800138000",
    "10086",
    "95588",
    "+1 415 555 0100",
    "+44 20 7946 0958",
    "张三",
    "无",
    "138-0013-800a",
    "13800138000abc",
    13800138000.5,
    -13800138000,
    0,
    true,
  ])("%p", (input) => {
    expect(normaliseMobile(input)).toEqual({ status: "invalid", reason: typeof input === "boolean" ? "boolean" : "notMobile" });
  });
  test("errors and empties", () => {
    expect(normaliseMobile("#N/A")).toEqual({ status: "invalid", reason: "errorValue" });
    expect(normaliseMobile("")).toEqual({ status: "empty" });
    expect(normaliseMobile("  ")).toEqual({ status: "empty" });
  });
});
