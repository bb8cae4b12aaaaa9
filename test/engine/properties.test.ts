import fc from "fast-check";
import type { BehaviourRecord, CustomerRecord, InteractionRecord } from "../../src/core/mapping/records";
import { midRankPercentiles } from "../../src/core/engine/percentile";
import { fixedAscendingScore, fixedRecencyScore, quintile, rfmScores } from "../../src/core/engine/rfm";
import { scoreWorkbook } from "../../src/core/engine/score";
import { eightSegment, tenSegment, TEN_SEGMENTS } from "../../src/core/engine/segments";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings/types";
import { REF, behaviour, customer, interaction } from "./records";

describe("mid-rank percentile P(x) = (#less + 0.5·#equal) / n", () => {
  it("matches the definition, lies in [0, 1], and gives equal values equal P", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const p = midRankPercentiles(xs);
        const n = xs.length;
        for (let i = 0; i < n; i++) {
          const less = xs.filter((x) => x < xs[i]).length;
          const eq = xs.filter((x) => x === xs[i]).length;
          expect(p[i]).toBeCloseTo((less + 0.5 * eq) / n, 12);
          expect(p[i]).toBeGreaterThan(0);
          expect(p[i]).toBeLessThanOrEqual(1);
          for (let j = 0; j < n; j++) if (xs[i] === xs[j]) expect(p[j]).toBe(p[i]);
        }
      }),
    );
  });
  it("is monotone: a larger value never gets a smaller P", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 80 }), (xs) => {
        const p = midRankPercentiles(xs);
        for (let i = 0; i < xs.length; i++) for (let j = 0; j < xs.length; j++) if (xs[i] < xs[j]) expect(p[i]).toBeLessThan(p[j]);
      }),
    );
  });
  it("one huge value does not flatten the rest (units do not matter)", () => {
    expect(Array.from(midRankPercentiles([1, 2, 3, 1e9]))).toEqual([0.125, 0.375, 0.625, 0.875]);
  });
});

describe("RFM: scores 1–5, monotone in their input", () => {
  const fixed: Settings = { ...DEFAULT_SETTINGS, rfmMode: "fixed" };
  const pop = fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 50 });
  for (const s of [DEFAULT_SETTINGS, fixed]) {
    it(`${s.rfmMode}: fewer days → higher R; more purchases / amount → higher F / M`, () => {
      fc.assert(
        fc.property(pop, (rows) => {
          const sc = rfmScores(Float64Array.from(rows.map((r) => r[0])), Float64Array.from(rows.map((r) => r[1])), Float64Array.from(rows.map((r) => r[2])), s);
          for (let i = 0; i < rows.length; i++) {
            for (const v of [sc.r[i], sc.f[i], sc.m[i]]) expect(v >= 1 && v <= 5).toBe(true);
            for (let j = 0; j < rows.length; j++) {
              if (rows[i][0] <= rows[j][0]) expect(sc.r[i]).toBeGreaterThanOrEqual(sc.r[j]);
              if (rows[i][1] <= rows[j][1]) expect(sc.f[i]).toBeLessThanOrEqual(sc.f[j]);
              if (rows[i][2] <= rows[j][2]) expect(sc.m[i]).toBeLessThanOrEqual(sc.m[j]);
            }
          }
        }),
      );
    });
  }
  it("quintile score = min(5, ⌊5·P⌋ + 1)", () => {
    expect([0.05, 0.2, 0.5, 0.79, 0.8, 1].map(quintile)).toEqual([1, 2, 3, 4, 5, 5]);
  });
  it("fixed cut-offs as documented on Settings (R ≤30 → 5 … else 1; F ≥ f[3] → 5 … else 1)", () => {
    const c = DEFAULT_SETTINGS.rfmCutoffs;
    expect([0, 30, 31, 90, 180, 365, 366, Infinity].map((d) => fixedRecencyScore(d, c.r))).toEqual([5, 5, 4, 4, 3, 2, 1, 1]);
    expect([0, 1, 2, 3, 5, 8, 100].map((f) => fixedAscendingScore(f, c.f))).toEqual([1, 1, 2, 3, 4, 5, 5]);
  });
});

describe("RFM segments", () => {
  it("eight classes: 高 when above the population mean", () => {
    expect(eightSegment(5, 5, 5, 3, 3, 3)).toBe("importantValue");
    expect(eightSegment(5, 1, 5, 3, 3, 3)).toBe("importantDevelop");
    expect(eightSegment(1, 5, 5, 3, 3, 3)).toBe("importantKeep");
    expect(eightSegment(1, 1, 5, 3, 3, 3)).toBe("importantRetain");
    expect(eightSegment(5, 5, 1, 3, 3, 3)).toBe("generalValue");
    expect(eightSegment(5, 1, 1, 3, 3, 3)).toBe("generalDevelop");
    expect(eightSegment(1, 5, 1, 3, 3, 3)).toBe("generalKeep");
    expect(eightSegment(3, 3, 3, 3, 3, 3)).toBe("generalRetain");
  });
  it("ten segments: every (R, F) maps to exactly one segment of the grid", () => {
    const counts = new Map<string, number>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) counts.set(tenSegment(r, f), (counts.get(tenSegment(r, f)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...TEN_SEGMENTS].sort());
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(25);
    expect([tenSegment(5, 5), tenSegment(5, 1), tenSegment(4, 1), tenSegment(3, 3), tenSegment(1, 5), tenSegment(1, 1)]).toEqual(["champions", "newCustomers", "promising", "needAttention", "cantLoseThem", "hibernating"]);
  });
});

