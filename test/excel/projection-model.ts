/**
 * The projected read as a model over a full snapshot: what the shell must hand the core when it
 * reads only what Score and tier needs (core/actions/score-reads.ts), and the core's outcome on
 * a snapshot, to compare plans.
 */
import { readSettings } from "../../src/core/actions/read-settings";
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { SCORE_LEAD_COLUMNS, SCORE_LEAD_TABLE, scoreAndTierNeeds, type SheetNeed } from "../../src/core/actions/score-reads";
import { workbookLang } from "../../src/core/actions/sheet-names";
import { InsightError } from "../../src/core/i18n/messages";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { readSnapshot, type Projection, type ReadOptions, type ShellSnapshot } from "../../src/excel/snapshot";
import type { FakeExcel } from "../fake-excel/index";
import { REF } from "./fixtures";

export const NOW_TEXT = "2026-06-30 12:00:00";

export function projectionFor(lang: Lang): Projection {
  return { needs: (names) => scoreAndTierNeeds(names, lang), lead: { table: SCORE_LEAD_TABLE, columns: SCORE_LEAD_COLUMNS } };
}

/** Read through the shell with Score and tier's projection. */
export function projectedRead(fake: FakeExcel, lang: Lang, options: ReadOptions = {}): Promise<ShellSnapshot> {
  return fake.Excel.run((ctx) => readSnapshot(ctx as unknown as Excel.RequestContext, options, projectionFor(lang)));
}

/** The names a projection decides from: no values at all. */
export function namesOf(s: WorkbookSnapshot): WorkbookSnapshot {
  return { ...s, sheets: s.sheets.map((x) => ({ ...x, values: [] })) };
}

export function needsOf(full: WorkbookSnapshot, lang: Lang): Map<string, SheetNeed> {
  return scoreAndTierNeeds(namesOf(full), lang);
}

const blank = (v: CellValue | undefined) => v === "" || v === undefined;

/** Calls f(bodyRow sheet index, needed columns (sheet indexes), table columns) for every projected table body row. */
function eachProjectedRow(sheet: SheetSnapshot, need: Extract<SheetNeed, { kind: "columns" }>, f: (row: number, needed: number[], cols: number[], header: boolean) => void): void {
  for (const tn of need.tables) {
    const t = sheet.tables.find((x) => x.name === tn.name);
    if (!t) continue;
    const cols = t.headers.map((_, j) => t.firstCol + j);
    const needed = tn.columns.map((c) => t.firstCol + c.index);
    f(t.headerRow, needed, cols, true);
    for (let r = t.headerRow + 1; r <= t.headerRow + t.rowCount; r++) f(r, needed, cols, false);
  }
}

/**
 * The full snapshot with every cell the projection leaves out blanked: "columns" sheets keep their
 * tables' header rows, the needed columns, and whole table rows whose needed cells are all blank;
 * "shape" sheets keep only their size (and top-left cell when asked).
 */
export function project(full: WorkbookSnapshot, needs: Map<string, SheetNeed>): WorkbookSnapshot {
  const sheets = full.sheets.map((s): SheetSnapshot => {
    const need = needs.get(s.name) ?? { kind: "all" };
    if (need.kind === "all") return s;
    const get = (r: number, c: number) => s.values[r - s.originRow]?.[c - s.originCol];
    const values = s.values.map((row) => row.map((): CellValue => ""));
    const set = (r: number, c: number) => {
      const line = values[r - s.originRow];
      if (line && c - s.originCol >= 0 && c - s.originCol < line.length) line[c - s.originCol] = get(r, c) ?? "";
    };
    if (need.topLeft && s.originRow === 0 && s.originCol === 0) set(0, 0);
    if (need.kind === "columns") {
      eachProjectedRow(s, need, (row, needed, cols, header) => {
        const whole = header || (needed.length > 0 && needed.every((c) => blank(get(row, c))));
        for (const c of whole ? cols : needed) set(row, c);
      });
    }
    return { ...s, values };
  });
  return { ...full, sheets };
}

/** A deterministic stream of junk: every kind of cell a person might leave in a column nobody reads. */
export function junk(seed: number): () => CellValue {
  let x = seed >>> 0 || 1;
  const kinds: ((n: number) => CellValue)[] = [
    (n) => `备注${n}`,
    (n) => n * 1.5,
    () => "#N/A",
    () => "=1+1",
    () => "",
    (n) => n % 2 === 0,
    (n) => `${n}`.repeat(3),
    () => "  ",
  ];
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return kinds[x % kinds.length](x % 1000);
  };
}

/**
 * The full snapshot with every cell the projection leaves out replaced by junk, where the core
 * may not look: table body rows that keep a needed value (so the row stays non-blank either way),
 * cells outside the tables of "columns" sheets, every cell but the top-left of "shape" sheets (kept non-blank).
 */
export function scramble(full: WorkbookSnapshot, needs: Map<string, SheetNeed>, seed: number): WorkbookSnapshot {
  const next = junk(seed);
  const sheets = full.sheets.map((s): SheetSnapshot => {
    const need = needs.get(s.name) ?? { kind: "all" };
    if (need.kind === "all") return s;
    const values = s.values.map((row) => [...row]);
    const keep = new Set<string>();
    if (need.topLeft) keep.add("0,0");
    if (need.kind === "shape") {
      values.forEach((row, i) => row.forEach((_, j) => {
        if (!keep.has(`${i + s.originRow},${j + s.originCol}`)) row[j] = `x${next()}`;
      }));
      return { ...s, values };
    }
    const inTable = new Set<string>();
    eachProjectedRow(s, need, (row, needed, cols, header) => {
      for (const c of cols) inTable.add(`${row},${c}`);
      const whole = header || needed.length === 0 || needed.every((c) => blank(values[row - s.originRow]?.[c - s.originCol]));
      for (const c of whole ? cols : needed) keep.add(`${row},${c}`);
    });
    for (const t of s.tables) for (let r = t.headerRow; r <= t.headerRow + t.rowCount; r++) for (let j = 0; j < t.headers.length; j++) inTable.add(`${r},${t.firstCol + j}`);
    values.forEach((row, i) => row.forEach((_, j) => {
      const k = `${i + s.originRow},${j + s.originCol}`;
      if (!keep.has(k)) row[j] = inTable.has(k) ? next() : `外${next()}`;
    }));
    return { ...s, values };
  });
  return { ...full, sheets };
}

export type Outcome = { refused: string } | { plan: unknown; result: unknown; ids: [number, string][]; notices: unknown };

/** What the core makes of a snapshot, as actions.ts runs it (cell problems left out: they follow what was read). */
export function outcomeOf(snapshot: WorkbookSnapshot, lang: Lang): Outcome {
  try {
    const settings = readSettings(snapshot);
    const o = scoreAndTier(snapshot, settings, settings.referenceDate ?? REF, workbookLang(snapshot, lang), NOW_TEXT);
    return { plan: o.plan, result: o.result, ids: [...o.ids], notices: o.notices };
  } catch (e) {
    if (e instanceof InsightError) return { refused: e.code };
    throw e;
  }
}
