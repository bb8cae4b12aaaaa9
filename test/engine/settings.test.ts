import { validateSettings } from "../../src/core/settings/parse";
import { rowsToSettings, settingsToRows, SETTING_KEYS } from "../../src/core/settings/rows";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings/types";

const withs = (p: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...p });

function errorsOf(s: unknown) {
  const r = validateSettings(s);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("validateSettings", () => {
  it("accepts the defaults", () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });
  it("rejects weights that do not sum to 1, in both languages", () => {
    const e = errorsOf(withs({ weights: { amount: 0.5, activity: 0.3, tenure: 0.1 } }));
    expect(e).toEqual([{ key: "weights", code: "weightsSum", message: { zh: "权重之和必须为 1 (当前 0.9)", en: "The weights must sum to 1 (now 0.9)" } }]);
  });
  it("accepts a sum within 1e-6 and rejects a weight outside [0, 1]", () => {
    expect(validateSettings(withs({ weights: { amount: 0.1, activity: 0.2, tenure: 0.7000000001 } })).ok).toBe(true);
    const e = errorsOf(withs({ weights: { amount: 1.2, activity: -0.2, tenure: 0 } }));
    expect(e.map((x) => [x.key, x.code])).toEqual([
      ["weights.amount", "range"],
      ["weights.activity", "range"],
    ]);
    expect(e[0].message.zh).toBe("权重: 购买金额必须在 0 到 1 之间");
  });
  it("rejects tier B at or above tier A, and thresholds outside (0, 100]", () => {
    const e = errorsOf(withs({ tierA: 60, tierB: 60 }));
    expect(e[0]).toMatchObject({ key: "tierB", code: "tierOrder" });
    expect(e[0].message.zh).toBe("B类阈值 (60) 必须小于 A类阈值 (60)");
    expect(e[0].message.en).toBe("The tier B threshold (60) must be below the tier A threshold (60)");
    expect(errorsOf(withs({ tierA: 120 })).map((x) => x.key)).toEqual(["tierA"]);
  });
  it("rejects a churn threshold ≤ 0, non-whole follow-up days, unordered cut-offs, a bad duplicate threshold", () => {
    expect(errorsOf(withs({ churnThreshold: 0 }))[0]).toMatchObject({ key: "churnThreshold", code: "positive", message: { zh: "流失风险阈值必须大于 0" } });
    expect(errorsOf(withs({ followUpDays: { high: 1.5, medium: 14, low: 0 } })).map((x) => x.key)).toEqual(["followUpDays.high", "followUpDays.low"]);
    expect(errorsOf(withs({ rfmCutoffs: { r: [30, 20, 180, 365], f: [1, 2, 3], m: [5, 10, 30, 100] } })).map((x) => x.key)).toEqual(["rfmCutoffs.r", "rfmCutoffs.f"]);
    expect(errorsOf(withs({ duplicateThreshold: 0 }))[0].key).toBe("duplicateThreshold");
    expect(errorsOf(withs({ coreShare: 0 }))[0].message.en).toBe("Core customer share must be above 0 and at most 1");
  });
  it("rejects a wrong shape with a message naming the key", () => {
    const e = errorsOf({ ...DEFAULT_SETTINGS, rfmMode: "deciles" });
    expect(e[0]).toMatchObject({ key: "rfmMode", code: "oneOf" });
    expect(e[0].message.zh).toContain("quintile / fixed");
  });
});

describe("Settings table rows", () => {
  it("writes one row per setting: key, name, value, note", () => {
    const rows = settingsToRows(DEFAULT_SETTINGS, "zh-CN");
    expect(rows.map((r) => r[0])).toEqual([...SETTING_KEYS]);
    expect(rows[0]).toEqual(["weights.amount", "权重: 购买金额", 0.5, expect.any(String)]);
    expect(rows.find((r) => r[0] === "rfmCutoffs.r")?.[2]).toBe("30, 90, 180, 365");
    expect(settingsToRows(DEFAULT_SETTINGS, "en-US")[0][1]).toBe("Weight: amount");
  });
  it("round-trips through the sheet", () => {
    for (const s of [DEFAULT_SETTINGS, withs({ referenceDate: 45366, rfmMode: "fixed", segmentModel: "ten", tierA: 85 })]) {
      expect(rowsToSettings([["设置项", "名称", "值", "说明"], ...settingsToRows(s, "en-US")])).toEqual({ ok: true, settings: s });
    }
  });
  it("a missing row keeps the default; a blank reference date means today (null)", () => {
    expect(rowsToSettings([["tierA", "", 85, ""]])).toEqual({ ok: true, settings: withs({ tierA: 85 }) });
    expect(rowsToSettings([["referenceDate", "", "", ""]])).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });
  it("reads values as people type them", () => {
    const r = rowsToSettings([
      ["referenceDate", "", "2024-03-15", ""],
      ["coreShare", "", "10%", ""],
      ["tierA", "", "８５", ""],
      ["rfmMode", "", "固定", ""],
      ["segmentModel", "", 10, ""],
      ["rfmCutoffs.m", "", "5，10，30，100", ""],
    ]);
    expect(r).toEqual({ ok: true, settings: withs({ referenceDate: 45366, coreShare: 0.1, tierA: 85, rfmMode: "fixed", segmentModel: "ten" }) });
  });
  it("an unparseable value is an error naming the key; other rules are still checked", () => {
    const r = rowsToSettings([
      ["tierB", "", "abc", ""],
      ["weights.amount", "", 0.6, ""],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.key, e.code])).toEqual([
      ["tierB", "notNumber"],
      ["weights", "weightsSum"],
    ]);
    expect(r.errors[0].message).toEqual({ zh: "B类阈值: 「abc」不是数字", en: "Tier B threshold: 'abc' is not a number" });
  });
});
