import { coreFlags, customerTypeOf } from "../../src/core/engine/core";
import { dataStatusText } from "../../src/core/i18n/engine";
import { formatResult } from "../../src/core/engine/format";
import { followUpOf } from "../../src/core/engine/followup";
import { prospectScore } from "../../src/core/engine/prospect";
import { scoreWorkbook } from "../../src/core/engine/score";
import { tierFor } from "../../src/core/engine/tier";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { REF, behaviour, completeCustomer, customer, interaction } from "./records";

const S = DEFAULT_SETTINGS;

/** Seed 001's three customers with their own figures (表格1 and 表格2, 2024年Q1). */
const SEED_001 = {
  customers: [
    completeCustomer({ row: 1, id: "2024001", name: "科技有限公司", industry: "信息传输、软件和信息技术服务业", startDate: 45000 /* 2023-03-15 */, title: "采购总监" }),
    completeCustomer({ row: 2, id: "2024002", name: "YY制造有限公司", industry: "制造业", startDate: 45301 /* 2024-01-10 */, title: "" }),
    completeCustomer({ row: 3, id: "2024003", name: "ZZ贸易商行", industry: "批发和零售业", startDate: 45100 /* 2023-06-23 */ }),
  ],
  behaviour: [
    behaviour({ row: 1, customerId: "2024001", period: "2024年Q1", purchases: 5, amount: 120, category: "高端产品线", siteVisits: 20, events: 3, complaints: 0 }),
    behaviour({ row: 2, customerId: "2024002", period: "2024年Q1", purchases: 2, amount: 15, category: "基础产品线", siteVisits: 5, events: 1, complaints: 1 }),
    behaviour({ row: 3, customerId: "2024003", period: "2024年Q1", purchases: 3, amount: 40, category: "促销活动", siteVisits: 8, events: 2, complaints: 0 }),
  ],
};

describe("tier: D when churn risk ≥ 50, else A ≥ 80, B ≥ 60, C (seed 001)", () => {
  it("92 with no churn → A; 75 → B; 58 with one complaint (churn 50) → D", () => {
    expect(tierFor("value", 92, 0, S)).toBe("A");
    expect(tierFor("value", 75, 0, S)).toBe("B");
    expect(tierFor("value", 58, 50, S)).toBe("D");
  });
  it("D overrides a high value score; the thresholds are inclusive", () => {
    expect(tierFor("value", 95, 50, S)).toBe("D");
    expect(tierFor("value", 80, 49.9, S)).toBe("A");
    expect(tierFor("value", 60, 0, S)).toBe("B");
    expect(tierFor("value", 59.9, 0, S)).toBe("C");
  });
  it("prospects use A/B/C only; no score → no tier", () => {
    expect(tierFor("prospect", 90, null, S)).toBe("A");
    expect(tierFor("none", null, null, S)).toBe("");
  });
});

describe("seed 001's customers scored end to end", () => {
  const res = scoreWorkbook({ customers: SEED_001.customers, behaviour: SEED_001.behaviour, interactions: [] }, S, REF);
  const [c1, c2, c3] = res.customers;
  it("computes the seed's activity, 客单价 and churn figures", () => {
    expect([c1.activity, c1.avgOrder, c1.churnRisk]).toEqual([11.5, 24, 0]);
    expect([c2.activity, c2.avgOrder, c2.churnRisk]).toEqual([3, 7.5, 50]);
    expect(res.behaviourRows.map((r) => r.activity)).toEqual([11.5, 3, 5]);
  });
  it("2024001 leads amount and activity; 2024002 is D by its complaint", () => {
    expect(c1.tier).toBe("A");
    expect(c1.valueScore).toBeGreaterThan(c3.valueScore as number);
    expect(c2.tier).toBe("D");
    expect(c3.tier === "B" || c3.tier === "C").toBe(true);
  });
  it("new/existing and core as seed 001 marks them (老客户 A类 Top, 新客户)", () => {
    expect(c1.customerType).toBe("existing");
    expect(c2.customerType).toBe("new");
    expect(c1.core).toBe(true);
    expect(c2.core).toBe(false);
  });
  it("reason texts a person can check", () => {
    expect(formatResult(c1, "zh-CN").reason).toMatch(/^价值分 \d+(\.\d)? = 金额 P\d+×0\.5 \+ 活跃度 P\d+×0\.3 \+ 合作时长 P\d+×0\.2; 流失风险 0 → A$/);
    expect(formatResult(c2, "zh-CN").reason).toMatch(/^流失风险 50 ≥ 50 \(下降率 0%, 投诉 1 次\) → D; 价值分/);
    expect(formatResult(c2, "en-US").reason).toMatch(/^Churn risk 50 ≥ 50 \(decline 0%, 1 complaint\) → D/);
  });
  it("traits, issues and actions in words (seed 001: 高频次购买、客单价高、活跃度强; 投诉1次、活跃度不足)", () => {
    const t1 = formatResult(c1, "zh-CN");
    expect(t1.traits).toContain("高频次购买");
    expect(t1.traits).toContain("客单价高");
    expect(t1.traits).toContain("活跃度强");
    expect(t1.action).toBe("客户成功经理定期回访, 提供定制化服务");
    const t2 = formatResult(c2, "zh-CN");
    expect(t2.traits).toContain("购买频次低");
    expect(t2.issues).toBe("投诉1次、活跃度不足");
    expect(t2.action).toBe("销售主管牵头, 1 周内完成流失原因调研并制定挽回方案");
    expect(formatResult(c3, "zh-CN").traits).toContain("偏好促销活动");
  });
});

