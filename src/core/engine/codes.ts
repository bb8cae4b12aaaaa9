import { keepShape } from "./shapes";

/**
 * Distinct texts as small integers (first seen = 0), so tallies over 100,000 rows are counts in
 * typed arrays instead of a Map lookup per row per table.
 *
 * Cells of one column repeat a few dozen texts, often as separate string objects, whose Map
 * hash is computed afresh each time. So a text is first looked for in a 256-slot table keyed by
 * its length and first and last characters, and confirmed by comparison; the Map only settles the
 * rest (and collisions, which just cost the Map lookup).
 */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  /** id + 1 of a text recently seen in each slot (0: none) */
  private readonly recent = new Int32Array(256);

  id(text: string): number {
    const n = text.length;
    const slot = n === 0 ? 0 : ((n * 31 + text.charCodeAt(0)) * 31 + text.charCodeAt(n - 1)) & 0xff;
    const guess = this.recent[slot] - 1;
    if (guess >= 0 && this.values[guess] === text) return guess;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(text, id);
      this.values.push(text);
    }
    this.recent[slot] = id + 1;
    return id;
  }
}

// The class's shape outlives a run (see shapes.ts).
keepShape(new Interner());
