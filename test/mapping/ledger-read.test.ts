/**
 * Reading the ledger (SPEC §2): every cell is read as its column's type, the common cells by a
 * quick path and the rest by `coerceCell`. Both must give what `coerceCell` gives, report the same
 * problems in the same order, and leave the rows a table holds exactly as the sheet has them.
 */
import { BEHAVIOUR_COLUMNS } from "../../src/core/layout/behaviour";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import type { ColumnDef } from "../../src/core/layout/types";
import { coerceCell, isNumeric } from "../../src/core/mapping/coerce";
import { readLedger } from "../../src/core/mapping/ledger";
import type { CellProblem } from "../../src/core/mapping/records";
import type { CellValue } from "../../src/core/plan/cells";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";

const INPUT = CUSTOMER_COLUMNS.filter((c) => !c.output);
const BEHAVIOUR_INPUT = BEHAVIOUR_COLUMNS.filter((c) => !c.output);

/** What a cell reads as, cell by cell through coerceCell (text not starting with # is only trimmed). */
function expected(col: ColumnDef, v: CellValue, problems: CellProblem["code"][]): string | number | null {
  if (v === "") return isNumeric(col) ? null : "";
  if (!isNumeric(col) && typeof v === "string" && v.charCodeAt(0) !== 35) return v.trim();
  return coerceCell(col, v, (code) => problems.push(code));
}

function workbook(customerRows: CellValue[][], behaviourRows: CellValue[][] = []): WorkbookSnapshot {
  const sheet = (name: string, table: string, cols: ColumnDef[], rows: CellValue[][]) => ({
    name,
    originRow: 0,
    originCol: 0,
    values: [cols.map((c) => c.label.zh), ...rows],
    tables: [{ name: table, headerRow: 0, firstCol: 0, rowCount: rows.length, headers: cols.map((c) => c.label.zh) }],
  });
  return { sheets: [sheet("客户信息", "Customers", INPUT, customerRows), sheet("客户行为", "Behaviour", BEHAVIOUR_INPUT, behaviourRows)], tableNames: ["Customers", "Behaviour"] };
}

const NUMBERS: CellValue[] = [0, -0, 1, 2.5, 4.5, 5, 6, -1, -0.5, 45000.75, 1e300, NaN, Infinity, -Infinity, 0.999, 1.0000001];
const ODD: CellValue[] = ["", "  华信  ", "\u3000全角空格\u3000", "#N/A", " #N/A", "#REF!", "#hashtag", "#", true, false, "1,200", "30万", "４", "2024/3/15", "03/04/2024", "abc", "\t", 20240315];

describe("every cell reads as coerceCell reads it", () => {
  const cells = [...NUMBERS, ...ODD];
  // One row per value, the value in every input column: each column type meets each value.
  const rows = cells.map((v) => INPUT.map(() => v));
  const ledger = readLedger(workbook(rows));

  test.each(INPUT.map((c) => [c.id, c] as const))("%s", (_id, col) => {
    // A row of blanks is no row at all: records name their sheet row, one below the header.
    expect(ledger.customerRecords).toHaveLength(cells.filter((v) => v !== "").length);
    for (const rec of ledger.customerRecords) {
      const v = cells[rec.row - 1];
      const got = (rec as unknown as Record<string, unknown>)[col.id];
      expect([v, got]).toEqual([v, expected(col, v, [])]);
      if (typeof got === "number") expect(Object.is(got, expected(col, v, []))).toBe(true);
    }
  });

  test("problems are reported once per cell, row by row, in the record's field order", () => {
    const want: { row: number; columnId: string; code: string }[] = [];
    const fieldOrder = Object.keys(ledger.customerRecords[0]).filter((k) => k !== "row");
    cells.forEach((v, i) => {
      if (v === "") return;
      for (const id of fieldOrder) {
        const codes: CellProblem["code"][] = [];
        expected(INPUT.find((c) => c.id === id) as ColumnDef, v, codes);
        for (const code of codes) want.push({ row: i + 1, columnId: id, code });
      }
    });
    expect(ledger.problems.map((p) => ({ row: p.row, columnId: p.columnId, code: p.code }))).toEqual(want);
    for (const p of ledger.problems) expect(p.sheet).toBe("客户信息");
  });
});

describe("Behaviour figures typed as numbers", () => {
  test("negative, fractional and non-finite counts are problems, not numbers", () => {
    const rows = NUMBERS.map((v) => ["2024001", "2024Q1", v, v, v, v, "", v, v, v]);
    const ledger = readLedger(workbook([["2024001", "华信"]], rows));
    const records = ledger.behaviourRecords ?? [];
    NUMBERS.forEach((v, i) => {
      const purchases = BEHAVIOUR_INPUT.find((c) => c.id === "purchases") as ColumnDef;
      const amount = BEHAVIOUR_INPUT.find((c) => c.id === "amount") as ColumnDef;
      const lastPurchase = BEHAVIOUR_INPUT.find((c) => c.id === "lastPurchase") as ColumnDef;
      expect(Object.is(records[i].purchases, expected(purchases, v, []))).toBe(true);
      expect(Object.is(records[i].amount, expected(amount, v, []))).toBe(true);
      expect(Object.is(records[i].lastPurchase, expected(lastPurchase, v, []))).toBe(true);
    });
  });
});

describe("the rows of a located table", () => {
  const blank = INPUT.map(() => "");
  const ledger = readLedger(workbook([["2024001", "华信"], blank, ["2024002", "长城"], blank, blank, ["", "东方"]]));

  test("blank rows are skipped, the others kept in sheet order", () => {
    expect(Array.from(ledger.customers.dataRows)).toEqual([1, 3, 6]);
    expect(ledger.customerRecords.map((r) => r.row)).toEqual([1, 3, 6]);
  });

  test("`rows` pairs each data row with the same cells as the parallel arrays", () => {
    const t = ledger.customers;
    expect(t.rows.map((r) => r.row)).toEqual(Array.from(t.dataRows));
    t.rows.forEach((r, i) => expect(r.cells).toBe(t.dataCells[i]));
    // Made once: the same array every time it is asked for.
    expect(t.rows).toBe(t.rows);
  });

  test("a table in a plain range whose rows are narrower than the header gets padded cells", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [{ name: "客户信息", originRow: 2, originCol: 1, values: [["客户编号", "客户名称", "备注"], ["2024001", "华信"], [], ["2024002", "长城", "老客户"]], tables: [] }],
      tableNames: [],
    };
    const l = readLedger(snapshot);
    expect(l.customerRecords.map((r) => [r.row, r.id, r.name])).toEqual([
      [3, "2024001", "华信"],
      [5, "2024002", "长城"],
    ]);
    expect(l.customers.rows.map((r) => r.cells)).toEqual([
      ["2024001", "华信", ""],
      ["2024002", "长城", "老客户"],
    ]);
  });
});
