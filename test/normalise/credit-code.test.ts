import { CREDIT_CODE_WEIGHTS, creditCodeCheckChar, isValidCreditCode, normaliseCreditCode } from "../../src/core/clean/normalise";

/** An independent reading of GB 32100-2015 §5 for the test: Wi = 3^(i-1) mod 31, C18 = 31 − Σ mod 31. */
const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function oracleCheck(first17: string): string {
  let sum = 0;
  let w = 1;
  for (const ch of first17) {
    sum += CHARS.indexOf(ch) * w;
    w = (w * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return CHARS.charAt(c === 31 ? 0 : c);
}

describe("the check character (GB 32100-2015)", () => {
  test("weights are 3^(i-1) mod 31", () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n)));
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  test("worked by hand: 91350200776049653 → A", () => {
    // 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 2·26 + 0·16 + 0·17 + 7·20 + 7·29 + 6·25 + 0·13 + 4·8 + 9·24 + 6·10 + 5·30 + 3·28
    // = 1261; 1261 mod 31 = 21; 31 − 21 = 10 → "A"
    expect(creditCodeCheckChar("91350200776049653")).toBe("A");
  });

  // constructed bodies (registration dept, type, region, organisation code) with their computed check
  const bodies = [
    "91110108MA01ABCDE",
    "91440300708461136",
    "12100000400000398",
    "51110000500000000",
    "91310000MA1FL0000",
    "92420100MA4K00000",
    "Y1110000000000000",
    "00000000000000000",
    "YYYYYYYYYYYYYYYYY",
  ];
  test.each(bodies)("%s + computed check is valid", (body) => {
    const check = oracleCheck(body);
    expect(creditCodeCheckChar(body)).toBe(check);
    const code = body + check;
    expect(isValidCreditCode(code)).toBe(true);
    expect(normaliseCreditCode(code)).toEqual({ status: "ok", value: code, changed: false });
  });

  test("the computed check covers 0 (a sum ≡ 0 mod 31 gives 0, not 31)", () => {
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  test("every wrong check character gives the warning, never an error", () => {
    const body = "91350200776049653";
    for (const ch of CHARS) {
      const r = normaliseCreditCode(body + ch);
      if (ch === "A") expect(r).toEqual({ status: "ok", value: body + ch, changed: false });
      else expect(r).toEqual({ status: "ok", value: body + ch, changed: false, warnings: ["checkDigit"] });
    }
  });

  test("an early pilot code that fails the check is kept with a warning", () => {
    expect(normaliseCreditCode("91350100M0001TGQXM")).toEqual({ status: "ok", value: "91350100M0001TGQXM", changed: false, warnings: ["checkDigit"] });
  });
});

describe("normalising the cell", () => {
  test.each<[string, string]>([
    ["91350200776049653a", "91350200776049653A"],
    [" 91350200776049653A ", "91350200776049653A"],
    ["9135 0200 7760 4965 3A", "91350200776049653A"],
    ["91350200-776049653-A", "91350200776049653A"],
    ["９１３５０２００７７６０４９６５３Ａ", "91350200776049653A"],
    ["９１３５０２００７７６０４９６５３ａ", "91350200776049653A"],
  ])("%p → %s", (input, value) => {
    expect(normaliseCreditCode(input)).toEqual({ status: "ok", value, changed: true });
  });

  test.each<[string | number | boolean, string]>([
    ["91350200776049653", "length"],
    ["91350200776049653AA", "length"],
    ["9135020077604965", "length"],
    ["ABC", "length"],
    ["440301103456789", "legacyRegistrationNumber"],
    ["91350200776049653I", "charset"],
    ["91350200776049653O", "charset"],
    ["9135020077604965SA", "charset"],
    ["913502007760496V3A", "charset"],
    ["Z1350200776049653A", "charset"],
    ["91350200776049653张", "charset"],
    [913502007760496500, "numberPrecision"],
    [12345, "length"],
    [true, "boolean"],
    ["#N/A", "errorValue"],
  ])("%p → invalid %s", (input, reason) => {
    expect(normaliseCreditCode(input)).toEqual({ status: "invalid", reason });
  });

  test("empty", () => {
    expect(normaliseCreditCode("")).toEqual({ status: "empty" });
    expect(normaliseCreditCode(" - ")).toEqual({ status: "empty" });
  });
});
