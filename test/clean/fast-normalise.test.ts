/** The fast paths of fast-normalise.ts return exactly what the finished normalisers return. */
import fc from "fast-check";
import { fastMobile, fastText, makeFastEmail } from "../../src/core/clean/fast-normalise";
import { normaliseEmail, normaliseMobile, normaliseText } from "../../src/core/clean/normalise";

const chars = fc.constantFrom("a", "Z", "1", " ", "  ", "\n", "\t", "\u3000", "Ａ", "（", "华", "\u200B", "#", "N/A", ".", "@", "-", "+", "_", "中", "\u00A0");
const text = fc.array(chars, { maxLength: 12 }).map((xs) => xs.join(""));

describe("fast paths agree with the normalisers", () => {
  test("text, one line and multiline", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(fastText(s)).toEqual(normaliseText(s));
        expect(fastText(s, { multiline: true })).toEqual(normaliseText(s, { multiline: true }));
      }),
      { numRuns: 3000 },
    );
  });

  test("mobiles", () => {
    const mobile = fc.tuple(fc.constantFrom("1", "2", " 1", "+861"), fc.stringMatching(/^[0-9]{10}$/)).map(([a, b]) => a + b);
    fc.assert(fc.property(mobile, (s) => expect(fastMobile(s)).toEqual(normaliseMobile(s))), { numRuns: 2000 });
  });

  test("emails", () => {
    const fast = makeFastEmail();
    const local = fc.stringMatching(/^[A-Za-z0-9._+-]{1,10}$/);
    const domain = fc.constantFrom("qq.com", "qq.con", "163.cm", "Example.COM", "x.y.cn", "gmial.com", "a-b.io", "bad_domain.com", "x.c", "example.com.");
    fc.assert(fc.property(local, domain, (l, d) => expect(fast(`${l}@${d}`)).toEqual(normaliseEmail(`${l}@${d}`))), { numRuns: 3000 });
  });
});
