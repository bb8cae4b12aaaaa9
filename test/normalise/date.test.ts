import { isoToSerial, normaliseDate, serialToISO, serialToISODateTime, ymdToSerial } from "../../src/core/clean/normalise";

describe("1900 date system with Excel's leap-year quirk", () => {
  test.each([
    ["1900-01-01", 1],
    ["1900-01-31", 31],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["1900-12-31", 366],
    ["1970-01-01", 25569],
    ["1999-12-31", 36525],
    ["2000-01-01", 36526],
    ["2000-02-29", 36585],
    ["2024-02-29", 45351],
    ["2024-03-15", 45366],
    ["9999-12-31", 2958465],
  ])("%s = %i", (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToISO(serial)).toBe(iso);
  });

  test("serial 60 is the fictitious 1900-02-29, both ways", () => {
    expect(serialToISO(60)).toBe("1900-02-29");
    expect(isoToSerial("1900-02-29")).toBe(60);
    expect(ymdToSerial(1900, 2, 29)).toBeNull();
  });

  test("serialToISO drops the time and rejects what is not a date", () => {
    expect(serialToISO(45366.99)).toBe("2024-03-15");
    expect(serialToISODateTime(45366.5)).toBe("2024-03-15T12:00:00");
    expect(serialToISODateTime(45366 + 14.5 / 24)).toBe("2024-03-15T14:30:00");
    for (const bad of [0, -1, 0.5, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) expect(serialToISO(bad)).toBeNull();
  });

  test("isoToSerial accepts exactly YYYY-MM-DD", () => {
    for (const bad of ["2024-3-15", "2024/03/15", "2024-02-30", "2023-02-29", "2024-13-01", "1899-12-31", " 2024-03-15", "20240315", ""]) expect(isoToSerial(bad)).toBeNull();
  });
});

const S = 45366; // 2024-03-15
const at = (h: number, m = 0, s = 0): number => S + (h * 3600 + m * 60 + s) / 86400;

describe("text and numbers people type as dates", () => {
  test.each<[string | number, number]>([
    ["2024年3月15日", S],
    ["2024年03月15日", S],
    ["2024 年 3 月 15 日", S],
    ["2024年3月15号", S],
    ["2024年3月15", S],
    ["２０２４年３月１５日", S],
    ["二〇二四年三月十五日", S],
    ["二零二四年三月十五日", S],
    ["2024年3月15日 星期五", S],
    ["2024-03-15（周五）", S],
    ["2024/3/15", S],
    ["2024/03/15", S],
    ["2024-3-15", S],
    ["2024.3.15", S],
    ["2024．3．15", S],
    ["20240315", S],
    [20240315, S],
    ["  2024-03-15  ", S],
    ["15/03/2024", S],
    ["15-03-2024", S],
    ["15.03.2024", S],
    ["03/15/2024", S],
    ["03/03/2024", 45354],
    ["15-Mar-2024", S],
    ["15 March 2024", S],
    ["Mar 15, 2024", S],
    ["March 15 2024", S],
    ["1900/1/1", 1],
    ["1900-03-01", 61],
    [45366, S],
    [1, 1],
    [59, 59],
    [61, 61],
    [2958465, 2958465],
  ])("%p → %p", (input, serial) => {
    const r = normaliseDate(input);
    expect(r).toMatchObject({ status: "ok", value: serial });
  });

  test.each<[string, number]>([
    ["2024年03月15日 14:30", at(14, 30)],
    ["2024年3月15日14:30", at(14, 30)],
    ["2024年3月15日 14时30分", at(14, 30)],
    ["2024年3月15日 14点", at(14)],
    ["2024-03-15T10:00:00", at(10)],
    ["2024-03-15T10:00:00.000", at(10)],
    ["2024-03-15 10:00", at(10)],
    ["2024/3/15 9:05:30", at(9, 5, 30)],
    ["2024/3/15 下午2:30", at(14, 30)],
    ["2024/3/15 2:30 PM", at(14, 30)],
    ["2024/3/15 12:00 am", at(0)],
    ["20240315 08:00", at(8)],
  ])("%p keeps its time → %p", (input, serial) => {
    const r = normaliseDate(input);
    expect(r.status).toBe("ok");
    if (r.status === "ok") expect(r.value).toBeCloseTo(serial, 9);
  });

  test("time dropped on request, with a warning when there was one", () => {
    expect(normaliseDate("2024-03-15 10:00", { time: "drop" })).toEqual({ status: "ok", value: S, changed: true, warnings: ["timeDropped"] });
    expect(normaliseDate("2024-03-15 00:00", { time: "drop" })).toEqual({ status: "ok", value: S, changed: true });
    expect(normaliseDate(45366.75, { time: "drop" })).toEqual({ status: "ok", value: S, changed: true, warnings: ["timeDropped"] });
    expect(normaliseDate(45366.75)).toEqual({ status: "ok", value: 45366.75, changed: false });
    expect(normaliseDate(45366, { time: "drop" })).toEqual({ status: "ok", value: S, changed: false });
  });

  test("a time zone is ignored with a warning (the wall-clock time is kept)", () => {
    const r = normaliseDate("2024-03-15T10:00:00Z");
    expect(r).toMatchObject({ status: "ok", warnings: ["timeZoneIgnored"] });
    expect(normaliseDate("2024-03-15T10:00:00+08:00")).toMatchObject({ status: "ok", warnings: ["timeZoneIgnored"] });
  });

  test("changed is false only for a serial that stays as it is", () => {
    expect(normaliseDate(45366)).toEqual({ status: "ok", value: S, changed: false });
    expect(normaliseDate(20240315)).toEqual({ status: "ok", value: S, changed: true });
    expect(normaliseDate("2024-03-15")).toEqual({ status: "ok", value: S, changed: true });
  });

  test("two-digit years follow Excel (00–29 → 20xx, 30–99 → 19xx) and are flagged", () => {
    expect(normaliseDate("24/3/15")).toEqual({ status: "ok", value: S, changed: true, warnings: ["twoDigitYear"] });
    expect(normaliseDate("24-03-15")).toMatchObject({ status: "ok", value: S, warnings: ["twoDigitYear"] });
    expect(normaliseDate("24年3月15日")).toMatchObject({ status: "ok", value: S, warnings: ["twoDigitYear"] });
    expect(normaliseDate("29/1/1")).toMatchObject({ status: "ok", value: isoToSerial("2029-01-01") });
    expect(normaliseDate("30/1/1")).toMatchObject({ status: "ok", value: isoToSerial("1930-01-01") });
    expect(normaliseDate("99.12.31")).toMatchObject({ status: "ok", value: isoToSerial("1999-12-31") });
  });

  test("a five-digit serial typed as text is read, with a warning", () => {
    expect(normaliseDate("45366")).toEqual({ status: "ok", value: S, changed: true, warnings: ["serialAsText"] });
  });
});

