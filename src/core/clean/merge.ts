import type { CellValue, Label, Lang } from "../plan/cells";
import { pick } from "../plan/cells";

/**
 * How a group of exact duplicates becomes one customer (SPEC §5).
 *
 * Survivor: the most complete record (the count of non-blank input cells), ties → the latest
 * 最近沟通时间 (a date serial; text that is not a date counts as none), then the first row.
 *
 * Blank cells of the survivor are filled from the others, in row order (the first non-blank
 * value wins). Other contacts — 联系人 / 职务 / 手机 / 邮箱 of a merged record that differ from the
 * survivor's — are carried over as one line appended to the survivor's 沟通内容摘要, e.g.
 * "其他联系人: 李四 / 采购经理 / 13900139000 / li@x.com", because that is the cell a salesperson
 * reads before calling, it is plain text a colleague without the add-in can read, and nothing
 * is lost from the ledger. The full merged records also go to the Archive sheet (every input
 * cell, plus 并入客户 and 合并时间), and every cell changed is in the Change log.
 */

export interface MergeRecord {
  row: number;
  /**
   * input cells (after normalisation), in the order of the run's `RecordFields`. An array, not an
   * object keyed by column id: such objects, built key by key, fall back to slow dictionary mode,
   * and a merge of 100,000 customers builds one per member.
   */
  cells: CellValue[];
}

/** Column id → position in MergeRecord.cells. */
export type RecordFields = ReadonlyMap<string, number>;

/** The record's cell for a column id; undefined when records do not hold that column. */
export function field(r: MergeRecord, fields: RecordFields, id: string): CellValue | undefined {
  const i = fields.get(id);
  return i === undefined ? undefined : r.cells[i];
}

export function completeness(r: MergeRecord): number {
  let n = 0;
  for (const v of r.cells) if (v !== "") n++;
  return n;
}

export function chooseSurvivor(records: readonly MergeRecord[], fields: RecordFields): MergeRecord {
  let best = records[0];
  let bestScore = completeness(best);
  for (let k = 1; k < records.length; k++) {
    const r = records[k];
    const score = completeness(r);
    if (score > bestScore) {
      best = r;
      bestScore = score;
      continue;
    }
    if (score === bestScore) {
      const a = lastContact(r, fields);
      const b = lastContact(best, fields);
      if (a !== null && (b === null || a > b)) best = r;
    }
  }
  return best;
}

function lastContact(r: MergeRecord, fields: RecordFields): number | null {
  const v = field(r, fields, "lastContact");
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export const CONTACT_FIELDS = ["contact", "title", "mobile", "email"] as const;

/** How contact values compare: trimmed, case-folded text. */
function fold(v: CellValue): string {
  return String(v).trim().toLowerCase();
}

/**
 * The contacts of merged records that the survivor does not already hold, one entry per person,
 * fields joined by " / ". A record whose contact fields all match the survivor's (or are blank,
 * or were used to fill the survivor's blanks) adds nothing.
 */
export function otherContacts(survivor: MergeRecord, others: readonly MergeRecord[], recordFields: RecordFields): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  // The survivor's contact, folded once for all the others.
  const mine = CONTACT_FIELDS.map((f) => field(survivor, recordFields, f) ?? "");
  const mineFolded = mine.map(fold);
  for (const o of others) {
    // Most merged records hold the survivor's own contact: settle that before building anything.
    // Equal values are the same whatever the folding, so only unequal ones are folded.
    let differs = false;
    for (let i = 0; i < CONTACT_FIELDS.length && !differs; i++) {
      const v = field(o, recordFields, CONTACT_FIELDS[i]) ?? "";
      differs = v !== "" && v !== mine[i] && fold(v) !== mineFolded[i];
    }
    if (!differs) continue;
    const fields = CONTACT_FIELDS.map((f) => field(o, recordFields, f) ?? "");
    const text = fields.filter((v) => v !== "").map(String).join(" / ");
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

export const CONTACTS_SEPARATOR = "; ";

export function contactsLine(label: Label, contacts: readonly string[], lang: Lang): string {
  return `${pick(label, lang)}: ${contacts.join(CONTACTS_SEPARATOR)}`;
}

/** The survivor's summary with the contacts line appended on a new line (or alone when blank). */
export function appendLine(summary: CellValue, line: string): string {
  const s = typeof summary === "string" ? summary : String(summary);
  return s === "" ? line : `${s}\n${line}`;
}
