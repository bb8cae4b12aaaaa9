import fc from "fast-check";
import {
  INDUSTRY_SECTIONS,
  INDUSTRY_SYNONYMS,
  industryLabel,
  isoToSerial,
  normaliseCreditCode,
  normaliseDate,
  normaliseEmail,
  normaliseIndustry,
  normaliseMobile,
  normaliseNumber,
  normaliseText,
  serialToISO,
  type Normalised,
  type RawCell,
} from "../../src/core/clean/normalise";

/** Characters the normalisers look for, so random strings reach deep paths, not just "unrecognised". */
const SPECIAL = [..."0123456789０１２３４５６７８９ .,，-/／:：年月日号时分秒万亿千百十两一二三四五六七八九零〇约左右多余以上以下元块¥￥$+*＠@．。()（）TtZz次人面议待定制造业软件信息技术-—、|;；\n\u3000\u200Bqcomgmail"];
const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.integer({ min: 10_000_000, max: 99_999_999 }),
  fc.integer({ min: 13_000_000_000, max: 19_999_999_999 }),
  fc.boolean(),
);

type Fn = (raw: RawCell) => Normalised<unknown>;
const normalisers: [string, Fn][] = [
  ["text", (r) => normaliseText(r)],
  ["text multiline", (r) => normaliseText(r, { multiline: true })],
  ["date", (r) => normaliseDate(r)],
  ["date drop", (r) => normaliseDate(r, { time: "drop" })],
  ["number", (r) => normaliseNumber(r)],
  ["number wan", (r) => normaliseNumber(r, { unit: "wan" })],
  ["number whole", (r) => normaliseNumber(r, { whole: true, allowNegative: true })],
  ["mobile", (r) => normaliseMobile(r)],
  ["email", (r) => normaliseEmail(r)],
  ["credit code", (r) => normaliseCreditCode(r)],
  ["industry", (r) => normaliseIndustry(r)],
];
const STATUSES = ["ok", "empty", "ambiguous", "invalid", "kept"];

describe("never throws, always a well-formed result", () => {
  test.each(normalisers)("%s", (_, f) => {
    fc.assert(
      fc.property(cell, (raw) => {
        const r = f(raw);
        expect(STATUSES).toContain(r.status);
        if (r.status === "ambiguous") expect(r.candidates.length).toBeGreaterThan(0);
        if (r.status === "kept") expect(r.value).not.toBe("");
      }),
      { numRuns: 1500 },
    );
  });
});

/** normalise(format(x)) = x: an ok value, written back, is ok, the same, and unchanged. */
function idempotent(f: (raw: RawCell) => Normalised<string | number>, arb: fc.Arbitrary<RawCell> = cell): void {
  fc.assert(
    fc.property(arb, (raw) => {
      const r = f(raw);
      if (r.status !== "ok") return;
      const again = f(r.value);
      expect(again).toMatchObject({ status: "ok", value: r.value, changed: false });
    }),
    { numRuns: 2000 },
  );
}

const dateLike = fc
  .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom("-", "/", ".", "年"), fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))))
  .map(([y, m, d, sep, t]) => (sep === "年" ? `${y}年${m}月${d}日` : `${y}${sep}${m}${sep}${d}`) + (t ? ` ${t[0]}:${String(t[1]).padStart(2, "0")}` : ""));
const moneyLike = fc
  .tuple(fc.constantFrom("", "¥", "￥", "约"), fc.integer({ min: 0, max: 99999 }), fc.constantFrom("", ".5", ".05"), fc.constantFrom("", "万", "千", "亿", "元", "万元", "次"))
  .map(([a, n, f, u]) => `${a}${n}${f}${u}`);
const phoneLike = fc
  .tuple(fc.constantFrom("", "+86 ", "0086-", "86-", "(+86)"), fc.constantFrom("13", "15", "18", "19", "12", "010", "0755"), fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom("", "/13900139000"))
  .map(([p, a, n, s]) => `${p}${a}${String(n).padStart(9, "0")}${s}`);
const emailLike = fc
  .tuple(fc.string({ unit: fc.constantFrom(..."abcXYZ._+-'0＠@．。 "), minLength: 1, maxLength: 8 }), fc.constantFrom("@", "＠"), fc.constantFrom("qq.com", "QQ.con", "163．cm", "Example.COM", "a-b.cn", "gmial.com"))
  .map(([l, at, d]) => `${l}${at}${d}`);