/** A random workbook: unique sheet rows, ids that collide, blanks everywhere. */
const workbook = fc
  .record({
    n: fc.integer({ min: 0, max: 25 }),
    seed: fc.array(
      fc.record({
        id: fc.constantFrom("", "1", "2", "3", "4", "5", "6", "7", "x"),
        start: fc.option(fc.integer({ min: 43000, max: 45500 })),
        last: fc.option(fc.integer({ min: 44900, max: 45400 })),
        need: fc.option(fc.integer({ min: 1, max: 5 })),
        like: fc.option(fc.integer({ min: 1, max: 5 })),
        priority: fc.constantFrom("", "高", "中", "低"),
        industry: fc.constantFrom("", "制造业", "金融业"),
        period: fc.constantFrom("", "2024Q1", "2024Q2", "2023"),
        purchases: fc.option(fc.integer({ min: 0, max: 9 })),
        prev: fc.option(fc.integer({ min: 0, max: 9 })),
        amount: fc.option(fc.integer({ min: 0, max: 200 })),
        visits: fc.option(fc.integer({ min: 0, max: 30 })),
        complaints: fc.option(fc.integer({ min: 0, max: 2 })),
        lastPurchase: fc.option(fc.integer({ min: 44800, max: 45366 })),
      }),
      { minLength: 0, maxLength: 30 },
    ),
  })
  .map(({ seed }) => {
    const customers: CustomerRecord[] = seed.map((s, i) => customer({ row: i + 1, id: s.id, name: `c${i}`, startDate: s.start, lastContact: s.last, needMatch: s.need, likelihood: s.like, priority: s.priority, industry: s.industry }));
    const behaviourRows: BehaviourRecord[] = seed.map((s, i) =>
      behaviour({ row: i + 1, customerId: seed[(i * 7) % seed.length].id, period: s.period, purchases: s.purchases, prevPurchases: s.prev, amount: s.amount, siteVisits: s.visits, complaints: s.complaints, lastPurchase: s.lastPurchase }),
    );
    const interactions: InteractionRecord[] = seed.map((s, i) => interaction({ row: i + 1, customerId: s.id, date: s.last === null ? null : s.last + 3 }));
    return { customers, behaviour: behaviourRows, interactions };
  });

function shuffled<T>(xs: T[], order: number[]): T[] {
  const keyed = xs.map((x, i) => ({ x, k: order[i % Math.max(order.length, 1)] ?? i, i }));
  return keyed.sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.x);
}

describe("scoreWorkbook as a whole", () => {
  for (const model of ["eight", "ten"] as const) {
    it(`is deterministic and independent of row order (${model} segments)`, () => {
      const s: Settings = { ...DEFAULT_SETTINGS, segmentModel: model };
      fc.assert(
        fc.property(workbook, fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (wb, order) => {
          const a = scoreWorkbook(wb, s, REF);
          expect(scoreWorkbook(wb, s, REF)).toEqual(a);
          const b = scoreWorkbook({ customers: shuffled(wb.customers, order), behaviour: shuffled(wb.behaviour, order.slice().reverse()), interactions: shuffled(wb.interactions, order) }, s, REF);
          const byRow = new Map(b.customers.map((c) => [c.row, c]));
          for (const c of a.customers) expect(byRow.get(c.row)).toEqual(c);
          const rowsB = new Map(b.behaviourRows.map((r) => [r.row, r]));
          for (const r of a.behaviourRows) expect(rowsB.get(r.row)).toEqual(r);
          expect(b.unknownBehaviourIds).toEqual(a.unknownBehaviourIds);
          expect(b.summary.tiers.map((t) => t.count)).toEqual(a.summary.tiers.map((t) => t.count));
        }),
        { numRuns: 150 },
      );
    });
  }
  it("tier counts total the customer count; outputs keep input order and length", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const r = scoreWorkbook(wb, DEFAULT_SETTINGS, REF);
        expect(r.summary.tiers.reduce((a, t) => a + t.count, 0)).toBe(wb.customers.length);
        expect(r.customers.map((c) => c.row)).toEqual(wb.customers.map((c) => c.row));
        expect(r.behaviourRows.map((c) => c.row)).toEqual(wb.behaviour.map((c) => c.row));
        for (const c of r.customers) {
          if (c.score !== null) expect(c.score >= 0 && c.score <= 100).toBe(true);
          if (c.tier === "D") expect(c.scoreKind).toBe("value");
          if (c.r !== null) expect(c.hasBehaviour).toBe(true);
        }
      }),
    );
  });
  it("scores a list with no Behaviour sheet as prospects", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const r = scoreWorkbook({ ...wb, behaviour: null }, DEFAULT_SETTINGS, REF);
        for (const c of r.customers) expect(c.scoreKind === "value" || c.valueScore !== null || c.r !== null).toBe(false);
      }),
    );
  });
});
