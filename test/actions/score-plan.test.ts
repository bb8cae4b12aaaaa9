/**
 * The Score and tier plan at scale (SPEC §3): the Tiers sheet's order, the output columns and the
 * texts, built in one language with shared words, say exactly what the rules say.
 */
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { syntheticSnapshot } from "../../src/bench/synthetic";
import { ResultWords, formatResult } from "../../src/core/engine/format";
import { dataStatusIn, dataStatusText, followUpStatusIn, followUpStatusText, issueIn, issueText, num, reasonIn, reasonText, traitIn, traitText } from "../../src/core/i18n/engine";
import { isoToSerial } from "../../src/core/mapping/dates";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import { pick } from "../../src/core/plan/cells";
import type { CellWrite } from "../../src/core/plan/types";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";

const REF = isoToSerial("2026-06-30") as number;
const LANGS: Lang[] = ["zh-CN", "en-US"];
const snapshot = syntheticSnapshot(3000, REF);
const outcomes = new Map(LANGS.map((lang) => [lang, scoreAndTier(snapshot, DEFAULT_SETTINGS, REF, lang, "2026-06-30 12:00:00")]));

const TIER_ORDER: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, "": 4 };
const round1 = (x: number | null) => (x === null ? "" : Math.round(x * 10) / 10);

describe.each(LANGS)("Tiers sheet (%s)", (lang) => {
  const outcome = outcomes.get(lang)!;
  const sheet = outcome.plan.sheets.find((s) => s.tables.some((t) => t.name === "Tiers"))!;
  const values = (sheet.writes[0] as CellWrite & { values: CellValue[][] }).values;

  test("tier A first, then by score (highest first, unscored last), then by row", () => {
    const sorted = [...outcome.result.customers].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || (b.score ?? -1) - (a.score ?? -1) || a.row - b.row);
    expect(values.length).toBe(sorted.length + 1);
    expect(values.slice(1).map((r) => [r[1], r[3]])).toEqual(sorted.map((c) => [c.name, round1(c.score)]));
  });

  test("each row holds the customer's words, as formatResult words them", () => {
    const sorted = [...outcome.result.customers].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || (b.score ?? -1) - (a.score ?? -1) || a.row - b.row);
    sorted.forEach((c, k) => {
      const tx = formatResult(c, lang, DEFAULT_SETTINGS.dueSoonDays);
      const row = values[k + 1];
      expect(row).toEqual([outcome.ids.get(c.row), c.name, tx.scoreKind, round1(c.score), tx.tier, tx.tierName, round1(c.churnRisk), c.recencyDays ?? "", c.r ?? "", c.f ?? "", c.m ?? "", tx.segment, c.tenureMonths ?? "", tx.core, tx.customerType, tx.traits, tx.issues, tx.reason, tx.action]);
    });
  });
});

describe.each(LANGS)("one language at a time (%s)", (lang) => {
  const customers = outcomes.get(lang)!.result.customers;

  test("the one-language texts are the picked halves of the two-language labels", () => {
    for (const c of customers) {
      expect(reasonIn(c.reason, lang)).toBe(pick(reasonText(c.reason), lang));
      expect(dataStatusIn(c.gaps, lang)).toBe(pick(dataStatusText(c.gaps), lang));
      for (const t of c.traits) expect(traitIn(t, lang)).toBe(pick(traitText(t), lang));
      for (const i of c.issues) expect(issueIn(i, lang)).toBe(pick(issueText(i), lang));
      if (c.followUpStatus) expect(followUpStatusIn(c.followUpStatus, 3, lang)).toBe(pick(followUpStatusText(c.followUpStatus, 3), lang));
    }
  });

  test("a run's shared words are the words of each customer on its own", () => {
    const words = new ResultWords(lang, DEFAULT_SETTINGS.dueSoonDays);
    for (const c of customers) expect(words.all(c)).toEqual(formatResult(c, lang, DEFAULT_SETTINGS.dueSoonDays));
  });

  test("lists that are not shared are worded too (a list of one's own, not frozen)", () => {
    const words = new ResultWords(lang);
    for (const c of customers.slice(0, 200)) {
      expect(words.traits([...c.traits])).toBe(words.traits(c.traits));
      expect(words.dataStatus([...c.gaps])).toBe(words.dataStatus(c.gaps));
    }
  });
});

describe("num: scores as people write them", () => {
  test("one decimal, as String(Math.round(x·10)/10) writes it", () => {
    const xs = [0, -0, 0.04, 0.05, -0.05, 1.25, 72.45, 99.95, 100, 150.3, 200, 200.04, 200.06, 1234.5, -7.35, 1e15, 1e21, NaN, Infinity, -Infinity];
    for (let i = 0; i < 20000; i++) xs.push((i - 5000) / 37, Math.random() * 300, (Math.random() - 0.5) * 1e12);
    for (const x of xs) expect(num(x)).toBe(String(Math.round(x * 10) / 10));
  });

  test("other decimals", () => {
    for (const x of [0.5, 0.333333, 1 / 3, 0.1 + 0.2, 2.0005]) for (const d of [0, 2, 3, 6]) expect(num(x, d)).toBe(String(Math.round(x * 10 ** d) / 10 ** d));
  });
});
