/**
 * Task pane benchmarks (SPEC §9): the initial JavaScript of taskpane.html, gzip-compressed (budget
 * 200 KB), and the time to the pane's first render in headless Chromium (median of 5 after a
 * warm-up). Builds the production bundle with the repo's webpack.config.js into a temp dir.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const PANE_BUDGET_GZIP_BYTES = 200_000;

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "webpack.config.js"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("webpack.config.js not found above " + __dirname);
    dir = up;
  }
  return dir;
}

interface WebpackLike {
  (config: object, cb: (err: Error | null, stats?: { hasErrors: () => boolean; toString: (o: object) => string }) => void): void;
}

async function buildPane(root: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "ci-bench-pane-"));
  const before = process.env.OFFICE_JS_LOCAL;
  process.env.OFFICE_JS_LOCAL = "1";
  try {
    const webpack = require(join(root, "node_modules", "webpack")) as WebpackLike;
    const factory = require(join(root, "webpack.config.js")) as (env: object, argv: { mode: string }) => { output: object; infrastructureLogging?: object };
    const config = factory({}, { mode: "production" });
    config.output = { ...config.output, path: out };
    config.infrastructureLogging = { level: "error" };
    await new Promise<void>((ok, fail) =>
      webpack(config, (err, stats) => {
        if (err) return fail(err);
        if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
        ok();
      }),
    );
  } finally {
    if (before === undefined) delete process.env.OFFICE_JS_LOCAL;
    else process.env.OFFICE_JS_LOCAL = before;
  }
  return out;
}

/** The scripts taskpane.html loads before it renders (office.js excluded: Microsoft's, not ours). */
export function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !src.startsWith("office/") && !/^https?:/.test(src));
}

export function initialGzipBytes(dir: string): number {
  const html = readFileSync(join(dir, "taskpane.html"), "utf8");
  return initialScripts(html).reduce((n, src) => n + gzipSync(readFileSync(join(dir, src)), { level: 9 }).length, 0);
}

async function firstRenderMs(dir: string, runs: number): Promise<number | null> {
  if (!existsSync(CHROMIUM)) return null;
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0]);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    const type = extname(file) === ".html" ? "text/html; charset=utf-8" : extname(file) === ".js" ? "text/javascript" : "application/octet-stream";
    res.writeHead(200, { "Content-Type": type }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "ci-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 350, height: 900 } });
  try {
    // The moment the pane's root gets its first element, from navigation start.
    await context.addInitScript(`new MutationObserver((_, o) => { const c = document.getElementById("container"); if (c && c.firstElementChild) { window.__firstRender = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });`);
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      await page.goto(url);
      const ms = await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender, undefined, { timeout: 30_000 });
      const v = (await ms.jsonValue()) as number;
      if (i > 0) times.push(v); // the first load warms the HTTP and compile caches
      await page.close();
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

export async function benchPane(): Promise<object[]> {
  const root = repoRoot();
  const dir = await buildPane(root);
  try {
    const gzipBytes = initialGzipBytes(dir);
    const out: object[] = [{ name: "pane.bundle", gzipBytes, budgetBytes: PANE_BUDGET_GZIP_BYTES }];
    const medianMs = await firstRenderMs(dir, 5);
    if (medianMs !== null) out.push({ name: "pane.firstRender", medianMs });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
