import { daysInMonth, serialToYmd } from "./dates";

/**
 * Whole calendar months from the start date to the reference date, as a person counts them:
 * 2023-03-15 → 2024-03-14 is 11 months, → 2024-03-15 is 12. A month also counts when the
 * reference date is the last day of a shorter month (01-31 → 02-29 is one month).
 * null when there is no start date. A start after the reference date gives 0 (the customer is
 * signed but has not started: new, not an error); the caller names it in the data status.
 */
export function tenureMonths(startDate: number | null, refDate: number): number | null {
  if (startDate === null) return null;
  return monthsBetween(serialToYmd(startDate), serialToYmd(refDate));
}

/** tenureMonths between two dates packed as y·10000 + m·100 + d (the reference date is packed once per run). */
export function monthsBetween(s: number, r: number): number {
  if (r < s) return 0;
  const sy = Math.floor(s / 10000);
  const sm = Math.floor(s / 100) % 100;
  const sd = s % 100;
  const ry = Math.floor(r / 10000);
  const rm = Math.floor(r / 100) % 100;
  const rd = r % 100;
  let months = (ry - sy) * 12 + (rm - sm);
  if (rd < sd && rd !== daysInMonth(ry, rm)) months -= 1;
  return Math.max(0, months);
}
