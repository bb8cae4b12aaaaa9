import type { CellValue } from "../plan/cells";
import type { Normalisers } from "./fast-normalise";
import { isShortPersonKey, nameKey } from "./name-key";
import { jaroWinkler, jaroWinklerLengthBound } from "./similarity";
import { UnionFind } from "./union-find";

/**
 * Duplicate customers (SPEC §5).
 *
 * Exact duplicates: two customers are one when they share a normalised name (name-key.ts), mobile,
 * email or credit code. Groups are the connected components of those links (union–find), with
 * two guards, because a merge must never join two different customers:
 *  - two components holding different credit codes are never joined (a company has exactly one
 *    code): the link is reported as a possible duplicate (creditCodeConflict) instead;
 *  - short person names (three characters or fewer, no organisation word: 张伟) are not an exact
 *    key on their own — same-name people are common — and come out as possible duplicates
 *    (shortName). Their mobile, email or credit code still joins them.
 *
 * Possible duplicates: names whose keys are similar (Jaro–Winkler ≥ Settings.duplicateThreshold)
 * between different components, for a person to confirm; never merged. Blocking keeps this near
 * linear: keys are compared only with their neighbours in two sort orders — by the key and by the
 * reversed key (sorted-neighbourhood, window BLOCK_WINDOW) — so a difference at the end of a name
 * (科技 vs 技术) and one at the start (深圳市腾达 vs 腾达) both put the pair side by side. Keys
 * shorter than four characters take no part (similarity of two-character strings is noise).
 */

export type KeyKind = "name" | "mobile" | "email" | "creditCode";
export type PossibleReason = "similarName" | "shortName" | "creditCodeConflict";

export interface DuplicateInput {
  name: CellValue;
  mobile: CellValue;
  email: CellValue;
  creditCode: CellValue;
}

export interface DuplicateGroup {
  /** indexes into the input, ascending */
  members: number[];
  /** the keys at least two members share */
  reasons: { kind: KeyKind; value: string }[];
}

export interface PossiblePair {
  /** component representatives (indexes into the input), a < b */
  a: number;
  b: number;
  score: number;
  reason: PossibleReason;
}

export interface DuplicateResult {
  groups: DuplicateGroup[];
  /** component id (root) of every input */
  component: Int32Array;
  keys: Keys[];
}

export interface Keys {
  name: string;
  mobile: string;
  email: string;
  creditCode: string;
  shortName: boolean;
}

export const BLOCK_WINDOW = 8;
const MIN_NEAR_KEY = 4;

function textOf(v: CellValue): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

/** The matching keys of one customer; "" where a value is blank or not valid. */
export function keysOf(input: DuplicateInput, n: Normalisers): Keys {
  const mobile = n.mobile(input.mobile);
  const email = n.email(input.email);
  const code = n.creditCode(input.creditCode);
  const nameText = textOf(input.name);
  const name = nameText === "" ? "" : nameKey(nameText);
  return {
    name,
    mobile: mobile.status === "ok" ? mobile.value : "",
    email: email.status === "ok" ? email.value.toLowerCase() : "",
    creditCode: code.status === "ok" ? code.value : "",
    shortName: name !== "" && isShortPersonKey(name, nameText),
  };
}