describe("day/month order is never guessed", () => {
  test("03/04/2024: both readings, day-first first", () => {
    expect(normaliseDate("03/04/2024")).toEqual({ status: "ambiguous", candidates: [isoToSerial("2024-04-03"), isoToSerial("2024-03-04")], reason: "dayMonthOrder" });
  });
  test.each(["01/02/2024", "12-11-2023", "5.6.2024", "11/12/2024 10:00"])("%s is ambiguous", (s) => {
    expect(normaliseDate(s)).toMatchObject({ status: "ambiguous", reason: "dayMonthOrder" });
  });
  test("day-first when the first part is over 12, month-first when the second is", () => {
    expect(normaliseDate("13/01/2024")).toMatchObject({ status: "ok", value: isoToSerial("2024-01-13") });
    expect(normaliseDate("01/13/2024")).toMatchObject({ status: "ok", value: isoToSerial("2024-01-13") });
  });
  test("ambiguous candidates carry the time", () => {
    const r = normaliseDate("03/04/2024 12:00");
    expect(r.status).toBe("ambiguous");
    if (r.status === "ambiguous") expect(r.candidates).toEqual([45385.5, 45355.5]);
  });
});

describe("what is not a date", () => {
  test.each<[string | number | boolean, string]>([
    ["3月15日", "missingYear"],
    ["3月15号", "missingYear"],
    ["三月十五日", "missingYear"],
    ["3/15", "missingYear"],
    ["2024年3月", "missingDay"],
    ["2024-03", "missingDay"],
    ["2024/3", "missingDay"],
    ["2024-02-30", "impossibleDate"],
    ["2023-02-29", "impossibleDate"],
    ["2024-13-01", "impossibleDate"],
    ["2024年13月1日", "impossibleDate"],
    ["2024-04-31", "impossibleDate"],
    ["2024-00-10", "impossibleDate"],
    ["2024-01-00", "impossibleDate"],
    ["20240230", "impossibleDate"],
    [20241301, "impossibleDate"],
    ["31/31/2024", "impossibleDate"],
    ["02/30/2024", "impossibleDate"],
    ["1900-02-29", "impossibleDate"],
    ["2024-03-15 25:00", "unrecognised"],
    ["2024-03-15 10:60", "unrecognised"],
    ["1899-12-31", "outOfRange"],
    ["18991231", "outOfRange"],
    [0, "outOfRange"],
    [-5, "outOfRange"],
    [0.5, "outOfRange"],
    [2958466, "outOfRange"],
    [123456789, "outOfRange"],
    [Number.NaN, "outOfRange"],
    [Number.POSITIVE_INFINITY, "outOfRange"],
    [60, "fictitiousDate"],
    [60.5, "fictitiousDate"],
    [true, "boolean"],
    ["#N/A", "errorValue"],
    ["#VALUE!", "errorValue"],
    ["明天", "unrecognised"],
    ["2024年Q3", "unrecognised"],
    ["待定", "unrecognised"],
    ["2024", "unrecognised"],
    ["2024-03-15 foo", "unrecognised"],
    ["215/3/15", "unrecognised"],
    ["2024/3/2024", "unrecognised"],
  ])("%p → invalid %s", (input, reason) => {
    expect(normaliseDate(input)).toEqual({ status: "invalid", reason });
  });

  test.each(["", "   ", "\u3000", "\u200B"])("%p is empty", (s) => {
    expect(normaliseDate(s)).toEqual({ status: "empty" });
  });
});