describe("data status: 完整 or 待补充 + the missing key fields", () => {
  const run = (c: ReturnType<typeof customer>) => scoreWorkbook({ customers: [c], behaviour: null, interactions: [] }, S, REF).customers[0];
  it("a customer missing only 职务 → 待补充联系人职务 (seed 001, exactly)", () => {
    const r = run(completeCustomer({ row: 1, title: "" }));
    expect(r.missing).toEqual(["title"]);
    expect(formatResult(r, "zh-CN").dataStatus).toBe("待补充联系人职务");
    expect(formatResult(r, "en-US").dataStatus).toBe("To complete: contact title");
  });
  it("a complete customer → 完整", () => {
    expect(formatResult(run(completeCustomer({ row: 1 })), "zh-CN").dataStatus).toBe("完整");
  });
  it("手机 or 邮箱: one suffices", () => {
    expect(run(completeCustomer({ row: 1, mobile: "", email: "a@b.cn" })).missing).toEqual([]);
    expect(run(completeCustomer({ row: 1, mobile: "", email: "" })).missing).toEqual(["mobileOrEmail"]);
  });
  it("lists every missing key field in order; a blank priority is scheduled as 中 and says so", () => {
    const r = run(customer({ row: 1 }));
    expect(r.missing).toEqual(["name", "industry", "contact", "title", "mobileOrEmail", "lastContact", "grade", "priority"]);
    expect(formatResult(r, "zh-CN").dataStatus).toBe("待补充客户名称、所属行业、联系人、联系人职务、手机或邮箱、最近沟通时间、客户等级、跟进优先级(按中计)");
  });
  it("names figures that counted as 0", () => {
    const res = scoreWorkbook({ customers: [completeCustomer({ row: 1, id: "1", startDate: 45000 })], behaviour: [behaviour({ row: 1, customerId: "1", purchases: 2, siteVisits: 3, events: 1, lastPurchase: 45300 })], interactions: [] }, S, REF);
    expect(res.customers[0].missing).toEqual(["amount"]);
    expect(dataStatusText(res.customers[0].gaps).zh).toBe("待补充购买金额(按0计)");
  });
});

describe("prospect score = 20 × mean(need match, likelihood)", () => {
  it("seed 000: (4, 3) → 70 → B, and the reason says it is a prospect score", () => {
    expect(prospectScore(4, 3)).toBe(70);
    const r = scoreWorkbook({ customers: [completeCustomer({ row: 1, grade: "潜在", needMatch: 4, likelihood: 3 })], behaviour: null, interactions: [] }, S, REF).customers[0];
    expect([r.scoreKind, r.score, r.valueScore, r.tier]).toEqual(["prospect", 70, null, "B"]);
    expect(formatResult(r, "zh-CN").reason).toBe("潜客评分 70 = 20 × 平均(需求匹配度 4, 合作可能性 3) → B");
    expect(formatResult(r, "en-US").reason).toBe("Prospect score 70 = 20 × mean(need match 4, likelihood 3) → B");
  });
  it("uses the one rating present; none → no score and tier ''", () => {
    expect(prospectScore(5, null)).toBe(100);
    expect(prospectScore(null, 2)).toBe(40);
    expect(prospectScore(null, null)).toBeNull();
    const r = scoreWorkbook({ customers: [completeCustomer({ row: 1 })], behaviour: null, interactions: [] }, S, REF).customers[0];
    expect([r.scoreKind, r.tier]).toEqual(["none", ""]);
    expect(formatResult(r, "zh-CN").reason).toContain("无法评分");
  });
  it("D never applies to a prospect", () => {
    const r = scoreWorkbook({ customers: [completeCustomer({ row: 1, needMatch: 1, likelihood: 1 })], behaviour: [], interactions: [] }, S, REF).customers[0];
    expect(r.tier).toBe("C");
  });
});

