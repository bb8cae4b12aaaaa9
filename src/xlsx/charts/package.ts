import JSZip from "jszip";
import { parseSharedStrings } from "./cells";
import { parseRelationships, REL_TYPE, relsPathFor, resolveTarget } from "./rels";
import { findTags, readAttr } from "./xml";

/** Read access to the parts of an opened .xlsx package. */
export class XlsxPackage {
  private readonly reserved = new Set<string>();
  private readonly texts = new Map<string, string>();
  private sharedStrings?: string[];

  private constructor(readonly zip: JSZip) {}

  static async open(xlsx: Buffer | Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(xlsx));
  }

  has(part: string): boolean {
    const f = this.zip.file(part);
    return f !== null && !f.dir;
  }

  async text(part: string): Promise<string> {
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const f = this.zip.file(part);
    if (!f) throw new Error(`package has no part ${part}`);
    const text = await f.async("string");
    this.texts.set(part, text);
    return text;
  }

  async textOr(part: string, fallback: string): Promise<string> {
    return this.has(part) ? this.text(part) : fallback;
  }

  write(part: string, text: string): void {
    this.texts.set(part, text);
    this.zip.file(part, text);
  }

  /** Sheet name → worksheet part, through workbook.xml and its rels (sheet order is not part order). */
  async sheetParts(): Promise<Map<string, string>> {
    const workbook = "xl/workbook.xml";
    const rels = parseRelationships(await this.text(relsPathFor(workbook)));
    const out = new Map<string, string>();
    for (const tag of findTags(await this.text(workbook), "sheet")) {
      const name = readAttr(tag, "name");
      const id = readAttr(tag, "r:id");
      const rel = rels.find((r) => r.id === id && r.type === REL_TYPE.worksheet);
      if (name !== undefined && rel) out.set(name, resolveTarget(workbook, rel.target));
    }
    return out;
  }

  async sharedStringTable(): Promise<string[]> {
    if (!this.sharedStrings) {
      const rels = parseRelationships(await this.textOr(relsPathFor("xl/workbook.xml"), ""));
      const rel = rels.find((r) => r.type.endsWith("/sharedStrings"));
      const part = rel ? resolveTarget("xl/workbook.xml", rel.target) : "xl/sharedStrings.xml";
      this.sharedStrings = this.has(part) ? parseSharedStrings(await this.text(part)) : [];
    }
    return this.sharedStrings;
  }

  /** A fresh part name like "xl/charts/chart3.xml", never handed out twice. */
  newPartName(dir: string, stem: string): string {
    let n = 1;
    const taken = (p: string): boolean => this.reserved.has(p) || this.zip.file(p) !== null;
    while (taken(`${dir}/${stem}${n}.xml`)) n++;
    const part = `${dir}/${stem}${n}.xml`;
    this.reserved.add(part);
    return part;
  }

  async toBuffer(): Promise<Buffer> {
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}
