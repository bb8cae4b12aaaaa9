import { insertTemplate } from "../core/actions/insert-template";
import { scoreAndTier } from "../core/actions/score-and-tier";
import { scoreWorkbook } from "../core/engine/score";
import { readLedger } from "../core/mapping/ledger";
import { isoToSerial } from "../core/mapping/dates";
import { DEFAULT_SETTINGS } from "../core/settings/types";
import { measure } from "./measure";
import { syntheticSnapshot } from "./synthetic";

const REF = isoToSerial("2026-06-30") as number;

/** The pure core: the engine alone, and the whole Score and tier action (read → score → plan). */
export function benchCore(sizes: number[]): object[] {
  const lines: object[] = [];
  const empty = { sheets: [], tableNames: [] };
  lines.push({ name: "core.insertTemplate", ...measure(() => insertTemplate(empty, "zh-CN")) });
  for (const size of sizes) {
    const snapshot = syntheticSnapshot(size, REF);
    const ledger = readLedger(snapshot);
    const input = { customers: ledger.customerRecords, behaviour: ledger.behaviourRecords, interactions: ledger.interactionRecords };
    lines.push({ name: "core.scoreWorkbook", size, behaviourRows: input.behaviour?.length ?? 0, ...measure(() => scoreWorkbook(input, DEFAULT_SETTINGS, REF)) });
    lines.push({ name: "core.scoreAndTier", size, ...measure(() => scoreAndTier(snapshot, DEFAULT_SETTINGS, REF, "zh-CN", "2026-06-30 12:00:00")) });
  }
  return lines;
}
