import { INDUSTRY_SECTIONS, INDUSTRY_SYNONYMS, industryLabel, isSectionLetter, type SectionLetter } from "../../layout/industries";
import { cleanText, foldKey } from "./text";
import { EMPTY, invalid, isErrorValue, type Normalised, type RawCell, type WarningCode } from "./types";

/** A GB/T 4754-2017 section and, when the cell gave one, the sub-industry (细分行业) text. */
export interface IndustryValue {
  section: SectionLetter;
  sub?: string;
}

/** key → sections, from section names (zh and en) and the synonym table */
const EXACT = new Map<string, SectionLetter[]>();
function addKey(term: string, sections: SectionLetter[]): void {
  const key = foldKey(term);
  const known = EXACT.get(key) ?? [];
  EXACT.set(key, [...new Set([...known, ...sections])].sort());
}
for (const s of INDUSTRY_SECTIONS) {
  addKey(s.zh, [s.letter]);
  addKey(s.en, [s.letter]);
  // the name without its punctuation: 农林牧渔业, 交通运输仓储和邮政业
  addKey(s.zh.replace(/[、，,]/g, ""), [s.letter]);
}
for (const syn of INDUSTRY_SYNONYMS) addKey(syn.term, syn.sections);

/** Terms tried inside longer texts, longest first so 汽车零部件 wins over 汽车. */
const PARTIAL_TERMS = [...EXACT.keys()].sort((a, b) => b.length - a.length);

const SEPARATORS = /\s*[-－—–_/／|｜·•:：>＞、]+\s*/g;

function resolveByName(text: string): SectionLetter[] {
  return EXACT.get(foldKey(text)) ?? [];
}

type Resolution = { sections: SectionLetter[]; mismatch: boolean; sub?: string };

/** The whole text as one industry: a letter, a code (C34), a label (C 制造业), a name or a synonym. */
function resolveExact(text: string): Resolution {
  const key = foldKey(text);
  const upper = key.toUpperCase();
  if (upper.length === 1 && isSectionLetter(upper)) return { sections: [upper], mismatch: false };
  const code = /^([a-t])\d{2,4}$/.exec(key);
  if (code) {
    const letter = (code[1] ?? "").toUpperCase();
    if (isSectionLetter(letter)) return { sections: [letter], mismatch: false };
  }
  const byName = resolveByName(text);
  if (byName.length > 0) return { sections: byName, mismatch: false };
  // "C 制造业", "C.制造业", "C制造业", "C Manufacturing": a letter, then a name or synonym
  const labelled = /^([A-Ta-t])(?:[\s.、:：\-_]+|(?=[^\x00-\x7F]))(.+)$/.exec(text);
  if (labelled) {
    const letter = (labelled[1] ?? "").toUpperCase();
    const rest = labelled[2] ?? "";
    const named = resolveByName(rest);
    if (isSectionLetter(letter) && named.length > 0) {
      // "C 汽车零部件": the letter and a finer term, which is the sub-industry
      if (named.includes(letter)) return isNameOrLabel(rest) ? { sections: [letter], mismatch: false } : { sections: [letter], mismatch: false, sub: rest };
      return { sections: [...new Set([letter, ...named])].sort(), mismatch: true };
    }
  }
  return { sections: [], mismatch: false };
}

const isAscii = (s: string): boolean => /^[\x00-\x7F]+$/.test(s);

/** Known terms found inside a longer text; overlapping shorter terms give way to longer ones. */
function resolvePartial(text: string): SectionLetter[] {
  const key = foldKey(text);
  const taken: boolean[] = new Array<boolean>(key.length).fill(false);
  const sections = new Set<SectionLetter>();
  for (const term of PARTIAL_TERMS) {
    if (term.length < 2) continue;
    let from = 0;
    for (;;) {
      const at = key.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + term.length;
      if (isAscii(term)) {
        // "it" inside "digital" is no match: ASCII terms need word boundaries
        const before = key.charAt(at - 1);
        const after = key.charAt(end);
        if (/[a-z0-9]/.test(before) || /[a-z0-9]/.test(after)) continue;
      }
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      for (const s of EXACT.get(term) ?? []) sections.add(s);
    }
  }
  return [...sections].sort();
}

