import { InsightError } from "../core/i18n/messages";

/** The manifest's minimum: data validation, getRangeByIndexes, freezePanes, …OrNullObject (OFFICE-JS.md). */
export const MIN_EXCEL_API = "1.8";
/** AutoFilter on tables (Table.autoFilter.apply) needs ExcelApi 1.9. */
export const FILTER_EXCEL_API = "1.9";

function supported(version: string): boolean {
  return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** Before any action: an Excel below ExcelApi 1.8 gets the core's excelTooOld message, and nothing runs. */
export function requireExcelApi(version: string = MIN_EXCEL_API): void {
  if (!supported(version)) throw new InsightError("excelTooOld", { version });
}

export function filtersSupported(): boolean {
  return supported(FILTER_EXCEL_API);
}

/** SharedRuntime 1.1 carries Office.addin.showAsTaskpane(). */
export function sharedRuntimeSupported(): boolean {
  return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("SharedRuntime", "1.1");
}
