import type { Conclusions } from "../engine/conclusions";
import type { Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import { formatConclusionLines } from "../i18n/engine";

/** The Summary's conclusion and recommendation lines in the workbook's language. */
export function formatConclusions(c: Conclusions, lang: Lang): { conclusions: string[]; recommendations: string[] } {
  const lines = formatConclusionLines(c);
  return { conclusions: lines.conclusions.map((l) => pick(l, lang)), recommendations: lines.recommendations.map((l) => pick(l, lang)) };
}
