import { z } from "zod";
import { SETTINGS_ERROR } from "../i18n/engine";
import type { Label } from "../plan/cells";
import type { Settings } from "./types";

// No generated code: the pane runs under a CSP without unsafe-eval, and we promise "no eval".
z.config({ jitless: true });

export interface SettingsError {
  /** the Settings sheet key, e.g. "weights.amount", "tierB"; "weights" for the sum */
  key: string;
  code: "invalid" | "range" | "weightsSum" | "tierOrder" | "positive" | "positiveWhole" | "wholeNonNegative" | "cutoffs" | "oneOf" | "notNumber" | "notDate";
  message: Label;
}

export type SettingsValidation = { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] };

const WEIGHT_TOLERANCE = 1e-6;

/** The shape; the rules people can break by editing the sheet are checked below with our messages. */
const shape = z.object({
  weights: z.object({ amount: z.number(), activity: z.number(), tenure: z.number() }),
  tierA: z.number(),
  tierB: z.number(),
  churnThreshold: z.number(),
  followUpDays: z.object({ high: z.number(), medium: z.number(), low: z.number() }),
  dueSoonDays: z.number(),
  newCustomerMonths: z.number(),
  coreShare: z.number(),
  rfmMode: z.enum(["quintile", "fixed"]),
  rfmCutoffs: z.object({ r: z.array(z.number()), f: z.array(z.number()), m: z.array(z.number()) }),
  segmentModel: z.enum(["eight", "ten"]),
  referenceDate: z.number().nullable(),
  duplicateThreshold: z.number(),
});

type Check = (s: Settings, add: (e: SettingsError) => void) => void;

const inRange = (key: string, x: number, min: number, max: number, minOpen: boolean, add: (e: SettingsError) => void): void => {
  if (!(minOpen ? x > min : x >= min) || !(x <= max)) {
    add({ key, code: "range", message: SETTINGS_ERROR.range(key, min, max, minOpen) });
  }
};

const checks: Check[] = [
  (s, add) => {
    inRange("weights.amount", s.weights.amount, 0, 1, false, add);
    inRange("weights.activity", s.weights.activity, 0, 1, false, add);
    inRange("weights.tenure", s.weights.tenure, 0, 1, false, add);
    const sum = s.weights.amount + s.weights.activity + s.weights.tenure;
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) add({ key: "weights", code: "weightsSum", message: SETTINGS_ERROR.weightsSum(sum) });
  },
  (s, add) => {
    inRange("tierA", s.tierA, 0, 100, true, add);
    inRange("tierB", s.tierB, 0, 100, true, add);
    if (!(s.tierB < s.tierA)) add({ key: "tierB", code: "tierOrder", message: SETTINGS_ERROR.tierOrder(s.tierA, s.tierB) });
  },
  (s, add) => {
    if (!(s.churnThreshold > 0)) add({ key: "churnThreshold", code: "positive", message: SETTINGS_ERROR.positive("churnThreshold") });
  },
  (s, add) => {
    for (const p of ["high", "medium", "low"] as const) {
      const v = s.followUpDays[p];
      if (!Number.isInteger(v) || v <= 0) add({ key: `followUpDays.${p}`, code: "positiveWhole", message: SETTINGS_ERROR.positiveWhole(`followUpDays.${p}`) });
    }
  },
  (s, add) => {
    for (const key of ["dueSoonDays", "newCustomerMonths"] as const) {
      if (!Number.isInteger(s[key]) || s[key] < 0) add({ key, code: "wholeNonNegative", message: SETTINGS_ERROR.wholeNonNegative(key) });
    }
  },
  (s, add) => inRange("coreShare", s.coreShare, 0, 1, true, add),
  (s, add) => {
    for (const d of ["r", "f", "m"] as const) {
      const c = s.rfmCutoffs[d];
      const ok = c.length === 4 && c.every((x) => Number.isFinite(x) && x >= 0) && c.every((x, i) => i === 0 || x > c[i - 1]);
      if (!ok) add({ key: `rfmCutoffs.${d}`, code: "cutoffs", message: SETTINGS_ERROR.cutoffs(`rfmCutoffs.${d}`) });
    }
  },
  (s, add) => {
    if (s.referenceDate !== null && !(Number.isFinite(s.referenceDate) && s.referenceDate >= 1)) {
      add({ key: "referenceDate", code: "notDate", message: SETTINGS_ERROR.notDate("referenceDate", String(s.referenceDate)) });
    }
  },
  (s, add) => inRange("duplicateThreshold", s.duplicateThreshold, 0, 1, true, add),
];

/**
 * The Settings schema: shape plus the rules of SPEC §3 (weights in [0,1] summing to 1 within 1e-6,
 * 0 < tierB < tierA ≤ 100, churn threshold > 0, follow-up days positive whole numbers, cut-offs
 * four ascending, duplicate threshold in (0,1]). Each broken rule becomes one issue whose params
 * carry our key, code and zh/en message.
 */
export const settingsSchema = shape.superRefine((s, ctx) => {
  for (const check of checks) {
    check(s, (e) => ctx.addIssue({ code: "custom", message: e.message.en, path: e.key.split("."), params: { key: e.key, code: e.code, zh: e.message.zh, en: e.message.en } }));
  }
});

function isCode(x: unknown): x is SettingsError["code"] {
  return typeof x === "string";
}

export function validateSettings(s: unknown): SettingsValidation {
  const r = settingsSchema.safeParse(s);
  if (r.success) return { ok: true, settings: r.data };
  const errors: SettingsError[] = r.error.issues.map((issue) => {
    const params = issue.code === "custom" ? (issue.params as Record<string, unknown> | undefined) : undefined;
    if (params && typeof params.key === "string" && isCode(params.code) && typeof params.zh === "string" && typeof params.en === "string") {
      return { key: params.key, code: params.code, message: { zh: params.zh, en: params.en } };
    }
    const key = issue.path.map(String).join(".");
    if (issue.code === "invalid_value" && (key === "rfmMode" || key === "segmentModel")) {
      return { key, code: "oneOf", message: SETTINGS_ERROR.oneOf(key, key === "rfmMode" ? ["quintile", "fixed"] : ["eight", "ten"]) };
    }
    return { key, code: "invalid", message: SETTINGS_ERROR.invalid(key) };
  });
  return { ok: false, errors };
}
