import type { Settings } from "../settings/types";
import type { ScoreKind, Tier } from "./types";

/**
 * D when churn risk ≥ threshold (only a value-scored customer has churn figures); else A / B / C
 * by the score. Prospects take the same A/B/C thresholds and never D; no score → "".
 */
export function tierFor(kind: ScoreKind, score: number | null, churnRisk: number | null, s: Settings): Tier {
  if (kind === "none" || score === null) return "";
  if (kind === "value" && churnRisk !== null && churnRisk >= s.churnThreshold) return "D";
  if (score >= s.tierA) return "A";
  if (score >= s.tierB) return "B";
  return "C";
}
