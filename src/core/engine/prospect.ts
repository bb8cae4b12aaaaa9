import { round1 } from "./round";

/**
 * prospect score = 20 × mean(need match, likelihood), 1–5 → 20–100 (SPEC §3), over the ratings
 * present; null when neither is. Seed 000: (4, 3) → 70.
 */
export function prospectScore(needMatch: number | null, likelihood: number | null): number | null {
  if (needMatch === null && likelihood === null) return null;
  if (needMatch === null) return round1(20 * (likelihood as number));
  if (likelihood === null) return round1(20 * needMatch);
  return round1(10 * (needMatch + likelihood));
}
