import { INDUSTRY_SECTIONS, INDUSTRY_SYNONYMS, formatIndustry, foldKey, industryLabel, normaliseIndustry, type SectionLetter } from "../../src/core/clean/normalise";

describe("GB/T 4754-2017 sections", () => {
  test("the twenty sections, A to T, names exactly as the standard", () => {
    expect(INDUSTRY_SECTIONS.map((s) => `${s.letter} ${s.zh}`)).toEqual([
      "A 农、林、牧、渔业",
      "B 采矿业",
      "C 制造业",
      "D 电力、热力、燃气及水生产和供应业",
      "E 建筑业",
      "F 批发和零售业",
      "G 交通运输、仓储和邮政业",
      "H 住宿和餐饮业",
      "I 信息传输、软件和信息技术服务业",
      "J 金融业",
      "K 房地产业",
      "L 租赁和商务服务业",
      "M 科学研究和技术服务业",
      "N 水利、环境和公共设施管理业",
      "O 居民服务、修理和其他服务业",
      "P 教育",
      "Q 卫生和社会工作",
      "R 文化、体育和娱乐业",
      "S 公共管理、社会保障和社会组织",
      "T 国际组织",
    ]);
    expect(INDUSTRY_SECTIONS[0]).toEqual({ letter: "A", zh: "农、林、牧、渔业", en: "Agriculture, forestry, animal husbandry and fishery" });
    for (const s of INDUSTRY_SECTIONS) expect(s.en).toMatch(/^[A-Z][a-z ,]+$/);
  });

  test("dropdown labels: letter, a space, the name", () => {
    expect(industryLabel("C", "zh-CN")).toBe("C 制造业");
    expect(industryLabel("C", "en-US")).toBe("C Manufacturing");
    expect(industryLabel(INDUSTRY_SECTIONS[19] ?? "T", "zh-CN")).toBe("T 国际组织");
    // the list is referenced by range: an inline list of the English labels would pass Excel's 255-character limit
    expect(INDUSTRY_SECTIONS.map((s) => industryLabel(s, "en-US")).join(",").length).toBeGreaterThan(255);
  });

  test("the synonym table: no term twice, none that folds to a section name, every term resolves to its sections", () => {
    const keys = INDUSTRY_SYNONYMS.map((s) => foldKey(s.term));
    expect(new Set(keys).size).toBe(keys.length);
    const names = new Set(INDUSTRY_SECTIONS.flatMap((s) => [foldKey(s.zh), foldKey(s.en)]));
    for (const k of keys) expect(names.has(k)).toBe(false);
    for (const syn of INDUSTRY_SYNONYMS) {
      const r = normaliseIndustry(syn.term);
      if (syn.sections.length === 1) expect(r).toMatchObject({ status: "ok", value: { section: syn.sections[0] } });
      else expect(r).toMatchObject({ status: "ambiguous", reason: "multipleSections", candidates: syn.sections.map((section) => ({ section })) });
    }
    expect(INDUSTRY_SYNONYMS.length).toBeGreaterThan(300);
  });
});

