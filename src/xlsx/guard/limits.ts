/**
 * What the pre-load guard lets through. ExcelJS 4.4.0 (the newest; no fix exists, see
 * docs/dependency-review.md) trusts a package's sizes and ranges on load, so these numbers bound
 * what one file can make it do. Measured here (Node 20, default 4.3 GB heap, 2 busy cores): a
 * 6 KB workbook written by ExcelJS with one construct added, `xlsx.load` then `writeBuffer` —
 * what `clean`, `undo-clean` and a small `score` do — peak RSS of the whole process:
 *
 *   nothing added                                      1.3 s      77 MB
 *   data validation on A2:A1048576 (one whole column)  7.5 s     376 MB
 *     on 4 whole columns                               32 s     1.2 GB
 *     on 8 whole columns                              167 s     2.4 GB
 *   merged range of 100,000 cells                      2.7 s     336 MB
 *     of 1,048,574 cells (one column)                  20 s     2.5 GB
 *   2,000 / 5,000 / 10,000 / 50,000 two-cell merges    3.2 s / 5.5 s / 15 s / over 300 s (each
 *                                                       merge is checked against every earlier one)
 *   defined name over 1,048,575 cells                  3.2 s     509 MB
 *     over 4,000,000 cells                             12 s     1.7 GB
 *   <col min="1" max="1000000">                        1.2 s     266 MB (a Column object per column)
 *   sheetId 1,000,000 / 10,000,000 / 100,000,000       1.6 s / 4.2 s / 72 s (`worksheets` walks the
 *                                                       sparse array up to the id, on every call)
 *
 * Whole-column validations are common in files people make in Excel, so four of them pass; a
 * defined name over 4 million cells is an autofilter over 100,000 rows of 40 columns (Excel's
 * hidden _FilterDatabase name), so that passes too. A file at every limit at once costs about a
 * minute and 3.5 GB, which the default heap survives; anything past them is refused before
 * ExcelJS sees it.
 */

/** Excel's own grid: XFD1048576. Nothing Excel writes goes past it. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/**
 * A part may not unpack to more than this: V8's longest string is 2^29 − 24 characters, and both
 * readers (ExcelJS, src/xlsx/stream) decode a part to one string, so a longer part cannot be read
 * anyway. Our 100,000-customer output's largest part is 120 MB.
 */
export const MAX_PART_BYTES = 512 * 2 ** 20;

/** The whole package unpacked: 7× the 294 MB of our 100,000-customer output. */
export const MAX_TOTAL_BYTES = 2 * 2 ** 30;

/**
 * ...and not more than RATIO times the file's own size, once past FLOOR. Real packages unpack
 * to 7–9× (our bench files: 18 MB → 138 MB, 39 MB → 294 MB); the most repetitive XML a sheet
 * holds (styled empty cells, identical values) deflates 12–20×; deflate's own ceiling is about
 * 1,030×, which is what a zip bomb uses. Below FLOOR nothing is refused for its ratio: a small
 * file with a bloated styles.xml (tens of thousands of identical formats) is real and harmless.
 */
export const MAX_RATIO = 100;
export const RATIO_FLOOR_BYTES = 64 * 2 ** 20;

/** Cells of all data-validation ranges in the workbook: four whole columns (4 × 1,048,576). */
export const MAX_VALIDATION_CELLS = 4 * MAX_ROWS;

/** Cells of all merged ranges in the workbook: a quarter of a column, about 0.65 GB of ExcelJS. */
export const MAX_MERGED_CELLS = MAX_ROWS / 4;

/** Merged ranges on one sheet: ExcelJS's load time grows with their square. */
export const MAX_MERGES_PER_SHEET = 10_000;

/** Cells of all defined-name ranges ExcelJS expands (print areas and titles it does not). */
export const MAX_NAME_CELLS = 4 * MAX_ROWS;

/** `<sheet sheetId>`: Excel numbers sheets from 1 up as they are added; 65,535 costs ExcelJS nothing. */
export const MAX_SHEET_ID = 65_535;
