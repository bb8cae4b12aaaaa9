import { Field, ProgressBar } from "@fluentui/react-components";
import type { Lang } from "../../core/plan/cells";
import { t } from "../i18n";

export interface BusyState {
  /** what is happening, with row counts where known */
  text: string;
  /** 0–1, or undefined while the amount of work is unknown */
  value?: number;
}

/** Progress while an action runs: a bar and a sentence with the row count, announced politely. */
export function Progress({ busy, lang }: { busy: BusyState; lang: Lang }) {
  return (
    <div aria-live="polite" role="status">
      <Field label={t(lang, "progressLabel")} validationMessage={busy.text} validationState="none">
        <ProgressBar value={busy.value} thickness="large" />
      </Field>
    </div>
  );
}
