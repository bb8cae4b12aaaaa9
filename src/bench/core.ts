import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { insertTemplate } from "../core/actions/insert-template";
import { scoreAndTier } from "../core/actions/score-and-tier";
import { scoreAndTierNeeds } from "../core/actions/score-reads";
import { scoreWorkbook } from "../core/engine/score";
import { readLedger } from "../core/mapping/ledger";
import { isoToSerial } from "../core/mapping/dates";
import type { WorkbookSnapshot } from "../core/plan/snapshot";
import { DEFAULT_SETTINGS } from "../core/settings/types";
import { scoreFloor } from "./floor";
import { measure } from "./measure";
import { syntheticSnapshot } from "./synthetic";

const REF = isoToSerial("2026-06-30") as number;
const MB = 1048576;

type CoreAction = "scoreWorkbook" | "scoreAndTier" | "floor";

/**
 * What the core is handed: the whole workbook (what the CLI reads), or only the cells Score and
 * tier reads, every other cell "" (what the Office shell reads: core/actions/score-reads.ts).
 */
type Input = "whole" | "projected";

/** The snapshot with every cell Score and tier does not read blanked, as the Office shell leaves them. */
function projected(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const needs = scoreAndTierNeeds(snapshot, "zh-CN");
  for (const sheet of snapshot.sheets) {
    const need = needs.get(sheet.name);
    if (need?.kind !== "columns") continue;
    for (const t of need.tables) {
      const table = sheet.tables.find((x) => x.name === t.name);
      if (!table) continue;
      const keep = new Set(t.columns.map((c) => table.firstCol - sheet.originCol + c.index));
      const first = table.headerRow - sheet.originRow + 1;
      for (let r = first; r < first + table.rowCount && r < sheet.values.length; r++) {
        const row = sheet.values[r];
        for (let c = table.firstCol - sheet.originCol; c < table.firstCol - sheet.originCol + table.headers.length && c < row.length; c++) if (!keep.has(c)) row[c] = "";
      }
    }
  }
  return snapshot;
}

/**
 * The synthetic snapshot for n customers as JSON, made once per machine in its own process:
 * the measuring process then holds what a shell would hand the core (values parsed from JSON, as
 * Office.js delivers them), without the generator's garbage in its heap or its peak RSS.
 */
function snapshotFile(n: number, input: Input): string {
  const dir = path.join(tmpdir(), "customer-insight-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, input === "whole" ? `snapshot-${n}.json` : `snapshot-${n}-${input}.json`);
  if (existsSync(file)) return file;
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", __filename, "--generate", String(n), file, input], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0 || !existsSync(file)) throw new Error(`bench core: generating ${n} customers failed`);
  return file;
}

/**
 * One action at one size, in a fresh process: median of 5 runs after a warm-up; rssMb is the
 * process's peak RSS (input included), inputRssMb the RSS with the input loaded before the first run.
 */
function child(action: CoreAction, n: number, file: string, given: Input): object {
  const snapshot = JSON.parse(readFileSync(file, "utf8")) as WorkbookSnapshot;
  const gc = (globalThis as { gc?: () => void }).gc;
  // The engine alone starts from typed records; the action from the snapshot (it reads them itself).
  const ledger = action === "scoreWorkbook" ? readLedger(snapshot) : null;
  const input = ledger && { customers: ledger.customerRecords, behaviour: ledger.behaviourRecords, interactions: ledger.interactionRecords };
  gc?.();
  const inputRssMb = Math.round(process.memoryUsage().rss / MB);
  const fn = input
    ? () => scoreWorkbook(input, DEFAULT_SETTINGS, REF)
    : action === "floor"
      ? () => scoreFloor(snapshot)
      : () => scoreAndTier(snapshot, DEFAULT_SETTINGS, REF, "zh-CN", "2026-06-30 12:00:00");
  const m = measure(fn);
  const peak = Math.round((process.resourceUsage().maxRSS * 1024) / MB);
  const extra = input ? { behaviourRows: input.behaviour?.length ?? 0 } : {};
  return { name: `core.${action}`, size: n, ...(given === "whole" ? {} : { input: given }), ...extra, medianMs: m.medianMs, rssMb: Math.max(peak, m.rssMb), inputRssMb };
}

/** The pure core: the engine alone, and the whole Score and tier action (read → score → plan). */
export function benchCore(sizes: number[]): object[] {
  const lines: object[] = [];
  const empty = { sheets: [], tableNames: [] };
  lines.push({ name: "core.insertTemplate", ...measure(() => insertTemplate(empty, "zh-CN")) });
  for (const size of sizes) {
    const runs: [CoreAction, Input][] = [
      ["scoreWorkbook", "whole"],
      ["scoreAndTier", "whole"],
      ["floor", "whole"],
      ["scoreAndTier", "projected"],
      ["floor", "projected"],
    ];
    for (const [action, input] of runs) {
      const file = snapshotFile(size, input);
      const r = spawnSync(process.execPath, ["--expose-gc", __filename, "--child", action, String(size), file, input], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(`bench core: ${action} ${size} failed`);
      lines.push(JSON.parse(r.stdout.trim()) as object);
    }
  }
  return lines;
}

if (require.main === module) {
  const [mode, a, b, c, d] = process.argv.slice(2);
  if (mode === "--generate") {
    const tmp = `${b}.${process.pid}.tmp`;
    const snapshot = syntheticSnapshot(Number(a), REF);
    writeFileSync(tmp, JSON.stringify(c === "projected" ? projected(snapshot) : snapshot));
    renameSync(tmp, b);
  } else if (mode === "--child") {
    process.stdout.write(JSON.stringify(child(a as CoreAction, Number(b), c, d as Input)) + "\n");
  }
}
