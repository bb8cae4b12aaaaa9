import {
  ACTION_TEXT,
  CUSTOMER_TYPE_TEXT,
  SCORE_KIND_LABEL,
  SEGMENT_TEXT,
  SEPARATOR,
  TIER_LABEL,
  YES_NO,
  dataStatusText,
  followUpStatusText,
  issueText,
  reasonText,
  tierLetter,
  traitText,
} from "../i18n/engine";
import type { Label, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import { DEFAULT_SETTINGS } from "../settings/types";
import type { CustomerResult } from "./result";

/** The words one customer's output cells show; "" where the figure does not apply. */
export interface CustomerTexts {
  /** "A类" / "Tier A" */
  tier: string;
  /** 高价值 / High value */
  tierName: string;
  scoreKind: string;
  reason: string;
  traits: string;
  issues: string;
  action: string;
  dataStatus: string;
  segment: string;
  followUpStatus: string;
  core: string;
  customerType: string;
}

function join(labels: Label[], lang: Lang): string {
  return labels.map((l) => pick(l, lang)).join(pick(SEPARATOR, lang));
}

/** `dueSoonDays` only words the due-soon label (3 天内到期); pass the Settings value. */
export function formatResult(result: CustomerResult, lang: Lang, dueSoonDays: number = DEFAULT_SETTINGS.dueSoonDays): CustomerTexts {
  return {
    tier: pick(tierLetter(result.tier), lang),
    tierName: pick(TIER_LABEL[result.tier], lang),
    scoreKind: pick(SCORE_KIND_LABEL[result.scoreKind], lang),
    reason: pick(reasonText(result.reason), lang),
    traits: join(result.traits.map(traitText), lang),
    issues: join(result.issues.map(issueText), lang),
    action: pick(ACTION_TEXT[result.tier], lang),
    dataStatus: pick(dataStatusText(result.gaps), lang),
    segment: result.segment ? pick(SEGMENT_TEXT[result.segment], lang) : "",
    followUpStatus: result.followUpStatus ? pick(followUpStatusText(result.followUpStatus, dueSoonDays), lang) : "",
    core: pick(YES_NO[result.core ? "yes" : "no"], lang),
    customerType: result.customerType ? pick(CUSTOMER_TYPE_TEXT[result.customerType], lang) : "",
  };
}
