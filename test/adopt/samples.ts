/**
 * Lists as people keep them, for Adopt my list: many header styles, title rows, blank rows,
 * value-only clues. Each sample says where its header row is and what each column should map to
 * (by sheet column letter), so propose and adopt tests share them.
 */
import type { CellValue } from "../../src/core/plan/cells";
import type { SheetSnapshot } from "../../src/core/plan/snapshot";

export interface Sample {
  title: string;
  sheet: SheetSnapshot;
  headerRow: number;
  /** sheet column letter → expected target (null: kept as an extra column) */
  expect: Record<string, string | null>;
}

export function sheetOf(values: CellValue[][], name = "Sheet1", originRow = 0, originCol = 0): SheetSnapshot {
  return { name, originRow, originCol, values, tables: [] };
}

// Excel serials: 2024-03-15 = 45366, 2024-05-20 = 45432, 2023-01-10 = 44936
export const SAMPLES: Sample[] = [
  {
    title: "外贸公司客户表 (standard-ish Chinese headers)",
    sheet: sheetOf([
      ["客户名称", "国家", "联系人", "职务", "电话", "邮箱", "最近联系时间", "客户等级"],
      ["宁波海通进出口有限公司", "中国", "王芳", "采购经理", "13805741234", "wangfang@haitong.cn", "2024-03-15", "重点"],
      ["Hamburg Trading GmbH", "德国", "Anna Müller", "Buyer", "+49 40 123456", "anna@hamburg-trading.de", "2024/4/2", "潜在"],
      ["义乌小商品城贸易商行", "中国", "李强", "老板", "139 5791 2345", "liqiang@163.com", "2024年5月6日", "普通"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: null, C: "contact", D: "title", E: "mobile", F: "email", G: "lastContact", H: "grade" },
  },
  {
    title: "门店会员表: 姓名/手机号/上次到店时间/消费金额",
    sheet: sheetOf([
      ["姓名", "手机号", "上次到店时间", "消费金额", "备注"],
      ["张伟", 13812345678, 45366, 1280, "喜欢拿铁"],
      ["李娜", 13987654321, 45432, 560, ""],
      ["王磊", "186-1234-5678", 44936, 99.5, "会员日到店"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "mobile", C: "lastContact", D: null, E: "summary" },
  },
  {
    title: "English CRM export",
    sheet: sheetOf([
      ["Company", "Contact", "Title", "Phone", "Email", "Industry", "Last contact", "Owner", "Notes"],
      ["Acme Robotics Inc.", "John Smith", "CTO", "13700001111", "john@acme.com", "Manufacturing", "2024-02-01", "Lucy", "Demo booked"],
      ["Blue Sky Software Ltd", "Mary Jones", "Head of IT", "13700002222", "mary@bluesky.io", "Software", "2024-02-08", "Tom", ""],
      ["Green Leaf Foods", "Peter Wang", "Buyer", "13700003333", "peter@greenleaf.com", "Retail", "2024-03-11", "Lucy", "Price sensitive"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "contact", C: "title", D: "mobile", E: "email", F: "industry", G: "lastContact", H: null, I: "summary" },
  },
  {
    title: "title row 2024年客户台账 (merged), blank row, headers on row 3",
    sheet: sheetOf([
      ["2024年客户台账", "", "", "", ""],
      ["", "", "", "", ""],
      ["公司", "联系人", "手机", "行业", "合作时间"],
      ["杭州云帆科技有限公司", "陈静", "13600001111", "软件", "2022-06-01"],
      ["苏州精工机械制造有限公司", "刘洋", "13600002222", "制造业", "2021-09-15"],
    ]),
    headerRow: 2,
    expect: { A: "name", B: "contact", C: "mobile", D: "industry", E: "startDate" },
  },
  {
    title: "full-width brackets and units",
    sheet: sheetOf([
      ["客户名称", "年营收（万元）", "员工人数", "合作起始时间", "统一社会信用代码", "客户规模"],
      ["北京星河商贸有限公司", 3200, 85, "2020-01-01", "91110105MA01ABCD1X", "2000-5000万"],
      ["上海蓝海物流集团", 52000, 1200, "2019-05-20", "91310000123456789A", "1亿以上"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "revenue", C: "employees", D: "startDate", E: "creditCode", F: "sizeBand" },
  },
  {
    title: "trailing spaces, leading spaces, upper case",
    sheet: sheetOf([
      ["客户名称 ", " 手机号码", "EMAIL", "所属行业  "],
      ["深圳前海金融服务有限公司", "13500001111", "a@qh.com", "J 金融业"],
      ["广州白云医院", "13500002222", "b@by.com", "卫生"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "mobile", C: "email", D: "industry" },
  },
  {
    title: "duplicated headers: the second one stays unmapped",
    sheet: sheetOf([
      ["客户名称", "电话", "电话", "备注"],
      ["成都天府软件园有限公司", "13400001111", "028-85551234", "老客户"],
      ["重庆山城火锅店", "13400002222", "023-63331234", ""],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "mobile", C: null, D: "summary" },
  },
  {
    title: "value-only clues under unknown headers",
    sheet: sheetOf([
      ["客户", "字段2", "字段3", "字段4", "字段5", "字段6", "字段7", "字段8"],
      ["武汉光谷生物科技有限公司", "赵敏", "15800001111", "zhaomin@gg.com", "重点", "高", "91420100MA4K1234X5", "医药制造"],
      ["南京紫金教育咨询有限公司", "钱浩", "15800002222", "qianhao@zj.cn", "潜在", "中", "91320100MA1M5678Y6", "教育"],
      ["长沙岳麓建筑工程有限公司", "孙丽", "15800003333", "sunli@yl.com", "普通", "低", "91430100MA4L9012Z7", "建筑业"],
      ["西安大雁塔酒店有限公司", "周杰", "15800004444", "zhoujie@dyt.com", "重点", "高", "91610100MA6U3456W8", "住宿"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "contact", C: "mobile", D: "email", E: "grade", F: "priority", G: "creditCode", H: "industry" },
  },
  {
    title: "dates by the header's words: 沟通日期 → last contact, 签约日期 → start date",
    sheet: sheetOf([
      ["企业名称", "签约日期", "沟通日期", "下单日期"],
      ["青岛啤酒经销商行", "2021-03-01", "2024-03-01", "2024-01-05"],
      ["大连港口物流有限公司", "2020-07-15", "2024-04-10", "2024-02-06"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "startDate", C: "lastContact", D: null },
  },
  {
    title: "1–5 ratings with header hints",
    sheet: sheetOf([
      ["客户名称", "匹配程度", "意向", "星级"],
      ["厦门鹭岛电子有限公司", 4, 5, 3],
      ["福州闽江食品有限公司", 3, 2, 1],
      ["泉州石狮服装厂", 5, 4, 2],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "needMatch", C: "likelihood", D: null },
  },
  {
    title: "sales pipeline: owner column, demand, budget, timing, priority",
    sheet: sheetOf([
      ["客户经理", "企业名称", "需求", "预算", "采购时间", "跟进优先级"],
      ["小王", "合肥科大讯联有限公司", "CRM系统", "30-50万", "2024年Q3", "高"],
      ["小李", "济南泉城制药股份有限公司", "ERP", "100万以上", "待定", "中"],
    ]),
    headerRow: 0,
    expect: { A: null, B: "name", C: "demandType", D: "budget", E: "purchaseTiming", F: "priority" },
  },
  {
    title: "联系方式 holding emails: values beat the header",
    sheet: sheetOf([
      ["客户名称", "联系方式", "手机"],
      ["天津滨海新材料有限公司", "sales@bh-new.com", "13300001111"],
      ["石家庄华北制药集团", "info@hbzy.com", "13300002222"],
      ["太原晋商贸易有限公司", "contact@jinshang.cn", "13300003333"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "email", C: "mobile" },
  },
  {
    title: "member list without a name header: person names are the customers",
    sheet: sheetOf([
      ["顾客", "手机", "到店时间"],
      ["周杰", "13200001111", "2024-03-02"],
      ["吴倩", "13200002222", "2024-03-09"],
      ["郑爽", "13200003333", "2024-03-16"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "mobile", C: "lastContact" },
  },
  {
    title: "list starting at C5 (origin offset), blank rows inside",
    sheet: sheetOf(
      [
        ["客户名称", "联系人", "邮箱"],
        ["昆明滇池旅游有限公司", "杨帆", "yf@dc.com"],
        ["", "", ""],
        ["贵阳数据谷科技有限公司", "何静", "hj@sjg.com"],
      ],
      "客户",
      4,
      2,
    ),
    headerRow: 4,
    expect: { C: "name", D: "contact", E: "email" },
  },
  {
    title: "an output header in the list (客户类型) is never adopted",
    sheet: sheetOf([
      ["客户名称", "客户类型", "客户等级", "优先级"],
      ["沈阳重型机械有限公司", "新客户", "重点", "高"],
      ["哈尔滨冰雪旅游有限公司", "老客户", "普通", "低"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: null, C: "grade", D: "priority" },
  },
  {
    title: "English headers with units and ratings",
    sheet: sheetOf([
      ["Customer name", "Annual revenue (¥10k)", "Employees", "Customer since", "Grade", "Priority", "Need match", "Likelihood", "Budget"],
      ["Lanzhou Silk Road Co., Ltd.", 800, 40, "2022-01-01", "重点", "高", 4, 3, "10-30万"],
      ["Urumqi Cotton Group", 12000, 600, "2018-11-11", "潜在", "中", 2, 2, "面议"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: "revenue", C: "employees", D: "startDate", E: "grade", F: "priority", G: "needMatch", H: "likelihood", I: "budget" },
  },
  {
    title: "seed 000 style: full standard headers, zh",
    sheet: sheetOf([
      ["客户编号", "客户名称", "所属行业", "细分行业", "联系人", "职务", "手机", "需求类型", "需求描述", "沟通方式", "沟通内容摘要", "客户反馈", "需求匹配度", "合作可能性"],
      ["2024001", "某某智能制造有限公司", "C 制造业", "机械设备", "张总", "总经理", "13900001111", "数字化改造", "产线数据采集", "面谈", "已演示", "积极", 4, 3],
    ]),
    headerRow: 0,
    expect: { A: "id", B: "name", C: "industry", D: "subIndustry", E: "contact", F: "title", G: "mobile", H: "demandType", I: "demandDescription", J: "channel", K: "summary", L: "feedback", M: "needMatch", N: "likelihood" },
  },
  {
    title: "a numeric header and a blank header stay extra columns",
    sheet: sheetOf([
      ["单位名称", 2023, "", "联系电话"],
      ["拉萨高原贸易有限公司", 120, "x", "13100001111"],
      ["西宁青海湖旅游有限公司", 80, "", "13100002222"],
    ]),
    headerRow: 0,
    expect: { A: "name", B: null, C: null, D: "mobile" },
  },
];

/** No header row at all: data from the first row. */
export const HEADERLESS: SheetSnapshot = sheetOf([
  ["杭州云帆科技有限公司", "陈静", "13600001111", "2022-06-01"],
  ["苏州精工机械制造有限公司", "刘洋", "13600002222", "2021-09-15"],
  ["南京紫金教育咨询有限公司", "钱浩", "15800002222", "2023-01-01"],
]);
