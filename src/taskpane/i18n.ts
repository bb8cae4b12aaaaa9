import type { Lang } from "../core/plan/cells";

/**
 * The pane's own words, zh-CN and en-US. Messages of actions, settings and filters come from the
 * core's tables (src/core/i18n); only what the pane itself says lives here. `{name}` placeholders
 * are filled by `t()`.
 */
const TEXT = {
  appName: { zh: "客户洞察", en: "Customer Insight" },
  language: { zh: "显示语言", en: "Display language" },
  langZh: { zh: "中文", en: "中文" },
  langEn: { zh: "English", en: "English" },
  navLabel: { zh: "功能", en: "Screens" },
  navHome: { zh: "首页", en: "Home" },
  navAdopt: { zh: "导入名单", en: "Adopt" },
  navFilters: { zh: "筛选", en: "Filters" },
  navClean: { zh: "清洗", en: "Clean" },
  navSettings: { zh: "设置", en: "Settings" },
  loading: { zh: "正在连接 Excel…", en: "Connecting to Excel…" },
  outsideTitle: { zh: "请在 Excel 中使用", en: "Runs inside Excel" },
  outsideBody: {
    zh: "客户洞察是 Excel 加载项: 请在 Excel (桌面版或网页版) 的「开始」选项卡中点击「客户洞察」打开本面板。在普通浏览器中只能浏览界面, 按钮不可用。",
    en: "Customer Insight is an Excel add-in: open this pane from Excel (desktop or web), Home tab › Customer Insight. In a plain browser you can look around, but the buttons are disabled.",
  },
  statusTitle: { zh: "工作簿状态", en: "This workbook" },
  refresh: { zh: "刷新状态", en: "Refresh" },
  refreshing: { zh: "正在读取工作簿…", en: "Reading the workbook…" },
  template: { zh: "模板", en: "Template" },
  templateComplete: { zh: "已就绪", en: "Ready" },
  templatePartial: { zh: "缺少 {missing}", en: "Missing {missing}" },
  templateNone: { zh: "未插入", en: "Not inserted" },
  customers: { zh: "客户数", en: "Customers" },
  noCustomerTable: { zh: "尚无客户表", en: "No customer table yet" },
  lastScored: { zh: "上次评分", en: "Last scored" },
  lastScoredAsOf: { zh: "基准日 {date}", en: "as of {date}" },
  notScored: { zh: "尚未评分", en: "Not scored yet" },
  tiers: { zh: "客户分层", en: "Tiers" },
  tierBadge: { zh: "{tier}类 {count}", en: "{tier}: {count}" },
  overdue: { zh: "逾期跟进", en: "Overdue follow-ups" },
  overdueNone: { zh: "无", en: "None" },
  statusUnavailable: { zh: "—", en: "—" },
  nextStepTemplate: { zh: "下一步: 插入模板, 或用「导入我的名单」转换现有名单。", en: "Next: insert the template, or adopt the list you already have." },
  nextStepScore: { zh: "下一步: 录入客户后点击「评分分层」。", en: "Next: add customers, then Score and tier." },
  actionsTitle: { zh: "操作", en: "Actions" },
  insertTemplate: { zh: "插入模板", en: "Insert template" },
  insertTemplateHint: { zh: "新建标准客户台账, 已有内容不会改动", en: "Standard customer ledger; nothing you typed is touched" },
  scoreAndTier: { zh: "评分分层", en: "Score and tier" },
  scoreAndTierHint: { zh: "计算价值分、RFM、A/B/C/D 分层和跟进日期", en: "Value score, RFM, tiers A–D and follow-up dates" },
  adoptList: { zh: "导入我的名单", en: "Adopt my list" },
  adoptListHint: { zh: "把当前工作表的名单转换为标准客户表", en: "Turn the list on this sheet into the customer table" },
  clean: { zh: "数据清洗", en: "Clean data" },
  cleanHint: { zh: "去重合并、规范格式、脱敏副本; 可撤销", en: "Duplicates, formats, masked copy; undoable" },
  filters: { zh: "筛选", en: "Filters" },
  filtersHint: { zh: "优先跟进、逾期、流失风险、核心客户", en: "Follow up first, overdue, churn risk, core" },
  settings: { zh: "设置", en: "Settings" },
  settingsHint: { zh: "权重、阈值和跟进天数", en: "Weights, thresholds and follow-up days" },
  progressRead: { zh: "正在读取工作簿…", en: "Reading the workbook…" },
  progressTemplate: { zh: "正在插入模板…", en: "Inserting the template…" },
  progressScore: { zh: "正在为 {rows} 位客户评分分层…", en: "Scoring and tiering {rows} customers…" },
  progressScoreUnknown: { zh: "正在评分分层…", en: "Scoring and tiering…" },
  progressAdopt: { zh: "正在转换 {rows} 行名单…", en: "Converting a list of {rows} rows…" },
  progressFilter: { zh: "正在筛选 {rows} 位客户…", en: "Filtering {rows} customers…" },
  progressSettings: { zh: "正在保存设置…", en: "Saving the settings…" },
  progressWrite: { zh: "正在写入 Excel ({rows} 行)…", en: "Writing to Excel ({rows} rows)…" },
  progressLabel: { zh: "进度", en: "Progress" },
  resultOk: { zh: "完成", en: "Done" },
  resultError: { zh: "没有完成", en: "Not done" },
  fromRibbon: { zh: "功能区命令", en: "From the ribbon" },
  dismiss: { zh: "关闭消息", en: "Dismiss" },
  moreDetails: { zh: "另有 {n} 条提示", en: "{n} more notes" },
  unexpected: { zh: "出现意外错误: {detail}。工作簿可能未被修改, 请重试。", en: "Something unexpected happened: {detail}. The workbook may be unchanged; please try again." },
  notConnected: { zh: "未连接到 Excel。", en: "Not connected to Excel." },
  adoptDone: { zh: "已将「{sheet}」的 {rows} 行名单转换为客户表, 改动 {headers} 个表头 (已记入变更日志)。", en: "The {rows}-row list on '{sheet}' is now the customer table; {headers} header cells changed (logged in the Change log)." },
  adoptNextScore: { zh: "接下来可以点击「评分分层」。", en: "Next: Score and tier." },
  settingsSaved: { zh: "设置已保存到「{sheet}」工作表, 下次评分分层时生效。", en: "Settings saved on the '{sheet}' sheet; Score and tier uses them next time." },
  filterApplied: { zh: "已筛选「{name}」: 显示 {visible} / {total} 位客户。", en: "Filtered '{name}': {visible} of {total} customers shown." },
  filterCustom: { zh: "自定义条件", en: "your conditions" },
  filterCleared: { zh: "已清除客户表上的筛选, 显示全部 {total} 位客户。", en: "Filters cleared: all {total} customers shown." },
} as const;

export type TextKey = keyof typeof TEXT;
export type TextParams = Record<string, string | number>;

/** A `t` over a table of zh/en texts with `{name}` placeholders. */
export function translator<K extends string>(table: Record<K, { zh: string; en: string }>) {
  return (lang: Lang, key: K, params: TextParams = {}): string => {
    const entry = table[key];
    const template = lang === "zh-CN" ? entry.zh : entry.en;
    return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  };
}

/** Words of the frame, Home and the actions' results. The other screens' words: screen-text.ts. */
export const t = translator(TEXT);

/** Office's display language: any Chinese (zh-*) → zh-CN, everything else → en-US. */
export function langFromTag(tag: string | null | undefined): Lang {
  return (tag ?? "").toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
