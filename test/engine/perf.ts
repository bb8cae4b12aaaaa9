/**
 * Not a test: times scoreWorkbook on 100,000 generated customers + 100,000 Behaviour rows +
 * 100,000 interactions (SPEC §9 core.scoreAndTier). Compile with tsc and run with node.
 */
import { scoreWorkbook } from "../../src/core/engine/score";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import type { BehaviourRecord, CustomerRecord, InteractionRecord } from "../../src/core/mapping/records";

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const N = 100000;
const inds = ["制造业", "金融业", "批发和零售业", "建筑业", ""];
const customers: CustomerRecord[] = [];
const behaviour: BehaviourRecord[] = [];
const interactions: InteractionRecord[] = [];
for (let i = 0; i < N; i++) {
  customers.push({ row: i + 1, id: String(2024000000 + i), name: `客户${i}`, industry: inds[i % 5], subIndustry: "", sizeBand: "", employees: null, revenue: null, contact: i % 7 ? "张*" : "", title: i % 11 ? "经理" : "", mobile: "13800000000", email: "", creditCode: "", startDate: 43000 + Math.floor(rnd() * 2400), demandType: `需求${i % 9}`, demandDescription: "", budget: "", purchaseTiming: "", lastContact: 45000 + Math.floor(rnd() * 366), channel: "", summary: "", feedback: "", grade: ["重点", "潜在", "普通"][i % 3], priority: ["高", "中", "低", ""][i % 4], needMatch: 1 + (i % 5), likelihood: 1 + ((i * 3) % 5) });
  behaviour.push({ row: i + 1, customerId: String(2024000000 + i), period: i % 2 ? "2024Q1" : "2023Q4", purchases: Math.floor(rnd() * 10), prevPurchases: rnd() < 0.3 ? null : Math.floor(rnd() * 10), amount: Math.round(rnd() * 1000) / 10, lastPurchase: 45000 + Math.floor(rnd() * 366), category: "高端产品线", siteVisits: Math.floor(rnd() * 30), events: Math.floor(rnd() * 5), complaints: rnd() < 0.1 ? 1 : 0 });
  interactions.push({ row: i + 1, customerId: String(2024000000 + Math.floor(rnd() * N)), date: 45000 + Math.floor(rnd() * 366), channel: "", contact: "", demandType: `需求${i % 13}`, summary: "", feedback: "", nextStep: "", owner: "" });
}
const times: number[] = [];
for (let k = 0; k < 6; k++) {
  const t0 = process.hrtime.bigint();
  const r = scoreWorkbook({ customers, behaviour, interactions }, DEFAULT_SETTINGS, 45366);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  times.push(ms);
  if (k === 0) console.log("tiers", r.summary.tiers.map((t) => `${t.tier}:${t.count}`).join(" "));
}
const warm = times.slice(1).sort((a, b) => a - b);
console.log(JSON.stringify({ name: "core.scoreAndTier", size: N, firstMs: Math.round(times[0]), medianMs: Math.round(warm[2] * 10) / 10, rssMb: Math.round(process.memoryUsage().rss / 1e6) }));
