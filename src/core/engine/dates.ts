/**
 * Excel serial dates (1900 system) as calendar dates, by integer arithmetic: no Date objects,
 * so no time zone can shift a day and no allocation happens in hot loops.
 * Serials are counted from 1899-12-30, which is exact from 1900-03-01 (serial 61) on; the
 * fictitious 1900-02-29 of the 1900 system is irrelevant to customer data.
 */

const UNIX_EPOCH_SERIAL = 25569; // 1970-01-01

/** Packs a serial's date as y·10000 + m·100 + d (e.g. 20240315), fraction (time of day) ignored. */
export function serialToYmd(serial: number): number {
  // Howard Hinnant's civil_from_days
  let z = Math.floor(serial) - UNIX_EPOCH_SERIAL + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  z = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return z * 10000 + m * 100 + d;
}

/** The serial of a calendar date (month 1–12). */
export function ymdToSerial(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_EPOCH_SERIAL;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** "yyyy-mm" of a serial, for monthly trends. */
export function monthKey(serial: number): string {
  const ymd = serialToYmd(serial);
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  return `${y}-${m < 10 ? "0" : ""}${m}`;
}

/** Months counted as y·12 + (m − 1), so consecutive months differ by 1. */
export function monthIndex(serial: number): number {
  const ymd = serialToYmd(serial);
  return Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
}

export function monthIndexKey(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${y}-${m < 10 ? "0" : ""}${m}`;
}
