import { EMPTY, invalid, isErrorValue, type Normalised, type RawCell, type WarningCode } from "./types";

/** Mail providers common in Chinese customer lists, for typo suggestions only. */
export const COMMON_EMAIL_DOMAINS: readonly string[] = [
  "qq.com", "vip.qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "vip.163.com", "sina.com", "sina.cn",
  "sohu.com", "aliyun.com", "139.com", "189.cn", "tom.com", "gmail.com", "hotmail.com", "outlook.com",
  "live.com", "yahoo.com", "icloud.com",
];

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** ASCII labels only (IDN domains are written in punycode, xn--…): rare in customer lists, and unambiguous. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Optimal string alignment distance (adjacent transpositions count 1: gmial → gmail). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/** A common provider one edit away (qq.con, 163.cm, gmial.com), or any ".con" domain; null otherwise. */
export function suggestDomain(domain: string): string | null {
  if (COMMON_EMAIL_DOMAINS.includes(domain)) return null;
  let best: string | null = null;
  let bestDistance = 2;
  for (const known of COMMON_EMAIL_DOMAINS) {
    const dist = distance(domain, known);
    if (dist < bestDistance) {
      best = known;
      bestDistance = dist;
    }
  }
  if (best !== null) return best;
  if (/\.(?:con|cmo|ocm|comm|coom|vom|xom)$/.test(domain)) return domain.replace(/\.[a-z]+$/, ".com");
  return null;
}

type One = { kind: "email"; value: string; warnings: WarningCode[]; suggestion?: string } | { kind: "invalid" };

function parseOne(part: string): One {
  let s = part
    .replace(/[＠﹫]/g, "@")
    .replace(/[．。｡]/g, ".")
    .normalize("NFKC")
    .trim()
    .replace(/^mailto:/i, "");
  const angle = /^[^<>]*<([^<>]+)>$/.exec(s); // 张三 <zhang@example.com>
  if (angle) s = (angle[1] ?? "").trim();
  s = s.replace(/\s*@\s*/, "@").replace(/\s*\.\s*/g, ".");
  const at = s.lastIndexOf("@");
  if (at <= 0 || s.indexOf("@") !== at || /\s/.test(s)) return { kind: "invalid" };
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase().replace(/\.$/, "");
  if (local.length > 64 || s.length > 254 || !LOCAL.test(local)) return { kind: "invalid" };
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { kind: "invalid" };
  const tld = labels[labels.length - 1] ?? "";
  if (!/^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/.test(tld)) return { kind: "invalid" };
  const value = `${local}@${domain}`;
  const suggested = suggestDomain(domain);
  return suggested === null ? { kind: "email", value, warnings: [] } : { kind: "email", value, warnings: ["domainTypo"], suggestion: `${local}@${suggested}` };
}

/**
 * An email cell: trimmed, full-width ＠ and ． (and 。) to half-width, the domain lower-cased
 * (the local part is left as typed: it may be case-sensitive). A domain that looks like a typo of
 * a common provider is accepted with the warning domainTypo and a `suggestion` — never fixed.
 * Several addresses: the first is the value (warning multiple), the rest in `extra`.
 */
export function normaliseEmail(raw: RawCell): Normalised<string> {
  if (typeof raw === "boolean") return invalid("boolean");
  if (typeof raw === "number") return invalid("notEmail");
  if (isErrorValue(raw)) return invalid("errorValue");
  if (raw.replace(/[\s\u200B-\u200D\uFEFF]/g, "") === "") return EMPTY;
  const text = raw.replace(/[\u200B-\u200D\uFEFF]/g, "");
  const parts = text.split(/[;；,，\n\r、|]+|(?<=@\S+)\s+(?=[^\s@]+[@＠])/).map((p) => p.trim()).filter((p) => p !== "");
  const parsed = parts.map(parseOne);
  const [first, ...rest] = parsed;
  if (!first || first.kind !== "email") return invalid("notEmail");
  const warnings = [...first.warnings];
  const extra: string[] = [];
  rest.forEach((p, i) => extra.push(p.kind === "email" ? p.value : (parts[i + 1] ?? "")));
  if (extra.length > 0) warnings.push("multiple");
  const r: Normalised<string> = { status: "ok", value: first.value, changed: first.value !== raw };
  if (warnings.length > 0) r.warnings = warnings;
  if (extra.length > 0) r.extra = extra;
  if (first.suggestion !== undefined) r.suggestion = first.suggestion;
  return r;
}
