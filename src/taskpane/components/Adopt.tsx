import { Badge, Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { AdoptMappingEntry } from "../../core/actions/adopt";
import { INPUT_COLUMNS } from "../../core/adopt/header-match";
import { proposeMapping, type AdoptProposal } from "../../core/adopt/propose";
import { AdoptError, evidenceText } from "../../core/i18n/adopt";
import { headerOf } from "../../core/layout/sheets";
import { columnLetters } from "../../core/plan/a1";
import type { Lang } from "../../core/plan/cells";
import { findTable, type WorkbookSnapshot } from "../../core/plan/snapshot";
import { adopt, type OnProgress } from "../host";
import { t } from "../i18n";
import { st } from "../screen-text";
import { useShared } from "../styles";
import type { BusyState } from "./Progress";
import type { ScreenProps } from "./screen";

const useStyles = makeStyles({
  columns: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  column: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  header: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  small: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  dropdown: { minWidth: 0, width: "100%" },
});

const KEEP = "__keep__";

function confidenceBadge(confidence: number, target: string | null, lang: Lang) {
  const pct = `${Math.round(confidence * 100)}%`;
  if (target === null) return null;
  const color = confidence >= 0.85 ? "success" : confidence >= 0.65 ? "warning" : "danger";
  const word = confidence >= 0.85 ? st(lang, "confidenceHigh") : confidence >= 0.65 ? st(lang, "confidenceMedium") : st(lang, "confidenceLow");
  return (
    <Badge appearance="tint" color={color} shape="rounded" aria-label={`${word} (${st(lang, "confidence", { pct })})`}>
      {word} {pct}
    </Badge>
  );
}

/** The person's choices, checked the way adoptList will check them, in words. */
function problems(mapping: Map<number, string | null>, lang: Lang): string[] {
  const out: string[] = [];
  const targets = [...mapping.values()].filter((x): x is string => x !== null);
  if (!targets.includes("name")) out.push(st(lang, "adoptNeedName"));
  const seen = new Set<string>();
  for (const id of targets) {
    if (seen.has(id)) {
      const def = INPUT_COLUMNS.find((c) => c.id === id);
      out.push(st(lang, "adoptDuplicate", { column: def ? headerOf(def, lang) : id }));
    }
    seen.add(id);
  }
  return [...new Set(out)];
}

function propose(snapshot: WorkbookSnapshot, sheetName: string, lang: Lang): { proposal: AdoptProposal | null; error: string | null } {
  const sheet = snapshot.sheets.find((x) => x.name === sheetName);
  if (!sheet) return { proposal: null, error: null };
  try {
    return { proposal: proposeMapping(sheet), error: null };
  } catch (e) {
    return { proposal: null, error: e instanceof AdoptError ? e.localized(lang) : String(e) };
  }
}

export default function Adopt({ lang, enabled, read, run, refresh }: ScreenProps) {
  const s = useStyles();
  const shared = useShared();
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Map<number, string | null>>(new Map());

  const existing = read ? findTable(read.snapshot, "Customers") : undefined;
  const target = sheetName ?? read?.activeSheet ?? null;
  const { proposal, error } = useMemo(() => (read && target ? propose(read.snapshot, target, lang) : { proposal: null, error: null }), [read, target, lang]);

  // A new proposal resets the person's choices to it.
  useEffect(() => {
    setMapping(new Map((proposal?.columns ?? []).map((c) => [c.source, c.target])));
  }, [proposal]);

  const readSheet = async () => {
    const r = await refresh();
    if (r) setSheetName(r.activeSheet);
  };

  const issues = proposal ? problems(mapping, lang) : [];
  const options = INPUT_COLUMNS.map((c) => ({ id: c.id, label: headerOf(c, lang) }));
  const added = proposal ? INPUT_COLUMNS.filter((c) => ![...mapping.values()].includes(c.id)).length : 0;

  const convert = () => {
    if (!proposal) return;
    const entries: AdoptMappingEntry[] = proposal.columns.map((c) => ({ source: c.source, target: mapping.get(c.source) ?? null }));
    const rows = proposal.dataRows;
    const start: BusyState = { text: t(lang, "progressAdopt", { rows }), value: 0.1 };
    void run(start, (progress) => {
      const onProgress: OnProgress = (stage, n) => progress(stage === "apply" ? { text: t(lang, "progressWrite", { rows: n ?? rows }), value: 0.6 } : { text: t(lang, "progressAdopt", { rows }), value: 0.3 });
      return adopt(proposal.sheetName, entries, lang, onProgress);
    });
  };

  return (
    <section className={shared.section} aria-labelledby="adopt-title">
      <h2 id="adopt-title" className={shared.sectionTitle}>
        {st(lang, "adoptTitle")}
      </h2>
      <p className={shared.intro}>{st(lang, "adoptIntro")}</p>
      {existing && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{st(lang, "adoptHasTable", { sheet: existing.sheet.name })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={shared.row}>
        <Button appearance={proposal ? "secondary" : "primary"} disabled={!enabled} onClick={() => void readSheet()}>
          {proposal ? st(lang, "adoptReadAgain") : st(lang, "adoptRead")}
        </Button>
      </div>
      {error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {proposal && !existing && (
        <>
          <p className={shared.intro}>
            {st(lang, "adoptSheet", { sheet: proposal.sheetName, row: proposal.headerRow + 1, rows: proposal.dataRows, cols: proposal.colCount })}
          </p>
          <ul className={s.columns} aria-label={st(lang, "adoptTarget")}>
            {proposal.columns.map((c) => {
              const letter = columnLetters(c.source);
              const chosen = mapping.has(c.source) ? (mapping.get(c.source) ?? null) : c.target;
              const changed = chosen !== c.target;
              return (
                <li key={c.source} className={s.column} data-column={letter}>
                  <div className={s.head}>
                    <span className={s.header} title={c.header}>
                      {st(lang, "adoptColumn", { col: letter, header: c.header === "" ? st(lang, "adoptBlankHeader") : c.header })}
                    </span>
                    {!changed && confidenceBadge(c.confidence, c.target, lang)}
                  </div>
                  {c.samples.length > 0 && <p className={s.small}>{st(lang, "adoptSamples", { samples: c.samples.join(" · ") })}</p>}
                  <Field label={st(lang, "adoptTargetFor", { col: letter })} size="small">
                    <Select
                      className={s.dropdown}
                      size="small"
                      value={chosen ?? KEEP}
                      disabled={!enabled}
                      onChange={(_, d) => {
                        const v = d.value === KEEP ? null : d.value;
                        setMapping((m) => new Map(m).set(c.source, v));
                      }}
                    >
                      <option value={KEEP}>{st(lang, "adoptKeep")}</option>
                      {options.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {!changed && c.evidence.length > 0 && <p className={s.small}>{c.evidence.map((e) => evidenceText(e, lang)).join(lang === "zh-CN" ? "; " : "; ")}</p>}
                </li>
              );
            })}
          </ul>
          {added > 0 && <p className={shared.intro}>{st(lang, "adoptAdded", { n: added })}</p>}
          {issues.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{issues.join(" ")}</MessageBarBody>
            </MessageBar>
          )}
          <Button appearance="primary" disabled={!enabled || issues.length > 0} onClick={convert} data-action="adopt-convert">
            {st(lang, "adoptConvert")}
          </Button>
        </>
      )}
    </section>
  );
}
