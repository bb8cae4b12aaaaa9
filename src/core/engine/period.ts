/**
 * 统计周期 as a sortable number: the month index (year·12 + month − 1) of the period's last month,
 * so periods of different granularity interleave sensibly (2024Q1 ends with 2024-03; a plain year
 * ends in December). Equal keys (2024Q1 vs 2024-03) are left to row order by the caller.
 * null when the text is not a period we recognise.
 */

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

const YEAR = /^(\d{4})(?:年度?|FY)?$/;
const FY_YEAR = /^FY(\d{4})$/;
const QUARTER = /^(\d{4})(?:年|[-/.])?(?:第)?Q([1-4])(?:季度?)?$/;
const QUARTER_FIRST = /^Q([1-4])[-/.]?(\d{4})$/;
const QUARTER_CN = /^(\d{4})年?第?([一二三四1-4])季度?$/;
const HALF = /^(\d{4})(?:年|[-/.])?H([12])$/;
const HALF_CN = /^(\d{4})年?([上下])半年$/;
const MONTH = /^(\d{4})(?:年|[-/.])(\d{1,2})月?$/;
const MONTH_COMPACT = /^(\d{4})(\d{2})$/;
const DAY = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?$/;

/** Full-width digits and letters to half-width, spaces removed, upper case: people type all of these. */
function normalise(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (ch !== " " && ch !== "\u3000" && ch !== "\t") out += ch;
  }
  return out.toUpperCase();
}

function key(year: number, endMonth: number): number | null {
  if (endMonth < 1 || endMonth > 12) return null;
  return year * 12 + endMonth - 1;
}

export function periodKey(period: string): number | null {
  const p = normalise(period);
  if (p === "") return null;
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(p)) || (m = FY_YEAR.exec(p))) return key(Number(m[1]), 12);
  if ((m = QUARTER.exec(p))) return key(Number(m[1]), Number(m[2]) * 3);
  if ((m = QUARTER_FIRST.exec(p))) return key(Number(m[2]), Number(m[1]) * 3);
  if ((m = QUARTER_CN.exec(p))) return key(Number(m[1]), CN_DIGITS[m[2]] * 3);
  if ((m = HALF.exec(p))) return key(Number(m[1]), Number(m[2]) * 6);
  if ((m = HALF_CN.exec(p))) return key(Number(m[1]), m[2] === "上" ? 6 : 12);
  if ((m = MONTH.exec(p)) || (m = MONTH_COMPACT.exec(p))) return key(Number(m[1]), Number(m[2]));
  if ((m = DAY.exec(p))) return key(Number(m[1]), Number(m[2]));
  return null;
}
