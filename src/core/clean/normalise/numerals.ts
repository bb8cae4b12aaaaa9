/**
 * Exact decimals and Chinese numerals, shared by the date and number normalisers.
 * Money is parsed as a decimal (mantissa × 10^exponent) so that "1.15万" is exactly 11500 and
 * "1200元" in a 万元 column is exactly 0.12 — no binary floating-point drift before the single,
 * correctly rounded conversion to a JS number at the end.
 */
export interface Decimal {
  m: bigint;
  e: number;
}

export const ZERO: Decimal = { m: 0n, e: 0 };

/** "1234.50" → 123450 × 10^-2; null for anything but digits with an optional fraction. */
export function parseDecimal(s: string): Decimal | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(s) ?? /^()\.(\d+)$/.exec(s);
  if (!match) return null;
  const int = match[1] ?? "";
  const frac = match[2] ?? "";
  return { m: BigInt((int + frac).replace(/^0+(?=\d)/, "") || "0"), e: -frac.length };
}

export function shift(d: Decimal, k: number): Decimal {
  return { m: d.m, e: d.e + k };
}

export function add(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10n ** BigInt(a.e - e) + b.m * 10n ** BigInt(b.e - e), e };
}

export function negate(d: Decimal): Decimal {
  return { m: -d.m, e: d.e };
}

export function isZero(d: Decimal): boolean {
  return d.m === 0n;
}

export function toNumber(d: Decimal): number {
  return Number(`${d.m}e${d.e}`);
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};

/** Powers of ten: 十 百 千 inside a group of four, 万 and 亿 close a group; k and w as in "3k", "3w". */
const UNITS: Record<string, number> = {
  十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3, k: 3, 万: 4, 萬: 4, w: 4, 亿: 8, 億: 8,
};

export function isChineseDigit(ch: string): boolean {
  return ch in DIGITS;
}

type Token = { kind: "num"; value: Decimal; single: boolean; zero: boolean } | { kind: "unit"; power: number };

function tokenise(s: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    const arabic = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(s.slice(i));
    if (arabic) {
      const value = parseDecimal(arabic[0]);
      if (!value) return null;
      tokens.push({ kind: "num", value, single: /^\d$/.test(arabic[0]), zero: false });
      i += arabic[0].length;
      continue;
    }
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      tokens.push({ kind: "num", value: { m: BigInt(digit), e: 0 }, single: true, zero: digit === 0 });
      i += 1;
      continue;
    }
    const unit = UNITS[ch.toLowerCase()];
    if (unit !== undefined) {
      tokens.push({ kind: "unit", power: unit });
      i += 1;
      continue;
    }
    return null;
  }
  return tokens;
}

/**
 * A non-negative amount written with Arabic or Chinese digits and Chinese units: "1.2万", "3千",
 * "1亿2000万", "三十万", "一千零五", "3万5" (colloquial: 3.5万), "二十三". Returns null when it is
 * not such an amount. `units` reports whether any unit appeared (a bare number has none).
 */
export function parseAmount(s: string): { value: Decimal; units: number[] } | null {
  const tokens = tokenise(s);
  if (!tokens || tokens.length === 0) return null;
  let yi = ZERO; // completed 亿 part
  let wan = ZERO; // completed 万 group since the last 亿
  let wanClosed = false;
  let small = ZERO; // 十/百/千 within the current group of four
  let cur: Decimal | null = null;
  let curSingle = false;
  let lastSmall = 4; // small units must decrease within a group
  let lastUnit = 0; // power of the last unit seen
  let sawZero = false; // 零 since the last unit: 一千零五 = 1005
  const units: number[] = [];
  for (const t of tokens) {
    if (t.kind === "num") {
      if (cur !== null) return null;
      if (t.zero) {
        sawZero = true;
        continue;
      }
      cur = t.value;
      curSingle = t.single;
      continue;
    }
    units.push(t.power);
    if (t.power <= 3) {
      if (t.power >= lastSmall) return null;
      small = add(small, shift(cur ?? { m: 1n, e: 0 }, t.power));
      lastSmall = t.power;
    } else {
      if (isZero(small) && cur === null) return null; // 万 with nothing before it
      const group = add(small, cur ?? ZERO);
      if (t.power === 4) {
        if (wanClosed) return null; // 3万4万
        wan = shift(group, 4);
        wanClosed = true;
      } else {
        yi = shift(add(add(yi, wan), group), 8);
        wan = ZERO;
        wanClosed = false;
      }
      small = ZERO;
      lastSmall = 4;
    }
    cur = null;
    lastUnit = t.power;
    sawZero = false;
  }
  let tail = cur ?? ZERO;
  if (cur !== null && lastUnit > 0) {
    if (!curSingle && !sawZero) return null; // 3万45: not a way anyone writes an amount
    // 二十三 = 23 and 一千零五 = 1005, but 三百五 = 350 and 3万5 = 35000 (one digit in the next lower unit)
    if (!sawZero && lastUnit > 1) tail = shift(cur, lastUnit === 8 ? 7 : lastUnit - 1);
  }
  if (cur === null && sawZero && lastUnit > 0) return null; // trailing 零: 一千零
  return { value: add(add(add(yi, wan), small), tail), units };
}

/** 二〇二四 / 二零二四 → "2024" (years are read digit by digit). */
export function chineseDigitsToArabic(s: string): string | null {
  let out = "";
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    out += String(d);
  }
  return out;
}
