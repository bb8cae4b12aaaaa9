/**
 * The CLI in a child process with a memory and time limit, for inputs that can exhaust the jest
 * worker (a sheet declaring 1,048,576 rows): src/core, src/xlsx and src/cli are transpiled once
 * with the TypeScript API into a temp dir (CommonJS, no type check; `npm run typecheck` does that),
 * then run with node --max-old-space-size. A crash or a timeout is reported, never fatal to the run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
let built: string | null = null;

function transpileDir(src: string, out: string): void {
  for (const entry of readdirSync(src)) {
    const from = path.join(src, entry);
    if (statSync(from).isDirectory()) {
      transpileDir(from, path.join(out, entry));
      continue;
    }
    if (!entry.endsWith(".ts") || entry.endsWith(".d.ts")) continue;
    const js = ts.transpileModule(readFileSync(from, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: from,
    }).outputText;
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, entry.replace(/\.ts$/, ".js")), js);
  }
}

/** Path of the transpiled src/cli/main.js (built once per test process). */
export function transpiledCli(): string {
  if (built) return built;
  const out = mkdtempSync(path.join(tmpdir(), "ci-cli-"));
  for (const dir of ["core", "xlsx", "cli"]) transpileDir(path.join(ROOT, "src", dir), path.join(out, dir));
  built = path.join(out, "cli", "main.js");
  return built;
}

export interface BoundedRun {
  /** exit code; null when killed (timeout) */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export function runCliBounded(args: string[], limits: { heapMb: number; timeoutMs: number }): BoundedRun {
  return runScriptBounded(transpiledCli(), args, limits);
}

/** Insert template into an existing file through src/xlsx (read → core → apply → save), in the child. */
export function templateScript(): string {
  const dir = path.dirname(path.dirname(transpiledCli()));
  const file = path.join(dir, "template-into.js");
  writeFileSync(
    file,
    `const { readWorkbook } = require("./xlsx/file");
const { workbookSnapshot } = require("./xlsx/snapshot");
const { insertTemplate } = require("./core/actions/insert-template");
const { applyPlan } = require("./xlsx/apply");
const { saveWorkbook } = require("./xlsx/save");
(async () => {
  const [input, out] = process.argv.slice(2);
  const wb = await readWorkbook(input);
  const plan = insertTemplate(workbookSnapshot(wb), "zh-CN");
  applyPlan(wb, plan);
  await saveWorkbook(wb, out, [plan]);
})().catch((e) => { process.stderr.write(String(e && e.code ? e.code + ": " + e.message : e)); process.exit(1); });
`,
  );
  return file;
}

export function runScriptBounded(script: string, args: string[], limits: { heapMb: number; timeoutMs: number }): BoundedRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${limits.heapMb}`, script, ...args], {
    encoding: "utf8",
    timeout: limits.timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LC_ALL: "zh_CN.UTF-8", NODE_PATH: path.join(ROOT, "node_modules") },
  });
  const ms = Date.now() - started;
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms, timedOut: r.signal === "SIGKILL" && ms >= limits.timeoutMs - 50 };
}
