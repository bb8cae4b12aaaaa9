/** Test-side readers of an .xlsx package, independent of the code under test (fast-xml-parser). */
import JSZip from "jszip";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type Node = { [key: string]: unknown };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ARRAYS.has(name) });
const ARRAYS = new Set(["c:ser", "c:pt", "c:axId", "c:catAx", "c:valAx", "xdr:twoCellAnchor", "Relationship", "Override", "Default", "sheet", "a:r"]);
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false });

export async function openZip(data: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(data);
}

export async function text(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (!f) throw new Error(`missing part ${part}`);
  return f.async("string");
}

export function parts(zip: JSZip): string[] {
  return Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
}

export function parse(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml) as Node;
}

/** Walks keys; arrays are entered at index 0 unless the key is a number. */
export function at(node: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = node;
  for (const key of path) {
    if (cur === undefined || cur === null) return undefined;
    if (Array.isArray(cur) && typeof key === "string") cur = cur[0];
    cur = (cur as Node)[key as string];
  }
  return cur;
}

export function list(node: unknown): Node[] {
  if (node === undefined) return [];
  return (Array.isArray(node) ? node : [node]) as Node[];
}

/** Local names of the root's children, in document order. */
export function rootChildNames(xml: string): string[] {
  const doc = ordered.parse(xml) as Node[];
  const root = doc.find((n) => !Object.keys(n).some((k) => k.startsWith("?")));
  if (!root) return [];
  const key = Object.keys(root).find((k) => k !== ":@") as string;
  return (root[key] as Node[]).map((c) => {
    const k = Object.keys(c).find((x) => x !== ":@") as string;
    return k.includes(":") ? k.split(":")[1] : k;
  });
}

/** Relationships of a .rels part with targets resolved to part names. */
export async function relationships(zip: JSZip, relsPart: string): Promise<{ id: string; type: string; part: string; external: boolean }[]> {
  const source = relsPart.replace(/_rels\/([^/]*)\.rels$/, "$1");
  const dir = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
  return list(at(parse(await text(zip, relsPart)), "Relationships", "Relationship")).map((r) => {
    const target = String(r["@Target"]);
    const segs = target.startsWith("/") ? [] : dir ? dir.split("/") : [];
    for (const s of target.split("/")) {
      if (s === "..") segs.pop();
      else if (s && s !== ".") segs.push(s);
    }
    return { id: String(r["@Id"]), type: String(r["@Type"]), part: segs.join("/"), external: r["@TargetMode"] === "External" };
  });
}
