import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { TableId } from "../../core/layout/types";
import { insertTemplate, scoreAndTier } from "../host";
import { t, type TextKey } from "../i18n";
import type { WorkbookStatus } from "../model/status";
import type { WorkbookRead } from "../host";
import { useShared } from "../styles";
import type { ScreenProps } from "./screen";
import type { Lang } from "../../core/plan/cells";

const useStyles = makeStyles({
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  action: { justifyContent: "flex-start", textAlign: "left", height: "auto", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, width: "100%" },
  actionText: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: "2px" },
  actionHint: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  next: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
});

const TIER_COLOR = { A: "success", B: "brand", C: "informative", D: "danger" } as const;

function tableLabel(id: TableId, lang: Lang): string {
  // Table ids read as words in English; in Chinese the sheet names people see are clearer.
  const zh: Partial<Record<TableId, string>> = { Customers: "客户信息", Behaviour: "客户行为", Interactions: "互动记录", Tiers: "客户分层", Settings: "设置", Lists: "下拉列表", ChangeLog: "变更日志" };
  return lang === "zh-CN" ? (zh[id] ?? id) : id === "ChangeLog" ? "Change log" : id;
}

function StatusFacts({ status, lang }: { status: WorkbookStatus | null; lang: Lang }) {
  const s = useStyles();
  const dash = t(lang, "statusUnavailable");
  const tierTotal = status?.tiers ? status.tiers.A + status.tiers.B + status.tiers.C + status.tiers.D : 0;
  const templateText = !status
    ? dash
    : status.templatePresent
      ? t(lang, "templateComplete")
      : status.customersSheet === null && status.missingTables.length >= 6
        ? t(lang, "templateNone")
        : t(lang, "templatePartial", { missing: status.missingTables.map((id) => tableLabel(id, lang)).join(lang === "zh-CN" ? "、" : ", ") });
  return (
    <dl className={s.facts}>
      <dt className={s.term}>{t(lang, "template")}</dt>
      <dd className={s.value}>
        {status ? (
          <Badge appearance="tint" color={status.templatePresent ? "success" : "warning"} shape="rounded">
            {templateText}
          </Badge>
        ) : (
          dash
        )}
      </dd>
      <dt className={s.term}>{t(lang, "customers")}</dt>
      <dd className={s.value}>{!status ? dash : status.customers === null ? t(lang, "noCustomerTable") : status.customers.toLocaleString(lang)}</dd>
      <dt className={s.term}>{t(lang, "lastScored")}</dt>
      <dd className={s.value}>{!status ? dash : status.scoredAsOf ? t(lang, "lastScoredAsOf", { date: status.scoredAsOf }) : t(lang, "notScored")}</dd>
      <dt className={s.term}>{t(lang, "tiers")}</dt>
      <dd className={s.value}>
        {status?.tiers && tierTotal > 0
          ? (["A", "B", "C", "D"] as const).map((k) => (
              <Badge key={k} appearance={(status.tiers?.[k] ?? 0) > 0 ? "filled" : "outline"} color={TIER_COLOR[k]} shape="rounded">
                {t(lang, "tierBadge", { tier: k, count: status.tiers?.[k] ?? 0 })}
              </Badge>
            ))
          : dash}
      </dd>
      <dt className={s.term}>{t(lang, "overdue")}</dt>
      <dd className={s.value}>
        {status?.overdue === null || !status ? (
          dash
        ) : status.overdue > 0 ? (
          <Badge appearance="filled" color="danger" shape="rounded">
            {status.overdue}
          </Badge>
        ) : (
          t(lang, "overdueNone")
        )}
      </dd>
    </dl>
  );
}

/**
 * The workbook's state, computed by the core once a read arrives. Its readers (filters, ledger)
 * load with the first read, which is asynchronous anyway, so they stay out of the first paint.
 */
function useStatus(read: WorkbookRead | null, lang: Lang): WorkbookStatus | null {
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  useEffect(() => {
    let live = true;
    if (!read) {
      setStatus(null);
      return;
    }
    void import("../model/status").then(({ workbookStatus }) => {
      if (live) setStatus(workbookStatus(read.snapshot, lang));
    });
    return () => {
      live = false;
    };
  }, [read, lang]);
  return status;
}

export function Home(props: ScreenProps) {
  const { lang, enabled, read, run, go, refresh } = props;
  const s = useStyles();
  const shared = useShared();
  const status = useStatus(read, lang);

  const onTemplate = () => void run({ text: t(lang, "progressTemplate") }, () => insertTemplate(lang));
  const onScore = () => {
    const rows = status?.customers ?? null;
    void run({ text: rows !== null ? t(lang, "progressScore", { rows: rows.toLocaleString(lang) }) : t(lang, "progressScoreUnknown") }, () => scoreAndTier(lang));
  };

  const next: TextKey | null = !status ? null : status.customers === null ? "nextStepTemplate" : status.scoredAsOf === null ? "nextStepScore" : null;
  const actions: { key: string; label: TextKey; hint: TextKey; onClick: () => void; primary?: boolean }[] = [
    { key: "template", label: "insertTemplate", hint: "insertTemplateHint", onClick: onTemplate },
    { key: "score", label: "scoreAndTier", hint: "scoreAndTierHint", onClick: onScore, primary: true },
    { key: "adopt", label: "adoptList", hint: "adoptListHint", onClick: () => go("adopt") },
    { key: "clean", label: "clean", hint: "cleanHint", onClick: () => go("clean") },
    { key: "filters", label: "filters", hint: "filtersHint", onClick: () => go("filters") },
    { key: "settings", label: "settings", hint: "settingsHint", onClick: () => go("settings") },
  ];

  return (
    <>
      <section className={shared.section} aria-labelledby="status-title">
        <div className={shared.row}>
          <h2 id="status-title" className={`${shared.sectionTitle} ${shared.grow}`}>
            {t(lang, "statusTitle")}
          </h2>
          <Button size="small" appearance="subtle" disabled={!enabled} onClick={() => void refresh()}>
            {t(lang, "refresh")}
          </Button>
        </div>
        <StatusFacts status={status} lang={lang} />
        {next && <p className={s.next}>{t(lang, next)}</p>}
      </section>
      <section className={shared.section} aria-labelledby="actions-title">
        <h2 id="actions-title" className={shared.sectionTitle}>
          {t(lang, "actionsTitle")}
        </h2>
        <div className={s.actions}>
          {actions.map((a) => (
            <Button key={a.key} className={s.action} appearance={a.primary ? "primary" : "secondary"} disabled={!enabled} onClick={a.onClick} data-action={a.key}>
              <span className={s.actionText}>
                <span>{t(lang, a.label)}</span>
                <span className={s.actionHint}>{t(lang, a.hint)}</span>
              </span>
            </Button>
          ))}
        </div>
      </section>
    </>
  );
}

