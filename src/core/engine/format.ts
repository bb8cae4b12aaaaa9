import {
  ACTION_TEXT,
  CUSTOMER_TYPE_TEXT,
  SCORE_KIND_LABEL,
  SEGMENT_TEXT,
  SEPARATOR,
  TIER_LABEL,
  YES_NO,
  dataStatusIn,
  followUpStatusIn,
  issueIn,
  reasonIn,
  tierLetter,
  traitIn,
} from "../i18n/engine";
import type { Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import { DEFAULT_SETTINGS } from "../settings/types";
import type { CustomerResult } from "./result";
import type { CustomerType, DataGap, FollowUpStatus, Issue, Reason, ScoreKind, SegmentId, Tier, Trait } from "./types";

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

type PerTier = Record<Tier, string>;

function perTier(text: (t: Tier) => string): PerTier {
  return { A: text("A"), B: text("B"), C: text("C"), D: text("D"), "": text("") };
}

/**
 * One run's words in one language. A sheet of 100,000 customers repeats a handful of texts (tier,
 * action, segment, yes/no, follow-up status), and the engine shares one frozen trait list and one
 * frozen gap list per distinct combination: each of those is worded once here and the same string
 * handed out again. The reason and the issues are worded per customer.
 */
export class ResultWords {
  private readonly tiers: PerTier;
  private readonly tierNames: PerTier;
  private readonly actions: PerTier;
  private readonly scoreKinds: Record<ScoreKind, string>;
  private readonly yesNo: { yes: string; no: string };
  private readonly customerTypes: Record<CustomerType, string>;
  private readonly followUps: Record<FollowUpStatus, string>;
  private readonly separator: string;
  private readonly segments = new Map<SegmentId, string>();
  private readonly traitLines = new Map<readonly Trait[], string>();
  private readonly gapLines = new Map<readonly DataGap[], string>();

  constructor(
    readonly lang: Lang,
    /** only words the due-soon label (3 天内到期); pass the Settings value */
    readonly dueSoonDays: number = DEFAULT_SETTINGS.dueSoonDays,
  ) {
    this.tiers = perTier((t) => pick(tierLetter(t), lang));
    this.tierNames = perTier((t) => pick(TIER_LABEL[t], lang));
    this.actions = perTier((t) => pick(ACTION_TEXT[t], lang));
    this.scoreKinds = { value: pick(SCORE_KIND_LABEL.value, lang), prospect: pick(SCORE_KIND_LABEL.prospect, lang), none: pick(SCORE_KIND_LABEL.none, lang) };
    this.yesNo = { yes: pick(YES_NO.yes, lang), no: pick(YES_NO.no, lang) };
    this.customerTypes = { new: pick(CUSTOMER_TYPE_TEXT.new, lang), existing: pick(CUSTOMER_TYPE_TEXT.existing, lang) };
    this.followUps = { overdue: followUpStatusIn("overdue", dueSoonDays, lang), dueSoon: followUpStatusIn("dueSoon", dueSoonDays, lang), ok: followUpStatusIn("ok", dueSoonDays, lang) };
    this.separator = pick(SEPARATOR, lang);
  }

  tier(t: Tier): string {
    return this.tiers[t];
  }

  tierName(t: Tier): string {
    return this.tierNames[t];
  }

  action(t: Tier): string {
    return this.actions[t];
  }

  scoreKind(k: ScoreKind): string {
    return this.scoreKinds[k];
  }

  core(core: boolean): string {
    return core ? this.yesNo.yes : this.yesNo.no;
  }

  customerType(t: CustomerType | null): string {
    return t ? this.customerTypes[t] : "";
  }

  followUpStatus(s: FollowUpStatus | null): string {
    return s ? this.followUps[s] : "";
  }

  segment(s: SegmentId | null): string {
    if (!s) return "";
    let text = this.segments.get(s);
    if (text === undefined) this.segments.set(s, (text = pick(SEGMENT_TEXT[s], this.lang)));
    return text;
  }

  reason(r: Reason): string {
    return reasonIn(r, this.lang);
  }

  /** A trait list the engine shares (frozen) is worded once; a customer's own list each time. */
  traits(list: readonly Trait[]): string {
    if (list.length === 0) return "";
    if (!Object.isFrozen(list)) return this.join(list.map((t) => traitIn(t, this.lang)));
    let text = this.traitLines.get(list);
    if (text === undefined) this.traitLines.set(list, (text = this.join(list.map((t) => traitIn(t, this.lang)))));
    return text;
  }

  issues(list: readonly Issue[]): string {
    if (list.length === 0) return "";
    if (list.length === 1) return issueIn(list[0], this.lang);
    return this.join(list.map((i) => issueIn(i, this.lang)));
  }

  /** A gap list the engine shares (frozen) is worded once; a customer's own list each time. */
  dataStatus(gaps: readonly DataGap[]): string {
    if (!Object.isFrozen(gaps)) return dataStatusIn(gaps, this.lang);
    let text = this.gapLines.get(gaps);
    if (text === undefined) this.gapLines.set(gaps, (text = dataStatusIn(gaps, this.lang)));
    return text;
  }

  private join(texts: string[]): string {
    return texts.length === 1 ? texts[0] : texts.join(this.separator);
  }

  all(r: CustomerResult): CustomerTexts {
    return {
      tier: this.tier(r.tier),
      tierName: this.tierName(r.tier),
      scoreKind: this.scoreKind(r.scoreKind),
      reason: this.reason(r.reason),
      traits: this.traits(r.traits),
      issues: this.issues(r.issues),
      action: this.action(r.tier),
      dataStatus: this.dataStatus(r.gaps),
      segment: this.segment(r.segment),
      followUpStatus: this.followUpStatus(r.followUpStatus),
      core: this.core(r.core),
      customerType: this.customerType(r.customerType),
    };
  }
}

/** `dueSoonDays` only words the due-soon label (3 天内到期); pass the Settings value. */
export function formatResult(result: CustomerResult, lang: Lang, dueSoonDays: number = DEFAULT_SETTINGS.dueSoonDays): CustomerTexts {
  return new ResultWords(lang, dueSoonDays).all(result);
}
