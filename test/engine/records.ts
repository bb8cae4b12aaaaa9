import type { BehaviourRecord, CustomerRecord, InteractionRecord } from "../../src/core/mapping/records";

/** Test rows: every field blank unless given, as the mapping hands a sparse sheet to the engine. */
export function customer(p: Partial<CustomerRecord> & { row: number }): CustomerRecord {
  return {
    id: "",
    name: "",
    industry: "",
    subIndustry: "",
    sizeBand: "",
    employees: null,
    revenue: null,
    contact: "",
    title: "",
    mobile: "",
    email: "",
    creditCode: "",
    startDate: null,
    demandType: "",
    demandDescription: "",
    budget: "",
    purchaseTiming: "",
    lastContact: null,
    channel: "",
    summary: "",
    feedback: "",
    grade: "",
    priority: "",
    needMatch: null,
    likelihood: null,
    ...p,
  };
}

/** A customer with every key field filled, so only what a test removes is missing. */
export function completeCustomer(p: Partial<CustomerRecord> & { row: number }): CustomerRecord {
  return customer({
    name: "测试客户",
    industry: "制造业",
    contact: "张*",
    title: "采购经理",
    mobile: "13800000000",
    lastContact: 45366,
    grade: "重点",
    priority: "中",
    ...p,
  });
}

export function behaviour(p: Partial<BehaviourRecord> & { row: number; customerId: string }): BehaviourRecord {
  return {
    period: "",
    purchases: null,
    prevPurchases: null,
    amount: null,
    lastPurchase: null,
    category: "",
    siteVisits: null,
    events: null,
    complaints: null,
    ...p,
  };
}

export function interaction(p: Partial<InteractionRecord> & { row: number; customerId: string }): InteractionRecord {
  return { date: null, channel: "", contact: "", demandType: "", summary: "", feedback: "", nextStep: "", owner: "", ...p };
}

/** 2024-03-15, the seeds' reference date (seed 000's 最近沟通时间). */
export const REF = 45366;
