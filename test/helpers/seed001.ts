/** Seed 001's three customers and their Behaviour rows, as a person's plain-range workbook. */
import type ExcelJS from "exceljs";
import { type Cell, workbookFrom } from "./workbooks";

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Chinese headers, deliberately not in the layout's column order. */
export const SEED001_CUSTOMERS: Cell[][] = [
  ["客户名称", "所属行业", "客户编号", "联系人", "职务", "手机", "合作起始时间", "最近沟通时间", "客户等级", "跟进优先级", "需求匹配度", "合作可能性"],
  ["科技有限公司", "信息技术", "2024001", "王*", "采购总监", "13812345678", utc(2023, 3, 15), utc(2024, 6, 20), "重点", "高", 5, 5],
  ["YY制造有限公司", "机械设备制造", "2024002", "李*", null, "13912345678", utc(2024, 1, 10), utc(2024, 6, 1), "潜在", "中", 3, 3],
  ["ZZ贸易商行", "批发和零售业", "2024003", "赵*", "老板", "13712345678", utc(2023, 9, 1), utc(2024, 6, 25), "普通", "低", 4, 3],
];

export const SEED001_BEHAVIOUR: Cell[][] = [
  ["投诉次数", "客户编号", "统计周期", "购买频次", "购买金额(万元)", "官网访问次数", "参与活动次数", "偏好产品类别"],
  [0, "2024001", "2024Q1", 5, 120, 20, 3, "高端产品线"],
  [1, "2024002", "2024Q1", 2, 15, 5, 1, "基础产品线"],
  [0, "2024003", "2024Q1", 3, 40, 10, 2, "促销产品"],
];

export function seed001Workbook(extra: Record<string, Cell[][]> = {}): ExcelJS.Workbook {
  return workbookFrom({ 客户信息: SEED001_CUSTOMERS, 客户行为: SEED001_BEHAVIOUR, ...extra });
}
