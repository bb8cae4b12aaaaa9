/**
 * The large-file path of the ExcelJS shell: read a package's values without ExcelJS, run the core
 * unchanged, and write the plan back as a PATCH of the input package.
 *
 * Why not ExcelJS, in memory or streaming: in memory it needs 45 s and 3.6 GB for 100,000
 * customers (TOOLCHAIN.md). Its streaming reader is fast enough (6.7 s) but reports no tables
 * (we would read xl/tables from the zip anyway), turns date serials into Date objects that the
 * core turns straight back, and builds a Row/Cell object per cell; its streaming writer cannot
 * add to an existing package, so every input cell, style, validation and conditional format
 * would have to be carried across by hand. A patch keeps them by construction:
 *
 * - read (read.ts): the sheet parts are inflated one at a time and scanned with indexOf (no
 *   DOM, no SAX events) into exactly the snapshot the in-memory shell builds: Office.js value
 *   semantics, used range including table ranges, tables from the sheet rels' table parts.
 * - write: the output package is the input zip with unchanged parts copied as their compressed
 *   bytes (zip.ts). Only what the plan changes is rewritten:
 *   · sheets the plan edits in place (Customers, Behaviour, Change log) are stream-rewritten row
 *     by row (patch.ts): untouched rows are copied verbatim, output cells are replaced or
 *     inserted in column order, as inline strings — never formulas — so sharedStrings.xml is
 *     not rewritten; each cell keeps its style; <cols>, conditional formats and table parts
 *     (extended columns, grown refs) are edited around sheetData;
 *   · computed sheets whose plan clears them (Tiers, Summary, a new Change log) are written
 *     whole (fresh.ts), with new table parts; their old table, drawing and chart parts go;
 *   · styles.xml gains the formats the plan needs (styles.ts), existing indexes unchanged;
 *   · workbook.xml, its rels and [Content_Types].xml get new sheets, the active tab, and lose
 *     calcChain.xml (Excel rebuilds it; a stale one is reported as corruption);
 *   · charts are added by the same addChartsToXlsx as the in-memory path, run on a small
 *     package holding just the charted sheets, whose new parts are then transplanted.
 *   The big sheet parts are deflated by zlib on the thread pool while JavaScript builds the next
 *   piece, so the write costs about one inflate + one deflate of the edited sheets.
 *
 * A plan step this path does not implement (a clear of a sheet it must keep, validation or a
 * filter, charts on an edited sheet, a prefixed or ZIP64 package…) throws UnsupportedPackage
 * before anything is written; the CLI then takes the in-memory path, which handles everything.
 */
import { promises as fs } from "node:fs";
import JSZip from "jszip";
import type { CellRange } from "../../core/plan/cells";
import { findTable, type TableSnapshot, type WorkbookSnapshot } from "../../core/plan/snapshot";
import type { SheetPlan, TablePlan, WorkbookPlan } from "../../core/plan/types";
import { addChartsToXlsx } from "../charts";
import { addRelationship, emptyRelationships, parseRelationships, relativeTarget, relsPathFor, resolveTarget } from "../charts/rels";
import { escapeXml, findTags, readAttr } from "../charts/xml";
import { chartSpecs } from "../save";
import { EditGrid } from "./edits";
import { writeFreshSheet } from "./fresh";
import { PackageGuard } from "../guard";
import { CONTENT_TYPES, CT, REL, WORKBOOK, partRels, sharedStringsPart, sheetEntries, sheetTables, stylesPart, type SheetEntry, type TableEntry } from "./package";
import { patchSheet } from "./patch";
import { OutOfGrid, packageSnapshot } from "./read";
import { tableRefOf, tableXml } from "./sheet-parts";
import { StyleBook, UnsupportedPackage } from "./styles";
import { PartSink, TextSink, ZipReader, ZipWriter, packText, type PackedPart } from "./zip";

export { UnsupportedPackage } from "./styles";
export { ZipFormatError } from "./zip";

export interface OpenedPackage {
  zip: ZipReader;
  snapshot: WorkbookSnapshot;
}

