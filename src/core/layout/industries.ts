import type { Lang } from "../plan/cells";

/**
 * The 20 sections (门类) of GB/T 4754-2017 《国民经济行业分类》, as the industry dropdown and the
 * industry normaliser use them. Names are the standard's, character for character; English names
 * follow the National Bureau of Statistics' translation, in sentence case.
 */
export type SectionLetter =
  | "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J"
  | "K" | "L" | "M" | "N" | "O" | "P" | "Q" | "R" | "S" | "T";

export interface IndustrySection {
  letter: SectionLetter;
  zh: string;
  en: string;
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { letter: "A", zh: "农、林、牧、渔业", en: "Agriculture, forestry, animal husbandry and fishery" },
  { letter: "B", zh: "采矿业", en: "Mining" },
  { letter: "C", zh: "制造业", en: "Manufacturing" },
  { letter: "D", zh: "电力、热力、燃气及水生产和供应业", en: "Production and supply of electricity, heat, gas and water" },
  { letter: "E", zh: "建筑业", en: "Construction" },
  { letter: "F", zh: "批发和零售业", en: "Wholesale and retail trade" },
  { letter: "G", zh: "交通运输、仓储和邮政业", en: "Transport, storage and postal services" },
  { letter: "H", zh: "住宿和餐饮业", en: "Accommodation and catering" },
  { letter: "I", zh: "信息传输、软件和信息技术服务业", en: "Information transmission, software and information technology services" },
  { letter: "J", zh: "金融业", en: "Finance" },
  { letter: "K", zh: "房地产业", en: "Real estate" },
  { letter: "L", zh: "租赁和商务服务业", en: "Leasing and business services" },
  { letter: "M", zh: "科学研究和技术服务业", en: "Scientific research and technical services" },
  { letter: "N", zh: "水利、环境和公共设施管理业", en: "Management of water conservancy, environment and public facilities" },
  { letter: "O", zh: "居民服务、修理和其他服务业", en: "Resident services, repair and other services" },
  { letter: "P", zh: "教育", en: "Education" },
  { letter: "Q", zh: "卫生和社会工作", en: "Health and social work" },
  { letter: "R", zh: "文化、体育和娱乐业", en: "Culture, sports and entertainment" },
  { letter: "S", zh: "公共管理、社会保障和社会组织", en: "Public administration, social security and social organizations" },
  { letter: "T", zh: "国际组织", en: "International organizations" },
];

export const SECTION_LETTERS: readonly SectionLetter[] = INDUSTRY_SECTIONS.map((s) => s.letter);

export function isSectionLetter(s: string): s is SectionLetter {
  return (SECTION_LETTERS as readonly string[]).includes(s);
}

export function sectionByLetter(letter: SectionLetter): IndustrySection {
  const found = INDUSTRY_SECTIONS.find((s) => s.letter === letter);
  if (!found) throw new Error(`unreachable: section ${letter}`);
  return found;
}

/** The dropdown label: letter, one space, name — "C 制造业" / "C Manufacturing". */
export function industryLabel(section: IndustrySection | SectionLetter, lang: Lang): string {
  const s = typeof section === "string" ? sectionByLetter(section) : section;
  return `${s.letter} ${lang === "zh-CN" ? s.zh : s.en}`;
}

/**
 * Words people put in an industry column, to GB/T sections. A term that belongs to more than
 * one section lists them all (汽车: making cars is C, selling them is F) and the normaliser
 * reports it as ambiguous: the person chooses. Terms are matched after folding case, width,
 * spaces and brackets, so "SaaS", "ＳａａＳ" and "saas" are one term.
 *
 * Choices worth knowing: 科技 and 互联网 → I (how Chinese lists use them, though a 科技公司 may
 * be in M); 物业 → K (物业管理 is K7020); 电商 → F (互联网零售 is F5292); 养老 → Q (Q8514 老年人、残疾人养护);
 * 旅行社 → L (L7291); 融资租赁 → J (J6631) while 租赁 alone is L.
 */
export interface IndustrySynonym {
  term: string;
  sections: SectionLetter[];
}

