import { escapeXml } from "../charts/xml";
import { attr } from "./read";

/** What a plan asks of a cell's look, on top of the style it has. */
export interface StyleChange {
  numFmt?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
}

export interface DxfSpec {
  fill?: string;
  color?: string;
  bold?: boolean;
}

export class UnsupportedPackage extends Error {}

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11,
  "# ?/?": 12, "# ??/??": 13, "h:mm": 20, "h:mm:ss": 21, "@": 49,
};

const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];
const SECTION_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

export const argb = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();

interface Section {
  items: string[];
  index: Map<string, number>;
  changed: boolean;
}

function children(body: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, "g");
  return body.match(re) ?? [];
}

/**
 * The package's styles.xml, extended with the cell formats (xf), fonts, fills, number formats
 * and differential formats (dxf, for conditional formats) a plan needs. Every existing index
 * stays valid, so the sheets that are copied unchanged keep their look; an identical entry is
 * reused rather than added twice.
 */
export class StyleBook {
  private readonly sections = new Map<string, Section>();
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly derived = new WeakMap<StyleChange, Map<number, number>>();

  constructor(private xml: string) {
    if (/<[A-Za-z_][\w.-]*:styleSheet\b/.test(xml)) throw new UnsupportedPackage("prefixed styles.xml");
    for (const [name, tag] of [["numFmts", "numFmt"], ["fonts", "font"], ["fills", "fill"], ["cellXfs", "xf"], ["dxfs", "dxf"]] as const) {
      const m = new RegExp(`<${name}\\b[^>]*?/>|<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml);
      const items = m && m[1] ? children(m[1], tag) : [];
      this.sections.set(name, { items, index: new Map(items.map((x, i) => [x, i])), changed: false });
    }
    for (const nf of this.section("numFmts").items) {
      const id = Number(attr(nf, "numFmtId"));
      const code = attr(nf, "formatCode");
      if (code !== undefined) this.formats.set(unescapeAttr(code), id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
    if (this.section("cellXfs").items.length === 0) this.add("cellXfs", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    if (this.section("fonts").items.length === 0) this.add("fonts", `<font><sz val="11"/><name val="Calibri"/></font>`);
    // fills 0 and 1 are reserved (none, gray125): a first solid fill must not land on them
    if (this.section("fills").items.length === 0) {
      this.add("fills", `<fill><patternFill patternType="none"/></fill>`);
      this.add("fills", `<fill><patternFill patternType="gray125"/></fill>`);
    }
  }

  private section(name: string): Section {
    return this.sections.get(name) as Section;
  }

  private add(name: string, item: string): number {
    const s = this.section(name);
    const got = s.index.get(item);
    if (got !== undefined) return got;
    s.items.push(item);
    s.index.set(item, s.items.length - 1);
    s.changed = true;
    return s.items.length - 1;
  }

  numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const got = this.formats.get(code);
    if (got !== undefined) return got;
    const id = this.nextFormatId++;
    this.formats.set(code, id);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cellXfs index of `base` with `change` applied (base itself when nothing changes). */
  xf(base: number, change: StyleChange): number {
    // keyed by the change object: the edit grid hands out one object per plan block and column
    let byBase = this.derived.get(change);
    if (!byBase) this.derived.set(change, (byBase = new Map()));
    const cached = byBase.get(base);
    if (cached !== undefined) return cached;
    const id = this.derive(base, change);
    byBase.set(base, id);
    return id;
  }

  private readonly byKey = new Map<string, number>();

  private derive(base: number, change: StyleChange): number {
    const key = `${base}|${JSON.stringify(change)}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const xfs = this.section("cellXfs").items;
    const baseXml = xfs[base] ?? xfs[0];
    const open = /^<xf\b([^>]*?)\/?>/.exec(baseXml);
    const attrs = new Map<string, string>();
    for (const m of (open ? open[1] : "").matchAll(/([\w:]+)="([^"]*)"/g)) attrs.set(m[1], m[2]);
    const alignTag = /<alignment\b[^>]*\/?>/.exec(baseXml)?.[0];
    const align = new Map<string, string>();
    if (alignTag) for (const m of alignTag.matchAll(/([\w:]+)="([^"]*)"/g)) align.set(m[1], m[2]);
    const protection = /<protection\b[^>]*\/>|<protection\b[^>]*>[\s\S]*?<\/protection>/.exec(baseXml)?.[0] ?? "";
    if (change.numFmt !== undefined) {
      attrs.set("numFmtId", String(this.numFmtId(change.numFmt)));
      attrs.set("applyNumberFormat", "1");
    }
    if (change.fill) {
      attrs.set("fillId", String(this.add("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${argb(change.fill)}"/><bgColor indexed="64"/></patternFill></fill>`)));
      attrs.set("applyFill", "1");
    }
    if (change.bold !== undefined || change.italic !== undefined || change.size !== undefined || change.color !== undefined) {
      const fonts = this.section("fonts").items;
      attrs.set("fontId", String(this.add("fonts", modifyFont(fonts[Number(attrs.get("fontId") ?? 0)] ?? fonts[0], change))));
      attrs.set("applyFont", "1");
    }
    if (change.wrap !== undefined) {
      align.set("wrapText", change.wrap ? "1" : "0");
      align.set("vertical", "top");
    }
    if (change.horizontal) align.set("horizontal", change.horizontal);
    if (change.wrap !== undefined || change.horizontal) attrs.set("applyAlignment", "1");
    for (const k of ["numFmtId", "fontId", "fillId", "borderId"]) if (!attrs.has(k)) attrs.set(k, "0");
    const head = [...attrs].map(([k, v]) => ` ${k}="${v}"`).join("");
    const alignXml = align.size ? `<alignment${[...align].map(([k, v]) => ` ${k}="${v}"`).join("")}/>` : "";
    const body = alignXml + protection;
    const xml = body ? `<xf${head}>${body}</xf>` : `<xf${head}/>`;
    const id = xml === baseXml ? base : this.add("cellXfs", xml);
    this.byKey.set(key, id);
    return id;
  }

  dxf(d: DxfSpec): number {
    const font = d.color || d.bold ? `<font>${d.bold ? "<b/>" : ""}${d.color ? `<color rgb="${argb(d.color)}"/>` : ""}</font>` : "";
    const fill = d.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(d.fill)}"/><bgColor rgb="${argb(d.fill)}"/></patternFill></fill>` : "";
    return this.add("dxfs", `<dxf>${font}${fill}</dxf>`);
  }

  get changed(): boolean {
    return [...this.sections.values()].some((s) => s.changed);
  }

  toXml(): string {
    let xml = this.xml;
    for (const [name, s] of this.sections) {
      if (!s.changed) continue;
      const section = `<${name} count="${s.items.length}">${s.items.join("")}</${name}>`;
      const re = new RegExp(`<${name}\\b[^>]*?/>|<${name}\\b[^>]*>[\\s\\S]*?</${name}>`);
      if (re.test(xml)) xml = xml.replace(re, () => section);
      else {
        // before the first section that follows it in the schema, else before </styleSheet>
        const after = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1);
        let at = -1;
        for (const n of after) {
          const m = new RegExp(`<${n}\\b`).exec(xml);
          if (m && (at < 0 || m.index < at)) at = m.index;
        }
        if (at < 0) at = xml.lastIndexOf("</styleSheet>");
        xml = xml.slice(0, at) + section + xml.slice(at);
      }
    }
    this.xml = xml;
    for (const s of this.sections.values()) s.changed = false;
    return xml;
  }
}

function unescapeAttr(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** A font element with bold, italic, size and colour set as asked, children in schema order. */
export function modifyFont(fontXml: string, change: StyleChange): string {
  const inner = /^<font\b[^>]*>([\s\S]*)<\/font>$/.exec(fontXml)?.[1] ?? "";
  const parts = new Map<string, string>();
  for (const m of inner.matchAll(/<([\w:]+)\b[^>]*?\/>|<([\w:]+)\b[^>]*>[\s\S]*?<\/\2>/g)) parts.set(m[1] ?? m[2], m[0]);
  if (change.bold !== undefined) {
    if (change.bold) parts.set("b", "<b/>");
    else parts.delete("b");
  }
  if (change.italic !== undefined) {
    if (change.italic) parts.set("i", "<i/>");
    else parts.delete("i");
  }
  if (change.size !== undefined) parts.set("sz", `<sz val="${change.size}"/>`);
  if (change.color !== undefined) parts.set("color", `<color rgb="${argb(change.color)}"/>`);
  const known = FONT_ORDER.filter((n) => parts.has(n)).map((n) => parts.get(n));
  const rest = [...parts].filter(([n]) => !FONT_ORDER.includes(n)).map(([, x]) => x);
  return `<font>${[...known, ...rest].join("")}</font>`;
}
