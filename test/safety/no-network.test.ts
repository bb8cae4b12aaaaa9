/**
 * SPEC §8: no network use besides loading office.js; no eval; a Content-Security-Policy on the pages.
 *
 * - The pane's page (src/taskpane/taskpane.html, and the page webpack builds from it) carries a CSP
 *   meta tag: scripts only from our origin ('self') and https://appsforoffice.microsoft.com,
 *   connect-src 'self' only, and no 'unsafe-eval' anywhere.
 * - The production bundle (built once here with webpack's Node API, as deployed: office.js from the
 *   CDN) holds no eval( and no Function constructor beyond the two sites listed in BUNDLE_FUNCTION_SITES,
 *   and no http(s) URL other than those in ALLOWED_URLS (each with the reason it is harmless).
 * - src/ never calls fetch, XMLHttpRequest, WebSocket, EventSource or sendBeacon.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Configuration, Stats } from "webpack";

const ROOT = path.resolve(__dirname, "..", "..");
const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * URLs allowed in the built JS, and why: none of them is ever requested by our code.
 * - www.w3.org: SVG, XLink, MathML and XML namespace names React DOM uses to create elements.
 * - react.dev/errors/: the link React's minified production errors print, for a person to open.
 * - json-schema.org: `$schema` identifiers zod writes into JSON Schema documents it can generate.
 * - appsforoffice.microsoft.com: office.js, the one script we load from elsewhere.
 */
