/**
 * The add-in manifest, checked offline (office-addin-manifest validate needs a Microsoft web
 * service). Rules from the manifest reference on learn.microsoft.com and
 * "Configure your Office Add-in to use a shared runtime".
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { COMMAND_FUNCTIONS } from "../../src/commands/names";
import { rewriteManifest } from "../../scripts/manifest-url";
import { attr, child, children, descendants, orderProblems, parseXml, path, where, type XmlNode } from "./xml";

const ROOT = join(__dirname, "..", "..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const COMMANDS_PATH = join(ROOT, "src", "commands", "commands.ts");
const DEV_ORIGIN = "https://localhost:3000";
const ZH = "zh-CN";
const CJK = /[\u3400-\u9fff]/;

const xml = readFileSync(MANIFEST_PATH, "utf8");
const root = parseXml(xml);
const versionOverrides = child(root, "VersionOverrides");
const resources = child(versionOverrides, "Resources");
const host = path(versionOverrides, "Hosts", "Host");
const desktop = child(host, "DesktopFormFactor");

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
const RESOURCE_ELEMENT: Record<ResourceKind, string> = {
  "bt:Images": "bt:Image",
  "bt:Urls": "bt:Url",
  "bt:ShortStrings": "bt:String",
  "bt:LongStrings": "bt:String",
};

function resourcesOf(doc: XmlNode, kind: ResourceKind): Map<string, XmlNode> {
  const map = new Map<string, XmlNode>();
  const res = path(doc, "VersionOverrides", "Resources");
  for (const group of children(res, kind)) {
    for (const item of children(group, RESOURCE_ELEMENT[kind])) map.set(attr(item, "id"), item);
  }
  return map;
}

/** Which resource list a resid must point into, from the referring element and its parent. */
function expectedKind(node: XmlNode): ResourceKind {
  const parent = node.parent?.name ?? "";
  switch (node.name) {
    case "bt:Image":
      return "bt:Images";
    case "Runtime":
    case "FunctionFile":
    case "SourceLocation":
    case "LearnMoreUrl":
      return "bt:Urls";
    case "Label":
      return "bt:ShortStrings";
    case "Title":
      return "bt:ShortStrings"; // Supertip, GetStarted and ShowTaskpane titles
    case "Description":
      if (parent === "Supertip" || parent === "GetStarted") return "bt:LongStrings";
      break;
  }
  throw new Error(`${where(node)}: no rule for which resource list its resid points into`);
}

function resolveResid(doc: XmlNode, node: XmlNode): XmlNode | undefined {
  return resourcesOf(doc, expectedKind(node)).get(attr(node, "resid"));
}

function residProblems(doc: XmlNode): string[] {
  const problems: string[] = [];
  for (const node of descendants(doc).filter((n) => n.attrs["resid"] !== undefined)) {
    const resid = attr(node, "resid");
    if (resid.length > 32) problems.push(`${where(node)}: resid ${resid} is longer than 32 characters`);
    if (resolveResid(doc, node) === undefined) {
      problems.push(`${where(node)}: resid ${resid} is not defined in ${expectedKind(node)}`);
    }
  }
  return problems;
}

