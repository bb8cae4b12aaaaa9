import { Badge, Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { FILTER_PRESET_IDS, type FilterOperator, type FilterSpec } from "../../core/actions/filter";
import { FILTER_OPERATOR_TEXT, presetDescription, presetName, type FilterPresetId } from "../../core/i18n/adopt";
import { headerOf } from "../../core/layout/sheets";
import { pick, type Lang } from "../../core/plan/cells";
import { applyFilter, clearFilters, type OnProgress } from "../host";
import { t } from "../i18n";
import { st } from "../screen-text";
import { filterColumns, needsValue, operatorsFor, presetCounts, specCount, specOf, type BuilderRow, type Count } from "../model/filters";
import { useShared } from "../styles";
import type { BusyState } from "./Progress";
import type { Runner, ScreenProps } from "./screen";

const useStyles = makeStyles({
  presets: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  preset: { justifyContent: "space-between", height: "auto", width: "100%", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, textAlign: "left" },
  presetText: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: "2px", minWidth: 0, flexShrink: 1 },
  count: { flexShrink: 0, whiteSpace: "nowrap", marginLeft: tokens.spacingHorizontalS },
  presetHint: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  condition: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  two: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0, width: "100%" },
  preview: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

function countText(c: Count | undefined, lang: Lang, hasTable: boolean): string {
  if (!c || !hasTable) return "—";
  return c.ok ? st(lang, "presetCount", { visible: c.visible, total: c.total }) : st(lang, "presetUnavailable");
}

function filterTask(run: Runner, lang: Lang, rows: number, task: (p: OnProgress) => ReturnType<typeof clearFilters>) {
  const start: BusyState = { text: t(lang, "progressFilter", { rows }), value: 0.2 };
  return run(start, (progress) => task((stage) => progress({ text: t(lang, "progressFilter", { rows }), value: stage === "apply" ? 0.7 : 0.3 })));
}

const EMPTY_ROW: BuilderRow = { column: "", operator: "equals", value: "", value2: "" };

export default function Filters({ lang, enabled, read, run }: ScreenProps) {
  const s = useStyles();
  const shared = useShared();
  const snapshot = read?.snapshot ?? null;
  const counts = useMemo(() => (snapshot ? presetCounts(snapshot, lang) : null), [snapshot, lang]);
  const columns = useMemo(() => (snapshot ? filterColumns(snapshot) : []), [snapshot]);
  const [rows, setRows] = useState<BuilderRow[]>([{ ...EMPTY_ROW, column: "grade" }]);
  const spec: FilterSpec = useMemo(() => specOf(rows), [rows]);
  const preview = useMemo(() => (snapshot && spec.conditions.length ? specCount(snapshot, spec, lang) : null), [snapshot, spec, lang]);
  const total = counts ? Object.values(counts).find((c): c is Extract<Count, { ok: true }> => c.ok)?.total ?? 0 : 0;
  const hasTable = columns.length > 0;

  const update = (i: number, patch: Partial<BuilderRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const onPreset = (id: FilterPresetId) => void filterTask(run, lang, total, (p) => applyFilter(id, lang, p));
  const onApply = () => void filterTask(run, lang, total, (p) => applyFilter(spec, lang, p));
  const onClear = () => void filterTask(run, lang, total, (p) => clearFilters(lang, p));

  return (
    <>
      <section className={shared.section} aria-labelledby="filters-title">
        <h2 id="filters-title" className={shared.sectionTitle}>
          {st(lang, "presetsGroup")}
        </h2>
        <p className={shared.intro}>{read && !hasTable ? st(lang, "filtersNoTable") : st(lang, "filtersIntro")}</p>
        <div className={s.presets}>
          {FILTER_PRESET_IDS.map((id) => {
            const c = counts?.[id];
            return (
              <Button key={id} className={s.preset} appearance="secondary" disabled={!enabled || !c?.ok} onClick={() => onPreset(id)} data-preset={id}>
                <span className={s.presetText}>
                  <span>{presetName(id, lang)}</span>
                  <span className={s.presetHint}>{presetDescription(id, lang)}</span>
                </span>
                <Badge className={s.count} appearance={c?.ok && c.visible > 0 ? "filled" : "tint"} color={c?.ok ? "brand" : "informative"} shape="rounded">
                  {countText(c, lang, hasTable)}
                </Badge>
              </Button>
            );
          })}
        </div>
        <Button appearance="subtle" disabled={!enabled || !hasTable} onClick={onClear} data-action="filters-clear">
          {st(lang, "clearFilters")}
        </Button>
      </section>
      <section className={shared.section} aria-labelledby="builder-title">
        <h2 id="builder-title" className={shared.sectionTitle}>
          {st(lang, "builderGroup")}
        </h2>
        {rows.map((r, i) => {
          const def = columns.find((c) => c.id === r.column);
          const ops = operatorsFor(def);
          const n = i + 1;
          return (
            <fieldset key={i} className={s.condition}>
              <legend className={s.legend}>{st(lang, "builderRowLabel", { n })}</legend>
              <div className={s.two}>
                <Field label={st(lang, "builderColumn")} size="small">
                  <Select
                    className={s.input}
                    size="small"
                    value={r.column}
                    disabled={!enabled || !hasTable}
                    onChange={(_, d) => {
                      const next = columns.find((c) => c.id === d.value);
                      const nextOps = operatorsFor(next);
                      update(i, { column: d.value, operator: nextOps.includes(r.operator) ? r.operator : nextOps[0] });
                    }}
                  >
                    {!def && <option value="">—</option>}
                    {columns.map((c) => (
                      <option key={c.id} value={c.id}>
                        {headerOf(c, lang)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={st(lang, "builderOperator")} size="small">
                  <Select className={s.input} size="small" value={r.operator} disabled={!enabled || !hasTable} onChange={(_, d) => update(i, { operator: d.value as FilterOperator })}>
                    {ops.map((op) => (
                      <option key={op} value={op}>
                        {pick(FILTER_OPERATOR_TEXT[op], lang)}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              {needsValue(r.operator) && (
                <div className={r.operator === "between" ? s.two : undefined}>
                  <Field label={st(lang, "builderValue")} size="small">
                    <Input className={s.input} size="small" value={r.value} disabled={!enabled || !hasTable} onChange={(_, d) => update(i, { value: d.value })} />
                  </Field>
                  {r.operator === "between" && (
                    <Field label={st(lang, "builderValue2")} size="small">
                      <Input className={s.input} size="small" value={r.value2} disabled={!enabled || !hasTable} onChange={(_, d) => update(i, { value2: d.value })} />
                    </Field>
                  )}
                </div>
              )}
              {rows.length > 1 && (
                <Button size="small" appearance="subtle" disabled={!enabled} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  {st(lang, "builderRemove", { n })}
                </Button>
              )}
            </fieldset>
          );
        })}
        <div className={shared.row}>
          <Button size="small" appearance="secondary" disabled={!enabled || !hasTable} onClick={() => setRows((rs) => [...rs, { ...EMPTY_ROW }])}>
            {st(lang, "builderAdd")}
          </Button>
        </div>
        {preview && (
          <p className={s.preview} aria-live="polite">
            {preview.ok ? st(lang, "builderPreview", { visible: preview.visible, total: preview.total }) : preview.message}
          </p>
        )}
        <Button appearance="primary" disabled={!enabled || !hasTable || !preview?.ok} onClick={onApply} data-action="filter-apply">
          {st(lang, "builderApply")}
        </Button>
      </section>
    </>
  );
}
