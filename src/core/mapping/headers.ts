import type { ColumnDef } from "../layout/types";

/**
 * Headers are compared folded: full-width to half-width, case, spaces, and the bracket kinds
 * people mix (（）【】[]) — so "年营收（万元）" and "年营收(万元)" are one header.
 */
export function foldHeader(raw: unknown): string {
  const s = String(raw ?? "")
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/[【\[]/g, "(")
    .replace(/[】\]]/g, ")")
    .toLowerCase()
    .replace(/[\s_\-:：*]+/g, "");
  return s;
}

/** The header without a trailing unit in brackets: "购买金额(万元)" → "购买金额". */
function withoutUnit(folded: string): string {
  return folded.replace(/\([^)]*\)$/, "");
}

export interface HeaderIndex {
  exact: Map<string, string>;
  loose: Map<string, string>;
}

/** One lookup table per column set: id, zh, en and synonyms, exact first, then without units. */
export function buildHeaderIndex(columns: readonly ColumnDef[]): HeaderIndex {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  // Labels win over synonyms: add them first and never overwrite.
  const names = (c: ColumnDef) => [c.id, c.label.zh, c.label.en];
  for (const pass of [names, (c: ColumnDef) => c.synonyms ?? []]) {
    for (const c of columns) {
      for (const n of pass(c)) {
        const f = foldHeader(n);
        if (f && !exact.has(f)) exact.set(f, c.id);
        const l = withoutUnit(f);
        if (l && !loose.has(l)) loose.set(l, c.id);
      }
    }
  }
  return { exact, loose };
}

export function matchHeader(index: HeaderIndex, header: unknown): string | null {
  const f = foldHeader(header);
  if (!f) return null;
  return index.exact.get(f) ?? index.loose.get(withoutUnit(f)) ?? index.exact.get(withoutUnit(f)) ?? null;
}

/**
 * Map a header row to column ids. The first occurrence of a column wins; later duplicates stay
 * unmapped (and so untouched), because guessing which one a person meant would lose data.
 */
export function mapHeaderRow(index: HeaderIndex, headers: readonly unknown[]): { byId: Map<string, number>; unmapped: number[] } {
  const byId = new Map<string, number>();
  const unmapped: number[] = [];
  headers.forEach((h, i) => {
    const id = matchHeader(index, h);
    if (id && !byId.has(id)) byId.set(id, i);
    else unmapped.push(i);
  });
  return { byId, unmapped };
}
