import { Badge, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Lang } from "../../core/plan/cells";
import { applyPlanned, type OnProgress, type PaneResult, type Planned } from "../host";
import { findTable, type WorkbookSnapshot } from "../../core/plan/snapshot";
import { cleanBuilder, maskBuilder, undoBuilder } from "../model/clean-actions";
import { displayValue, lastCleanTime, possibleReason, refLabel, reviewClean, type CleanCounts, type CleanReview, type ReviewGroup } from "../model/clean-review";
import { st, type ScreenTextKey } from "../screen-text";
import { useShared } from "../styles";
import type { BusyState } from "./Progress";
import type { Runner, ScreenProps } from "./screen";

/**
 * Clean review (SPEC §7): a dry run of Clean on the workbook as read — counts, duplicate groups side
 * by side, possible duplicates with their score, flagged cells — then Clean, Undo last clean and a
 * masked copy. The review is recomputed from every new read, so after Clean it shows what is left.
 */

const MAX_GROUPS = 20;
const MAX_ITEMS = 30;

const useStyles = makeStyles({
  options: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  option: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, cursor: "pointer" },
  check: { width: "16px", height: "16px", margin: "2px 0 0", flexShrink: 0, accentColor: tokens.colorBrandBackground, cursor: "pointer" },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, padding: 0, marginBottom: tokens.spacingVerticalXXS },
  counts: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  count: {
    display: "flex",
    flexDirection: "column-reverse",
    justifyContent: "flex-end",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  countTerm: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  countValue: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, wordBreak: "break-word" },
  small: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  scroll: { overflowX: "auto", maxWidth: "100%", ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" } },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, tableLayout: "auto" },
  th: {
    textAlign: "left",
    verticalAlign: "top",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
  },
  rowHead: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, width: "26%" },
  // Chinese field names are short (≤ 8 characters): one line, the mark beside them.
  rowHeadZh: { whiteSpace: "nowrap", width: "auto" },
  memberId: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  // Break a value only where it does not fit: a mobile or an email stays whole when it can.
  td: { verticalAlign: "top", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: "anywhere", minWidth: "84px" },
  keepCol: { backgroundColor: tokens.colorBrandBackground2 },
  differs: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  mark: { marginLeft: "2px", color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  blank: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", rowGap: "2px", paddingBottom: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, minWidth: 0 },
  itemLine: { wordBreak: "break-word", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  badgeRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  srOnly: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 },
});

function task(run: Runner, lang: Lang, start: string, build: (snapshot: WorkbookSnapshot, now: string) => Planned): Promise<PaneResult> {
  return run({ text: start, value: 0.1 }, (progress) => {
    const onProgress: OnProgress = (stage) => progress({ text: start, value: stage === "apply" ? 0.7 : 0.3 } satisfies BusyState);
    return applyPlanned(build, lang, onProgress);
  });
}

function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const COUNT_KEYS: { key: keyof CleanCounts; label: ScreenTextKey }[] = [
  { key: "normalised", label: "countNormalised" },
  { key: "groups", label: "countGroups" },
  { key: "possible", label: "countPossible" },
  { key: "flagged", label: "countFlagged" },
];

function More({ n, lang }: { n: number; lang: Lang }) {
  const s = useStyles();
  return n > 0 ? <p className={s.small}>{st(lang, "moreItems", { n })}</p> : null;
}

