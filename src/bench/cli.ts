import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { demoData } from "../cli/demo-data";
import { insertTemplate } from "../core/actions/insert-template";
import { isoToSerial } from "../core/mapping/dates";
import { applyPlan } from "../xlsx/apply";
import { fillTable } from "../xlsx/fill-table";
import { workbookSnapshot } from "../xlsx/snapshot";

const REF = isoToSerial("2026-06-30") as number;

/**
 * The demo workbook with n customers and their behaviour rows (about 1.05 per customer), as a
 * person would have it: the template's tables filled in. Interactions stay empty, as in the
 * measurements of TOOLCHAIN.md (100,000 customers + 100,000 behaviour rows, ~14 MB).
 */
export async function writeCliInput(n: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, insertTemplate(workbookSnapshot(wb), "zh-CN"));
  const d = demoData(REF, n, 7);
  fillTable(wb, "Customers", d.customers);
  fillTable(wb, "Behaviour", d.behaviour);
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  renameSync(tmp, file);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stderr, ms: Number(process.hrtime.bigint() - t) / 1e6 }));
  });
}

function onPath(command: string): Promise<boolean> {
  return new Promise((resolve) => execFile("sh", ["-c", `command -v ${command}`], (err) => resolve(!err)));
}

/** The cached input for n customers; made once, in a child with room for ExcelJS's in-memory write. */
async function input(n: number): Promise<string> {
  const dir = path.join(tmpdir(), "customer-insight-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `cli-input-${n}.xlsx`);
  if (existsSync(file)) return file;
  const r = await run(process.execPath, ["--max-old-space-size=8192", __filename, "--generate", String(n), file]);
  if (r.code !== 0 || !existsSync(file)) throw new Error(`bench cli: generating ${n} customers failed: ${r.stderr}`);
  return file;
}

const CLI = path.resolve(__dirname, "..", "cli", "main.js");

/** Which write path a run is forced to (src/cli/write-path.ts), or the CLI's own choice. */
type WritePath = "memory" | "stream" | undefined;

/** One CLI run as a child process: wall time, and peak RSS from /usr/bin/time or the child's own resourceUsage. */
async function cliOnce(command: "score" | "clean", file: string, out: string, timeBin: boolean, writePath?: WritePath): Promise<{ ms: number; rssKb: number }> {
  const args = command === "score" ? ["score", file, "-o", out, "--ref-date", "2026-06-30"] : ["clean", file, "-o", out];
  const env = { ...process.env, CUSTOMER_INSIGHT_XLSX_PATH: writePath ?? "" };
  const r = timeBin
    ? await run("/usr/bin/time", ["-f", "MAXRSS %M", process.execPath, CLI, ...args], env)
    : await run(process.execPath, ["-e", `process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"));require(${JSON.stringify(CLI)})`, "_", ...args], env);
  if (r.code !== 0 || !existsSync(out)) throw new Error(`bench cli: ${command} ${file} failed: ${r.stderr}`);
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  return { ms: r.ms, rssKb: m ? Number(m[1]) : 0 };
}

/** LibreOffice's own headless load-and-save of the same file, with a fresh profile each time. */
async function libreOfficeOnce(file: string): Promise<number> {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-bench-"));
  const outDir = mkdtempSync(path.join(tmpdir(), "lo-bench-out-"));
  try {
    const r = await run("soffice", ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "xlsx", "--outdir", outDir, file]);
    if (r.code !== 0 || !existsSync(path.join(outDir, path.basename(file)))) throw new Error(`bench cli: LibreOffice failed on ${file}: ${r.stderr}`);
    return r.ms;
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * cli.score: `customer-insight score` as a person runs it (a child process: start-up, read,
 * score, write), against LibreOffice's headless load-and-save of the same input. Median of 5 runs
 * after a warm-up (3 runs, no warm-up, at 100,000 customers); peak RSS is the largest seen.
 */
export async function benchCli(sizes: number[]): Promise<object[]> {
  const lines: object[] = [];
  const timeBin = existsSync("/usr/bin/time");
  const lo = await onPath("soffice");
  for (const size of sizes) {
    const file = await input(size);
    const out = path.join(path.dirname(file), `cli-output-${size}.xlsx`);
    const runs = size >= 100_000 ? 3 : 5;
    if (runs === 5) await cliOnce("score", file, out, timeBin);
    const score: { ms: number; rssKb: number }[] = [];
    for (let i = 0; i < runs; i++) score.push(await cliOnce("score", file, out, timeBin));
    const medianMs = Math.round(median(score.map((s) => s.ms)));
    let libreofficeMs: number | undefined;
    if (lo) {
      const t: number[] = [];
      for (let i = 0; i < 3; i++) t.push(await libreOfficeOnce(file));
      libreofficeMs = Math.round(median(t));
    }
    lines.push({
      name: "cli.score",
      size,
      medianMs,
      ...(libreofficeMs !== undefined ? { libreofficeMs, ratio: Math.round((medianMs / libreofficeMs) * 100) / 100 } : {}),
      peakRssMb: Math.round(Math.max(...score.map((s) => s.rssKb)) / 1024),
      inputMb: Math.round((statSync(file).size / 1048576) * 10) / 10,
      runs,
    });
    // cli.clean: the CLI's own path (streaming), and below 100,000 customers the
    // in-memory path forced, which is what clean always took before it could stream.
    for (const writePath of size >= 100_000 ? [undefined] : [undefined, "memory" as const]) {
      const cleaned = path.join(path.dirname(file), `cli-cleaned-${size}.xlsx`);
      const n = size >= 100_000 ? 1 : 3;
      const t: { ms: number; rssKb: number }[] = [];
      for (let i = 0; i < n; i++) t.push(await cliOnce("clean", file, cleaned, timeBin, writePath));
      lines.push({
        name: "cli.clean",
        size,
        ...(writePath ? { path: writePath } : {}),
        medianMs: Math.round(median(t.map((x) => x.ms))),
        peakRssMb: Math.round(Math.max(...t.map((x) => x.rssKb)) / 1024),
        runs: n,
      });
    }
  }
  return lines;
}

if (require.main === module && process.argv[2] === "--generate") {
  writeCliInput(Number(process.argv[3]), process.argv[4]).catch((e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exitCode = 1;
  });
}
