/**
 * 核心客户: the ⌈share·n⌉ largest amounts, ties at the cut included (seed 001: 合作金额 Top10%),
 * among the population given. A zero amount is never core, however small the population.
 */
export function coreFlags(amounts: Float64Array, share: number, ascending?: Int32Array): Uint8Array {
  const n = amounts.length;
  const flags = new Uint8Array(n);
  const k = Math.ceil(n * share);
  if (n === 0 || k <= 0) return flags;
  // The amounts' order from the percentiles gives the cut without a second sort; it ranks NaN
  // as 0 where a sort puts it last, so it is only passed for amounts without NaN.
  const cut = ascending ? amounts[ascending[n - Math.min(k, n)]] : Float64Array.from(amounts).sort()[n - Math.min(k, n)];
  for (let i = 0; i < n; i++) flags[i] = amounts[i] >= cut && amounts[i] > 0 ? 1 : 0;
  return flags;
}

/** 新客户: tenure below the setting (seed 001: 合作 < 6 个月); unknown tenure → unknown type. */
export function customerTypeOf(tenure: number | null, newCustomerMonths: number): "new" | "existing" | null {
  if (tenure === null) return null;
  return tenure < newCustomerMonths ? "new" : "existing";
}