/**
 * Read a package and its snapshot. Throws ZipFormatError when it is no zip this path reads, and
 * the guard's InsightError (src/xlsx/guard) when it is unsafe to read at all. Every part this
 * path inflates goes through the guard as it is inflated: the small parts first, so a zip bomb
 * anywhere is found before the big sheets are read; the sheets and shared strings as the
 * snapshot decodes them, so they are inflated once for both (and the reader bounds the rows
 * and cells it scans itself: read.ts, OutOfGrid).
 */
export async function readPackage(file: string): Promise<OpenedPackage> {
  const buf = await fs.readFile(file);
  const guard = new PackageGuard(file, buf.length);
  const zip = new ZipReader(buf, guard);
  // 1904-based serials would need shifting everywhere; ExcelJS converts them, so it takes these
  if (/\sdate1904="(?:1|true)"/.test(zip.text(WORKBOOK))) throw new UnsupportedPackage("1904 date system");
  const sheets = sheetEntries(zip).map((s) => s.part);
  const sst = sharedStringsPart(zip);
  guard.rowsAndCellsCheckedByReader(sheets);
  guard.checkRest(zip, new Set([...sheets, ...(sst ? [sst] : [])]));
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = packageSnapshot(zip);
  } catch (e) {
    if (e instanceof OutOfGrid) guard.outOfGrid(e.part, e.element);
    throw e;
  }
  guard.checkRest(zip);
  return { zip, snapshot };
}

/** Rewrites an attribute of the first start tag of `tag` in xml. */
function setRootAttr(xml: string, tag: string, name: string, value: string): string {
  const m = new RegExp(`<${tag}\\b[^>]*?/?>`).exec(xml);
  if (!m) return xml;
  const t = m[0];
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  const nt = re.test(t) ? t.replace(re, `$1${value}$2`) : t.replace(new RegExp(`^<${tag}`), `<${tag} ${name}="${value}"`);
  return xml.slice(0, m.index) + nt + xml.slice(m.index + t.length);
}

function removeOverride(ct: string, part: string): string {
  return ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
}

function addOverride(ct: string, part: string, type: string): string {
  const at = ct.lastIndexOf("</Types>");
  return ct.slice(0, at) + `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>` + ct.slice(at);
}

function removeRelationship(rels: string, id: string): string {
  return rels.replace(new RegExp(`<Relationship\\b[^>]*\\sId="${id}"[^>]*/>`), "");
}