const SYNONYMS_BY_SECTION: [SectionLetter[], string[]][] = [
  [["A"], ["农业", "林业", "牧业", "畜牧", "畜牧业", "渔业", "养殖", "养殖业", "种植", "种植业", "农林牧渔", "农林牧渔业", "农产品种植", "agriculture", "farming", "forestry", "fishery", "fishing"]],
  [["B"], ["采矿", "矿业", "矿山", "煤矿", "煤炭开采", "石油开采", "天然气开采", "石油和天然气开采"]],
  [["C"], ["制造", "工厂", "加工", "加工厂", "机械", "机械制造", "机械设备", "机械设备制造", "设备制造", "汽车制造", "汽车零部件", "汽车配件", "电子制造", "电子元器件", "半导体", "芯片", "集成电路", "化工", "纺织", "食品加工", "食品制造", "钢铁", "冶金", "家具制造", "印刷", "造纸", "塑料制品", "橡胶制品", "仪器仪表", "医疗器械", "制药", "医药制造", "家电", "家用电器", "电气设备", "通信设备", "五金", "服装制造", "manufacturer", "factory", "oem"]],
  [["D"], ["能源", "电力", "供电", "发电", "电网", "热力", "供热", "燃气", "自来水", "供水", "水务", "风电", "水电", "energy", "power", "utilities", "utility"]],
  [["E"], ["建筑", "建筑工程", "建设工程", "施工", "装修", "装饰", "装饰装修", "建筑装饰", "土木工程", "基建", "房建"]],
  [["F"], ["贸易", "商贸", "批发", "零售", "电商", "电子商务", "进出口", "外贸", "超市", "商超", "百货", "经销", "分销", "经销商", "代理商", "汽车销售", "4s店", "医药流通", "服装批发", "trade", "trading", "retail", "wholesale", "e-commerce", "ecommerce", "distribution"]],
  [["G"], ["物流", "快递", "运输", "交通运输", "仓储", "货运", "航运", "海运", "航空运输", "铁路运输", "道路运输", "公交", "邮政", "logistics", "transport", "transportation", "shipping", "express", "courier", "warehousing"]],
  [["H"], ["餐饮", "酒店", "住宿", "餐厅", "饭店", "宾馆", "民宿", "旅馆", "餐饮服务", "hotel", "hotels", "restaurant", "catering", "hospitality"]],
  [["I"], ["软件", "软件开发", "软件服务", "互联网", "it", "it服务", "信息技术", "信息技术服务", "科技", "saas", "云计算", "云服务", "大数据", "人工智能", "ai", "电信", "通信服务", "运营商", "网络", "信息服务", "数据服务", "系统集成", "信息化", "计算机", "游戏", "software", "internet", "tech", "technology", "informationtechnology", "telecom", "telecommunications", "cloud", "ict"]],
  [["J"], ["金融", "银行", "保险", "证券", "基金", "信托", "期货", "小额贷款", "小贷", "支付", "融资租赁", "financial", "financialservices", "banking", "bank", "insurance", "securities"]],
  [["K"], ["地产", "房地产", "房地产开发", "房产", "置业", "物业", "物业管理", "房产中介", "房地产中介", "property", "propertymanagement"]],
  [["L"], ["咨询", "管理咨询", "商务咨询", "广告", "人力资源", "人力", "猎头", "招聘", "劳务派遣", "法律服务", "律师事务所", "会计师事务所", "会展", "租赁", "商务服务", "企业管理", "知识产权", "旅行社", "安保", "保安", "营销策划", "公关", "consulting", "consultancy", "advertising", "hr", "humanresources", "recruitment", "legal", "leasing", "businessservices"]],
  [["M"], ["科研", "研发", "科学研究", "技术服务", "科技服务", "检测", "检验检测", "认证", "工程设计", "工业设计", "勘察", "测绘", "research", "r&d", "testing", "engineeringservices"]],
  [["N"], ["水利", "环保", "环境治理", "环境保护", "生态保护", "环卫", "市政", "园林绿化", "公园", "environmental", "environmentalprotection"]],
  [["O"], ["居民服务", "家政", "美容", "美发", "美容美发", "维修", "修理", "汽车维修", "洗浴", "洗衣", "摄影", "婚庆", "householdservices", "repair", "beauty"]],
  [["P"], ["学校", "培训", "教育培训", "职业培训", "职业教育", "幼儿园", "大学", "高校", "中学", "小学", "早教", "在线教育", "school", "training", "university", "edtech"]],
  [["Q"], ["医疗", "医院", "卫生", "诊所", "卫生院", "医疗服务", "体检", "养老", "养老服务", "社会工作", "社工", "healthcare", "hospital", "medical", "clinic", "health"]],
  [["R"], ["文化", "传媒", "媒体", "文化传媒", "影视", "电影", "出版", "新闻", "广播电视", "体育", "健身", "娱乐", "演出", "艺术", "游乐园", "media", "culture", "entertainment", "sports", "film", "publishing"]],
  [["S"], ["政府", "政府机关", "机关", "党政机关", "社会团体", "协会", "商会", "行业协会", "基金会", "社会组织", "公共管理", "社会保障", "社保", "government", "publicadministration", "ngo", "association"]],
  [["T"], ["联合国", "internationalorganization", "internationalorganisation"]],
  // terms that span sections: never resolved alone
  [["C", "F"], ["汽车", "医药", "食品", "服装", "建材", "家具", "电子产品"]],
  [["C", "D"], ["新能源", "光伏"]],
  [["B", "D"], ["天然气"]],
  [["B", "C"], ["石油"]],
  [["J", "L"], ["投资", "投资管理"]],
];

export const INDUSTRY_SYNONYMS: readonly IndustrySynonym[] = SYNONYMS_BY_SECTION.flatMap(([sections, terms]) =>
  terms.map((term) => ({ term, sections })),
);
