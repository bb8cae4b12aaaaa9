import type { CellValue } from "../core/plan/cells";
import { INDUSTRY_SECTIONS, industryLabel } from "../core/layout/industries";
import { serialToISO } from "../core/mapping/dates";

/** A small deterministic PRNG (mulberry32), so the demo workbook is the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["北京", "上海", "广州", "深圳", "杭州", "苏州", "南京", "成都", "武汉", "西安", "重庆", "天津", "宁波", "青岛", "厦门", "长沙", "合肥", "佛山", "东莞", "无锡"];
const WORDS = ["华信", "恒达", "瑞丰", "启明", "中科", "博远", "金盛", "天成", "宏图", "卓越", "汇通", "鼎新", "东方", "锦程", "鑫源", "智联", "安泰", "永兴", "正和", "嘉禾", "晨光", "蓝海", "云帆", "九州"];
const TRADES: Record<string, string[]> = {
  A: ["农业科技", "生态农业", "水产养殖"],
  B: ["矿业", "能源开采"],
  C: ["机械制造", "电子科技", "汽车零部件", "精密仪器", "新材料"],
  D: ["电力工程", "燃气", "新能源"],
  E: ["建设工程", "建筑装饰"],
  F: ["贸易", "商贸", "电子商务"],
  G: ["物流", "供应链", "货运"],
  H: ["餐饮管理", "酒店管理"],
  I: ["软件", "信息技术", "网络科技", "数据科技"],
  J: ["融资租赁", "保险代理"],
  K: ["置业", "物业管理"],
  L: ["企业管理咨询", "广告传媒", "人力资源"],
  M: ["检测技术", "生物科技", "设计研究院"],
  N: ["环保科技", "水务"],
  O: ["家政服务", "汽车维修"],
  P: ["教育科技", "职业培训学校"],
  Q: ["医疗器械", "健康管理"],
  R: ["文化传播", "体育发展"],
  S: ["社会服务中心"],
  T: ["国际合作中心"],
};
const SUFFIXES = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "晓东"];
const TITLES = ["采购经理", "技术总监", "总经理", "IT 主管", "运营总监", "财务经理", "市场部经理", "信息中心主任", "副总裁", "行政主管"];
const DEMANDS = ["CRM系统", "企业级数据分析系统", "年度营销咨询", "ERP升级", "私有化部署", "培训服务", "数据中台", "客服系统"];
const DESCRIPTIONS = ["需要支持多数据源整合, 实时可视化报表", "希望与现有ERP打通", "关注系统稳定性与售后响应", "重视易用性, 希望快速上线", "要求本地化部署与数据安全", "预算有限, 先试点一个部门"];
const SUMMARIES = ["客户对系统响应速度有较高要求, 希望提供试用版", "对A方案感兴趣, 需补充案例", "价格偏高, 但功能匹配", "已安排演示, 等待内部评估", "决策人变更, 需要重新建立联系", "要求提供3家同行合作案例", "=SUM(A1:A3) 客户原话照录"];
const CATEGORIES = ["高端产品线", "基础产品线", "增值服务", "促销套餐"];
const SIZE_BANDS = ["500万以下", "500-2000万", "2000-5000万", "5000万-1亿", "1亿以上"];
const BUDGETS = ["10万以下", "10-30万", "30-50万", "50-100万", "100万以上", "面议"];
const CHANNELS = ["电话", "面谈", "邮件", "线上会议", "微信"];
const FEEDBACK = ["积极", "中性", "消极"];
const GRADES = ["重点", "潜在", "普通"];
const PRIORITIES = ["高", "中", "低"];

export interface DemoData {
  customers: CellValue[][];
  behaviour: CellValue[][];
  interactions: CellValue[][];
}

/**
 * About 200 customers across all 20 GB/T sections, with the messes real lists have: missing
 * titles and phones, dates typed as text, landlines, +86 numbers, an amount typed as text,
 * near-duplicate names, prospects without purchases, and a summary starting with "=".
 * Rows follow the layout's input column order for Customers, Behaviour and Interactions.
 */
