import type { ScoreResult } from "../core/engine/result";
import { TIER_NAMES } from "../core/layout/sheets";
import type { Lang } from "../core/plan/cells";
import { pick } from "../core/plan/cells";

/** Display width: CJK characters take two terminal columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s;

/** The short tier table the CLI prints: count, share and amount per tier, then the totals. */
export function tierTable(result: ScoreResult, lang: Lang): string {
  const zh = lang === "zh-CN";
  const head = zh ? ["分层", "客户数", "占比", "金额(万元)"] : ["Tier", "Customers", "Share", "Amount (¥10k)"];
  const rows = result.summary.tiers.filter((t) => t.tier !== "" || t.count > 0).map((t) => [t.tier === "" ? (zh ? "未评分" : "Not scored") : `${t.tier} ${pick(TIER_NAMES[t.tier], lang)}`, String(t.count), `${(t.share * 100).toFixed(1)}%`, t.amount.toFixed(2)]);
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? pad(c, widths[i]) : padStart(c, widths[i]))).join("  ");
  const s = result.summary;
  const footer = zh
    ? `共 ${s.customerCount} 位客户 (有购买数据 ${s.withBehaviourCount}, 潜客 ${s.prospectCount}); 核心客户 ${s.coreCount}; 逾期跟进 ${s.overdue.length}; 待补充资料 ${s.incompleteCount}`
    : `${s.customerCount} customers (${s.withBehaviourCount} with purchases, ${s.prospectCount} prospects); ${s.coreCount} core; ${s.overdue.length} overdue follow-ups; ${s.incompleteCount} incomplete`;
  return [line(all[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), "", footer].join("\n");
}
