/**
 * Start tags of one element found in a part's text with indexOf, whatever its namespace prefix:
 * ExcelJS reads unprefixed elements, the streaming reader whatever prefix <sheetData> has, and a
 * crafted part may use either. A regex over a 120 MB sheet costs more than the whole guard.
 */

export const isTagEnd = (ch: number): boolean => ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
const isNameChar = (ch: number): boolean => (ch >= 48 && ch <= 58) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 45 || ch === 46;

/** The start tag "<p:name …>" that `name` at `at` belongs to, or undefined when it is no start tag there. */
function startTagAt(xml: string, name: string, at: number): { start: number; prefix: string } | undefined {
  if (!isTagEnd(xml.charCodeAt(at + name.length))) return undefined;
  const before = xml.charCodeAt(at - 1);
  if (before === 60) return { start: at - 1, prefix: "" };
  if (before !== 58) return undefined;
  let s = at - 2;
  while (s >= 0 && isNameChar(xml.charCodeAt(s))) s--;
  if (s < 0 || xml.charCodeAt(s) !== 60 || s === at - 2) return undefined;
  return { start: s, prefix: xml.slice(s + 1, at) };
}

export interface StartTag {
  /** the tag's text from "<" to ">" */
  tag: string;
  /** where the tag ends (the index after ">") */
  end: number;
}

/** Every start (or empty) tag of the element `name`, any prefix. */
export function* startTags(xml: string, name: string): Generator<StartTag> {
  for (let at = xml.indexOf(name); at >= 0; at = xml.indexOf(name, at + name.length)) {
    const found = startTagAt(xml, name, at);
    if (!found) continue;
    const close = xml.indexOf(">", at);
    const end = close < 0 ? xml.length : close + 1;
    yield { tag: xml.slice(found.start, end), end };
  }
}

/** The local name of a part's root element, or "" when the text does not start as XML. */
export function rootName(xml: string): string {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt > i + 4096) return "";
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */ || next === 33 /* ! */) {
      const close = xml.indexOf(">", lt);
      if (close < 0) return "";
      i = close + 1;
      continue;
    }
    let e = lt + 1;
    while (e < xml.length && isNameChar(xml.charCodeAt(e))) e++;
    const qname = xml.slice(lt + 1, e);
    return qname.slice(qname.indexOf(":") + 1);
  }
}

/** A start tag's attribute, raw (no entities decoded): the hot paths read digits and letters only. */
export function rawAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