function GroupView({ group, n, lang }: { group: ReviewGroup; n: number; lang: Lang }) {
  const s = useStyles();
  const headingId = `clean-group-${n}`;
  const members = [group.survivor, ...group.others];
  return (
    <div className={s.group} data-group={n}>
      <h4 id={headingId} className={s.groupTitle}>
        {st(lang, "groupHeading", { n, name: group.survivor.name })}
      </h4>
      <p className={s.small}>{st(lang, "groupWhy", { reasons: group.reasons.join(lang === "zh-CN" ? "; " : "; ") })}</p>
      <div className={s.scroll} role="region" aria-labelledby={headingId} tabIndex={0}>
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col" className={s.th}>
                {st(lang, "groupField")}
              </th>
              {members.map((m, i) => (
                <th key={m.row} scope="col" className={mergeClasses(s.th, i === 0 && s.keepCol)} data-member={i === 0 ? "keep" : "merge"}>
                  {st(lang, i === 0 ? "groupKeep" : "groupMergeRow", { row: m.row })}
                  {m.id ? <div className={s.memberId}>{m.id}</div> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.fields.map((f) => {
              const marked = f.differs || f.gap;
              return (
                <tr key={f.id} className={marked ? s.differs : undefined} data-field={f.id} data-differs={marked ? "true" : undefined}>
                  <th scope="row" className={mergeClasses(s.th, s.rowHead, lang === "zh-CN" && s.rowHeadZh)}>
                    {f.label}
                    {marked && (
                      <span className={s.mark} aria-hidden="true">
                        {f.differs ? "≠" : "+"}
                      </span>
                    )}
                    {marked && <span className={s.srOnly}>{` (${st(lang, f.differs ? "groupDiffers" : "groupGap")})`}</span>}
                  </th>
                  {f.values.map((v, i) => (
                    <td key={i} className={mergeClasses(s.td, i === 0 && !marked && s.keepCol)}>
                      {v === "" ? <span className={s.blank}>{st(lang, "groupBlank")}</span> : v}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {group.carriedContacts.length > 0 && <p className={s.small}>{st(lang, "groupCarried", { contacts: group.carriedContacts.join(" · ") })}</p>}
    </div>
  );
}

export default function Clean({ lang, enabled, inExcel, read, run, refresh }: ScreenProps) {
  const s = useStyles();
  const shared = useShared();
  const [normalise, setNormalise] = useState(true);
  const [merge, setMerge] = useState(true);
  const [review, setReview] = useState<CleanReview | null>(null);
  const [checking, setChecking] = useState(false);
  const snapshot = read?.snapshot ?? null;

  // The person may have typed since the last read: read again as the screen opens.
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current && inExcel) void refresh();
    mounted.current = true;
  }, [inExcel, refresh]);

  // The dry run, off the click that asked for it so "Previewing…" paints first.
  useEffect(() => {
    if (!snapshot) {
      setReview(null);
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => {
      setReview(reviewClean(snapshot, lang, { normalise, merge }, localNow()));
      setChecking(false);
    }, 0);
    return () => clearTimeout(timer);
  }, [snapshot, lang, normalise, merge]);

  const lastRun = snapshot ? lastCleanTime(snapshot) : null;
  const ok = review?.ok === true ? review : null;
  const canClean = enabled && ok !== null && !checking && (normalise || merge);
  const rows = ok ? ok.counts : null;
  // A masked copy needs the customer list, not a clean review (Settings may be wrong, say).
  const canMask = enabled && (ok !== null || (snapshot !== null && findTable(snapshot, "Customers") !== undefined));

  const onClean = () => void task(run, lang, st(lang, "progressClean", { rows: (snapshot && findTable(snapshot, "Customers")?.table.rowCount) ?? "" }), cleanBuilder({ normalise, merge }, lang));
  const onUndo = () => void task(run, lang, st(lang, "progressUndo"), undoBuilder(lang));
  const onMask = () => void task(run, lang, st(lang, "progressMask"), maskBuilder(lang));

  const groups = ok?.groups ?? [];
  const possible = ok?.report.possible ?? [];
  const flagged = ok?.report.flagged ?? [];

  return (
    <>
      <section className={shared.section} aria-labelledby="clean-title" aria-busy={checking}>
        <h2 id="clean-title" className={shared.sectionTitle}>
          {st(lang, "cleanTitle")}
        </h2>
        <p className={shared.intro}>{st(lang, "cleanIntro")}</p>
        <fieldset className={s.options}>
          <legend className={s.legend}>{st(lang, "cleanOptions")}</legend>
          {/* Native checkboxes: Fluent's Switch would add to the first paint's Fluent chunk. */}
          <label className={s.option}>
            <input type="checkbox" className={s.check} checked={normalise} onChange={(e) => setNormalise(e.currentTarget.checked)} disabled={!inExcel} data-option="normalise" />
            <span>{st(lang, "cleanNormalise")}</span>
          </label>
          <label className={s.option}>
            <input type="checkbox" className={s.check} checked={merge} onChange={(e) => setMerge(e.currentTarget.checked)} disabled={!inExcel} data-option="merge" />
            <span>{st(lang, "cleanMerge")}</span>
          </label>
        </fieldset>
        <h3 className={shared.sectionTitle}>{st(lang, "cleanPreviewTitle")}</h3>
        {review && !review.ok ? (
          <p className={shared.intro} role="status">
            {review.message}
          </p>
        ) : (
          <dl className={s.counts} aria-live="polite">
            {COUNT_KEYS.map((c) => (
              <div key={c.key} className={s.count}>
                <dd className={s.countValue} data-count={c.key}>
                  {rows && !checking ? rows[c.key].toLocaleString(lang) : "—"}
                </dd>
                <dt className={s.countTerm}>{st(lang, c.label)}</dt>
              </div>
            ))}
          </dl>
        )}
        {checking && (
          <p className={s.small} role="status">
            {st(lang, "cleanChecking")}
          </p>
        )}
        <div className={s.actions}>
          <Button appearance="primary" disabled={!canClean} onClick={onClean} data-action="clean-apply">
            {st(lang, "cleanApply")}
          </Button>
          <Button appearance="subtle" disabled={!enabled} onClick={() => void refresh()} data-action="clean-recheck">
            {st(lang, "cleanRecheck")}
          </Button>
        </div>
      </section>

      {ok && (
        <section className={shared.section} aria-labelledby="clean-groups-title">
          <h3 id="clean-groups-title" className={shared.sectionTitle}>
            {st(lang, merge ? "groupsTitle" : "groupsTitleNoMerge")}
          </h3>
          {groups.length === 0 ? (
            <p className={shared.intro}>{st(lang, "groupsNone")}</p>
          ) : (
            <>
              <p className={s.small}>{st(lang, "groupsLegend")}</p>
              {groups.slice(0, MAX_GROUPS).map((g, i) => (
                <GroupView key={g.survivor.row} group={g} n={i + 1} lang={lang} />
              ))}
              <More n={groups.length - MAX_GROUPS} lang={lang} />
            </>
          )}
        </section>
      )}

      {ok && (
        <section className={shared.section} aria-labelledby="clean-possible-title">
          <h3 id="clean-possible-title" className={shared.sectionTitle}>
            {st(lang, "possibleTitle")}
          </h3>
          {possible.length === 0 ? (
            <p className={shared.intro}>{st(lang, "possibleNone")}</p>
          ) : (
            <ul className={s.list}>
              {possible.slice(0, MAX_ITEMS).map((p) => (
                <li key={`${p.a.row}-${p.b.row}`} className={s.item} data-possible={`${p.a.row}-${p.b.row}`}>
                  <span className={s.itemLine}>
                    {refLabel(p.a)} <span className={shared.muted}>({st(lang, "rowOf", { row: p.a.row })})</span>
                  </span>
                  <span className={s.itemLine}>
                    <span className={shared.muted}>{st(lang, "possibleAnd")} </span>
                    {refLabel(p.b)} <span className={shared.muted}>({st(lang, "rowOf", { row: p.b.row })})</span>
                  </span>
                  <span className={s.badgeRow}>
                    <Badge appearance="tint" color="warning" shape="rounded">
                      {st(lang, "possibleScore", { reason: possibleReason(p.reason, lang), score: p.score.toFixed(2) })}
                    </Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <More n={possible.length - MAX_ITEMS} lang={lang} />
        </section>
      )}

      {ok && (
        <section className={shared.section} aria-labelledby="clean-flagged-title">
          <h3 id="clean-flagged-title" className={shared.sectionTitle}>
            {st(lang, "flaggedTitle")}
          </h3>
          {flagged.length === 0 ? (
            <p className={shared.intro}>{st(lang, "flaggedNone")}</p>
          ) : (
            <ul className={s.list}>
              {flagged.slice(0, MAX_ITEMS).map((f) => (
                <li key={`${f.row}-${f.column}`} className={s.item} data-flagged={`${f.row}-${f.column}`}>
                  <span className={s.small}>{st(lang, "flaggedWhere", { row: f.row, column: f.column })}</span>
                  <span className={s.itemLine}>{st(lang, "flaggedValue", { value: displayValue("", f.value), message: f.message })}</span>
                </li>
              ))}
            </ul>
          )}
          <More n={flagged.length - MAX_ITEMS} lang={lang} />
        </section>
      )}

      <section className={shared.section} aria-labelledby="clean-undo-title">
        <h3 id="clean-undo-title" className={shared.sectionTitle}>
          {st(lang, "undoTitle")}
        </h3>
        <p className={shared.intro}>{lastRun ? st(lang, "undoLast", { time: lastRun }) : st(lang, "undoNone")}</p>
        <div className={s.actions}>
          <Button appearance="secondary" disabled={!enabled || lastRun === null} onClick={onUndo} data-action="clean-undo">
            {st(lang, "undoTitle")}
          </Button>
        </div>
      </section>

      <section className={shared.section} aria-labelledby="clean-mask-title">
        <h3 id="clean-mask-title" className={shared.sectionTitle}>
          {st(lang, "maskTitle")}
        </h3>
        <p className={shared.intro}>{st(lang, "maskIntro")}</p>
        <div className={s.actions}>
          <Button appearance="secondary" disabled={!canMask} onClick={onMask} data-action="clean-mask">
            {st(lang, "maskButton")}
          </Button>
        </div>
      </section>
    </>
  );
}
