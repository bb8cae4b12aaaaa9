import { civilFromDays, daysFromCivil, UNIX_EPOCH_SERIAL } from "../calendar";

export { daysInMonth } from "../calendar";

/**
 * Excel serial dates (1900 system) as packed calendar dates for the engine's loops (core/calendar.ts).
 * Serials are counted from 1899-12-30, which is exact from 1900-03-01 (serial 61) on; the
 * fictitious 1900-02-29 of the 1900 system is irrelevant to customer data.
 */

/** Packs a serial's date as y·10000 + m·100 + d (e.g. 20240315), fraction (time of day) ignored. */
export function serialToYmd(serial: number): number {
  return civilFromDays(Math.floor(serial) - UNIX_EPOCH_SERIAL);
}

/** The serial of a calendar date (month 1–12). */
export function ymdToSerial(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, d) + UNIX_EPOCH_SERIAL;
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
