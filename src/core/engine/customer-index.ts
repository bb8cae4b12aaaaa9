import type { CustomerRecord } from "../mapping/records";
import { idKey } from "./ids";
import { keepShape } from "./shapes";

/** FNV-1a over the UTF-16 code units: spreads short, similar ids (2024001, 2024002…) well. */
function hashOf(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Customers by idKey(客户编号): the first row of each id, and which rows share an id. Behaviour
 * and Interactions rows are matched to customers through it.
 *
 * Matching 100,000 customers to 250,000 other rows is a large part of scoring, so this is an
 * open-addressing table over typed arrays rather than a Map: built with one probe per row (a Map
 * needs a get and a set, and grows by copying), and nothing on the heap per id. `find` first tries
 * the row after the last one found, and that row itself, since sheets are usually kept in the
 * same order and a customer's rows sit together; a wrong guess costs one string comparison, and
 * every answer is checked against the id itself.
 */
export class CustomerIndex {
  /** idKey of each row's id ("" when blank) */
  readonly keys: string[];
  /** each row's first same-id row: itself when the id is unique, −1 when it is blank */
  readonly first: Int32Array;
  /** 1 when another row has the same id */
  readonly shared: Uint8Array;
  /** hash of each row's key */
  private readonly hashes: Int32Array;
  /** row + 1 of the first row of an id, 0 = empty slot; at least half empty */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private last = -1;

  constructor(customers: CustomerRecord[]) {
    const n = customers.length;
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.keys = new Array<string>(n);
    this.first = new Int32Array(n);
    this.shared = new Uint8Array(n);
    this.hashes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = idKey(customers[i].id);
      this.keys[i] = k;
      if (k === "") {
        this.first[i] = -1;
        continue;
      }
      const h = hashOf(k);
      this.hashes[i] = h;
      let at = h & this.mask;
      for (;;) {
        const f = this.slots[at] - 1;
        if (f < 0) {
          this.slots[at] = i + 1;
          this.first[i] = i;
          break;
        }
        if (this.hashes[f] === h && this.keys[f] === k) {
          this.first[i] = f;
          this.shared[i] = this.shared[f] = 1;
          break;
        }
        at = (at + 1) & this.mask;
      }
    }
  }

  /** The first customer row with this id key (already idKey'd), −1 when none. */
  findKey(k: string): number {
    if (k === "") return -1;
    const keys = this.keys;
    const next = this.last + 1;
    let row = next < keys.length && keys[next] === k ? next : this.last >= 0 && keys[this.last] === k ? this.last : -1;
    if (row < 0) {
      const h = hashOf(k);
      for (let at = h & this.mask; ; at = (at + 1) & this.mask) {
        const f = this.slots[at] - 1;
        if (f < 0) return -1;
        if (this.hashes[f] === h && keys[f] === k) {
          row = f;
          break;
        }
      }
    }
    this.last = row;
    return this.first[row];
  }

  /** The first customer row with this customer id as typed, −1 when none. */
  find(id: string): number {
    return this.findKey(idKey(id));
  }
}

// The class's shape outlives a run (see shapes.ts).
keepShape(new CustomerIndex([]));
