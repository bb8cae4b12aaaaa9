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
  /** input cells by column id (after normalisation) */
  cells: Record<string, CellValue>;
}

export function completeness(r: MergeRecord): number {
  let n = 0;
  for (const k in r.cells) if (r.cells[k] !== "") n++;
  return n;
}

export function chooseSurvivor(records: readonly MergeRecord[]): MergeRecord {
  let best = records[0];
  let bestScore = completeness(best);
  for (const r of records.slice(1)) {
    const score = completeness(r);
    if (score > bestScore) {
      best = r;
      bestScore = score;
      continue;
    }
    if (score === bestScore) {
      const a = lastContact(r);
      const b = lastContact(best);
      if (a !== null && (b === null || a > b)) best = r;
    }
  }
  return best;
}

function lastContact(r: MergeRecord): number | null {
  const v = r.cells.lastContact;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export const CONTACT_FIELDS = ["contact", "title", "mobile", "email"] as const;

function same(a: CellValue, b: CellValue): boolean {
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/**
 * The contacts of merged records that the survivor does not already hold, one entry per person,
 * fields joined by " / ". A record whose contact fields all match the survivor's (or are blank,
 * or were used to fill the survivor's blanks) adds nothing.
 */
export function otherContacts(survivor: Record<string, CellValue>, others: readonly MergeRecord[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const o of others) {
    const fields = CONTACT_FIELDS.map((f) => o.cells[f] ?? "");
    if (fields.every((v) => v === "")) continue;
    const differs = CONTACT_FIELDS.some((f, i) => fields[i] !== "" && !same(fields[i], survivor[f] ?? ""));
    if (!differs) continue;
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
