/**
 * Browser test harness for the task pane: builds the production bundle once (the repo's
 * webpack.config.js, office.js copied beside the page), serves it on 127.0.0.1, builds a browser
 * bundle of the strict Excel fake, and launches headless Chromium (TOOLCHAIN.md's flags, a fresh
 * user-data-dir) through playwright-core.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import type { Configuration, Stats } from "webpack";

export const ROOT = resolve(__dirname, "..", "..");
export const CHROMIUM = "/usr/bin/chromium";
export const OUT = join(ROOT, "test-output", "pane");
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium present: run. Missing: skip with a note, unless CI is set (then the tests fail). */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing and CI is set: install the Debian package chromium (see TOOLCHAIN.md).`);
  console.warn(`[test/pane] ${CHROMIUM} is missing: browser tests of the task pane are skipped (set CI to make this a failure).`);
  return false;
}

function compile(config: Configuration): Promise<Stats> {
  // Required lazily: only the browser tests need webpack.
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

/** The production pane, as deployed but with office.js served locally, into a temp dir. */
export async function buildPane(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "ci-pane-"));
  const before = process.env.OFFICE_JS_LOCAL;
  process.env.OFFICE_JS_LOCAL = "1";
  try {
    const factory = require(join(ROOT, "webpack.config.js")) as (env: object, argv: { mode: string }) => Configuration;
    const config = factory({}, { mode: "production" });
    config.output = { ...config.output, path: out };
    config.infrastructureLogging = { level: "error" };
    await compile(config);
  } finally {
    if (before === undefined) delete process.env.OFFICE_JS_LOCAL;
    else process.env.OFFICE_JS_LOCAL = before;
  }
  return out;
}

/** test/fake-excel as one browser script (defines window.__fakeExcelKit). */
export async function buildFakeBundle(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "ci-fake-"));
  await compile({
    mode: "development",
    devtool: false,
    context: ROOT,
    target: "web",
    entry: join(__dirname, "fake-entry.ts"),
    output: { path: out, filename: "fake-excel.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: join(ROOT, "tsconfig.json"), transpileOnly: true, compilerOptions: { noEmit: false, module: "esnext", moduleResolution: "bundler", rootDir: ROOT } } },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
  });
  const code = readFileSync(join(out, "fake-excel.js"), "utf8");
  rmSync(out, { recursive: true, force: true });
  return code;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".xml": "application/xml",
  ".txt": "text/plain",
};

/** A static file server for the built pane on 127.0.0.1 and a free port. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0]);
    const file = normalize(join(dir, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Headless Chromium with a fresh user-data-dir; a 350 px wide pane, like Excel's. */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const dir = mkdtempSync(join(tmpdir(), "ci-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 350, height: 900 },
    deviceScaleFactor: 1,
    locale: "en-US",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A workbook to prepare in the fake before the pane loads: sheets of typed values. */
export interface FakeSetup {
  displayLanguage: "zh-CN" | "en-US";
  sheets: { name: string; values: unknown[][] }[];
}

/**
 * The init script: the fake's bundle, then the fake created and prepared, then installed as
 * `Excel` and `Office` that office.js (also on the page) cannot replace. `window.__fake` is the
 * fake (tests inspect its workbook, and run the ribbon's commands from `__fake.actions`);
 * `window.__failExcel = true` makes every Excel.run fail.
 */
export function fakeInitScript(bundle: string, setup: FakeSetup): string {
  return `${bundle}
;(() => {
  const kit = window.__fakeExcelKit;
  const fake = kit.createFakeExcel({ displayLanguage: ${JSON.stringify(setup.displayLanguage)} });
  for (const s of ${JSON.stringify(setup.sheets)}) fake.workbook.addSheet(s.name, s.values);
  const run = fake.Excel.run;
  fake.Excel.run = (batch) => window.__failExcel ? Promise.reject(new kit.FakeExcelError("GeneralException", "Injected failure: Excel is not answering.")) : run(batch);
  window.__fake = fake;
  window.__kit = kit;
  for (const [name, value] of [["Excel", fake.Excel], ["Office", fake.Office], ["OfficeExtension", fake.OfficeExtension]]) {
    Object.defineProperty(window, name, { configurable: false, get: () => value, set: () => {} });
  }
  // office.js, loading after this, sets its own Office.actions.associate on whatever Office is:
  // keep the fake's, so the ribbon's handlers land in fake.actions for the tests to run.
  const actions = fake.Office.actions;
  const associate = actions.associate;
  Object.defineProperty(fake.Office, "actions", { configurable: false, get: () => actions, set: () => {} });
  Object.defineProperty(actions, "associate", { configurable: false, get: () => associate, set: () => {} });
})();`;
}

export async function axeViolations(page: Page, axeSource: string): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]> {
  // Through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(`${axeSource}\n;0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
}
