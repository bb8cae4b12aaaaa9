import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { SETTING_TEXT } from "../../core/i18n/engine";
import { pick } from "../../core/plan/cells";
import type { SettingKey } from "../../core/settings/rows";
import { saveSettings, type OnProgress } from "../host";
import { t } from "../i18n";
import { st, type ScreenTextKey } from "../screen-text";
import { DEFAULT_FORM, checkForm, formFromWorkbook, weightSum, type SettingsForm } from "../model/settings-form";
import { useShared } from "../styles";
import type { ScreenProps } from "./screen";

const useStyles = makeStyles({
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  three: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS },
  two: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0, width: "100%" },
  sum: { margin: 0, fontSize: tokens.fontSizeBase200 },
  sumBad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Short labels where the field sits in a titled group (the core's names are for the sheet). */
const SHORT: Partial<Record<SettingKey, { zh: string; en: string }>> = {
  "weights.amount": { zh: "金额", en: "Amount" },
  "weights.activity": { zh: "活跃度", en: "Activity" },
  "weights.tenure": { zh: "合作时长", en: "Tenure" },
  "followUpDays.high": { zh: "高", en: "High" },
  "followUpDays.medium": { zh: "中", en: "Medium" },
  "followUpDays.low": { zh: "低", en: "Low" },
};

export default function SettingsScreen({ lang, setLang, enabled, read, run }: ScreenProps) {
  const s = useStyles();
  const shared = useShared();
  const fromBook = useMemo(() => (read ? formFromWorkbook(read.snapshot) : { form: DEFAULT_FORM, hasTable: false }), [read]);
  const [form, setForm] = useState<SettingsForm>(fromBook.form);
  useEffect(() => setForm(fromBook.form), [fromBook]);

  const check = useMemo(() => checkForm(form), [form]);
  const sum = weightSum(form);
  const set = (key: SettingKey) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const message = (key: string) => (check.errors.get(key) ?? []).map((l) => pick(l, lang)).join(" ");

  const numberField = (key: SettingKey, opts: { short?: boolean; step?: string } = {}) => {
    const label = opts.short && SHORT[key] ? pick(SHORT[key], lang) : pick(SETTING_TEXT[key].name, lang);
    const msg = message(key);
    return (
      <Field key={key} label={label} validationState={msg ? "error" : "none"} validationMessage={msg || undefined} size="small">
        <Input className={s.input} size="small" inputMode="decimal" value={form[key]} onChange={set(key)} disabled={!enabled} data-setting={key} />
      </Field>
    );
  };

  const choice = (key: "rfmMode" | "segmentModel", options: { value: string; label: ScreenTextKey }[]) => {
    const current = options.find((o) => o.value === form[key]);
    const msg = message(key);
    return (
      <Field label={pick(SETTING_TEXT[key].name, lang)} validationState={msg ? "error" : "none"} validationMessage={msg || undefined} size="small">
        <Select className={s.input} size="small" value={current ? current.value : form[key]} disabled={!enabled} onChange={(_, d) => setForm((f) => ({ ...f, [key]: d.value }))} data-setting={key}>
          {!current && <option value={form[key]}>{form[key]}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {st(lang, o.label)}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  const save = () => {
    if (!check.settings) return;
    const settings = check.settings;
    void run({ text: t(lang, "progressSettings"), value: 0.2 }, (progress) => {
      const onProgress: OnProgress = (stage) => progress({ text: t(lang, "progressSettings"), value: stage === "apply" ? 0.7 : 0.3 });
      return saveSettings(settings, lang, onProgress);
    });
  };

  const sumMsg = message("weights");
  return (
    <section className={shared.section} aria-labelledby="settings-title">
      <h2 id="settings-title" className={shared.sectionTitle}>
        {st(lang, "settingsTitle")}
      </h2>
      <p className={shared.intro}>{st(lang, "settingsIntro")}</p>
      {read && !fromBook.hasTable && (
        <MessageBar intent="info">
          <MessageBarBody>{st(lang, "settingsNoTable")}</MessageBarBody>
        </MessageBar>
      )}
      <fieldset className={s.group}>
        <legend className={s.legend}>{st(lang, "weightsGroup")}</legend>
        <div className={s.three}>
          {numberField("weights.amount", { short: true })}
          {numberField("weights.activity", { short: true })}
          {numberField("weights.tenure", { short: true })}
        </div>
        <p className={`${s.sum} ${sumMsg ? s.sumBad : shared.muted}`} aria-live="polite">
          {sumMsg || st(lang, "weightsSum", { sum: Number.isFinite(sum) ? sum : "—" })}
        </p>
      </fieldset>
      <fieldset className={s.group}>
        <legend className={s.legend}>{st(lang, "tiersGroup")}</legend>
        <div className={s.two}>
          {numberField("tierA")}
          {numberField("tierB")}
        </div>
        {numberField("churnThreshold")}
      </fieldset>
      <fieldset className={s.group}>
        <legend className={s.legend}>{st(lang, "followUpGroup")}</legend>
        <div className={s.three}>
          {numberField("followUpDays.high", { short: true })}
          {numberField("followUpDays.medium", { short: true })}
          {numberField("followUpDays.low", { short: true })}
        </div>
      </fieldset>
      <fieldset className={s.group}>
        <legend className={s.legend}>{st(lang, "rfmGroup")}</legend>
        {choice("rfmMode", [
          { value: "quintile", label: "rfmQuintile" },
          { value: "fixed", label: "rfmFixed" },
        ])}
        {choice("segmentModel", [
          { value: "eight", label: "segmentEight" },
          { value: "ten", label: "segmentTen" },
        ])}
      </fieldset>
      <fieldset className={s.group}>
        <legend className={s.legend}>{st(lang, "referenceGroup")}</legend>
        <Field label={pick(SETTING_TEXT.referenceDate.name, lang)} hint={st(lang, "referenceHint")} validationState={message("referenceDate") ? "error" : "none"} validationMessage={message("referenceDate") || undefined} size="small">
          <Input className={s.input} size="small" type="date" value={form.referenceDate} onChange={set("referenceDate")} disabled={!enabled} data-setting="referenceDate" />
        </Field>
      </fieldset>
      <fieldset className={s.group}>
        <legend className={s.legend}>{t(lang, "language")}</legend>
        <Field label={t(lang, "language")} hint={st(lang, "languageHint")} size="small">
          <Select className={s.input} size="small" value={lang} onChange={(_, d) => setLang(d.value === "zh-CN" ? "zh-CN" : "en-US")} data-setting="language">
            <option value="zh-CN">中文 (zh-CN)</option>
            <option value="en-US">English (en-US)</option>
          </Select>
        </Field>
      </fieldset>
      {check.count > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{st(lang, "settingsInvalidCount", { n: check.count })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={shared.row}>
        <Button appearance="primary" disabled={!enabled || check.settings === null} onClick={save} data-action="settings-save">
          {st(lang, "settingsSave")}
        </Button>
        <Button appearance="secondary" disabled={!enabled} onClick={() => setForm(DEFAULT_FORM)}>
          {st(lang, "settingsReset")}
        </Button>
      </div>
    </section>
  );
}
