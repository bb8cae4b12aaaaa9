/**
 * Runtime enum objects the real Excel namespace carries; a shell compiled against
 * @types/office-js reads e.g. `Excel.ChartType.pie` at run time, so the fake must provide them.
 */
export const ExcelEnums = {
  ChartType: { pie: "Pie", doughnut: "Doughnut", columnClustered: "ColumnClustered", columnStacked: "ColumnStacked", barClustered: "BarClustered", barStacked: "BarStacked", line: "Line", lineMarkers: "LineMarkers", area: "Area", xyscatter: "XYScatter" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ConditionalFormatType: { custom: "Custom", dataBar: "DataBar", colorScale: "ColorScale", iconSet: "IconSet", topBottom: "TopBottom", presetCriteria: "PresetCriteria", containsText: "ContainsText", cellValue: "CellValue" },
  ConditionalCellValueOperator: { invalid: "Invalid", between: "Between", notBetween: "NotBetween", equalTo: "EqualTo", notEqualTo: "NotEqualTo", greaterThan: "GreaterThan", lessThan: "LessThan", greaterThanOrEqual: "GreaterThanOrEqual", lessThanOrEqual: "LessThanOrEqual" },
  ConditionalTextOperator: { invalid: "Invalid", contains: "Contains", notContains: "NotContains", beginsWith: "BeginsWith", endsWith: "EndsWith" },
  ConditionalFormatColorCriterionType: { invalid: "Invalid", lowestValue: "LowestValue", highestValue: "HighestValue", number: "Number", percent: "Percent", formula: "Formula", percentile: "Percentile" },
  DataValidationOperator: { between: "Between", notBetween: "NotBetween", equalTo: "EqualTo", notEqualTo: "NotEqualTo", greaterThan: "GreaterThan", lessThan: "LessThan", greaterThanOrEqualTo: "GreaterThanOrEqualTo", lessThanOrEqualTo: "LessThanOrEqualTo" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  DataValidationType: { none: "None", wholeNumber: "WholeNumber", decimal: "Decimal", list: "List", date: "Date", time: "Time", textLength: "TextLength", custom: "Custom", inconsistent: "Inconsistent", mixedCriteria: "MixedCriteria" },
  FilterOn: { bottomItems: "BottomItems", bottomPercent: "BottomPercent", cellColor: "CellColor", dynamic: "Dynamic", fontColor: "FontColor", values: "Values", topItems: "TopItems", topPercent: "TopPercent", icon: "Icon", custom: "Custom" },
  FilterOperator: { and: "And", or: "Or" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerAcrossSelection: "CenterAcrossSelection", distributed: "Distributed" },
  ErrorCodes: {
    accessDenied: "AccessDenied", apiNotFound: "ApiNotFound", generalException: "GeneralException", invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation", invalidReference: "InvalidReference", itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound", notImplemented: "NotImplemented", responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  },
} as const;
