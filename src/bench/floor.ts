import { TIER_COLUMNS } from "../core/layout/computed";
import { CUSTOMER_COLUMNS } from "../core/layout/customers";
import type { CellValue } from "../core/plan/cells";
import type { WorkbookSnapshot } from "../core/plan/snapshot";

/**
 * A floor for Score and tier, not a feature: the least any snapshot-in, plan-out implementation
 * does for this input, and nothing of the scoring. It reads every cell of every sheet once
 * (text trimmed, numbers kept in typed columns), sorts four numeric columns (the population's
 * percentiles and the Tiers order sort at least that much), and builds what the plan must hold:
 * the Tiers rows (every column, one text made per customer, where the real sheet makes three) and
 * the Customers output block. What scoreAndTier costs above this line is the engine's own work;
 * what this line costs is out of any implementation's reach on the machine that measured it.
 */
export function scoreFloor(snapshot: WorkbookSnapshot): { tiers: CellValue[][]; outputs: CellValue[][] } {
  const customers = snapshot.sheets[0]?.values ?? [];
  const n = Math.max(0, customers.length - 1);
  const numbers = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const names = new Array<string>(n);
  let seen = 0;
  for (const sheet of snapshot.sheets) {
    const rows = sheet.values;
    const own = sheet === snapshot.sheets[0];
    for (let i = 1; i < rows.length; i++) {
      const row = rows[i];
      let k = 0;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "string") {
          const t = v.trim();
          seen += t.length;
          if (own && c === 1) names[i - 1] = t;
        } else if (typeof v === "number" && own && k < numbers.length) numbers[k++][i - 1] = v;
      }
    }
  }
  for (const column of numbers) column.slice().sort();
  const width = TIER_COLUMNS.length;
  const tiers = new Array<CellValue[]>(n + 1);
  tiers[0] = TIER_COLUMNS.map((c) => c.label.zh);
  for (let i = 0; i < n; i++) {
    const score = Math.round(numbers[0][i] * 10) / 10;
    const row = new Array<CellValue>(width).fill("");
    row[0] = String(seen + i);
    row[1] = names[i] ?? "";
    row[3] = score;
    row[6] = numbers[1][i];
    row[width - 2] = `价值分 ${score}（金额前 ${i % 100}%）`;
    tiers[i + 1] = row;
  }
  const outputWidth = CUSTOMER_COLUMNS.filter((c) => c.output).length;
  const outputs = new Array<CellValue[]>(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<CellValue>(outputWidth).fill("A");
    row[1] = numbers[2][i];
    outputs[i] = row;
  }
  return { tiers, outputs };
}