const codeLike = fc
  .array(fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXYabc IO-"), { minLength: 16, maxLength: 21 })
  .map((a) => a.join(""));

describe("idempotent on its own ok output", () => {
  test("text", () => idempotent((r) => normaliseText(r)));
  test("date", () => {
    idempotent((r) => normaliseDate(r), fc.oneof(cell, dateLike));
    idempotent((r) => normaliseDate(r, { time: "drop" }), fc.oneof(cell, dateLike));
  });
  test("number", () => {
    idempotent((r) => normaliseNumber(r), fc.oneof(cell, moneyLike));
    idempotent((r) => normaliseNumber(r, { unit: "wan" }), fc.oneof(cell, moneyLike));
    idempotent((r) => normaliseNumber(r, { whole: true }), fc.oneof(cell, moneyLike));
  });
  test("mobile", () => idempotent((r) => normaliseMobile(r), fc.oneof(cell, phoneLike)));
  test("email", () => idempotent((r) => normaliseEmail(r), fc.oneof(cell, emailLike)));
  test("credit code", () => idempotent((r) => normaliseCreditCode(r), fc.oneof(cell, codeLike)));
  test("industry: the written label reads back as the same section, and name-sub as the same value", () => {
    const terms = [...INDUSTRY_SECTIONS.flatMap((s) => [s.zh, s.en, industryLabel(s, "zh-CN"), s.letter]), ...INDUSTRY_SYNONYMS.map((s) => s.term)];
    const industryLike = fc
      .tuple(fc.constantFrom(...terms), fc.constantFrom("", "-", " / ", "（", "：", " "), fc.string({ unit: fc.constantFrom(..."机械设备软件开发ab -/（）"), maxLength: 6 }))
      .map(([t, sep, rest]) => `${t}${sep}${rest}${sep === "（" ? "）" : ""}`);
    fc.assert(
      fc.property(fc.oneof(cell, industryLike), (raw) => {
        const r = normaliseIndustry(raw);
        if (r.status !== "ok") return;
        const { section, sub } = r.value;
        for (const lang of ["zh-CN", "en-US"] as const) expect(normaliseIndustry(industryLabel(section, lang))).toEqual({ status: "ok", value: { section }, changed: false });
        const zh = INDUSTRY_SECTIONS.find((s) => s.letter === section)?.zh ?? "";
        if (sub !== undefined) expect(normaliseIndustry(`${zh}-${sub}`)).toMatchObject({ status: "ok", value: { section, sub } });
      }),
      { numRuns: 3000 },
    );
  });
});

describe("serial ↔ ISO round trip, 1900-03-01 … 9999-12-31", () => {
  const DAY = 86_400_000;
  const EPOCH = Date.UTC(1899, 11, 30);
  test("every serial from 61 to 2958465", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = serialToISO(serial);
        expect(iso).not.toBeNull();
        expect(isoToSerial(iso ?? "")).toBe(serial);
        // an independent oracle: the JS Date calendar, days since 1899-12-30
        expect(iso).toBe(new Date(EPOCH + serial * DAY).toISOString().slice(0, 10));
      }),
      { numRuns: 5000 },
    );
  });
  test("every date, from its ISO text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === iso;
        const serial = isoToSerial(iso);
        if (!real) {
          expect(serial === null || iso === "1900-02-29").toBe(true);
          return;
        }
        expect(serial).not.toBeNull();
        expect(serialToISO(serial ?? 0)).toBe(iso);
        if ((serial ?? 0) >= 61) expect(serial).toBe((Date.UTC(y, m - 1, d) - EPOCH) / DAY);
        expect(normaliseDate(iso)).toEqual({ status: "ok", value: serial, changed: true });
      }),
      { numRuns: 5000 },
    );
  });
  test("the ends and the edges, exhaustively around them", () => {
    for (let s = 1; s <= 400; s++) {
      const iso = serialToISO(s) ?? "";
      expect(isoToSerial(iso)).toBe(s);
    }
    for (let s = 2958465 - 400; s <= 2958465; s++) expect(isoToSerial(serialToISO(s) ?? "")).toBe(s);
  });
});
