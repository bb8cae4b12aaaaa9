import type { Settings } from "../settings/types";
import type { FollowUpStatus } from "./types";

export type Priority = "high" | "medium" | "low";

/** 跟进优先级 as typed: the list stores 高/中/低; English words are accepted for English lists. */
export function priorityOf(text: string): Priority | null {
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
  const a = customerLastContact === null ? null : Math.floor(customerLastContact);
  const b = latestInteraction === null ? null : Math.floor(latestInteraction);
  const last = a === null ? b : b === null ? a : Math.max(a, b);
  const parsed = priorityOf(priorityText);
  const priority: Priority = parsed ?? "medium";
  if (last === null) return { lastContact: null, next: null, status: null, daysOverdue: 0, priorityAssumed: parsed === null };
  const next = last + s.followUpDays[priority];
  const ref = Math.floor(refDate);
  const ahead = next - ref;
  const status: FollowUpStatus = ahead < 0 ? "overdue" : ahead <= s.dueSoonDays ? "dueSoon" : "ok";
  return { lastContact: last, next, status, daysOverdue: ahead < 0 ? -ahead : 0, priorityAssumed: parsed === null };
}
