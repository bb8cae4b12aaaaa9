/**
 * The proleptic Gregorian calendar by integer arithmetic (Howard Hinnant's days_from_civil and
 * civil_from_days): no Date objects, so no time zone can shift a day and hot loops allocate
 * nothing. Excel serials are built on it in mapping/dates.ts (the 1900 system and its fictitious
 * 1900-02-29), engine/dates.ts (packed dates for the engine's loops) and clean/normalise/date.ts.
 */

/** Excel serial of 1970-01-01 (day 0 below); exact for dates from 1900-03-01 on. */
export const UNIX_EPOCH_SERIAL = 25569;

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day count since 1970-01-01, packed as y·10000 + m·100 + d (e.g. 20240315). */
export function civilFromDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10000 + m * 100 + d;
}

/** A packed date's parts. */
export function unpackYmd(ymd: number): { y: number; m: number; d: number } {
  const y = Math.floor(ymd / 10000);
  return { y, m: Math.floor(ymd / 100) - y * 100, d: ymd % 100 };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Whole numbers naming a real calendar date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
