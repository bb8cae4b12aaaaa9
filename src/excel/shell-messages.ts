import type { Label, Lang } from "../core/plan/cells";
import { pick } from "../core/plan/cells";

/**
 * Messages only the Office.js shell needs. They belong in src/core/i18n/messages.ts (owned by the
 * core); they live here until they are moved there, with the same `{name}` placeholders.
 */
export const SHELL_MESSAGES = {
  excelReadFailed: {
    zh: "读取工作簿时 Excel 报错 ({detail})。工作簿未做任何修改, 请稍后重试。",
    en: "Excel reported an error while reading the workbook ({detail}). Nothing was changed; please try again.",
  },
  excelApplyFailed: {
    zh: "写入工作簿时 Excel 报错 ({detail})。工作簿可能只更新了一部分, 您输入的数据未被改动; 请再运行一次以完成。",
    en: "Excel reported an error while updating the workbook ({detail}). The workbook may be partly updated (nothing you typed was changed); run the action again to complete it.",
  },
  tableOverlap: {
    zh: "工作表「{sheet}」上要放置 {table} 表的位置已有其他表格。请移动该表格后重试; 工作簿未做任何修改。",
    en: "Another table already sits where the {table} table goes on sheet '{sheet}'. Move it and try again; nothing was changed.",
  },
  templateDone: {
    zh: "模板已就绪: 新建 {sheets} 个工作表、{tables} 个表格, 补充 {columns} 列。",
    en: "Template ready: {sheets} sheets and {tables} tables created, {columns} columns added.",
  },
  templateUnchanged: {
    zh: "模板已完整, 无需修改。",
    en: "The template is already complete; nothing to change.",
  },
  scoreDone: {
    zh: "已为 {customers} 位客户评分分层 (A {a} · B {b} · C {c} · D {d})。",
    en: "Scored and tiered {customers} customers (A {a} · B {b} · C {c} · D {d}).",
  },
} satisfies Record<string, Label>;

export type ShellMessageCode = keyof typeof SHELL_MESSAGES;

export function shellMessage(code: ShellMessageCode, params: Record<string, string | number>, lang: Lang): string {
  return pick(SHELL_MESSAGES[code], lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A shell-side error a person can act on (same shape as the core's InsightError). */
export class ShellError extends Error {
  constructor(
    readonly code: ShellMessageCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(shellMessage(code, params, "en-US"));
    this.name = "ShellError";
  }

  localized(lang: Lang): string {
    return shellMessage(this.code, this.params, lang);
  }
}
