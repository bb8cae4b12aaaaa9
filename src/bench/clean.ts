import { exactDuplicates, keysOf, possibleDuplicates } from "../core/clean/duplicates";
import { makeNormalisers } from "../core/clean/fast-normalise";
import { normaliseCustomers } from "../core/clean/normalise-pass";
import { CUSTOMER_COLUMNS } from "../core/layout/customers";
import { isoToSerial } from "../core/mapping/dates";
import { locateTable } from "../core/mapping/locate";
import { cleanPlan } from "../core/actions/clean";
import { DEFAULT_SETTINGS } from "../core/settings/types";
import { measure } from "./measure";
import { syntheticSnapshot } from "./synthetic";

const REF = isoToSerial("2026-06-30") as number;

/**
 * core.clean: normalise + duplicates (exact groups and possible duplicates with blocking) on the
 * demo generator's customers — SPEC §9's target is ≤ 2 s at 100,000. core.cleanPlan: the whole
 * action (merge, archive, log and writes included), for reference.
 */
export function benchClean(sizes: number[]): object[] {
  const lines: object[] = [];
  for (const size of sizes) {
    const snapshot = syntheticSnapshot(size, REF);
    const run = () => {
      const table = locateTable(snapshot, "Customers", "customers", CUSTOMER_COLUMNS, "name");
      if (!table) throw new Error("bench clean: no Customers table");
      const n = makeNormalisers();
      normaliseCustomers(table, n);
      const at = (id: string) => (table.columns.get(id) ?? 0) - table.firstCol;
      const keys = table.rows.map((r) => keysOf({ name: r.cells[at("name")], mobile: r.cells[at("mobile")], email: r.cells[at("email")], creditCode: r.cells[at("creditCode")] }, n));
      const { result, vetoed } = exactDuplicates(keys);
      return possibleDuplicates(keys, result.component, (c) => c, vetoed, DEFAULT_SETTINGS.duplicateThreshold);
    };
    lines.push({ name: "core.clean", size, ...measure(run) });
    lines.push({ name: "core.cleanPlan", size, ...measure(() => cleanPlan(snapshot, DEFAULT_SETTINGS, "zh-CN", "2026-06-30 12:00:00", { normalise: true, merge: true }), size >= 100_000 ? 3 : 5) });
  }
  return lines;
}