/** Every URL the manifest gives Office, with where it is. */
function manifestUrls(doc: XmlNode): { at: string; url: string }[] {
  const out: { at: string; url: string }[] = [];
  const topLevel = ["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((n) => child(doc, n));
  const sourceLocation = path(doc, "DefaultSettings", "SourceLocation");
  const resourceUrls = [...resourcesOf(doc, "bt:Images").values(), ...resourcesOf(doc, "bt:Urls").values()];
  for (const node of [...topLevel, sourceLocation, ...resourceUrls]) {
    out.push({ at: where(node), url: attr(node, "DefaultValue") });
    for (const o of node.children.filter((c) => c.name === "Override" || c.name === "bt:Override")) {
      out.push({ at: `${where(node)}/${o.name}[${attr(o, "Locale")}]`, url: attr(o, "Value") });
    }
  }
  for (const d of descendants(doc, "AppDomain")) out.push({ at: where(d), url: d.text });
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The file in this repository that serves a dev URL (assets/ is copied to dist/assets/). */
function localFileFor(url: string): string {
  const u = new URL(url);
  if (u.origin !== DEV_ORIGIN) throw new Error(`${url} is not under ${DEV_ORIGIN}`);
  const p = decodeURIComponent(u.pathname);
  if (p.startsWith("/assets/")) return join(ROOT, p);
  if (p === "/taskpane.html") return join(ROOT, "src", "taskpane", "taskpane.html"); // HtmlWebpackPlugin template
  throw new Error(`${url}: no rule for which source file serves it`);
}

function stringValue(node: XmlNode, locale?: string): string {
  if (locale === undefined) return attr(node, "DefaultValue");
  const o = node.children.find((c) => (c.name === "bt:Override" || c.name === "Override") && c.attrs["Locale"] === locale);
  return o === undefined ? "" : attr(o, "Value");
}

function controls(): XmlNode[] {
  return descendants(desktop, "Control");
}

describe("manifest.xml parses and follows the schema's element order", () => {
  test("is a task pane add-in for Excel (Workbook)", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xmlns"]).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attrs["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, "ProviderName").text).not.toBe("");
    expect(child(root, "DefaultLocale").text).toBe("en-US");
    expect(children(child(root, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(path(root, "DefaultSettings", "SourceLocation").attrs["DefaultValue"]).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
    expect(versionOverrides.attrs["xmlns"]).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(versionOverrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(attr(host, "xsi:type")).toBe("Workbook");
  });

  test("children appear in schema order", () => {
    const problems = [
      ...orderProblems(root, [
        "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
        "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
        "Dictionary", "VersionOverrides",
      ]),
      ...orderProblems(versionOverrides, ["Description", "Requirements", "Hosts", "Resources"]),
      ...orderProblems(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]),
      ...orderProblems(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]),
      ...orderProblems(resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]),
      ...descendants(desktop, "Group").flatMap((g) => orderProblems(g, ["Label", "Icon", "Control"])),
      ...controls().flatMap((c) =>
        orderProblems(c, ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled"]),
      ),
      ...descendants(desktop, "Supertip").flatMap((s) => orderProblems(s, ["Title", "Description"])),
      ...descendants(desktop, "Action").flatMap((a) =>
        attr(a, "xsi:type") === "ShowTaskpane"
          ? orderProblems(a, ["TaskpaneId", "SourceLocation", "Title"])
          : orderProblems(a, ["FunctionName"]),
      ),
    ];
    expect(problems).toEqual([]);
  });

  test("ids are unique", () => {
    const ids = descendants(root)
      .filter((n) => n.attrs["id"] !== undefined && n.name !== "OfficeTab")
      .map((n) => attr(n, "id"));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("resources", () => {
  test("every resid resolves to a resource of the right kind, and is at most 32 characters", () => {
    expect(residProblems(root)).toEqual([]);
  });

  test("every resource is used", () => {
    const used = new Set(descendants(root).flatMap((n) => (n.attrs["resid"] === undefined ? [] : [attr(n, "resid")])));
    const defined = (["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] as const).flatMap((k) => [
      ...resourcesOf(root, k).keys(),
    ]);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  test("every URL is https, and in this dev manifest under https://localhost:3000", () => {
    const urls = manifestUrls(root);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.url.startsWith("https://"))).toEqual([]);
    expect(urls.filter((u) => u.url !== DEV_ORIGIN && !u.url.startsWith(`${DEV_ORIGIN}/`))).toEqual([]);
    expect(descendants(root, "AppDomain").map((d) => d.text)).toEqual([DEV_ORIGIN]); // no trailing slash
  });

  test("every dev URL is served by a file in this repository", () => {
    const missing = manifestUrls(root)
      .filter((u) => u.url !== DEV_ORIGIN)
      .filter((u) => !existsSync(localFileFor(u.url)));
    expect(missing).toEqual([]);
  });

  test("every icon exists in assets/ with exactly its stated size", () => {
    const checks: { at: string; url: string; size: number }[] = [
      { at: "IconUrl", url: attr(child(root, "IconUrl"), "DefaultValue"), size: 32 },
      { at: "HighResolutionIconUrl", url: attr(child(root, "HighResolutionIconUrl"), "DefaultValue"), size: 64 },
    ];
    for (const image of descendants(versionOverrides, "bt:Image").filter((n) => n.parent?.name === "Icon")) {
      const resource = resolveResid(root, image);
      if (resource === undefined) throw new Error(`${where(image)}: unresolved resid`);
      checks.push({ at: where(image), url: attr(resource, "DefaultValue"), size: Number(attr(image, "size")) });
    }
    const wrong = checks.flatMap((c) => {
      const file = localFileFor(c.url);
      if (!file.startsWith(join(ROOT, "assets"))) return [`${c.at}: ${c.url} is not in assets/`];
      if (!existsSync(file)) return [`${c.at}: ${file} does not exist`];
      const { width, height } = pngSize(file);
      return width === c.size && height === c.size ? [] : [`${c.at}: ${file} is ${width}x${height}, not ${c.size}x${c.size}`];
    });
    expect(wrong).toEqual([]);
  });

  test("every Icon has the three required sizes 16, 32 and 80", () => {
    for (const icon of descendants(versionOverrides, "Icon")) {
      expect({ at: where(icon), sizes: children(icon, "bt:Image").map((i) => attr(i, "size")) }).toEqual({
        at: where(icon),
        sizes: ["16", "32", "80"],
      });
    }
  });

  test("every PNG in assets/ named <motif>-<n>.png is a real n×n PNG", () => {
    const pngs = readdirSync(join(ROOT, "assets")).filter((f) => f.endsWith(".png"));
    expect(pngs).toEqual(expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "icon-128.png"]));
    for (const f of pngs) {
      const n = Number(/-(\d+)\.png$/.exec(f)?.[1]);
      expect({ f, ...pngSize(join(ROOT, "assets", f)) }).toEqual({ f, width: n, height: n });
    }
  });
});

describe("localisation: en-US default, zh-CN override everywhere", () => {
  test("DisplayName and Description have zh-CN overrides in Chinese", () => {
    expect(stringValue(child(root, "DisplayName"))).toBe("Customer Insight");
    expect(stringValue(child(root, "DisplayName"), ZH)).toBe("客户洞察");
    expect(stringValue(child(root, "Description"))).not.toBe("");
    expect(stringValue(child(root, "Description"), ZH)).toMatch(CJK);
    expect(stringValue(child(root, "DisplayName")).length).toBeLessThanOrEqual(125);
    expect(stringValue(child(root, "Description")).length).toBeLessThanOrEqual(250);
  });

  test.each([
    ["bt:ShortStrings", 125],
    ["bt:LongStrings", 250],
  ] as const)("every %s string has a Chinese zh-CN override and fits %i characters", (kind, max) => {
    const strings = [...resourcesOf(root, kind).values()];
    expect(strings.length).toBeGreaterThan(0);
    const problems = strings.flatMap((s) => {
      const en = stringValue(s);
      const zh = stringValue(s, ZH);
      const out: string[] = [];
      if (en.trim() === "") out.push(`${where(s)}: empty DefaultValue`);
      if (!CJK.test(zh)) out.push(`${where(s)}: no Chinese zh-CN override`);
      if (en.length > max || zh.length > max) out.push(`${where(s)}: longer than ${max} characters`);
      const locales = s.children.map((c) => c.attrs["Locale"]);
      if (locales.some((l) => l !== ZH)) out.push(`${where(s)}: overrides must use the full tag zh-CN, got ${locales.join(",")}`);
      return out;
    });
    expect(problems).toEqual([]);
  });
});

describe("requirements and shared runtime", () => {
  test("Requirements include ExcelApi 1.8 and SharedRuntime 1.1", () => {
    const sets = children(path(root, "Requirements", "Sets"), "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    expect(sets).toEqual(expect.arrayContaining([["ExcelApi", "1.8"], ["SharedRuntime", "1.1"]]));
  });

  test("one long-lived runtime: Runtime, FunctionFile and every ShowTaskpane use the task pane URL", () => {
    const runtimes = children(child(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlNode;
    expect(attr(runtime, "lifetime")).toBe("long");
    const resid = attr(runtime, "resid");
    expect(resid).toBe("Taskpane.Url");
    expect(attr(child(desktop, "FunctionFile"), "resid")).toBe(resid);
    const url = resourcesOf(root, "bt:Urls").get(resid);
    expect(url && attr(url, "DefaultValue")).toBe(attr(path(root, "DefaultSettings", "SourceLocation"), "DefaultValue"));
    const panes = descendants(desktop, "Action").filter((a) => attr(a, "xsi:type") === "ShowTaskpane");
    expect(panes.length).toBeGreaterThan(0);
    for (const a of panes) expect({ at: where(a), resid: attr(child(a, "SourceLocation"), "resid") }).toEqual({ at: where(a), resid });
    // A shared runtime supports one task pane; a ShowTaskpane without TaskpaneId counts as another pane.
    expect(new Set(panes.map((a) => child(a, "TaskpaneId").text))).toEqual(new Set(["CI.Pane"]));
  });
});

describe("ribbon: Home tab, group Customer Insight / 客户洞察", () => {
  const group = path(desktop, "ExtensionPoint", "OfficeTab", "Group");

  test("is on the Home tab's primary command surface", () => {
    expect(attr(child(desktop, "ExtensionPoint"), "xsi:type")).toBe("PrimaryCommandSurface");
    expect(attr(path(desktop, "ExtensionPoint", "OfficeTab"), "id")).toBe("TabHome");
    const label = resolveResid(root, child(group, "Label"));
    expect(label && [stringValue(label), stringValue(label, ZH)]).toEqual(["Customer Insight", "客户洞察"]);
  });

  // Clean and Filters open the pane on their screen: ExecuteFunction commands that set the screen in
  // the shared runtime and call Office.addin.showAsTaskpane() (src/taskpane/route.ts).
  test("has the five buttons, each with label, supertip, icon and action", () => {
    const rows = children(group, "Control").map((c) => {
      const label = resolveResid(root, child(c, "Label"));
      const action = child(c, "Action");
      const type = attr(action, "xsi:type");
      return {
        type: attr(c, "xsi:type"),
        en: label && stringValue(label),
        zh: label && stringValue(label, ZH),
        action: type === "ExecuteFunction" ? `ExecuteFunction:${child(action, "FunctionName").text}` : type,
        supertip: [resolveResid(root, path(c, "Supertip", "Title")), resolveResid(root, path(c, "Supertip", "Description"))].every(
          (r) => r !== undefined,
        ),
      };
    });
    expect(rows).toEqual([
      { type: "Button", en: "Insert template", zh: "插入模板", action: "ExecuteFunction:insertTemplate", supertip: true },
      { type: "Button", en: "Score and tier", zh: "评分分层", action: "ExecuteFunction:scoreAndTier", supertip: true },
      { type: "Button", en: "Clean", zh: "数据清洗", action: "ExecuteFunction:openClean", supertip: true },
      { type: "Button", en: "Filters", zh: "筛选", action: "ExecuteFunction:openFilters", supertip: true },
      { type: "Button", en: "Open panel", zh: "打开面板", action: "ShowTaskpane", supertip: true },
    ]);
  });

  test("the ExecuteFunction names are exactly COMMAND_FUNCTIONS", () => {
    const names = descendants(desktop, "FunctionName").map((f) => f.text);
    expect([...names].sort()).toEqual([...COMMAND_FUNCTIONS].sort());
  });

  test("src/commands/commands.ts registers every ExecuteFunction with Office.actions.associate", () => {
    if (!existsSync(COMMANDS_PATH)) {
      throw new Error(
        `${COMMANDS_PATH} does not exist yet: it must call Office.actions.associate("<name>", handler) for ${COMMAND_FUNCTIONS.join(", ")}`,
      );
    }
    const source = readFileSync(COMMANDS_PATH, "utf8");
    const names = descendants(desktop, "FunctionName").map((f) => f.text);
    const missing = names.filter((n) => !new RegExp(`Office\\.actions\\.associate\\(\\s*["'\`]${n}["'\`]`).test(source));
    expect(missing).toEqual([]);
  });
});

describe("production manifest: rewriteManifest(xml, baseUrl)", () => {
  const BASE = "https://insight.example.com";

  test("moves every localhost URL under the base URL and still resolves", () => {
    const out = rewriteManifest(xml, BASE);
    expect(out).not.toMatch(/localhost/);
    const doc = parseXml(out);
    const urls = manifestUrls(doc);
    expect(urls.filter((u) => u.url !== BASE && !u.url.startsWith(`${BASE}/`))).toEqual([]);
    expect(urls).toHaveLength(manifestUrls(root).length);
    expect(attr(path(doc, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe(`${BASE}/taskpane.html`);
    expect(residProblems(doc)).toEqual([]);
    expect(child(doc, "Id").text).toBe(child(root, "Id").text);
  });

  test("keeps a base path for pages and uses only the origin for AppDomain", () => {
    const doc = parseXml(rewriteManifest(xml, "https://cdn.example.com/insight/v1/"));
    expect(attr(path(doc, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe("https://cdn.example.com/insight/v1/taskpane.html");
    expect(attr(child(doc, "IconUrl"), "DefaultValue")).toBe("https://cdn.example.com/insight/v1/assets/icon-32.png");
    expect(descendants(doc, "AppDomain").map((d) => d.text)).toEqual(["https://cdn.example.com"]);
  });

  test("leaves every other part of the manifest as it was", () => {
    const strip = (s: string): string =>
      s.replace(/<!--[\s\S]*?-->\s*/g, "").replace(/https:\/\/[^"<]*/g, "URL");
    expect(strip(rewriteManifest(xml, BASE))).toBe(strip(xml));
  });

  test.each([
    ["http://insight.example.com"],
    ["ftp://insight.example.com"],
    ["insight.example.com"],
    [""],
    ["https://insight.example.com/?v=1"],
    ["https://insight.example.com/#x"],
    ["https://user:pw@insight.example.com"],
    ["https://localhost:3000"],
  ])("rejects the base URL %j", (base) => {
    expect(() => rewriteManifest(xml, base)).toThrow(/ADDIN_BASE_URL/);
  });
});
