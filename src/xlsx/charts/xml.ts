/** Escapes text for element content and double-quoted attribute values (' stays literal, as Excel writes refs). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // characters XML 1.0 cannot carry at all
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, code: string) => {
    switch (code) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return '"';
      case "apos": return "'";
      default:
        return String.fromCodePoint(code[1] === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    }
  });
}

/** Value of attribute `name` in a start tag, unescaped; undefined when absent. */
export function readAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** All start (or empty) tags of elements with this local name, any prefix. */
export function findTags(xml: string, localName: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])[^>]*>`, "g");
  return xml.match(re) ?? [];
}

export interface ChildElement {
  /** local name, prefix stripped */
  name: string;
  start: number;
  end: number;
}

/**
 * Children of the root element that start at or after `from` (which must be at depth 1, i.e.
 * between two children of the root). A plain tag scan: enough for the well-formed, DTD-free
 * parts of an OOXML package, and it lets a caller skip a huge sheetData.
 */
export function rootChildrenFrom(xml: string, from: number): ChildElement[] {
  const out: ChildElement[] = [];
  const re = /<(!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|\?[\s\S]*?\?|\/?[^>]*)>/g;
  re.lastIndex = from;
  let depth = 0;
  let current: { name: string; start: number } | undefined;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const body = m[1];
    if (body.startsWith("!") || body.startsWith("?")) continue;
    if (body.startsWith("/")) {
      if (depth === 0) break; // the root's end tag
      depth--;
      if (depth === 0 && current) {
        out.push({ ...current, end: m.index + m[0].length });
        current = undefined;
      }
      continue;
    }
    const name = localName(body.split(/[\s/]/, 1)[0]);
    const selfClosing = body.endsWith("/");
    if (depth === 0) {
      if (selfClosing) out.push({ name, start: m.index, end: m.index + m[0].length });
      else current = { name, start: m.index };
    }
    if (!selfClosing) depth++;
  }
  return out;
}

export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The prefix of the root element ("" when unprefixed). */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([A-Za-z_][\w.:-]*)(?=[\s/>])/.exec(xml);
  if (!m) throw new Error("no root element");
  const i = m[1].indexOf(":");
  return i < 0 ? "" : m[1].slice(0, i);
}

/** The root element's start tag. */
export function rootTag(xml: string): string {
  const m = /<(?![?!])[A-Za-z_][^>]*>/.exec(xml);
  if (!m) throw new Error("no root element");
  return m[0];
}
