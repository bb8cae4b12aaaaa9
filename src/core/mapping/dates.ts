import { civilFromDays, daysFromCivil, unpackYmd } from "../calendar";
import { normaliseDate, ymdToSerial } from "../clean/normalise/date";

export { ymdToSerial };

/**
 * Excel serial dates (1900 system). Serial 1 = 1900-01-01; Excel also counts the fictitious
 * 1900-02-29 (serial 60), so from 1900-03-01 (serial 61) on, serial = days since 1899-12-30.
 * The calendar is core/calendar.ts; these never fail (any finite serial has a date), unlike
 * clean/normalise/date.ts's, which refuse serials outside Excel's 1900-01-01 … 9999-12-31.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const EPOCH_DAYS = daysFromCivil(1899, 12, 30);

export function serialToYmd(serial: number): { y: number; m: number; d: number } {
  const whole = Math.floor(serial);
  if (whole === 60) return { y: 1900, m: 2, d: 29 };
  return unpackYmd(civilFromDays(EPOCH_DAYS + (whole < 60 ? whole + 1 : whole)));
}

export function serialToISO(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  return m ? ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A JS Date (as ExcelJS gives it: the cell's wall-clock time in UTC) to a serial with its time fraction. */
export function dateToSerial(d: Date): number {
  const ms = d.getTime() - EPOCH_1899_12_30;
  const serial = ms / MS_PER_DAY;
  return serial < 61 ? serial - 1 : serial;
}

export function serialToDate(serial: number): Date {
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_1899_12_30 + Math.round(days * MS_PER_DAY));
}

/** Today as a serial in local time, for the default reference date (the shells call it). */
export function todaySerial(now: Date = new Date()): number {
  return ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}

/**
 * A date typed as text, in any unambiguous form people use (2024/3/15, 2024年3月15日, 20240315 …),
 * as a whole-day serial; ambiguous forms (03/04/2024) and impossible dates are null, never guessed.
 */
export function parseDateText(raw: string): number | null {
  const d = normaliseDate(raw, { time: "drop" });
  return d.status === "ok" ? Math.floor(d.value) : null;
}
