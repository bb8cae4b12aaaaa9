import type { Lang } from "../../core/plan/cells";
import type { PaneResult, WorkbookRead } from "../host";
import type { Screen } from "../route";
import type { BusyState } from "./Progress";

/** Runs one action: shows `start`, lets the task report progress, then shows its result and refreshes. */
export type Runner = (start: BusyState, task: (progress: (b: BusyState) => void) => Promise<PaneResult>) => Promise<PaneResult>;

export interface ScreenProps {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** inside Excel and nothing running */
  enabled: boolean;
  inExcel: boolean;
  /** the latest read of the workbook, or null before the first */
  read: WorkbookRead | null;
  run: Runner;
  refresh: () => Promise<WorkbookRead | null>;
  go: (screen: Screen) => void;
}
