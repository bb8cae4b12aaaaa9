import type { Settings } from "../settings/types";
import { midRankPercentiles } from "./percentile";

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/** Quintile score from a mid-rank percentile: min(5, ⌊5·P⌋ + 1); equal values get equal scores. */
export function quintile(p: number): number {
  return Math.min(5, Math.floor(5 * p) + 1);
}

/** Fixed R: fewer days is better (≤ r[0] → 5, ≤ r[1] → 4, …, else 1). */
export function fixedRecencyScore(days: number, cut: readonly number[]): number {
  for (let i = 0; i < 4; i++) if (days <= cut[i]) return 5 - i;
  return 1;
}

/** Fixed F / M: more is better (≥ c[3] → 5, ≥ c[2] → 4, ≥ c[1] → 3, ≥ c[0] → 2, else 1). */
export function fixedAscendingScore(x: number, cut: readonly number[]): number {
  for (let i = 3; i >= 0; i--) if (x >= cut[i]) return i + 2;
  return 1;
}

/**
 * R, F, M scores 1–5 for a population. `recencyDays` holds +Infinity when the last purchase date
 * is unknown: such a customer ranks as the least recent (score 1 in both modes), not as fresh.
 * Missing F and M are 0 (SPEC: missing numbers count as 0).
 */
export function rfmScores(
  recencyDays: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
  s: Settings,
  /** percentiles of frequency and monetary when the caller already has them (same population) */
  known?: { pFrequency: Float64Array; pMonetary: Float64Array },
): RfmScores {
  const n = recencyDays.length;
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  if (s.rfmMode === "fixed") {
    for (let i = 0; i < n; i++) {
      r[i] = fixedRecencyScore(recencyDays[i], s.rfmCutoffs.r);
      f[i] = fixedAscendingScore(frequency[i], s.rfmCutoffs.f);
      m[i] = fixedAscendingScore(monetary[i], s.rfmCutoffs.m);
    }
    return { r, f, m };
  }
  const negDays = new Float64Array(n);
  for (let i = 0; i < n; i++) negDays[i] = -recencyDays[i];
  const pr = midRankPercentiles(negDays);
  const pf = known ? known.pFrequency : midRankPercentiles(frequency);
  const pm = known ? known.pMonetary : midRankPercentiles(monetary);
  for (let i = 0; i < n; i++) {
    r[i] = quintile(pr[i]);
    f[i] = quintile(pf[i]);
    m[i] = quintile(pm[i]);
  }
  return { r, f, m };
}