describe("normaliseIndustry", () => {
  test.each<[string, SectionLetter, string | undefined]>([
    ["制造业-机械设备", "C", "机械设备"],
    ["制造业 - 机械设备", "C", "机械设备"],
    ["制造业—机械设备", "C", "机械设备"],
    ["制造业/机械设备", "C", "机械设备"],
    ["制造业／机械设备", "C", "机械设备"],
    ["制造业：机械设备", "C", "机械设备"],
    ["制造业（机械设备）", "C", "机械设备"],
    ["制造业(机械设备)", "C", "机械设备"],
    ["制造业-机械设备-数控机床", "C", "机械设备-数控机床"],
    ["信息技术-软件开发", "I", "软件开发"],
    ["IT-SaaS", "I", "SaaS"],
    ["C 制造业-汽车零部件", "C", "汽车零部件"],
    ["C-汽车零部件", "C", "汽车零部件"],
    ["C 汽车零部件", "C", "汽车零部件"],
    ["I 软件-SaaS", "I", "软件-SaaS"],
    ["金融业-银行", "J", "银行"],
    ["信息传输、软件和信息技术服务业-软件开发", "I", "软件开发"],
    ["C 制造业", "C", undefined],
    ["C", "C", undefined],
    ["c", "C", undefined],
    ["Ｃ", "C", undefined],
    ["C34", "C", undefined],
    ["C制造业", "C", undefined],
    ["C.制造业", "C", undefined],
    ["C、制造业", "C", undefined],
    ["制造业", "C", undefined],
    ["  制造业 ", "C", undefined],
    ["Manufacturing", "C", undefined],
    ["manufacturing", "C", undefined],
    ["C Manufacturing", "C", undefined],
    ["制造业-制造业", "C", undefined],
    ["农、林、牧、渔业", "A", undefined],
    ["农林牧渔业", "A", undefined],
    ["A 农、林、牧、渔业", "A", undefined],
    ["电力、热力、燃气及水生产和供应业", "D", undefined],
    ["交通运输仓储和邮政业", "G", undefined],
    ["I 信息传输、软件和信息技术服务业", "I", undefined],
    ["Real estate", "K", undefined],
    ["T 国际组织", "T", undefined],
    ["国际组织", "T", undefined],
    ["教育", "P", undefined],
    // synonyms from the brief
    ["软件", "I", undefined],
    ["互联网", "I", undefined],
    ["IT", "I", undefined],
    ["it", "I", undefined],
    ["信息技术", "I", undefined],
    ["科技", "I", undefined],
    ["SaaS", "I", undefined],
    ["ＳａａＳ", "I", undefined],
    ["机械设备制造", "C", undefined],
    ["制造", "C", undefined],
    ["工厂", "C", undefined],
    ["汽车零部件", "C", undefined],
    ["贸易", "F", undefined],
    ["商贸", "F", undefined],
    ["零售", "F", undefined],
    ["电商", "F", undefined],
    ["物流", "G", undefined],
    ["快递", "G", undefined],
    ["运输", "G", undefined],
    ["餐饮", "H", undefined],
    ["酒店", "H", undefined],
    ["银行", "J", undefined],
    ["保险", "J", undefined],
    ["证券", "J", undefined],
    ["金融", "J", undefined],
    ["地产", "K", undefined],
    ["物业", "K", undefined],
    ["咨询", "L", undefined],
    ["广告", "L", undefined],
    ["人力资源", "L", undefined],
    ["医院", "Q", undefined],
    ["医疗", "Q", undefined],
    ["学校", "P", undefined],
    ["培训", "P", undefined],
    ["建筑", "E", undefined],
    ["装修", "E", undefined],
    ["能源", "D", undefined],
    ["电力", "D", undefined],
    ["Software", "I", undefined],
    ["E-commerce", "F", undefined],
    ["real estate", "K", undefined],
  ])("%p → %s %p", (input, section, sub) => {
    const r = normaliseIndustry(input);
    expect(r).toEqual({ status: "ok", value: sub === undefined ? { section } : { section, sub }, changed: input !== industryLabel(section, "zh-CN") && input !== industryLabel(section, "en-US") ? true : sub !== undefined });
  });

  test("a label already in the list is unchanged", () => {
    expect(normaliseIndustry("C 制造业")).toEqual({ status: "ok", value: { section: "C" }, changed: false });
    expect(normaliseIndustry("C Manufacturing")).toEqual({ status: "ok", value: { section: "C" }, changed: false });
  });

  test.each<[string, SectionLetter]>([
    ["汽车零部件制造", "C"],
    ["软件开发与服务", "I"],
    ["大型连锁超市", "F"],
    ["某某物流园区", "G"],
    ["IT服务外包", "I"],
    ["K12教育", "P"],
    ["X 制造业", "C"],
  ])("a known term inside a longer text: %p → %s, flagged", (input, section) => {
    expect(normaliseIndustry(input)).toEqual({ status: "ok", value: { section }, changed: true, warnings: ["partialMatch"] });
  });

  test.each<[string, SectionLetter[], string]>([
    ["汽车", ["C", "F"], "multipleSections"],
    ["医药", ["C", "F"], "multipleSections"],
    ["新能源", ["C", "D"], "multipleSections"],
    ["投资", ["J", "L"], "multipleSections"],
    ["互联网金融", ["I", "J"], "multipleSections"],
    ["医疗器械贸易", ["C", "F"], "multipleSections"],
    ["C 建筑业", ["C", "E"], "letterNameMismatch"],
    ["E Manufacturing", ["C", "E"], "letterNameMismatch"],
  ])("two candidates: %p", (input, sections, reason) => {
    expect(normaliseIndustry(input)).toMatchObject({ status: "ambiguous", reason, candidates: sections.map((section) => ({ section })) });
  });

  test("ambiguous heads keep the sub-industry in every candidate", () => {
    expect(normaliseIndustry("汽车-零部件")).toEqual({ status: "ambiguous", reason: "multipleSections", candidates: [{ section: "C", sub: "零部件" }, { section: "F", sub: "零部件" }] });
  });

  test.each<string | number | boolean>(["外星人", "其他", "服务", "Digital", "A股", "U", "Z", "123", "abc", 13, "未知行业"])("unknown, never guessed: %p", (input) => {
    expect(normaliseIndustry(input)).toEqual({ status: "invalid", reason: "unknownIndustry" });
  });

  test("booleans, errors, empties", () => {
    expect(normaliseIndustry(true)).toEqual({ status: "invalid", reason: "boolean" });
    expect(normaliseIndustry("#N/A")).toEqual({ status: "invalid", reason: "errorValue" });
    expect(normaliseIndustry("")).toEqual({ status: "empty" });
    expect(normaliseIndustry("\u3000")).toEqual({ status: "empty" });
  });

  test("formatIndustry writes the dropdown label", () => {
    expect(formatIndustry({ section: "C", sub: "机械设备" })).toBe("C 制造业");
    expect(formatIndustry({ section: "I" }, "en-US")).toBe("I Information transmission, software and information technology services");
  });
});