export function demoData(refDate: number, count = 200, seed = 20240315): DemoData {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const customers: CellValue[][] = [];
  const behaviour: CellValue[][] = [];
  const interactions: CellValue[][] = [];
  const year = Number(serialToISO(refDate).slice(0, 4));
  for (let i = 0; i < count; i++) {
    const section = INDUSTRY_SECTIONS[i < 20 ? i : pick([2, 2, 2, 8, 8, 5, 5, 6, 11, 12, 16, 15, 4, 9])];
    const trade = pick(TRADES[section.letter] ?? ["科技"]);
    let name = `${pick(CITIES)}${pick(WORDS)}${trade}${pick(SUFFIXES)}`;
    if (i === 37) name = String(customers[12][1]).replace("有限公司", "有限责任公司");
    if (i === 58) name = `${String(customers[20][1])} `;
    // A near duplicate for Clean to suggest (never merge on its own): the same firm with 技术 added.
    if (i === 88) name = String(customers[30][1]).replace(/(有限责任公司|股份有限公司|集团有限公司|有限公司)$/, "技术$1");
    const id = i === 45 ? "" : `${year}${String(i + 1).padStart(3, "0")}`;
    const contact = `${pick(SURNAMES)}${pick(GIVEN)}`;
    const mobileDigits = `1${pick(["3", "5", "7", "8", "9"])}${String(int(0, 999999999)).padStart(9, "0")}`;
    const mobile = i % 17 === 3 ? `+86 ${mobileDigits.slice(0, 3)} ${mobileDigits.slice(3, 7)} ${mobileDigits.slice(7)}` : i % 23 === 5 ? `0${int(10, 29)}-${int(10000000, 99999999)}` : i % 13 === 7 ? "" : mobileDigits;
    const email = i % 5 === 0 ? `${contact.length}${["sales", "info", "cg", "it"][i % 4]}${i}@example.com` : "";
    const lastContact = refDate - (r() < 0.7 ? int(0, 20) : int(21, 90));
    const startDate = refDate - int(30, 2200);
    const grade = pick(GRADES);
    customers.push([
      id,
      name,
      i % 29 === 9 ? "" : industryLabel(section, "zh-CN"),
      trade,
      pick(SIZE_BANDS),
      i % 11 === 4 ? "" : int(8, 3000),
      int(200, 50000),
      contact,
      i % 9 === 2 ? "" : pick(TITLES),
      mobile,
      email,
      "",
      i % 31 === 6 ? serialToISO(startDate).replace(/-/g, "/") : startDate,
      pick(DEMANDS),
      pick(DESCRIPTIONS),
      pick(BUDGETS),
      pick([`${year}年Q${int(1, 4)}`, "待定", `${year + 1}年Q1`]),
      i % 19 === 8 ? "" : lastContact,
      pick(CHANNELS),
      i === 77 ? SUMMARIES[6] : pick(SUMMARIES.slice(0, 6)),
      pick(FEEDBACK),
      grade,
      i % 27 === 13 ? "" : pick(PRIORITIES),
      grade === "重点" ? int(3, 5) : int(1, 5),
      grade === "普通" ? int(1, 3) : int(2, 5),
    ]);
    // About a quarter are prospects: no purchase history yet.
    if (id && r() > 0.25) {
      const prev = int(0, 12);
      const trend = r();
      const current = trend < 0.2 ? Math.max(0, prev - int(2, 6)) : trend < 0.7 ? prev + int(-1, 3) : prev + int(2, 6);
      const purchases = Math.max(0, current);
      const amount = Math.round((purchases * (r() * 30 + 2) + r() * 20) * 100) / 100;
      const complaints = r() < 0.15 ? int(1, 3) : 0;
      const q = Math.floor((Number(serialToISO(refDate).slice(5, 7)) - 1) / 3) + 1;
      const prevQ = q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
      if (r() < 0.4) behaviour.push([id, prevQ, prev, "", Math.round(prev * (r() * 25 + 2) * 100) / 100, refDate - int(95, 180), pick(CATEGORIES), int(0, 30), int(0, 6), 0]);
      behaviour.push([id, `${year}Q${q}`, purchases, prev, i === 101 ? `${amount}万` : amount, purchases > 0 ? refDate - int(1, 200) : "", pick(CATEGORIES), int(0, 60), int(0, 8), complaints]);
    }
    const n = int(0, 3);
    for (let k = 0; k < n && id; k++) {
      interactions.push([id, refDate - int(0, 330), pick(CHANNELS), contact, pick(DEMANDS), pick(SUMMARIES.slice(0, 6)), pick(FEEDBACK), pick(["发送案例", "安排试用", "报价", "约见决策人", "回访"]), pick(["销售一部 李经理", "销售二部 王经理", "大客户部 陈经理"])]);
    }
  }
  return { customers, behaviour, interactions };
}
