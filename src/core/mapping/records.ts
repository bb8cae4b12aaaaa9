/**
 * Typed rows, as the mapping reads them from a sheet. Text is trimmed (never otherwise changed),
 * numbers are numbers or null when blank, dates are Excel serials (1900 system) or null.
 * `row` is the 0-based sheet row, for messages and for writing outputs back in place.
 */
export interface CustomerRecord {
  row: number;
  id: string;
  name: string;
  industry: string;
  subIndustry: string;
  sizeBand: string;
  employees: number | null;
  revenue: number | null;
  contact: string;
  title: string;
  mobile: string;
  email: string;
  creditCode: string;
  startDate: number | null;
  demandType: string;
  demandDescription: string;
  budget: string;
  purchaseTiming: string;
  lastContact: number | null;
  channel: string;
  summary: string;
  feedback: string;
  grade: string;
  priority: string;
  needMatch: number | null;
  likelihood: number | null;
}

export interface BehaviourRecord {
  row: number;
  customerId: string;
  period: string;
  purchases: number | null;
  prevPurchases: number | null;
  amount: number | null;
  lastPurchase: number | null;
  category: string;
  siteVisits: number | null;
  events: number | null;
  complaints: number | null;
}

export interface InteractionRecord {
  row: number;
  customerId: string;
  date: number | null;
  channel: string;
  contact: string;
  demandType: string;
  summary: string;
  feedback: string;
  nextStep: string;
  owner: string;
}

/** A cell the mapping could not read as its column's type; the value is kept, never dropped. */
export interface CellProblem {
  sheet: string;
  row: number;
  col: number;
  columnId: string;
  header: string;
  value: string | number | boolean;
  code: "notNumber" | "notWhole" | "negative" | "outOfRange15" | "notDate" | "errorValue" | "formula";
}
