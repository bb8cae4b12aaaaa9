/** A small ordered XML tree over fast-xml-parser, for asserting on the add-in manifest. */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlNode {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
  text: string;
  parent: XmlNode | null;
}

const ATTRS = ":@";
const TEXT = "#text";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toAttrs(value: unknown): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) attrs[k] = String(v);
  }
  return attrs;
}

/** fast-xml-parser's preserveOrder output: [{ tag: [children], ":@": {attrs} } | { "#text": "…" }] */
function build(items: unknown, parent: XmlNode): void {
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (!isRecord(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (key === ATTRS) continue;
      if (key === TEXT) {
        parent.text += String(value);
        continue;
      }
      const node: XmlNode = { name: key, attrs: toAttrs(item[ATTRS]), children: [], text: "", parent };
      parent.children.push(node);
      build(value, node);
    }
  }
}

/** Parses well-formed XML into its root element; throws with the parser's line and column otherwise. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`XML is not well formed: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    trimValues: true,
  });
  const parsed: unknown = parser.parse(xml);
  const doc: XmlNode = { name: "#document", attrs: {}, children: [], text: "", parent: null };
  build(parsed, doc);
  const root = doc.children[0];
  if (doc.children.length !== 1 || root === undefined) throw new Error("XML must have exactly one root element");
  root.parent = null;
  return root;
}

/** Every element below node (depth first, document order). */
export function descendants(node: XmlNode, name?: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (name === undefined || c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The only child called name; throws when there is none or more than one. */
export function child(node: XmlNode, name: string): XmlNode {
  const found = children(node, name);
  const only = found[0];
  if (found.length !== 1 || only === undefined) {
    throw new Error(`<${node.name}> must have exactly one <${name}>, found ${found.length}`);
  }
  return only;
}

/** Follows a path of single children, e.g. path(root, "VersionOverrides", "Hosts", "Host"). */
export function path(node: XmlNode, ...names: string[]): XmlNode {
  return names.reduce((n, name) => child(n, name), node);
}

export function attr(node: XmlNode, name: string): string {
  const value = node.attrs[name];
  if (value === undefined) throw new Error(`<${node.name}> has no ${name} attribute`);
  return value;
}

/** Where the node sits, for failure messages: OfficeApp/VersionOverrides/…/Control#CI.Clean */
export function where(node: XmlNode): string {
  const parts: string[] = [];
  for (let n: XmlNode | null = node; n !== null; n = n.parent) {
    const id = n.attrs["id"];
    parts.unshift(id === undefined ? n.name : `${n.name}#${id}`);
  }
  return parts.join("/");
}

/**
 * The schema is a strict xs:sequence: children must appear in this order (each optional here).
 * Returns the problems found, empty when the order is right.
 */
export function orderProblems(node: XmlNode, order: readonly string[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const c of node.children) {
    const i = order.indexOf(c.name);
    if (i < 0) problems.push(`${where(node)}: unexpected <${c.name}> (allowed: ${order.join(", ")})`);
    else if (i < last) problems.push(`${where(node)}: <${c.name}> must come before <${order[last]}>`);
    else last = i;
  }
  return problems;
}
