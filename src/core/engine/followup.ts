import type { Settings } from "../settings/types";
import type { FollowUpStatus } from "./types";

export type Priority = "high" | "medium" | "low";

/** 跟进优先级 as typed: the list stores 高/中/低; English words are accepted for English lists. */
export function priorityOf(text: string): Priority | null {
  // The list's own values first: trimming and case-folding 100,000 typed 高/中/低 costs more than the rest of the rule.
  if (text === "高") return "high";
  if (text === "中") return "medium";
  if (text === "低") return "low";
  switch (text.trim().toLowerCase()) {
    case "高":
    case "high":
      return "high";
    case "中":
    case "medium":
    case "mid":
      return "medium";
    case "低":
    case "low":
      return "low";
    default:
      return null;
  }
}

export interface FollowUp {
  lastContact: number | null;
  next: number | null;
  status: FollowUpStatus | null;
  /** days past the next date (> 0 only when overdue) */
  daysOverdue: number;
  /** blank or unknown priority was taken as 中 (named in the data status) */
  priorityAssumed: boolean;
}

/**
 * next follow-up = last contact + 7 / 14 / 30 days by priority (seed 000), where last contact is
 * the later of 最近沟通时间 and the latest Interactions row. A blank or unknown priority is taken
 * as 中: the middle cadence neither floods nor forgets, and the data status says so.
 * overdue when next < ref; dueSoon when 0 ≤ next − ref ≤ dueSoonDays; ok otherwise.
 */
export function followUpOf(customerLastContact: number | null, latestInteraction: number | null, priorityText: string, refDate: number, s: Settings): FollowUp {
  return followUpInto({ lastContact: null, next: null, status: null, daysOverdue: 0, priorityAssumed: false }, customerLastContact, latestInteraction, priorityText, refDate, s);
}

/** followUpOf written into `out`, so scoring 100,000 customers reuses one object. */
export function followUpInto(out: FollowUp, customerLastContact: number | null, latestInteraction: number | null, priorityText: string, refDate: number, s: Settings): FollowUp {
  const a = customerLastContact === null ? null : Math.floor(customerLastContact);
  const b = latestInteraction === null ? null : Math.floor(latestInteraction);
  const last = a === null ? b : b === null ? a : Math.max(a, b);
  const parsed = priorityOf(priorityText);
  out.priorityAssumed = parsed === null;
  if (last === null) {
    out.lastContact = null;
    out.next = null;
    out.status = null;
    out.daysOverdue = 0;
    return out;
  }
  const next = last + s.followUpDays[parsed ?? "medium"];
  const ahead = next - Math.floor(refDate);
  out.lastContact = last;
  out.next = next;
  out.status = ahead < 0 ? "overdue" : ahead <= s.dueSoonDays ? "dueSoon" : "ok";
  out.daysOverdue = ahead < 0 ? -ahead : 0;
  return out;
}