function result(sections: SectionLetter[], sub: string | undefined, raw: RawCell, reason: "multipleSections" | "letterNameMismatch", warnings: WarningCode[]): Normalised<IndustryValue> {
  const make = (section: SectionLetter): IndustryValue => (sub === undefined ? { section } : { section, sub });
  const [first] = sections;
  if (first === undefined) return invalid("unknownIndustry");
  if (sections.length > 1) {
    const r: Normalised<IndustryValue> = { status: "ambiguous", candidates: sections.map(make), reason };
    if (warnings.length > 0) r.warnings = warnings;
    return r;
  }
  const changed = sub !== undefined || (raw !== industryLabel(first, "zh-CN") && raw !== industryLabel(first, "en-US"));
  const r: Normalised<IndustryValue> = { status: "ok", value: make(first), changed };
  if (warnings.length > 0) r.warnings = warnings;
  return r;
}

/**
 * An industry cell → a GB/T 4754-2017 section (+ sub-industry). "C 制造业", "C", "制造业",
 * "Manufacturing" → C; "制造业-机械设备" and "制造业（机械设备）" → C + 机械设备; synonyms from the
 * table (软件, IT → I). A known term inside a longer text is accepted with the warning
 * partialMatch; a term of several sections, or a letter that contradicts its name, is ambiguous;
 * anything else is unknownIndustry — never guessed.
 */
export function normaliseIndustry(raw: RawCell): Normalised<IndustryValue> {
  if (typeof raw === "boolean") return invalid("boolean");
  if (typeof raw === "number") return invalid("unknownIndustry");
  if (isErrorValue(raw)) return invalid("errorValue");
  const text = cleanText(raw);
  if (text === "") return EMPTY;

  const whole = resolveExact(text);
  if (whole.sections.length > 0) return result(whole.sections, whole.sub, raw, whole.mismatch ? "letterNameMismatch" : "multipleSections", []);

  // 制造业-机械设备, 信息技术/软件开发, 制造业（机械设备）: the longest head that is an industry wins
  const bracket = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/.exec(text);
  const splits: [string, string][] = bracket ? [[bracket[1] ?? "", bracket[2] ?? ""]] : [];
  // longest head first: 交通运输、仓储和邮政业-X is G + X, not 交通运输 (G) + 仓储和邮政业-X
  for (const m of [...text.matchAll(SEPARATORS)].reverse()) splits.push([text.slice(0, m.index), text.slice(m.index + m[0].length)]);
  for (const [head, tail] of splits) {
    const sub = tail.replace(/^[\s\-－—–_/／|｜·•:：>＞、]+|[\s\-－—–_/／|｜·•:：>＞、]+$/g, "");
    if (head === "" || sub === "") continue;
    const resolved = resolveExact(head);
    if (resolved.sections.length === 0) continue;
    // "制造业/C 制造业": the tail only repeats the section
    const repeats = isNameOrLabel(sub) && resolveExact(sub).sections.join() === resolved.sections.join();
    const fullSub = resolved.sub === undefined ? sub : `${resolved.sub}-${sub}`;
    return result(resolved.sections, repeats ? resolved.sub : fullSub, raw, resolved.mismatch ? "letterNameMismatch" : "multipleSections", []);
  }

  const partial = resolvePartial(text);
  if (partial.length > 0) return result(partial, undefined, raw, "multipleSections", ["partialMatch"]);
  return invalid("unknownIndustry");
}

function isNameOrLabel(text: string): boolean {
  const key = foldKey(text);
  return INDUSTRY_SECTIONS.some((s) => [s.zh, s.en, s.zh.replace(/[、，,]/g, ""), industryLabel(s, "zh-CN"), industryLabel(s, "en-US")].some((n) => foldKey(n) === key));
}

/** How a value is written back: the dropdown label (sub-industry goes to its own column). */
export function formatIndustry(value: IndustryValue, lang: "zh-CN" | "en-US" = "zh-CN"): string {
  return industryLabel(value.section, lang);
}
