/**
 * Customer ids in Score and tier (SPEC §3): blank ids get the year and the next free sequence
 * number; ids that occur twice are grouped as the engine compares them (trimmed, case-folded).
 */
import { generateIds, sameIdGroups } from "../../src/core/actions/ids";
import { isoToSerial } from "../../src/core/mapping/dates";
import type { CustomerRecord } from "../../src/core/mapping/records";

const REF = isoToSerial("2026-06-30") as number;

function records(ids: string[]): CustomerRecord[] {
  return ids.map((id, i) => ({ row: i + 1, id, name: `客户${i}` }) as CustomerRecord);
}

/** The rule as first written: a regular expression per id, and every id taken. */
function reference(rs: CustomerRecord[], refDate: number): Map<number, string> {
  const year = String(new Date(Date.UTC(1899, 11, 30) + refDate * 86_400_000).getUTCFullYear());
  const taken = new Set(rs.map((r) => r.id.trim().toLowerCase()));
  let seq = 0;
  for (const r of rs) {
    const m = new RegExp(`^${year}(\\d{3,})$`).exec(r.id.trim());
    if (m) seq = Math.max(seq, Number(m[1]));
  }
  const out = new Map<number, string>();
  for (const r of rs) {
    if (r.id.trim() !== "") continue;
    let id: string;
    do {
      seq++;
      id = `${year}${String(seq).padStart(3, "0")}`;
    } while (taken.has(id));
    taken.add(id);
    out.set(r.row, id);
  }
  return out;
}

describe("generated ids", () => {
  test.each([
    [["2026001", "", "2026002", "  "]],
    [["", "", ""]],
    [["2026009", "2026010", "20260011", ""]],
    [["2025999", "2026", "202601", "2026x01", "2026٣٣٣", ""]],
    [[" 2026041 ", "2026001", "", "2026abc", "C-2026"]],
    [["2026000000000000000123", "", ""]],
    [["2026999", "", "2027001"]],
    [["a", "b", "A"]],
  ])("%j", (ids) => {
    const rs = records(ids);
    expect([...generateIds(rs, REF)]).toEqual([...reference(rs, REF)]);
  });

  test("nothing to generate when every id is filled in", () => {
    expect(generateIds(records(["2026001", "X-1", "2026002"]), REF).size).toBe(0);
  });

  test("a blank id continues after the year's highest sequence, leading zeros and all", () => {
    expect([...generateIds(records(["2026007", "", "2026012", ""]), REF)]).toEqual([
      [2, "2026013"],
      [4, "2026014"],
    ]);
  });
});

describe("same-id groups", () => {
  test("ids compare trimmed and case-folded; blanks never group; groups keep record order", () => {
    const rs = records(["A-1", "b-2", " a-1", "", "B-2 ", "c-3", "", "A-1"]);
    const groups = sameIdGroups(rs).map((g) => g.map((i) => rs[i].id));
    expect(groups).toEqual([
      ["A-1", " a-1", "A-1"],
      ["b-2", "B-2 "],
    ]);
  });

  test("unique ids make no groups, at any size", () => {
    const rs = records(Array.from({ length: 5000 }, (_, i) => `2026${String(i).padStart(4, "0")}`));
    expect(sameIdGroups(rs)).toEqual([]);
  });

  test("many groups among many ids", () => {
    const rs = records(Array.from({ length: 3000 }, (_, i) => `ID${i % 1000}`));
    const groups = sameIdGroups(rs);
    expect(groups).toHaveLength(1000);
    for (const g of groups) expect(g.map((i) => rs[i].id)).toEqual(g.map(() => rs[g[0]].id));
    expect(groups.map((g) => g.length)).toEqual(groups.map(() => 3));
  });
});