/** A table part with its ref (and autoFilter ref) set, and columns appended. */
function editTable(xml: string, ref: string, addColumns: string[]): string {
  let out = setRootAttr(xml, "table", "ref", ref);
  out = out.replace(/(<autoFilter\b[^>]*\sref=")[^"]*(")/, `$1${ref}$2`);
  if (addColumns.length) {
    const ids = findTags(out, "tableColumn").map((t) => Number(readAttr(t, "id") ?? 0));
    let next = Math.max(0, ...ids) + 1;
    const cols = addColumns.map((h) => `<tableColumn id="${next++}" name="${escapeXml(h)}"/>`).join("");
    out = out.replace("</tableColumns>", cols + "</tableColumns>");
    out = out.replace(/(<tableColumns\b[^>]*\scount=")\d+(")/, `$1${ids.length + addColumns.length}$2`);
  }
  return out;
}

/** What the patch needs of a snapshot once the plan is made: sizes and tables, no values. */
export interface SheetShape {
  name: string;
  originRow: number;
  originCol: number;
  rows: number;
  cols: number;
  tables: TableSnapshot[];
}

export interface PackageShape {
  sheets: SheetShape[];
  /** the ChangeLog table's first data cell is blank (a fresh template's placeholder row) */
  changeLogFirstBlank: boolean;
}

/** The shape of a snapshot, so the snapshot (hundreds of MB at 100,000 rows) can go before the write. */
export function packageShape(snapshot: WorkbookSnapshot): PackageShape {
  let changeLogFirstBlank = false;
  const found = findTable(snapshot, "ChangeLog");
  if (found) {
    const { sheet, table } = found;
    changeLogFirstBlank = (sheet.values[table.headerRow + 1 - sheet.originRow]?.[table.firstCol - sheet.originCol] ?? "") === "";
  }
  const sheets = snapshot.sheets.map((s) => {
    let cols = 0;
    for (const r of s.values) if (r.length > cols) cols = r.length;
    return { name: s.name, originRow: s.originRow, originCol: s.originCol, rows: s.values.length, cols, tables: s.tables };
  });
  return { sheets, changeLogFirstBlank };
}

/** Does one of `clear` cover the sheet's used range (so writing it anew loses nothing)? */
/**
 * Whether a table the plan replaces (deletes and adds anew) is, on this sheet, the same table at
 * the same top-left with the same columns: then moving its extent is the whole change and the
 * sheet can be patched (Undo last clean rewrites the archive so). Anything else is rebuilt in memory.
 */
function replacesInPlace(tables: readonly TableEntry[], t: TablePlan): boolean {
  const loaded = tables.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
  if (!loaded || loaded.name !== t.name) return false;
  const topLeft = tableRefOf(t.range).split(":")[0];
  return loaded.ref.split(":")[0] === topLeft && loaded.columns.length === t.headers.length && loaded.columns.every((c, i) => c === t.headers[i]);
}

function clearedWhole(sheet: SheetShape, clear: CellRange[]): boolean {
  if (sheet.rows === 0) return true;
  return clear.some((c) => c.row <= sheet.originRow && c.col <= sheet.originCol && c.row + c.rowCount >= sheet.originRow + sheet.rows && c.col + c.colCount >= sheet.originCol + sheet.cols);
}

interface Resize {
  table: string;
  range: CellRange;
  addColumns: string[];
}

/** Change-log rows as writes, placed as appendChangeLog places them; returns the table's new range. */
function changeLogWrites(plan: WorkbookPlan, headerRow: number, firstCol: number, rowCount: number, colCount: number, firstCellBlank: boolean): { writes: SheetPlan["writes"]; range: CellRange } {
  const start = rowCount === 1 && firstCellBlank ? headerRow + 1 : headerRow + rowCount + 1;
  const values = plan.changeLog.map((e) => [e.time, e.action, e.sheet, e.key, e.column, e.old, e.new]);
  const last = start + values.length - 1;
  return { writes: [{ row: start, col: firstCol, kind: "values", values }], range: { row: headerRow, col: firstCol, rowCount: last - headerRow + 1, colCount } };
}

/**
 * Write `plan` as a patch of the package `zip` (whose snapshot the plan was computed from) to `file`.
 * Throws UnsupportedPackage, before writing anything, for plan steps this path does not carry.
 */
export async function savePlanAsPatch(zip: ZipReader, shape: PackageShape, plan: WorkbookPlan, file: string): Promise<void> {
  const sheets = sheetEntries(zip);
  const stylePartName = stylesPart(zip);
  const styles = new StyleBook(zip.textOr(stylePartName, `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>`));
  let contentTypes = zip.text(CONTENT_TYPES);
  let workbook = zip.text(WORKBOOK);
  let workbookRels = zip.text(relsPathFor(WORKBOOK));
  if (/<[A-Za-z_][\w.-]*:workbook\b/.test(workbook)) throw new UnsupportedPackage("prefixed workbook.xml");

  const replaced = new Map<string, PackedPart | string>();
  const deleted = new Set<string>();
  const reserved = new Set<string>();
  const newPart = (dir: string, stem: string): string => {
    let n = 1;
    while (zip.has(`${dir}/${stem}${n}.xml`) || reserved.has(`${dir}/${stem}${n}.xml`)) n++;
    reserved.add(`${dir}/${stem}${n}.xml`);
    return `${dir}/${stem}${n}.xml`;
  };
  const allTables: TableEntry[] = sheets.flatMap((s) => sheetTables(zip, s.part));
  let nextTableId = Math.max(0, ...allTables.map((t) => t.id)) + 1;

  // --- decide, for every sheet plan, how it is written; nothing is written until all are checked
  const sheetPlans = plan.sheets.map((sp) => ({ ...sp, writes: [...sp.writes], tables: sp.tables.map((t) => ({ ...t, range: { ...t.range } })) }));
  const resizes = new Map<string, Resize[]>();
  if (plan.changeLog.length) {
    const holder = shape.sheets.find((sh) => sh.tables.some((t) => t.name.toLowerCase() === "changelog"));
    const found = holder ? { sheet: holder, table: holder.tables.find((t) => t.name.toLowerCase() === "changelog") as TableSnapshot } : undefined;
    const freshLog = sheetPlans.find((sp) => sp.tables.some((t) => t.name === "ChangeLog" && t.mode !== "extend"));
    if (freshLog) {
      const t = freshLog.tables.find((x) => x.name === "ChangeLog") as TablePlan;
      const cl = changeLogWrites(plan, t.range.row, t.range.col, t.range.rowCount - 1, t.range.colCount, true);
      freshLog.writes.push(...cl.writes);
      t.range = cl.range;
    } else if (found) {
      const { sheet, table } = found;
      const cl = changeLogWrites(plan, table.headerRow, table.firstCol, table.rowCount, table.headers.length, shape.changeLogFirstBlank);
      let sp = sheetPlans.find((x) => x.name === sheet.name);
      if (!sp) {
        sp = { name: sheet.name, ensure: false, clear: [], tables: [], writes: [], formats: [], validations: [], conditionalFormats: [], charts: [], columnWidths: [] };
        sheetPlans.push(sp);
      }
      sp.writes.push(...cl.writes);
      resizes.set(sheet.name, [...(resizes.get(sheet.name) ?? []), { table: table.name, range: cl.range, addColumns: [] }]);
    }
  }

  /** `tables`: a patched sheet's table parts, read once for the check and the patch */
  type Job = { sp: SheetPlan; entry?: SheetEntry; mode: "patch" | "fresh"; tables?: TableEntry[] };
  const jobs: Job[] = [];
  for (const sp of sheetPlans) {
    const entry = sheets.find((s) => s.name === sp.name);
    const snap = shape.sheets.find((s) => s.name === sp.name);
    if (!entry) {
      if (sp.ensure) jobs.push({ sp, mode: "fresh" });
      continue;
    }
    const replacedTables = new Set(sp.tables.filter((t) => t.mode === "replace").map((t) => t.name.toLowerCase()));
    const fresh = sp.ensure && snap !== undefined && clearedWhole(snap, sp.clear) && snap.tables.every((t) => replacedTables.has(t.name.toLowerCase()));
    if (fresh) {
      jobs.push({ sp, entry, mode: "fresh" });
      continue;
    }
    const tables = sheetTables(zip, entry.part);
    const reasons = [
      sp.tables.some((t) => t.mode === "create" || (t.mode === "replace" && !replacesInPlace(tables, t))) && "new tables",
      sp.validations.length && "validation",
      sp.charts.length && "charts",
      sp.freezeRows && "freeze",
      sp.pageSetup && "page setup",
      sp.filter && "filter",
      sp.formats.some((f) => f.range.rowCount * f.range.colCount > 10_000) && "large formats",
    ].filter(Boolean);
    if (reasons.length) throw new UnsupportedPackage(`sheet ${sp.name}: ${reasons.join(", ")}`);
    jobs.push({ sp, entry, mode: "patch", tables });
  }

  // --- final sheet order and the tab to show
  const order = [...sheets.map((s) => s.name), ...jobs.filter((j) => !j.entry).map((j) => j.sp.name)];
  const activeIndex = plan.activate ? order.indexOf(plan.activate) : -1;

  // --- write the sheets
  const chartSheets = new Set(plan.sheets.filter((s) => s.charts.length).map((s) => s.name));
  const chartTexts = new Map<string, string>();
  for (const job of jobs) {
    const { sp } = job;
    const selected = activeIndex < 0 ? undefined : plan.activate === sp.name;
    if (job.mode === "patch" && job.entry) {
      const part = job.entry.part;
      const tables = job.tables ?? [];
      const grid = new EditGrid();
      for (const r of sp.clear) grid.clear(r);
      for (const w of sp.writes) grid.write(w);
      const sheetResizes = [...(resizes.get(sp.name) ?? [])];
      for (const t of sp.tables) {
        const loaded = tables.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
        if (!loaded) continue; // as apply.ts: extending a table that is not there does nothing
        if (t.mode === "replace") {
          // the same table anew (replacesInPlace checked it): the part keeps its id and look, only its extent moves
          grid.values(t.range.row, t.range.col, [t.headers]);
          sheetResizes.push({ table: loaded.name, range: t.range, addColumns: [] });
          continue;
        }
        grid.values(t.range.row, t.range.col + loaded.columns.length, [t.headers]);
        sheetResizes.push({ table: loaded.name, range: t.range, addColumns: t.headers });
      }
      for (const f of sp.formats) grid.format(f);
      for (const r of sheetResizes) {
        const loaded = tables.find((x) => x.name.toLowerCase() === r.table.toLowerCase());
        if (!loaded) continue;
        const prev = replaced.get(loaded.part);
        const xml = typeof prev === "string" ? prev : loaded.xml;
        replaced.set(loaded.part, editTable(xml, tableRefOf(r.range), r.addColumns));
      }
      const sink = new PartSink();
      await patchSheet(zip.text(part), { grid, styles, widths: sp.columnWidths, clearConditionalFormats: sp.clearConditionalFormats ?? [], conditionalFormats: sp.conditionalFormats, selected }, sink);
      replaced.set(part, await sink.end());
      continue;
    }
    // fresh: a new part, or an existing one written anew without its old tables and drawings
    let part: string;
    let keep = sp;
    if (job.entry) {
      part = job.entry.part;
      // the tab colour is the sheet's, not its content: the in-memory path keeps it too
      const old = zip.head(part);
      const tab = /<tabColor\b[^>]*\/>/.exec(old.split("<sheetData")[0])?.[0];
      const rgb = tab ? /rgb="FF([0-9A-Fa-f]{6})"/.exec(tab)?.[1] : undefined;
      if (!sp.tabColor && rgb) keep = { ...sp, tabColor: `#${rgb}` };
      for (const rel of partRels(zip, part)) {
        if (rel.external) continue;
        const target = resolveTarget(part, rel.target);
        if (rel.type === REL.table || rel.type === REL.drawing) {
          deleted.add(target);
          contentTypes = removeOverride(contentTypes, target);
        }
        if (rel.type === REL.drawing) {
          deleted.add(relsPathFor(target));
          for (const dr of partRels(zip, target)) {
            if (dr.type !== REL.chart || dr.external) continue;
            const chart = resolveTarget(target, dr.target);
            deleted.add(chart);
            deleted.add(relsPathFor(chart));
            contentTypes = removeOverride(contentTypes, chart);
          }
        }
      }
    } else {
      part = newPart("xl/worksheets", "sheet");
      const rel = addRelationship(workbookRels, REL.worksheet, relativeTarget(WORKBOOK, part));
      workbookRels = rel.xml;
      const sheetId = Math.max(0, ...findTags(workbook, "sheet").map((t) => Number(readAttr(t, "sheetId") ?? 0))) + 1;
      const tag = `<sheet name="${escapeXml(sp.name)}" sheetId="${sheetId}" r:id="${rel.id}"/>`;
      workbook = /<\/sheets>/.test(workbook) ? workbook.replace("</sheets>", `${tag}</sheets>`) : workbook.replace(/<sheets\s*\/>/, `<sheets>${tag}</sheets>`);
      contentTypes = addOverride(contentTypes, part, CT.worksheet);
    }
    let rels = emptyRelationships();
    const relIds: string[] = [];
    for (const t of sp.tables) {
      const tablePart = newPart("xl/tables", "table");
      replaced.set(tablePart, tableXml(nextTableId++, t.name, t.range, t.headers, t.style));
      contentTypes = addOverride(contentTypes, tablePart, CT.table);
      const rel = addRelationship(rels, REL.table, relativeTarget(part, tablePart));
      rels = rel.xml;
      relIds.push(rel.id);
    }
    const relsPart = relsPathFor(part);
    if (relIds.length) replaced.set(relsPart, rels);
    else if (zip.has(relsPart)) deleted.add(relsPart);
    if (chartSheets.has(sp.name)) {
      const sink = new TextSink();
      await writeFreshSheet(keep, styles, selected === true, relIds, sink);
      chartTexts.set(sp.name, sink.text());
      replaced.set(part, sink.text());
    } else {
      const sink = new PartSink();
      await writeFreshSheet(keep, styles, selected === true, relIds, sink);
      replaced.set(part, await sink.end());
    }
    deleted.delete(part);
  }

  // --- other sheets selected in the input lose their selection (two selected tabs group them)
  if (activeIndex >= 0) {
    const done = new Set(jobs.map((j) => j.entry?.part));
    for (const s of sheets) {
      if (done.has(s.part)) continue;
      const e = zip.entries.get(s.part);
      if (!e || e.size > 64 << 20) continue;
      if (!/tabSelected="(?:1|true)"/.test(zip.head(s.part).split("<sheetData")[0])) continue;
      const xml = zip.text(s.part);
      const h = xml.indexOf("<sheetData");
      const headXml = h < 0 ? xml : xml.slice(0, h);
      replaced.set(s.part, headXml.replace(/\s+tabSelected="(?:1|true)"/, "") + (h < 0 ? "" : xml.slice(h)));
    }
    workbook = setRootAttr(workbook, "workbookView", "activeTab", String(activeIndex));
    if (!/<workbookView\b/.test(workbook)) {
      const view = `<bookViews><workbookView activeTab="${activeIndex}"/></bookViews>`;
      workbook = workbook.replace(/<sheets\b/, `${view}<sheets`);
    }
  }

  // --- calcChain goes: cells changed under it
  for (const rel of parseRelationships(workbookRels).filter((r) => r.type === REL.calcChain)) {
    const target = resolveTarget(WORKBOOK, rel.target);
    deleted.add(target);
    contentTypes = removeOverride(contentTypes, target);
    workbookRels = removeRelationship(workbookRels, rel.id);
  }
  if (styles.changed) replaced.set(stylePartName, styles.toXml());
  replaced.set(WORKBOOK, workbook);
  replaced.set(relsPathFor(WORKBOOK), workbookRels);
  replaced.set(CONTENT_TYPES, contentTypes);

  // --- charts, on a package of just the parts they touch
  const specs = chartSpecs(plan);
  if (specs.length) {
    const mini = new JSZip();
    mini.file(CONTENT_TYPES, contentTypes);
    mini.file(WORKBOOK, workbook);
    mini.file(relsPathFor(WORKBOOK), workbookRels);
    const entries = sheetEntriesOf(workbook, workbookRels);
    for (const [name, text] of chartTexts) {
      const part = entries.get(name);
      if (!part) continue;
      mini.file(part, text);
      const relsPart = relsPathFor(part);
      const rels = replaced.get(relsPart);
      if (typeof rels === "string") mini.file(relsPart, rels);
    }
    if (specs.some((s) => !chartTexts.has(s.sheetName))) throw new UnsupportedPackage("charts on a sheet this path does not write");
    const withCharts = new ZipReader(await addChartsToXlsx(await mini.generateAsync({ type: "nodebuffer" }), specs));
    for (const name of withCharts.entries.keys()) replaced.set(name, withCharts.text(name));
  }

  // --- the package: content types first, then the input's parts in their order, then new ones
  const writer = new ZipWriter();
  const names = [CONTENT_TYPES, ...[...zip.entries.keys()].filter((n) => n !== CONTENT_TYPES), ...[...replaced.keys()].filter((n) => !zip.has(n) && n !== CONTENT_TYPES)];
  const packing = new Map<string, Promise<PackedPart>>();
  for (const n of names) {
    const r = replaced.get(n);
    if (typeof r === "string") packing.set(n, packText(r));
  }
  for (const n of names) {
    if (deleted.has(n) && !replaced.has(n)) continue;
    const r = replaced.get(n);
    if (r === undefined) writer.copy(zip, n);
    else if (typeof r === "string") writer.add(n, await (packing.get(n) as Promise<PackedPart>));
    else writer.add(n, r);
  }
  await fs.writeFile(file, writer.toBuffer());
}

function sheetEntriesOf(workbook: string, rels: string): Map<string, string> {
  const rs = parseRelationships(rels);
  const out = new Map<string, string>();
  for (const tag of findTags(workbook, "sheet")) {
    const rel = rs.find((r) => r.id === readAttr(tag, "r:id"));
    if (rel) out.set(readAttr(tag, "name") ?? "", resolveTarget(WORKBOOK, rel.target));
  }
  return out;
}
