/**
 * The bad-input corpus (cases.ts) through the core and both shells (SPEC §8: nothing lost; bad
 * input gets a clear, localised message and leaves the workbook as it was).
 *
 * For every workbook case and each action (Insert template, Score and tier):
 *   core   — insertTemplate / scoreAndTier on the snapshot: a plan, or an InsightError with the code;
 *   excel  — src/excel runInsertTemplate / runScoreAndTier on the strict fake;
 *   xlsx   — Score and tier through the CLI, Insert template through src/xlsx read → core → apply → save.
 * An "ok" outcome runs the case's assertions on what came out; a refusal must carry the expected
 * code, a non-empty message in zh-CN and in en-US (naming the sheet where the case says so), and
 * leave the workbook exactly as it was. In every run, every input cell is byte-identical afterwards
 * (value and type), the logged generated 客户编号 being the only allowed change.
 * File cases (not workbooks at all) go to the CLI only.
 */
import type { Lang } from "../../src/core/plan/cells";
import { CASES, type ActionExpect, type CorpusCase, type RunKind, type WorkbookCase } from "./cases";
import { xlsxOnlyFeatures } from "./model";
import { onWritePath } from "../helpers/workbooks";
import { LANGS, runCliOnFile, runCore, runExcel, runXlsx, type Action, type Outcome, type Refusal, type TierRow } from "./shells";

const failed = new Set<string>();

/** Runs a test body and remembers which cases failed anything (for the corpus count). */
function tracked(c: CorpusCase, body: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (e) {
      failed.add(c.name);
      throw e;
    }
  };
}

function testFor(c: WorkbookCase, kind: RunKind): jest.It {
  return c.bugs?.[kind] ? test.failing : test;
}

function title(c: WorkbookCase, kind: RunKind, label: string): string {
  const bug = c.bugs?.[kind];
  return bug ? `${label} — KNOWN BUG: ${bug}` : label;
}

function expectRefusal(where: string, r: Refusal | undefined, exp: { refused: string; sheet?: string }): void {
  expect([where, r?.code]).toEqual([where, exp.refused]);
  const messages = r?.messages as Record<Lang, string>;
  for (const lang of LANGS) {
    const m = messages[lang].trim();
    expect([where, lang, m.length > 0]).toEqual([where, lang, true]);
    if (exp.sheet) expect([where, lang, m]).toEqual([where, lang, expect.stringContaining(exp.sheet)]);
  }
  // The two languages really differ: the zh message is written in Chinese, the en one in English.
  expect(messages["zh-CN"]).not.toBe(messages["en-US"]);
  expect(messages["en-US"]).toMatch(/[A-Za-z]{3,}/);
}

function expectOutcome(where: string, out: Outcome, exp: ActionExpect): void {
  if ("ok" in exp) {
    expect([where, out.ok, out.refusal?.messages["en-US"] ?? ""]).toEqual([where, true, ""]);
    expect([where, out.violations]).toEqual([where, []]);
    if (exp.check && out.view) exp.check(out.view);
    return;
  }
  expect([where, out.ok]).toEqual([where, false]);
  expectRefusal(where, out.refusal, exp);
  expect([where, "workbook left as it was", out.unchanged]).toEqual([where, "workbook left as it was", true]);
  expect([where, out.violations]).toEqual([where, []]);
}

/** Tiers each shell wrote, to check the two shells agree. */
const tiersBy = new Map<string, TierRow[]>();

const workbookCases = CASES.filter((c): c is WorkbookCase => c.kind === "workbook");
const fileCases = CASES.filter((c) => c.kind === "file");

describe.each(workbookCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  const options = { computedSheets: c.computedSheets, settingsRefDate: c.settingsRefDate, rescore: c.rescore, bounded: c.bounded };
  const actions: [Action, "template" | "score", string][] = [
    ["template", "template", "Insert template"],
    ["score", "score", "Score and tier"],
  ];
  for (const [action, key, label] of actions) {
    const exp = c[key];
    const coreKind = `core.${action}` as RunKind;
    testFor(c, coreKind)(
      title(c, coreKind, `core: ${label}`),
      tracked(c, async () => {
        const r = await runCore(c.build(), action, options);
        if (r.error) throw r.error;
        if ("ok" in exp) expect([coreKind, r.ok, r.refusal?.messages["en-US"] ?? ""]).toEqual([coreKind, true, ""]);
        else expectRefusal(coreKind, r.refusal, exp);
      }),
    );

    const excelKind = `excel.${action}` as RunKind;
    const only = c.xlsxOnly ?? (xlsxOnlyFeatures(c.build()).length ? xlsxOnlyFeatures(c.build()).join(", ") : undefined);
    if (only) {
      test.skip(`excel: ${label} — not run: ${only}`, () => undefined);
    } else {
      testFor(c, excelKind)(
        title(c, excelKind, `excel (strict fake): ${label}`),
        tracked(c, async () => {
          const out = await runExcel(c.build(), action, options);
          expectOutcome(excelKind, out, exp);
          if (action === "score" && out.view) tiersBy.set(`${c.name}\u0000excel`, out.view.tiers);
        }),
      );
    }

    const xlsxKind = `xlsx.${action}` as RunKind;
    testFor(c, xlsxKind)(
      title(c, xlsxKind, `xlsx (${action === "score" ? "CLI" : "src/xlsx"}): ${label}`),
      tracked(c, async () => {
        const out = await runXlsx(c.build(), action, options);
        expectOutcome(xlsxKind, out, exp);
        if (action === "score" && out.view) tiersBy.set(`${c.name}\u0000xlsx`, out.view.tiers);
      }),
    );

    // The CLI patches the package instead above 128 KB (src/xlsx/stream): every case again on that path.
    if (action === "score") {
      testFor(c, xlsxKind)(
        title(c, xlsxKind, `xlsx (CLI, streaming path): ${label}`),
        tracked(c, async () => {
          const out = await onWritePath("stream", () => runXlsx(c.build(), action, options));
          expectOutcome(`${xlsxKind} (stream)`, out, exp);
        }),
      );
    }
  }

  if ("ok" in c.score && !c.xlsxOnly) {
    test(
      "both shells wrote the same Tiers rows",
      tracked(c, async () => {
        const a = tiersBy.get(`${c.name}\u0000excel`);
        const b = tiersBy.get(`${c.name}\u0000xlsx`);
        if (!a || !b) return; // a run above failed and said why
        expect(a).toEqual(b);
      }),
    );
  }
});

describe.each(fileCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  if (c.kind !== "file") return;
  test(
    `cli: score refuses with ${c.refused}, exit 1, in zh-CN and en-US, and writes nothing`,
    tracked(c, async () => {
      const r = await runCliOnFile(c.bytes(), c.fileName);
      expect(r.code).toBe(1);
      expectRefusal("cli", r.refusal, { refused: c.refused, sheet: c.fileName });
      expect(r.unchanged).toBe(true);
    }),
  );
  test.skip("excel: not run — a file Excel cannot open never reaches the add-in", () => undefined);
});

test("the corpus has at least 40 cases", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
});

afterAll(() => {
  const passed = CASES.filter((c) => !failed.has(c.name)).length;
  console.log(`corpus: ${CASES.length} cases, ${passed} passed${failed.size ? ` (failing: ${[...failed].join("; ")})` : ""}`);
});
