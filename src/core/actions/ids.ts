import { idKey } from "../engine/ids";
import type { CustomerRecord } from "../mapping/records";
import { serialToISO } from "../mapping/dates";

/**
 * IDs for customers without one: year + 3-digit sequence (2024001), continuing after the
 * highest id of that year already present, so existing ids are never reused.
 */
export function generateIds(records: readonly CustomerRecord[], refDate: number): Map<number, string> {
  const out = new Map<number, string>();
  const year = serialToISO(refDate).slice(0, 4);
  // Records without an id, in order, and the highest sequence number of the year so far.
  const blanks: number[] = [];
  let seq = 0;
  for (let i = 0; i < records.length; i++) {
    const id = records[i].id.trim();
    if (id === "") blanks.push(i);
    else {
      const n = sequenceOf(id, year);
      if (n > seq) seq = n;
    }
  }
  // Most lists have every id filled in: then there is nothing to number.
  if (blanks.length === 0) return out;
  // A new id reads back as its own sequence number, above every existing one, so it cannot be
  // taken, as long as the numbers stay exact (below 2^53); past that, check against every id.
  const taken = seq + blanks.length <= Number.MAX_SAFE_INTEGER ? null : new Set(records.map((r) => r.id.trim().toLowerCase()));
  for (const i of blanks) {
    let id: string;
    do {
      seq++;
      id = `${year}${String(seq).padStart(3, "0")}`;
    } while (taken?.has(id));
    taken?.add(id);
    out.set(records[i].row, id);
  }
  return out;
}

/** The sequence number of an id of the year (the year, then 3 or more digits: 2024017 → 17), else 0. */
function sequenceOf(id: string, year: string): number {
  const from = year.length;
  if (id.length < from + 3 || !id.startsWith(year)) return 0;
  let n = 0;
  for (let i = from; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
    n = n * 10 + (c - 48);
  }
  // Up to 15 digits the sum is exact; a longer number is read as JavaScript reads it (rounded).
  return id.length - from <= 15 ? n : Number(id.slice(from));
}

/**
 * The customers that share an id with another, grouped, each group in record order (indexes into
 * `records`); ids compare as the engine compares them (idKey: trimmed, case-folded) and blank ids
 * are never grouped. A hash table of record indexes sized once for all the ids, rather than a Map
 * grown id by id: this runs on every Score, over every customer, and nearly every id is unique.
 */
export function sameIdGroups(records: readonly CustomerRecord[]): number[][] {
  const n = records.length;
  const keys = new Array<string>(n);
  let size = 16;
  while (size < n * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  // The group of a repeated id, by the index of its first record.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const k = idKey(records[i].id);
    keys[i] = k;
    if (k === "") continue;
    let h = hashOf(k) & (size - 1);
    for (;;) {
      const first = slots[h];
      if (first < 0) {
        slots[h] = i;
        break;
      }
      if (keys[first] === k) {
        const g = groups.get(first);
        if (g) g.push(i);
        else groups.set(first, [first, i]);
        break;
      }
      h = (h + 1) & (size - 1);
    }
  }
  return [...groups.values()];
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
