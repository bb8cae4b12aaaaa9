import type { CellValue } from "../plan/cells";
import type { KeyKind, PossibleReason } from "./duplicates";

/** What Clean did and found, for the pane, the CLI's --json and the tests. Rows are 1-based sheet rows. */
export interface CleanReport {
  time: string;
  sheet: string;
  normalised: { row: number; key: string; column: string; old: CellValue; new: CellValue }[];
  flagged: { row: number; key: string; column: string; value: CellValue; status: "ambiguous" | "invalid" | "warning"; reason: string; message: string; candidates?: CellValue[]; suggestion?: CellValue }[];
  groups: {
    survivor: CustomerRef;
    members: CustomerRef[];
    reasons: { kind: KeyKind; value: string }[];
    merged: boolean;
    /** cells of the survivor filled from the others */
    filled: number;
    /** other contacts carried into the survivor's summary */
    carriedContacts: string[];
  }[];
  possible: { a: CustomerRef; b: CustomerRef; score: number; reason: PossibleReason }[];
  archived: number;
  /** Behaviour and Interactions rows whose 客户编号 moved from a merged-away id to the survivor's */
  relinked: number;
  changedCells: number;
}

export interface CustomerRef {
  row: number;
  id: string;
  name: string;
}
