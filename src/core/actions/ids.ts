import type { CustomerRecord } from "../mapping/records";
import { serialToISO } from "../mapping/dates";

/**
 * IDs for customers without one: year + 3-digit sequence (2024001), continuing after the
 * highest id of that year already present, so existing ids are never reused.
 */
export function generateIds(records: readonly CustomerRecord[], refDate: number): Map<number, string> {
  const year = serialToISO(refDate).slice(0, 4);
  const taken = new Set(records.map((r) => r.id.trim().toLowerCase()));
  let seq = 0;
  for (const r of records) {
    const m = new RegExp(`^${year}(\\d{3,})$`).exec(r.id.trim());
    if (m) seq = Math.max(seq, Number(m[1]));
  }
  const out = new Map<number, string>();
  for (const r of records) {
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
