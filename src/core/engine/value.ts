import type { Settings } from "../settings/types";
import { ascendingOrder } from "./order";
import { midRankPercentiles } from "./percentile";
import { round1 } from "./round";

export interface ValueScores {
  /** 0–100, one decimal */
  score: Float64Array;
  pAmount: Float64Array;
  pActivity: Float64Array;
  pTenure: Float64Array;
  /** the population's indices by amount, ascending (see ascendingOrder): the core cut reuses it */
  amountOrder: Int32Array;
}

/**
 * value score = 100 × (w.amount·P(amount) + w.activity·P(activity) + w.tenure·P(tenure)) over the
 * population given (customers with Behaviour data). Missing figures must already be 0 here:
 * SPEC counts them as 0 so a blank never lifts a customer; the caller names them as missing.
 * The three P's are kept for the reason text.
 */
export function valueScores(amount: Float64Array, activity: Float64Array, tenure: Float64Array, weights: Settings["weights"]): ValueScores {
  const amountOrder = ascendingOrder(amount);
  const pAmount = midRankPercentiles(amount, amountOrder);
  const pActivity = midRankPercentiles(activity);
  const pTenure = midRankPercentiles(tenure);
  const n = amount.length;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = round1(100 * (weights.amount * pAmount[i] + weights.activity * pActivity[i] + weights.tenure * pTenure[i]));
  }
  return { score, pAmount, pActivity, pTenure, amountOrder };
}