/** Exact-key groups (merge candidates) and the vetoed / short-name links as possible pairs. */
export function exactDuplicates(keys: readonly Keys[]): { result: DuplicateResult; vetoed: { a: number; b: number; reason: PossibleReason }[] } {
  const n = keys.length;
  const uf = new UnionFind(n);
  const codeOf = new Map<number, string>();
  keys.forEach((k, i) => {
    if (k.creditCode) codeOf.set(i, k.creditCode);
  });
  const vetoed: { a: number; b: number; reason: PossibleReason }[] = [];
  const link = (a: number, b: number) => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return;
    const ca = codeOf.get(ra);
    const cb = codeOf.get(rb);
    if (ca !== undefined && cb !== undefined && ca !== cb) {
      vetoed.push({ a, b, reason: "creditCodeConflict" });
      return;
    }
    const root = uf.union(ra, rb);
    const code = ca ?? cb;
    if (code !== undefined) codeOf.set(root, code);
  };
  // Strongest keys first, so a credit code decides before a shared mobile can join two companies.
  for (const kind of ["creditCode", "email", "mobile", "name"] as const) {
    const first = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const v = k[kind];
      if (v === "" || (kind === "name" && k.shortName)) continue;
      const f = first.get(v);
      if (f === undefined) first.set(v, i);
      else link(f, i);
    }
  }
  const shortFirst = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (!k.shortName) continue;
    const f = shortFirst.get(k.name);
    if (f === undefined) shortFirst.set(k.name, i);
    else vetoed.push({ a: f, b: i, reason: "shortName" });
  }
  const component = new Int32Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    component[i] = r;
    size[r]++;
  }
  // Members of each component of two or more, in order of their first member (a component's
  // position among them is kept in slot, +1): no array or map entry for the many lone customers.
  const slot = new Int32Array(n);
  const memberLists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = component[i];
    if (size[r] < 2) continue;
    if (slot[r] === 0) slot[r] = memberLists.push([]);
    memberLists[slot[r] - 1].push(i);
  }
  const groups: DuplicateGroup[] = [];
  for (const m of memberLists) {
    const reasons: DuplicateGroup["reasons"] = [];
    for (const kind of ["name", "mobile", "email", "creditCode"] as const) {
      const counts = new Map<string, number>();
      for (const i of m) {
        const v = keys[i][kind];
        if (v !== "" && !(kind === "name" && keys[i].shortName)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      for (const [value, c] of counts) if (c > 1) reasons.push({ kind, value });
    }
    groups.push({ members: m, reasons });
  }
  groups.sort((x, y) => x.members[0] - y.members[0]);
  return { result: { groups, component, keys: [...keys] }, vetoed };
}

/**
 * Possible duplicates among `reps` (one input index per component): similar name keys found by
 * sorted-neighbourhood blocking, plus the vetoed and short-name links mapped onto representatives.
 */
export function possibleDuplicates(
  keys: readonly Keys[],
  component: Int32Array,
  repOf: (component: number) => number,
  vetoed: readonly { a: number; b: number; reason: PossibleReason }[],
  threshold: number,
): PossiblePair[] {
  const pairs = new Map<string, PossiblePair>();
  const add = (x: number, y: number, score: number, reason: PossibleReason) => {
    const ra = repOf(component[x]);
    const rb = repOf(component[y]);
    if (ra === rb) return;
    const [a, b] = ra < rb ? [ra, rb] : [rb, ra];
    const id = `${a}:${b}`;
    const old = pairs.get(id);
    if (!old || old.score < score) pairs.set(id, { a, b, score: Math.round(score * 100) / 100, reason });
  };
  for (const v of vetoed) add(v.a, v.b, 1, v.reason);

  const entries: { key: string; rev: string; i: number }[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < keys.length; i++) {
    const c = component[i];
    if (seen.has(c)) continue;
    seen.add(c);
    const rep = repOf(c);
    const key = keys[rep].name;
    if (key.length < MIN_NEAR_KEY) continue;
    entries.push({ key, rev: [...key].reverse().join(""), i: rep });
  }
  const scan = (sorted: typeof entries) => {
    for (let x = 0; x < sorted.length; x++) {
      const ex = sorted[x];
      for (let y = x + 1; y < Math.min(sorted.length, x + 1 + BLOCK_WINDOW); y++) {
        const ey = sorted[y];
        if (jaroWinklerLengthBound(ex.key.length, ey.key.length) < threshold) continue;
        const s = jaroWinkler(ex.key, ey.key);
        if (s >= threshold) add(ex.i, ey.i, s, "similarName");
      }
    }
  };
  scan([...entries].sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : p.i - q.i)));
  scan([...entries].sort((p, q) => (p.rev < q.rev ? -1 : p.rev > q.rev ? 1 : p.i - q.i)));
  return [...pairs.values()].sort((p, q) => p.a - q.a || p.b - q.b);
}
