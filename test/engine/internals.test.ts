import fc from "fast-check";
import { Interner } from "../../src/core/engine/codes";
import { coreFlags } from "../../src/core/engine/core";
import { CustomerIndex } from "../../src/core/engine/customer-index";
import { GAP, GapLists, missingFields } from "../../src/core/engine/datastatus";
import { ascendingOrder, sortKey } from "../../src/core/engine/order";
import { midRankPercentiles } from "../../src/core/engine/percentile";
import { IssueLists, Reasons, TraitLists, issuesOf, reasonOf, traitsOf, type IssueInput, type ReasonInput, type TraitInput } from "../../src/core/engine/reasons";
import { prospectScore } from "../../src/core/engine/prospect";
import { tierFor } from "../../src/core/engine/tier";
import { scoreWorkbook } from "../../src/core/engine/score";
import type { DataGap } from "../../src/core/engine/types";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { REF, customer } from "./records";

// The fast paths of the engine (radix order, id table, shared lists) must give exactly what the
// plain definitions give; these tests hold each against its definition.

const figure = fc.oneof(
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 2 ** 53, -(2 ** 53), Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE),
  fc.integer({ min: -50, max: 50 }),
  fc.double(),
);

function comparatorOrder(xs: readonly number[]): number[] {
  return xs.map((_, i) => i).sort((a, b) => {
    const x = sortKey(xs[a]);
    const y = sortKey(xs[b]);
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

describe("ascendingOrder: a stable sort by value, NaN as 0", () => {
  it("equals a stable comparator sort", () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 300 }), (xs) => {
        expect(Array.from(ascendingOrder(xs))).toEqual(comparatorOrder(xs));
      }),
      { numRuns: 500 },
    );
  });
  it("equals it on a large population, typed or not", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const xs = Array.from({ length: 20000 }, () => (rnd() < 0.3 ? Math.floor(rnd() * 40) : Math.round(rnd() * 1e6) / 100) * (rnd() < 0.1 ? -1 : 1));
    const expected = comparatorOrder(xs);
    expect(Array.from(ascendingOrder(xs))).toEqual(expected);
    expect(Array.from(ascendingOrder(Float64Array.from(xs)))).toEqual(expected);
    // A smaller call after a larger one reuses the working arrays.
    expect(Array.from(ascendingOrder([3, 1, 2]))).toEqual([1, 2, 0]);
  });
  it("gives midRankPercentiles and the core cut the same answers as without it", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e4, noNaN: true })), { maxLength: 120 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, share) => {
        const a = Float64Array.from(xs);
        const order = ascendingOrder(a);
        expect(Array.from(midRankPercentiles(a, order))).toEqual(Array.from(midRankPercentiles(a)));
        expect(Array.from(coreFlags(a, share, order))).toEqual(Array.from(coreFlags(a, share)));
      }),
    );
  });
});

describe("CustomerIndex: the first row of each id, trimmed and case-folded", () => {
  const id = fc.constantFrom("", " ", "1", "01", " 1 ", "A7", "a7", "a7 ", "b", "B", "客户1", "x-9", "2024001", "2024002");
  it("matches a plain Map of first rows, whatever order rows are looked up in", () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), fc.array(id, { maxLength: 60 }), (ids, probes) => {
        const norm = (s: string) => s.trim().toLowerCase();
        const first = new Map<string, number>();
        const count = new Map<string, number>();
        ids.forEach((s, i) => {
          const k = norm(s);
          if (k === "") return;
          if (!first.has(k)) first.set(k, i);
          count.set(k, (count.get(k) ?? 0) + 1);
        });
        const index = new CustomerIndex(ids.map((s, i) => customer({ row: i, id: s })));
        ids.forEach((s, i) => {
          const k = norm(s);
          expect(index.first[i]).toBe(k === "" ? -1 : first.get(k));
          expect(index.shared[i]).toBe(k !== "" && (count.get(k) ?? 0) > 1 ? 1 : 0);
        });
        // Probes in sheet order (the guesses hit) and at random (they miss).
        for (const s of [...ids, ...probes]) expect(index.find(s)).toBe(first.get(norm(s)) ?? -1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Interner: one code per distinct text, first seen first", () => {
  it("codes like a Map, including texts that share length and first and last characters", () => {
    const text = fc.oneof(fc.constantFrom("", "a", "ab", "a1b", "a2b", "a3b", "制造业", "制衣业", "金融业", "高", "中", "低"), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 200 }), (xs) => {
        const it = new Interner();
        const seen = new Map<string, number>();
        for (const x of xs) {
          if (!seen.has(x)) seen.set(x, seen.size);
          expect(it.id(x)).toBe(seen.get(x));
        }
        expect(it.values).toEqual([...seen.keys()]);
      }),
    );
  });
});