describe("core customer: the ⌈n/10⌉ largest amounts, ties included", () => {
  it("top 10 % of 20 is 2; a tie at the cut is included; zero is never core", () => {
    const amounts = Float64Array.from([...Array(17).fill(1), 50, 90, 50]);
    expect(Array.from(coreFlags(amounts, 0.1)).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Array.from(coreFlags(Float64Array.from([0, 0]), 0.1))).toEqual([0, 0]);
    expect(Array.from(coreFlags(Float64Array.from([5]), 0.1))).toEqual([1]);
  });
  it("new customer: tenure < 6 months", () => {
    expect(customerTypeOf(5, 6)).toBe("new");
    expect(customerTypeOf(6, 6)).toBe("existing");
    expect(customerTypeOf(null, 6)).toBeNull();
  });
});

describe("follow-up: last contact + 7/14/30 by priority 高/中/低", () => {
  it("adds the priority's days to the later of 最近沟通时间 and the latest interaction", () => {
    expect(followUpOf(REF - 10, null, "高", REF, S)).toMatchObject({ next: REF - 3, status: "overdue", daysOverdue: 3 });
    expect(followUpOf(REF - 10, REF - 5, "中", REF, S)).toMatchObject({ lastContact: REF - 5, next: REF + 9, status: "ok" });
    expect(followUpOf(REF - 28, null, "低", REF, S)).toMatchObject({ next: REF + 2, status: "dueSoon" });
    expect(followUpOf(REF - 7, null, "高", REF, S)).toMatchObject({ status: "dueSoon" });
  });
  it("blank priority is taken as 中; no contact → no status", () => {
    expect(followUpOf(REF, null, "", REF, S)).toMatchObject({ next: REF + 14, priorityAssumed: true });
    expect(followUpOf(null, null, "高", REF, S)).toMatchObject({ next: null, status: null });
  });
  it("uses the customer's Interactions rows, matched by trimmed, case-folded id", () => {
    const res = scoreWorkbook(
      { customers: [completeCustomer({ row: 1, id: "ab1", lastContact: REF - 40, priority: "高" })], behaviour: null, interactions: [interaction({ row: 1, customerId: " AB1 ", date: REF - 2 })] },
      S,
      REF,
    );
    expect(res.customers[0]).toMatchObject({ lastContact: REF - 2, nextFollowUp: REF + 5, followUpStatus: "ok" });
    expect(formatResult(res.customers[0], "zh-CN").followUpStatus).toBe("正常");
  });
});

describe("matching Behaviour to Customers by 客户编号", () => {
  it("reports Behaviour ids with no customer, and shares a duplicated id's Behaviour (flagged)", () => {
    const res = scoreWorkbook(
      {
        customers: [completeCustomer({ row: 1, id: "7" }), completeCustomer({ row: 2, id: "7 " }), completeCustomer({ row: 3, id: "" })],
        behaviour: [behaviour({ row: 1, customerId: "7", amount: 5, purchases: 1 }), behaviour({ row: 2, customerId: "9", amount: 1 }), behaviour({ row: 3, customerId: "", amount: 1 })],
        interactions: [],
      },
      S,
      REF,
    );
    expect(res.unknownBehaviourIds).toEqual(["9"]);
    expect(res.behaviourRowsWithoutId).toEqual([3]);
    expect(res.customers.map((c) => c.hasBehaviour)).toEqual([true, true, false]);
    expect(formatResult(res.customers[0], "zh-CN").dataStatus).toContain("客户编号重复");
  });
});
