/**
 * The pre-load guard: no input file reaches ExcelJS (src/xlsx/file.ts) or the streaming reader
 * (src/xlsx/stream) before its package has been measured and its risky XML checked. ExcelJS
 * 4.4.0 has load-time denial-of-service CVEs with no fixed release (docs/dependency-review.md);
 * limits.ts says what passes and why.
 */
export { checkBeforeLoad } from "./before-load";
export { PackageGuard } from "./package-guard";