const rating = fc.option(fc.constantFrom(0, -0, 1, 2, 2.5, 3, 4, 4.5, 5, 6));

describe("shared issue and trait lists equal the ones made per customer", () => {
  const issueInput: fc.Arbitrary<IssueInput> = fc.record({
    hasBehaviour: fc.boolean(),
    complaints: fc.option(fc.constantFrom(0, 1, 2, 3, 1.5)),
    declineRate: fc.option(fc.constantFrom(0, 0.25, 0.5, 1 / 3, 1)),
    pActivity: fc.constantFrom(0, 0.1, 0.3, 0.5, 0.9),
    daysOverdue: fc.constantFrom(0, 1, 2, 40, 0.5),
    recencyDays: fc.option(fc.constantFrom(0, 180, 181, 365)),
    likelihood: rating,
  });
  it("IssueLists.of", () => {
    const lists = new IssueLists();
    fc.assert(
      fc.property(issueInput, (x) => {
        const got = lists.of(x);
        expect(got).toEqual(issuesOf(x));
        for (const issue of got) if ("value" in issue) expect(Object.is(issue.value, x.likelihood)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  const traitInput: fc.Arbitrary<[TraitInput, number]> = fc
    .record({
      hasBehaviour: fc.boolean(),
      pAmount: fc.constantFrom(0, 0.29, 0.3, 0.69, 0.7, 1),
      pActivity: fc.constantFrom(0, 0.5, 0.7),
      pPurchases: fc.constantFrom(0.1, 0.3, 0.7),
      pAvgOrder: fc.option(fc.constantFrom(0.1, 0.7)),
      pTenure: fc.constantFrom(0.5, 0.7),
      tenureMonths: fc.option(fc.constantFrom(0, 11, 12, 13, 40, 2000)),
      category: fc.constantFrom("", "高端产品线", "促销套餐", "增值服务"),
      needMatch: rating,
      likelihood: rating,
    })
    .map((x): [TraitInput, number] => [x, ["", "高端产品线", "促销套餐", "增值服务"].indexOf(x.category)]);
  it("TraitLists.of", () => {
    const lists = new TraitLists();
    fc.assert(
      fc.property(traitInput, ([x, code]) => {
        expect(lists.of(x, code)).toEqual(traitsOf(x));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("shared reasons equal the ones made per customer", () => {
  it("Reasons.of", () => {
    const reasons = new Reasons(DEFAULT_SETTINGS);
    const input: fc.Arbitrary<ReasonInput> = fc
      .record({ value: fc.boolean(), score: fc.constantFrom(10, 59.9, 60, 80, 95.5), needMatch: rating, likelihood: rating, churnRisk: fc.option(fc.constantFrom(0, 49, 50, 70)), declineRate: fc.option(fc.constantFrom(0, 0.5)), complaints: fc.option(fc.constantFrom(0, 1)) })
      .map(({ value, score, needMatch, likelihood, churnRisk, declineRate, complaints }) => {
        const prospect = prospectScore(needMatch, likelihood);
        const kind = value ? "value" : prospect !== null ? "prospect" : "none";
        const s = value ? score : prospect;
        return { kind, tier: tierFor(kind, s, churnRisk, DEFAULT_SETTINGS), score: s, pAmount: 0.5, pActivity: 0.25, pTenure: 0.75, churnRisk, declineRate, complaints, needMatch, likelihood };
      });
    fc.assert(
      fc.property(input, (x) => {
        expect(reasons.of(x)).toEqual(reasonOf(x, DEFAULT_SETTINGS));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("gap lists by mask", () => {
  it("list the gaps in the data status order, and their fields once", () => {
    const lists = new GapLists();
    const bits = Object.values(GAP);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: bits.length, maxLength: bits.length }), (on) => {
        const mask = bits.reduce((m, b, i) => (on[i] ? m | b : m), 0);
        const gaps: DataGap[] = lists.gapsOf(mask);
        expect(gaps).toHaveLength(on.filter(Boolean).length);
        expect(lists.missingOf(mask)).toEqual(missingFields(gaps));
        expect(Object.isFrozen(gaps)).toBe(true);
      }),
    );
  });
});

describe("the overdue list when days are not whole (a fractional cadence)", () => {
  it("keeps most overdue first, then sheet row", () => {
    const s = { ...DEFAULT_SETTINGS, followUpDays: { high: 7.5, medium: 14, low: 30 } };
    const customers = [5, 3, 9, 1, 4].map((row, i) => customer({ row, id: String(i), lastContact: REF - 20 - (i % 2), priority: i % 2 ? "高" : "中" }));
    const overdue = scoreWorkbook({ customers, behaviour: null, interactions: [] }, s, REF).summary.overdue;
    const expected = [...overdue].sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
    expect(overdue).toEqual(expected);
    expect(overdue.some((o) => !Number.isInteger(o.daysOverdue))).toBe(true);
  });
});
