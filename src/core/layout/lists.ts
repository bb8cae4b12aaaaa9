import type { Label } from "../plan/cells";
import type { ListId } from "./types";
import { INDUSTRY_SECTIONS, industryLabel } from "./industries";

/**
 * Dropdown lists. Values are stored in the workbook in Chinese whatever the template language
 * (they are data, and the engine compares them); the English label is shown alongside in the
 * pane and in validation prompts. Industry is the exception: its label carries the GB/T letter.
 */
export interface ListItem {
  value: string;
  label: Label;
}

function items(pairs: [string, string][]): ListItem[] {
  return pairs.map(([zh, en]) => ({ value: zh, label: { zh, en } }));
}

export const LISTS: Record<ListId, ListItem[]> = {
  industry: INDUSTRY_SECTIONS.map((s) => ({ value: industryLabel(s, "zh-CN"), label: { zh: industryLabel(s, "zh-CN"), en: industryLabel(s, "en-US") } })),
  sizeBand: items([
    ["500万以下", "under ¥5M"],
    ["500-2000万", "¥5M–20M"],
    ["2000-5000万", "¥20M–50M"],
    ["5000万-1亿", "¥50M–100M"],
    ["1亿以上", "over ¥100M"],
  ]),
  budget: items([
    ["10万以下", "under ¥100k"],
    ["10-30万", "¥100k–300k"],
    ["30-50万", "¥300k–500k"],
    ["50-100万", "¥500k–1M"],
    ["100万以上", "over ¥1M"],
    ["面议", "to be negotiated"],
  ]),
  channel: items([
    ["电话", "phone"],
    ["面谈", "meeting"],
    ["邮件", "email"],
    ["线上会议", "online meeting"],
    ["微信", "WeChat"],
  ]),
  feedback: items([
    ["积极", "positive"],
    ["中性", "neutral"],
    ["消极", "negative"],
  ]),
  grade: items([
    ["重点", "key"],
    ["潜在", "potential"],
    ["普通", "regular"],
  ]),
  priority: items([
    ["高", "high"],
    ["中", "medium"],
    ["低", "low"],
  ]),
};

export const LIST_ORDER: ListId[] = ["industry", "sizeBand", "budget", "channel", "feedback", "grade", "priority"];

export const LIST_LABELS: Record<ListId, Label> = {
  industry: { zh: "所属行业", en: "Industry" },
  sizeBand: { zh: "客户规模", en: "Size band" },
  budget: { zh: "预算范围", en: "Budget" },
  channel: { zh: "沟通方式", en: "Channel" },
  feedback: { zh: "客户反馈", en: "Feedback" },
  grade: { zh: "客户等级", en: "Grade" },
  priority: { zh: "跟进优先级", en: "Priority" },
};
