/**
 * Sorting numbers by index without a comparator: percentiles, RFM and the core cut all need the
 * ascending order of 100,000 figures, and a comparator sort of indices (or a sort of values plus a
 * binary search per member) costs several times more than this least-significant-digit radix sort
 * on the IEEE 754 bits. The radix sort is stable, so equal values keep their index order.
 */

/** The value a figure is ranked by: NaN counts as 0 (SPEC: missing is 0), and −0 is 0. */
export function sortKey(v: number): number {
  return v !== v || v === 0 ? 0 : v;
}

// Typed arrays use the platform's byte order; find which 32-bit half of a double holds the sign.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;

/** 64 bits as six digits: bits 0–10, 11–21, 22–31 of the low word, then the same of the high word. */
const SHIFTS = [0, 11, 22];
const MASKS = [0x7ff, 0x7ff, 0x3ff];
const RADIX = 0x800;

/** One double's bits, for reading the two words of each value without a copy of the array. */
const one = new Float64Array(1);
const oneBits = new Uint32Array(one.buffer);

/**
 * Working arrays of the sort, kept between calls (grown to the largest population seen) so that a
 * scoring run does not allocate, zero and release several megabytes per ranked figure: fresh
 * typed arrays that size are what triggers V8's external-memory collections.
 */
let scratchLo = new Uint32Array(0);
let scratchHi = new Uint32Array(0);
let scratchOrder = new Int32Array(0);
const hist = new Int32Array(6 * RADIX);

/** Indices 0…n−1 ordered by sortKey of their value, ascending; ties in index order. */
export function ascendingOrder(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  if (scratchLo.length < n) {
    scratchLo = new Uint32Array(n);
    scratchHi = new Uint32Array(n);
    scratchOrder = new Int32Array(n);
  }
  const lo = scratchLo;
  const hi = scratchHi;
  // Each double as an unsigned 64-bit key in the same order: flip every bit of a negative number,
  // only the sign bit of a positive one.
  for (let i = 0; i < n; i++) {
    one[0] = sortKey(values[i]);
    const h = oneBits[HI];
    const l = oneBits[LO];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // All six histograms in one pass; a digit every key shares needs no pass at all (small whole
  // numbers, the usual figures, have a constant low word and sort in two passes).
  hist.fill(0);
  for (let i = 0; i < n; i++) {
    const l = lo[i];
    const h = hi[i];
    hist[l & 0x7ff]++;
    hist[RADIX + ((l >>> 11) & 0x7ff)]++;
    hist[2 * RADIX + (l >>> 22)]++;
    hist[3 * RADIX + (h & 0x7ff)]++;
    hist[4 * RADIX + ((h >>> 11) & 0x7ff)]++;
    hist[5 * RADIX + (h >>> 22)]++;
  }
  const passes: number[] = [];
  for (let d = 0; d < 6; d++) {
    const w = d < 3 ? lo : hi;
    if (n > 1 && hist[d * RADIX + ((w[0] >>> SHIFTS[d % 3]) & MASKS[d % 3])] !== n) passes.push(d);
  }
  // Ping-pong between the result and the scratch array, starting where the last pass lands in the result.
  const result = new Int32Array(n);
  let src = passes.length % 2 === 0 ? result : scratchOrder;
  let dst = src === result ? scratchOrder : result;
  for (let i = 0; i < n; i++) src[i] = i;
  for (const d of passes) {
    const w = d < 3 ? lo : hi;
    const shift = SHIFTS[d % 3];
    const mask = MASKS[d % 3];
    const base = d * RADIX;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const c = hist[base + b];
      hist[base + b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = src[k];
      dst[hist[base + ((w[i] >>> shift) & mask)]++] = i;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}
