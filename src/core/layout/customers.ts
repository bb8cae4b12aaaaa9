import type { ColumnDef } from "./types";

export const DATE_FORMAT = "yyyy-mm-dd";
export const WAN_FORMAT = "#,##0.00";

/** Customers table: seed 000's fields and seed 001's table 1, then the add-in's outputs. */
export const CUSTOMER_COLUMNS: ColumnDef[] = [
  { id: "id", label: { zh: "客户编号", en: "Customer ID" }, type: "id", width: 11, numberFormat: "@", synonyms: ["编号", "客户ID", "客户代码", "ID", "Customer No", "Customer Number", "序号"] },
  { id: "name", label: { zh: "客户名称", en: "Customer name" }, type: "text", required: true, width: 24, synonyms: ["名称", "客户", "公司", "公司名称", "企业名称", "单位名称", "客户姓名", "姓名", "Company", "Name", "Account", "Account name", "Client"] },
  { id: "industry", label: { zh: "所属行业", en: "Industry" }, type: "list", list: "industry", required: true, width: 22, synonyms: ["行业", "行业分类", "Sector"] },
  { id: "subIndustry", label: { zh: "细分行业", en: "Sub-industry" }, type: "text", width: 14, synonyms: ["子行业", "细分领域", "Segment"] },
  { id: "sizeBand", label: { zh: "客户规模", en: "Size band" }, type: "list", list: "sizeBand", width: 13, synonyms: ["规模", "企业规模", "企业规模(营收)", "营收规模", "Company size", "Size"] },
  { id: "employees", label: { zh: "员工人数", en: "Employees" }, type: "whole", width: 10, numberFormat: "0", synonyms: ["人数", "员工数", "员工规模", "Headcount", "Staff"] },
  { id: "revenue", label: { zh: "年营收(万元)", en: "Annual revenue (¥10k)" }, type: "money", width: 13, numberFormat: "#,##0.00", synonyms: ["年营收", "营收", "年收入", "营业收入", "Revenue", "Annual revenue"] },
  { id: "contact", label: { zh: "联系人", en: "Contact" }, type: "text", required: true, width: 10, synonyms: ["联系人姓名", "对接人", "Contact name", "Contact person"] },
  { id: "title", label: { zh: "职务", en: "Title" }, type: "text", required: true, width: 12, synonyms: ["职位", "联系人职务", "岗位", "Job title", "Position", "Role"] },
  { id: "mobile", label: { zh: "手机", en: "Mobile" }, type: "mobile", width: 14, numberFormat: "@", synonyms: ["手机号", "手机号码", "电话", "联系电话", "联系方式", "电话号码", "Phone", "Mobile phone", "Tel", "Telephone", "Cell"] },
  { id: "email", label: { zh: "邮箱", en: "Email" }, type: "email", width: 22, synonyms: ["电子邮箱", "邮件", "E-mail", "Mail", "Email address"] },
  { id: "creditCode", label: { zh: "统一社会信用代码", en: "Credit code" }, type: "creditCode", width: 21, numberFormat: "@", synonyms: ["信用代码", "社会信用代码", "税号", "USCC", "Unified social credit code"] },
  { id: "startDate", label: { zh: "合作起始时间", en: "Customer since" }, type: "date", width: 12, numberFormat: "yyyy-mm-dd", synonyms: ["合作开始时间", "合作时间", "签约日期", "首次合作时间", "开始合作", "Start date", "Since"] },
  { id: "demandType", label: { zh: "需求类型", en: "Demand type" }, type: "text", width: 16, synonyms: ["需求", "产品需求", "意向产品", "Need", "Product interest"] },
  { id: "demandDescription", label: { zh: "需求描述", en: "Demand description" }, type: "text", width: 28, synonyms: ["需求说明", "需求详情", "核心痛点", "Requirements"] },
  { id: "budget", label: { zh: "预算范围", en: "Budget" }, type: "list", list: "budget", width: 11, synonyms: ["预算", "Budget range"] },
  { id: "purchaseTiming", label: { zh: "采购时间节点", en: "Purchase timing" }, type: "text", width: 12, synonyms: ["采购时间", "采购计划", "Timing", "Purchase date"] },
  { id: "lastContact", label: { zh: "最近沟通时间", en: "Last contact" }, type: "date", required: true, width: 12, numberFormat: "yyyy-mm-dd", synonyms: ["最近联系时间", "最近联系", "上次沟通时间", "上次联系时间", "最后沟通时间", "沟通时间", "上次到店时间", "最近跟进时间", "Last contacted", "Last contact date"] },
  { id: "channel", label: { zh: "沟通方式", en: "Channel" }, type: "list", list: "channel", width: 10, synonyms: ["联系方式类型", "跟进方式", "Contact method"] },
  { id: "summary", label: { zh: "沟通内容摘要", en: "Contact summary" }, type: "text", width: 30, synonyms: ["沟通内容", "沟通记录", "跟进记录", "备注", "Notes", "Summary"] },
  { id: "feedback", label: { zh: "客户反馈", en: "Feedback" }, type: "list", list: "feedback", width: 10, synonyms: ["反馈", "Customer feedback"] },
  { id: "grade", label: { zh: "客户等级", en: "Grade" }, type: "list", list: "grade", required: true, width: 10, synonyms: ["等级", "客户级别", "客户分类", "Customer grade", "Level"] },
  { id: "priority", label: { zh: "跟进优先级", en: "Priority" }, type: "list", list: "priority", required: true, width: 10, synonyms: ["优先级", "需求优先级", "Follow-up priority"] },
  { id: "needMatch", label: { zh: "需求匹配度", en: "Need match" }, type: "score15", width: 10, numberFormat: "0", synonyms: ["匹配度", "Need fit", "Fit"] },
  { id: "likelihood", label: { zh: "合作可能性", en: "Likelihood" }, type: "score15", width: 10, numberFormat: "0", synonyms: ["合作意向", "合作意向强度", "意向强度", "成交可能性", "Likelihood to buy", "Intent"] },
  { id: "tier", label: { zh: "客户分层", en: "Tier" }, type: "text", output: true, width: 9 },
  { id: "score", label: { zh: "价值分", en: "Score" }, type: "decimal", output: true, width: 8, numberFormat: "0.0" },
  { id: "core", label: { zh: "核心客户", en: "Core customer" }, type: "text", output: true, width: 9 },
  { id: "customerType", label: { zh: "客户类型", en: "New or existing" }, type: "text", output: true, width: 9 },
  { id: "nextFollowUp", label: { zh: "下次跟进日期", en: "Next follow-up" }, type: "date", output: true, width: 12, numberFormat: "yyyy-mm-dd" },
  { id: "followUpStatus", label: { zh: "跟进状态", en: "Follow-up status" }, type: "text", output: true, width: 11 },
  { id: "dataStatus", label: { zh: "数据状态", en: "Data status" }, type: "text", output: true, width: 22 },
  { id: "possibleDuplicate", label: { zh: "疑似重复", en: "Possible duplicate of" }, type: "text", output: true, width: 14 },
];
