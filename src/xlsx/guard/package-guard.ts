import type { PartWatch, ZipReader } from "../stream/zip";
import { MAX_PART_BYTES, MAX_RATIO, MAX_TOTAL_BYTES, RATIO_FLOOR_BYTES } from "./limits";
import { checkPart } from "./part";
import { Tally } from "./tally";

/**
 * The guard over one package: every part's unpacked size counted against the limits as it is
 * inflated (never trusting the sizes the zip declares), and every part's text checked once,
 * before a reader scans it. Refusals are InsightErrors naming the file and the part.
 */
export class PackageGuard implements PartWatch {
  private readonly tally: Tally;
  /** the whole package may not unpack to more than this */
  private readonly cap: number;
  private total = 0;
  private readonly sizes = new Map<string, number>();
  private readonly checked = new Set<string>();
  private readonly rowsAndCellsByReader = new Set<string>();

  constructor(
    file: string,
    private readonly fileSize: number,
  ) {
    this.tally = new Tally(file);
    this.cap = Math.min(MAX_TOTAL_BYTES, Math.max(RATIO_FLOOR_BYTES, MAX_RATIO * fileSize));
  }

  /** A part seen before must unpack to the same size again; a new one to what the package has left. */
  limit(name: string): number {
    return this.sizes.get(name) ?? Math.min(MAX_PART_BYTES, this.cap - this.total);
  }

  /** `size` may be limit + 1 when the inflater stopped at the limit: "more than that". */
  inflated(name: string, size: number): void {
    const seen = this.sizes.get(name);
    if (seen !== undefined) {
      if (size > seen) this.tally.tooLarge(name, seen, this.fileSize);
      return;
    }
    if (size > MAX_PART_BYTES) this.tally.tooLarge(name, MAX_PART_BYTES, this.fileSize);
    if (this.total + size > this.cap) this.tally.tooLarge(name, this.cap, this.fileSize);
    this.sizes.set(name, size);
    this.total += size;
  }

  decoded(name: string, text: string): void {
    if (this.checked.has(name)) return;
    this.checked.add(name);
    checkPart(name, text, this.tally, !this.rowsAndCellsByReader.has(name));
  }

  /**
   * The streaming reader bounds the rows and cells of these parts as it scans them (it parses
   * each one anyway); the guard checks everything else in them. See read.ts, OutOfGrid.
   */
  rowsAndCellsCheckedByReader(parts: Iterable<string>): void {
    for (const p of parts) this.rowsAndCellsByReader.add(p);
  }

  /** The reader found `element` past XFD1048576 in `part`. */
  outOfGrid(part: string, element: string): never {
    return this.tally.outOfBounds(part, element, "XFD1048576");
  }

  /** Inflates and checks every part of `zip` not checked yet, but those in `later` (which a reader is about to decode). */
  checkRest(zip: ZipReader, later: ReadonlySet<string> = new Set()): void {
    for (const name of zip.entries.keys()) if (!this.checked.has(name) && !later.has(name)) zip.text(name);
  }
}
