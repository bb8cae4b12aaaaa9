import { formatConclusionLines } from "../../src/core/i18n/engine";
import { scoreWorkbook } from "../../src/core/engine/score";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { REF, behaviour, completeCustomer, interaction } from "./records";

const wb = {
  customers: [
    completeCustomer({ row: 1, id: "1", industry: "制造业", demandType: "CRM系统", likelihood: 4, needMatch: 5, lastContact: REF - 40, priority: "高", startDate: 44000 }),
    completeCustomer({ row: 2, id: "2", industry: "制造业", demandType: "CRM系统", likelihood: 2, needMatch: 3, lastContact: REF - 5, priority: "中", startDate: 45300 }),
    completeCustomer({ row: 3, id: "3", industry: "金融业", demandType: "数据分析", likelihood: 3, needMatch: 4, lastContact: REF - 70, priority: "低", grade: "潜在" }),
  ],
  behaviour: [
    behaviour({ row: 1, customerId: "1", period: "2024Q1", purchases: 6, amount: 100, siteVisits: 20, events: 4, complaints: 0, category: "高端产品线", lastPurchase: REF - 10 }),
    behaviour({ row: 2, customerId: "2", period: "2024Q1", purchases: 1, prevPurchases: 4, amount: 10, siteVisits: 2, events: 0, complaints: 1, category: "基础产品线", lastPurchase: REF - 100 }),
    behaviour({ row: 3, customerId: "1", period: "2023Q4", purchases: 5, amount: 80 }),
  ],
  interactions: [interaction({ row: 1, customerId: "1", date: REF - 40, demandType: "CRM系统" }), interaction({ row: 2, customerId: "3", date: REF - 200 })],
};

describe("summary data", () => {
  const r = scoreWorkbook(wb, DEFAULT_SETTINGS, REF);
  const s = r.summary;
  it("counts tiers with shares and amounts", () => {
    expect(s.tiers.map((t) => t.tier)).toEqual(["A", "B", "C", "D", ""]);
    expect(s.tiers.reduce((a, t) => a + t.count, 0)).toBe(3);
    expect(s.tiers.find((t) => t.tier === "D")).toMatchObject({ count: 1, amount: 10 });
    expect(s.totalAmount).toBe(110);
  });
  it("industries by count with mean ratings; demand-type shares", () => {
    expect(s.industries[0]).toEqual({ industry: "制造业", count: 2, meanLikelihood: 3, meanNeedMatch: 4 });
    expect(s.demandTypes[0]).toMatchObject({ key: "CRM系统", count: 2 });
    expect(s.demandTypes[0].share).toBeCloseTo(2 / 3);
  });
  it("monthly contacts over the last 12 months, one per customer and day", () => {
    expect(s.contactTrend.months).toHaveLength(12);
    expect(s.contactTrend.months[11]).toBe("2024-03");
    expect(s.contactTrend.contacts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(s.demandTrend.rows[0]).toBe("CRM系统");
  });
  it("grade × priority and industry × demand matrices", () => {
    expect(s.gradePriority.rows).toEqual(["重点", "潜在"]);
    expect(s.gradePriority.cols).toEqual(["高", "中", "低"]);
    expect(s.gradePriority.counts).toEqual([
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(s.industryDemand.counts[0]).toEqual([2, 0]);
  });
  it("overdue follow-ups, most overdue first", () => {
    expect(s.overdue.map((o) => [o.id, o.daysOverdue])).toEqual([
      ["3", 40],
      ["1", 33],
    ]);
  });
  it("periods feed the trend, oldest first", () => {
    expect(s.periods.map((p) => [p.period, p.amount])).toEqual([
      ["2023Q4", 80],
      ["2024Q1", 110],
    ]);
  });
  it("conclusions per tier and 2–4 recommendations in both languages", () => {
    const lines = formatConclusionLines(r.conclusions);
    expect(lines.conclusions).toHaveLength(4);
    const d = lines.conclusions[3];
    expect(d.zh).toContain("D类(流失风险)客户 1 家");
    expect(d.zh).toContain("100% 有投诉, 平均下降率 75%");
    expect(d.en).toContain("100% have complaints, mean decline 75%");
    expect(lines.recommendations.length).toBeGreaterThanOrEqual(2);
    expect(lines.recommendations.length).toBeLessThanOrEqual(4);
    expect(lines.recommendations[0].zh).toMatch(/^D类流失风险客户 1 家/);
  });
});