const ALLOWED_URLS: { pattern: RegExp; why: string }[] = [
  { pattern: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|XML\/1998\/namespace|1998\/Math\/MathML|1999\/xhtml)$/, why: "XML namespace names used by React DOM" },
  { pattern: /^https:\/\/react\.dev\/errors\/$/, why: "React's production error decoder link (text in an error message)" },
  { pattern: /^https?:\/\/json-schema\.org\/draft[-\d/]*\/schema#?$/, why: "zod's JSON Schema $schema identifiers" },
  { pattern: /^https:\/\/appsforoffice\.microsoft\.com\//, why: "office.js" },
];

/** URLs allowed in src/: OOXML namespace and relationship-type names written into .xlsx parts (never fetched). */
const ALLOWED_SRC_URLS = [/^http:\/\/schemas\.openxmlformats\.org\//, /^http:\/\/schemas\.microsoft\.com\/office\//, /^http:\/\/purl\.org\/dc\//, /^http:\/\/www\.w3\.org\//];

/**
 * Function-constructor sites the bundle may hold, each inert under our CSP:
 * - webpack's runtime `__webpack_require__.g`: `this || new Function("return this")()` inside
 *   try/catch, reached only where `globalThis` is missing (no Office host lacks it);
 * - zod v4's eval probe `new Function("")` and its JIT `compile()` (`const F = Function; new F(...)`):
 *   the probe fails under a CSP without 'unsafe-eval' and zod falls back to plain parsing; see the
 *   test below that asks for zod's JIT to be switched off in src.
 */
const BUNDLE_FUNCTION_SITES: { file: RegExp; code: RegExp; why: string }[] = [
  { file: /^runtime\./, code: /return this\|\|new Function\("return this"\)\(\)/, why: "webpack's global-object fallback" },
  { file: /^vendors\./, code: /try\{return new Function\(""\),!0\}catch/, why: "zod v4's eval probe (fails under the CSP)" },
];

function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

function expectStrictCsp(policy: string): void {
  const csp = parseCsp(policy);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect([...(csp.get("script-src") ?? [])].sort()).toEqual(["'self'", OFFICE_ORIGIN].sort());
  expect(csp.get("connect-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
  // No directive lets scripts or connections reach anywhere else.
  for (const [name, values] of csp) {
    for (const v of values) {
      const ok = ["'self'", "'none'", "'unsafe-inline'", "data:", OFFICE_ORIGIN].includes(v);
      expect([name, v, ok]).toEqual([name, v, true]);
    }
    if (values.includes("'unsafe-inline'")) expect(name).toBe("style-src"); // Fluent UI's run-time <style> elements only
  }
}

function metaCsp(html: string): string | null {
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=("([^"]*)"|'([^']*)')/i.exec(html);
  return m ? (m[2] ?? m[3]) : null;
}

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

describe("the task pane page's source (src/taskpane/taskpane.html)", () => {
  const html = readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
  const config = require(path.join(ROOT, "webpack.config.js")) as { CONTENT_SECURITY_POLICY: string; OFFICE_JS_CDN: string };

  test("carries a CSP meta tag filled from webpack.config.js's one policy", () => {
    expect(metaCsp(html)).toBe("<%= htmlWebpackPlugin.options.contentSecurityPolicy %>");
  });

  test("that policy: scripts from 'self' and appsforoffice.microsoft.com only, connect-src 'self', no 'unsafe-eval'", () => {
    expectStrictCsp(config.CONTENT_SECURITY_POLICY);
  });

  test("the only script it names is office.js, from the Office CDN", () => {
    expect([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])).toEqual(["<%= htmlWebpackPlugin.options.officeJsUrl %>"]);
    expect(config.OFFICE_JS_CDN.startsWith(`${OFFICE_ORIGIN}/`)).toBe(true);
  });
});

describe("src/ makes no network calls", () => {
  const sources = files(path.join(ROOT, "src"), (f) => /\.(ts|tsx|html)$/.test(f));

  test.each([
    ["fetch(", /\bfetch\s*\(/],
    ["XMLHttpRequest", /\bXMLHttpRequest\b/],
    ["WebSocket", /\bWebSocket\b/],
    ["EventSource", /\bEventSource\b/],
    ["sendBeacon", /\bsendBeacon\b/],
    ["importScripts", /\bimportScripts\b/],
    ["eval(", /\beval\s*\(/],
    ["new Function", /\bnew\s+Function\b/],
  ])("no %s anywhere in src/", (_name, re) => {
    const hits = sources.flatMap((f) => readFileSync(f, "utf8").split("\n").map((l, i) => ({ f: path.relative(ROOT, f), line: i + 1, l })).filter((x) => re.test(x.l)));
    expect(hits).toEqual([]);
  });

  test("the only URLs in src/ are OOXML namespace names (written into files, never fetched)", () => {
    // src/bench is the benchmark tool (`npm run bench`), never shipped: it serves the pane on 127.0.0.1.
    const shipped = sources.filter((f) => !f.startsWith(path.join(ROOT, "src", "bench") + path.sep));
    const urls = shipped.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/https?:\/\/[^\s"'`<>)\\]+/g)].map((m) => ({ f: path.relative(ROOT, f), url: m[0] })));
    expect(urls.filter((u) => !ALLOWED_SRC_URLS.some((re) => re.test(u.url)))).toEqual([]);
  });

  // SPEC §8 "no eval": zod 4 JIT-compiles parsers with the Function constructor unless
  // z.config({ jitless: true }) is set (src/core/settings/parse.ts sets it).
  test("zod's JIT (new Function) is switched off in src: z.config({ jitless: true })", () => {
    // The pane bundles zod (settings validation). Without jitless, zod probes `new Function("")` and,
    // where a host does not enforce the CSP, compiles parsers from strings: eval in all but name.
    const usesZod = sources.some((f) => /from "zod"/.test(readFileSync(f, "utf8")));
    const jitless = sources.some((f) => /jitless\s*:\s*true/.test(readFileSync(f, "utf8")));
    expect([usesZod, jitless]).toEqual([usesZod, usesZod]);
  });
});

function compile(config: Configuration): Promise<Stats> {
  const webpack = require("webpack") as typeof import("webpack");
  return new Promise((ok, fail) => {
    webpack(config, (err, stats) => {
      if (err) return fail(err);
      if (!stats) return fail(new Error("webpack returned no stats"));
      if (stats.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok(stats);
    });
  });
}

describe("the production build (webpack Node API, as deployed)", () => {
  let out = "";
  let html = "";
  let bundles: { name: string; code: string }[] = [];

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), "ci-safety-"));
    const saved = process.env.OFFICE_JS_LOCAL;
    delete process.env.OFFICE_JS_LOCAL; // office.js from the CDN, as deployed
    const warn = console.warn;
    console.warn = () => undefined; // "ADDIN_BASE_URL is not set" is expected here
    try {
      const factory = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: { mode: string }) => Configuration;
      const config = factory({}, { mode: "production" });
      config.output = { ...config.output, path: out };
      config.infrastructureLogging = { level: "error" };
      config.performance = { hints: false };
      await compile(config);
    } finally {
      console.warn = warn;
      if (saved !== undefined) process.env.OFFICE_JS_LOCAL = saved;
    }
    html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    bundles = files(out, (f) => f.endsWith(".js") && !f.includes(`${path.sep}office${path.sep}`)).map((f) => ({ name: path.basename(f), code: readFileSync(f, "utf8") }));
  }, 300_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test("the built page carries the strict CSP", () => {
    const policy = metaCsp(html);
    expect(policy).not.toBeNull();
    expectStrictCsp(policy as string);
  });

  test("its scripts: office.js from the Office CDN, the rest from our origin (relative)", () => {
    const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=("([^"]+)"|([^\s>]+))/g)].map((m) => m[2] ?? m[3]);
    expect(srcs.length).toBeGreaterThan(1);
    expect(srcs.filter((s) => /^https?:|^\/\//.test(s))).toEqual([`${OFFICE_ORIGIN}/lib/1/hosted/office.js`]);
  });

  test("no eval( in any bundle", () => {
    expect(bundles.length).toBeGreaterThan(0);
    const hits = bundles.flatMap((b) => [...b.code.matchAll(/(?<![\w$.])eval\s*\(/g)].map((m) => `${b.name}: ${b.code.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40)}`));
    expect(hits).toEqual([]);
  });

  test("no Function constructor except the listed, CSP-inert sites", () => {
    const hits: string[] = [];
    for (const b of bundles) {
      for (const m of b.code.matchAll(/new Function\s*\(|=\s*Function\b[,;]|(?<![\w$.])Function\s*\(/g)) {
        const at = m.index ?? 0;
        const around = b.code.slice(Math.max(0, at - 60), at + 60);
        const listed = BUNDLE_FUNCTION_SITES.some((s) => s.file.test(b.name) && s.code.test(b.code.slice(Math.max(0, at - 20), at + 40)));
        // zod's compile() (`const e=Function,…;return new e(…)`) is the JIT the probe gates.
        const zodJit = /^vendors\./.test(b.name) && /compile\(\)\{const \w+=Function,/.test(b.code.slice(Math.max(0, at - 30), at + 20));
        if (!listed && !zodJit) hits.push(`${b.name}: …${around}…`);
      }
    }
    expect(hits).toEqual([]);
  });

  test("no http(s) URL other than the allowed, never-fetched ones", () => {
    const urls = new Set(bundles.flatMap((b) => [...b.code.matchAll(/https?:\/\/[^\s"'`<>()\\]+/g)].map((m) => m[0])));
    expect([...urls].filter((u) => !ALLOWED_URLS.some((a) => a.pattern.test(u)))).toEqual([]);
  });
});
