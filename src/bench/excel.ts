import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * excel.* benchmarks: the Office.js shell's actions against the strict fake Excel (test/fake-excel),
 * reporting requests (syncs), the largest request and the median wall time.
 *
 * The shell (src/excel) needs the office-js typings and the fake lives under test/, neither of which
 * the CLI build (tsconfig.cli.json: rootDir src, node types only) compiles. So this module loads them
 * from their TypeScript sources at run time, transpiled on the fly (typescript.transpileModule, no
 * type check — `npm run typecheck` checks them); under jest, jest's own transform does it.
 */

interface Stats {
  requests: { bytes: number }[];
  responses: { bytes: number }[];
}
interface FakeLike {
  stats: Stats;
}
interface ActionResultLike {
  ok: boolean;
  message: string;
}
interface Fixtures {
  installFake(options?: object): FakeLike;
  customerWorkbook(fake: FakeLike, n: number): Promise<void>;
  NOW: Date;
}
interface Actions {
  runInsertTemplate(lang: "zh-CN" | "en-US", options?: object): Promise<ActionResultLike>;
  runScoreAndTier(lang: "zh-CN" | "en-US", options?: object): Promise<ActionResultLike>;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "test", "fake-excel", "index.ts"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("bench excel: cannot find test/fake-excel from " + __dirname);
    dir = up;
  }
  return dir;
}

type Loader = (module: { _compile(code: string, file: string): void }, file: string) => void;

/** Let Node's require load .ts files (transpile only), unless something (jest) already does. */
function registerTs(): void {
  const exts = require.extensions as unknown as Record<string, Loader | undefined>;
  if (exts[".ts"]) return;
  exts[".ts"] = (module, file) => {
    const out = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
    });
    module._compile(out.outputText, file);
  };
}

function load(): { fixtures: Fixtures; actions: Actions } {
  registerTs();
  const root = repoRoot();
  return {
    fixtures: require(path.join(root, "test", "excel", "fixtures.ts")) as Fixtures,
    actions: require(path.join(root, "src", "excel", "actions.ts")) as Actions,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
}

interface Measured {
  ms: number;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** bytes sent (the plan's writes) and received (the values read), over all requests */
  sentBytes: number;
  receivedBytes: number;
}

const sum = (xs: { bytes: number }[]) => xs.reduce((n, x) => n + x.bytes, 0);

async function timed(fake: FakeLike, f: () => Promise<ActionResultLike>): Promise<Measured> {
  const from = fake.stats.requests.length;
  const answered = fake.stats.responses.length;
  const t = process.hrtime.bigint();
  const r = await f();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!r.ok) throw new Error(`bench excel: ${r.message}`);
  const reqs = fake.stats.requests.slice(from);
  const resps = fake.stats.responses.slice(answered);
  return {
    ms,
    syncs: reqs.length,
    maxRequestBytes: Math.max(0, ...reqs.map((q) => q.bytes)),
    maxResponseBytes: Math.max(0, ...resps.map((q) => q.bytes)),
    sentBytes: sum(reqs),
    receivedBytes: sum(resps),
  };
}

/**
 * Insert template (empty workbook) and Score and tier at each size. Syncs and bytes are those of
 * the first run on a freshly filled workbook (size = customer rows; Behaviour and Interactions
 * rows as the demo data has them); the time is the median of 5 re-runs after it (the first run is
 * the warm-up). At 50,000 customers and more, 2 re-runs (`runs` says how many). Re-runs read the
 * same (Tiers and Summary are read by shape only) and write the same.
 */
export async function benchExcel(sizes: number[]): Promise<object[]> {
  const { fixtures, actions } = load();
  const lines: object[] = [];
  const tpl: number[] = [];
  let first: { syncs: number; maxRequestBytes: number } | undefined;
  for (let i = 0; i < 6; i++) {
    const fake = fixtures.installFake();
    const m = await timed(fake, () => actions.runInsertTemplate("zh-CN", { now: fixtures.NOW }));
    if (i === 0) first = m;
    else tpl.push(m.ms);
  }
  lines.push({ name: "excel.insertTemplate", syncs: first?.syncs, maxRequestBytes: first?.maxRequestBytes, medianMs: median(tpl), runs: tpl.length });
  for (const size of sizes) {
    const fake = fixtures.installFake();
    await fixtures.customerWorkbook(fake, size);
    const cold = await timed(fake, () => actions.runScoreAndTier("zh-CN", { now: fixtures.NOW }));
    const runs = size >= 50_000 ? 2 : 5;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await timed(fake, () => actions.runScoreAndTier("zh-CN", { now: fixtures.NOW }))).ms);
    const { syncs, maxRequestBytes, maxResponseBytes, sentBytes, receivedBytes } = cold;
    lines.push({ name: "excel.scoreAndTier", size, syncs, maxRequestBytes, maxResponseBytes, receivedBytes, sentBytes, medianMs: median(times), runs });
  }
  return lines;
}
