import { activityOf, analyseBehaviour, avgOrderOf, churnRiskOf, currentOf, declineRateOf } from "../../src/core/engine/behaviour";
import { serialToYmd, ymdToSerial } from "../../src/core/engine/dates";
import { periodKey } from "../../src/core/engine/period";
import { tenureMonths } from "../../src/core/engine/tenure";
import { behaviour } from "./records";

describe("activity = (site visits + events attended) / 2 (seed 001)", () => {
  it("gives the seed's golden values", () => {
    expect(activityOf(20, 3)).toBe(11.5);
    expect(activityOf(5, 1)).toBe(3);
  });
  it("counts one blank as 0 and is blank when both are", () => {
    expect(activityOf(null, 4)).toBe(2);
    expect(activityOf(null, null)).toBeNull();
  });
});

describe("decline rate = max(0, (previous − current) / previous)", () => {
  it("is the relative drop", () => {
    expect(declineRateOf(3, 4)).toBe(0.25);
    expect(declineRateOf(0, 5)).toBe(1);
  });
  it("is 0 for a rise, or when previous is 0 or blank", () => {
    expect(declineRateOf(6, 4)).toBe(0);
    expect(declineRateOf(2, 0)).toBe(0);
    expect(declineRateOf(2, null)).toBe(0);
  });
});

describe("churn risk = (decline rate + complaints × 0.5) × 100 (seed 001)", () => {
  it("no decline and one complaint → 50", () => {
    expect(churnRiskOf(0, 1)).toBe(50);
  });
  it("adds decline and complaints without float noise", () => {
    expect(churnRiskOf(0.3, 1)).toBe(80);
    expect(churnRiskOf(0.35, 0)).toBe(35);
    expect(churnRiskOf(0, null)).toBe(0);
  });
});

describe("客单价 = amount / purchases (seed 001)", () => {
  it("120 / 5 → 24; 15 / 2 → 7.5", () => {
    expect(avgOrderOf(120, 5)).toBe(24);
    expect(avgOrderOf(15, 2)).toBe(7.5);
  });
  it("is blank with no purchases", () => {
    expect(avgOrderOf(15, 0)).toBeNull();
    expect(avgOrderOf(15, null)).toBeNull();
  });
});

describe("periodKey orders 统计周期 text", () => {
  const ordered = ["2023", "2024Q1", "2024-04", "2024年5月", "2024H1", "2024年Q3", "2024年第四季度", "2025-01"];
  it("orders mixed granularities by the period's last month", () => {
    const keys = ordered.map((p) => periodKey(p) as number);
    for (let i = 1; i < keys.length; i++) expect(keys[i]).toBeGreaterThanOrEqual(keys[i - 1]);
    expect(periodKey("2024Q1")).toBeLessThan(periodKey("2024Q2") as number);
    expect(periodKey("2024-03")).toBeLessThan(periodKey("2024-04") as number);
    expect(periodKey("2024Q1")).toBe(periodKey("2024-03"));
  });
  it("reads the spellings people use", () => {
    const q2 = periodKey("2024Q2");
    for (const p of ["2024 Q2", "2024-Q2", "Q2 2024", "2024年Q2", "2024年二季度", "２０２４Ｑ２", "2024q2"]) expect(periodKey(p)).toBe(q2);
    expect(periodKey("2024/3")).toBe(periodKey("2024年3月"));
    expect(periodKey("202403")).toBe(periodKey("2024-03"));
    expect(periodKey("2024年上半年")).toBe(periodKey("2024H1"));
  });
  it("is null for text it cannot read", () => {
    expect(periodKey("")).toBeNull();
    expect(periodKey("上季度")).toBeNull();
    expect(periodKey("2024Q5")).toBeNull();
  });
});

describe("several periods per customer: the latest is scored", () => {
  it("picks the latest period whatever the row order, and fills a blank 上期 from the previous period", () => {
    const rows = [
      behaviour({ row: 3, customerId: "2024001", period: "2024Q2", purchases: 3, prevPurchases: null, amount: 30 }),
      behaviour({ row: 2, customerId: "2024001", period: "2024Q1", purchases: 4, amount: 50 }),
    ];
    const a = analyseBehaviour(rows);
    const cur = currentOf(a, "2024001");
    expect(cur?.period).toBe("2024Q2");
    expect(cur?.declineRate).toBe(0.25);
    expect(a.rows[0]).toMatchObject({ latest: true, prevPurchasesUsed: 4, prevFromEarlierRow: true, declineRate: 0.25 });
    expect(a.rows[1]).toMatchObject({ latest: false, declineRate: 0 });
  });
  it("orders by row when a period cannot be read", () => {
    const rows = [behaviour({ row: 5, customerId: "x", period: "", purchases: 1 }), behaviour({ row: 4, customerId: "X ", period: "2025Q4", purchases: 9 })];
    expect(currentOf(analyseBehaviour(rows), "x")?.purchases).toBe(1);
  });
  it("takes the last purchase date over all periods", () => {
    const rows = [behaviour({ row: 1, customerId: "a", period: "2024Q1", lastPurchase: 45350 }), behaviour({ row: 2, customerId: "a", period: "2024Q2", lastPurchase: null })];
    expect(currentOf(analyseBehaviour(rows), "a")?.lastPurchase).toBe(45350);
  });
});

describe("serial dates (1900 system)", () => {
  it("2024-03-15 = 45366", () => {
    expect(ymdToSerial(2024, 3, 15)).toBe(45366);
    expect(serialToYmd(45366)).toBe(20240315);
    expect(serialToYmd(45366.75)).toBe(20240315);
    expect(ymdToSerial(2023, 3, 15)).toBe(45000);
  });
  it("round-trips every day from 1900-03-01 to 2100", () => {
    const wrong: number[] = [];
    for (let s = 61; s < 73415; s++) {
      const ymd = serialToYmd(s);
      if (ymdToSerial(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100) !== s) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });
});

describe("tenure = whole months from start date to the reference date", () => {
  const ref = ymdToSerial(2024, 3, 15);
  it("counts calendar months, day-of-month aware (seed 001: 2023-03-15 老客户, 2024-01-10 新客户)", () => {
    expect(tenureMonths(ymdToSerial(2023, 3, 15), ref)).toBe(12);
    expect(tenureMonths(ymdToSerial(2023, 3, 16), ref)).toBe(11);
    expect(tenureMonths(ymdToSerial(2024, 1, 10), ref)).toBe(2);
  });
  it("counts a month ending on a shorter month's last day", () => {
    expect(tenureMonths(ymdToSerial(2024, 1, 31), ymdToSerial(2024, 2, 29))).toBe(1);
    expect(tenureMonths(ymdToSerial(2024, 1, 31), ymdToSerial(2024, 2, 28))).toBe(0);
  });
  it("is null without a start date and 0 for a start after the reference date", () => {
    expect(tenureMonths(null, ref)).toBeNull();
    expect(tenureMonths(ref + 40, ref)).toBe(0);
  });
});
