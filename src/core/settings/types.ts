/** Everything Score and tier can be tuned by; lives on the Settings sheet so it travels with the workbook. */
export interface Settings {
  /** value score weights; must sum to 1 */
  weights: { amount: number; activity: number; tenure: number };
  /** value (or prospect) score at or above which a customer is A / B */
  tierA: number;
  tierB: number;
  /** churn risk at or above which a customer is D */
  churnThreshold: number;
  /** days to the next follow-up by priority 高 / 中 / 低 */
  followUpDays: { high: number; medium: number; low: number };
  /** a follow-up due within this many days is 3 天内到期 */
  dueSoonDays: number;
  /** tenure below this many months is a new customer */
  newCustomerMonths: number;
  /** share of customers (by amount) that are core */
  coreShare: number;
  /** RFM scoring: quintiles of the population, or fixed cut-offs */
  rfmMode: "quintile" | "fixed";
  /**
   * fixed cut-offs, four each. R: days, ascending (≤ r[0] → 5, ≤ r[1] → 4, …, else 1);
   * F and M: ascending thresholds (≥ f[3] → 5, ≥ f[2] → 4, …, else 1).
   */
  rfmCutoffs: { r: number[]; f: number[]; m: number[] };
  segmentModel: "eight" | "ten";
  /** Excel serial of the reference date; null means today */
  referenceDate: number | null;
  /** near-name similarity at or above which two customers are possible duplicates */
  duplicateThreshold: number;
}

export const DEFAULT_SETTINGS: Settings = {
  weights: { amount: 0.5, activity: 0.3, tenure: 0.2 },
  tierA: 80,
  tierB: 60,
  churnThreshold: 50,
  followUpDays: { high: 7, medium: 14, low: 30 },
  dueSoonDays: 3,
  newCustomerMonths: 6,
  coreShare: 0.1,
  rfmMode: "quintile",
  rfmCutoffs: { r: [30, 90, 180, 365], f: [2, 3, 5, 8], m: [5, 10, 30, 100] },
  segmentModel: "eight",
  referenceDate: null,
  duplicateThreshold: 0.92,
};
