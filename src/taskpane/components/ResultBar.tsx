import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/plan/cells";
import type { PaneResult } from "../host";
import { t } from "../i18n";

const useStyles = makeStyles({
  bar: { alignItems: "flex-start" },
  body: { whiteSpace: "normal", wordBreak: "break-word" },
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const MAX_DETAILS = 5;

/** An action's result in plain words: success or what went wrong and what to do. */
export function ResultBar({ result, lang, onDismiss }: { result: PaneResult; lang: Lang; onDismiss: () => void }) {
  const s = useStyles();
  const shown = result.details.slice(0, MAX_DETAILS);
  const more = result.details.length - shown.length;
  return (
    <MessageBar intent={result.ok ? "success" : "error"} layout="multiline" className={s.bar} aria-live={result.ok ? "polite" : "assertive"}>
      <MessageBarBody className={s.body}>
        <MessageBarTitle>{result.ok ? t(lang, "resultOk") : t(lang, "resultError")}</MessageBarTitle>
        {result.fromRibbon ? `${t(lang, "fromRibbon")}: ` : ""}
        {result.message}
        {shown.length > 0 && (
          <ul className={s.details}>
            {shown.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
            {more > 0 && <li>{t(lang, "moreDetails", { n: more })}</li>}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={t(lang, "dismiss")} onClick={onDismiss}>
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}
