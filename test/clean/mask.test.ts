/** Masked copy (SPEC §6): the seeds' style — *先生, 189****7452 — on every personal column. */
import { maskPlan, maskedWorkbookPlan } from "../../src/core/actions/mask";
import { maskCompany, maskCreditCode, maskEmail, maskFreeText, maskPerson, maskPhone, maskUnknown } from "../../src/core/clean/mask-values";
import { applyToSnapshot } from "./apply-to-snapshot";
import { workbook } from "./samples";

describe("mask formats", () => {
  test.each([
    ["18912347452", "189****7452"],
    ["+86 138-0013-8000", "138****8000"],
    [13800138000, "138****8000"],
    ["010-12345678", "010-****5678"],
  ])("phone %s → %s", (v, out) => expect(maskPhone(v)).toBe(out));

  test.each([
    ["张三", "张*"],
    ["欧阳娜娜", "欧*"],
    ["王先生", "*先生"],
    ["李女士", "*女士"],
    ["陈总", "*总"],
    ["John Smith", "J*** S***"],
  ])("person %s → %s", (v, out) => expect(maskPerson(v)).toBe(out));

  test.each([
    ["北京华信科技有限公司", "北京**有限公司"],
    ["上海蓝海物流股份有限公司", "上海**股份有限公司"],
    ["华信集团", "华信**集团"],
    ["张伟", "张*"],
    ["李先生", "*先生"],
  ])("customer name %s → %s (companies keep city and legal form, people as people)", (v, out) => expect(maskCompany(v)).toBe(out));

  test("email, credit code, free text, unknown columns", () => {
    expect(maskEmail("zhang@x.com")).toBe("z***@x.com");
    expect(maskCreditCode("91110000600037341L")).toBe("9111**********341L");
    expect(maskFreeText("请联系 13800138000 或 li@qq.com\n其他联系人: 李四 / 采购经理 / 13900139000")).toBe("请联系 138****8000 或 l***@qq.com\n其他联系人: 李* / 采购经理 / 139****9000");
    expect(maskUnknown("110101199003071234")).toBe("1101**********1234");
    expect(maskUnknown("13800138000")).toBe("138****8000");
    expect(maskUnknown("VIP")).toBe("VIP");
  });
});

describe("masked copy sheet", () => {
  const wb = workbook(
    [
      { id: "2024001", name: "北京华信科技有限公司", contact: "王先生", mobile: "18912347452", email: "wang@huaxin.com", creditCode: "91110000600037341L", lastContact: 45366, summary: "=SUM(A1) 原话", grade: "重点" },
      { id: "2024002", name: "张伟", contact: "张伟", mobile: "+86 138 0013 8000", summary: "-5 折扣" },
    ],
    { extra: { header: "身份证", values: ["110101199003071234", ""] } },
  );

  test("a new sheet with personal columns masked and the rest copied as is; the original untouched", () => {
    const plan = maskPlan(wb, "zh-CN");
    expect(plan.sheets).toHaveLength(1);
    const sp = plan.sheets[0];
    expect(sp.name).toBe("客户信息(脱敏)");
    expect(sp.tables[0]).toMatchObject({ name: "CustomersMasked", mode: "create" });
    const after = applyToSnapshot(wb, plan);
    const masked = after.sheets.find((s) => s.name === "客户信息(脱敏)")?.values ?? [];
    const h = masked[0];
    const at = (r: number, header: string) => masked[r][h.indexOf(header)];
    expect(at(1, "客户名称")).toBe("北京**有限公司");
    expect(at(1, "联系人")).toBe("*先生");
    expect(at(1, "手机")).toBe("189****7452");
    expect(at(1, "邮箱")).toBe("w***@huaxin.com");
    expect(at(1, "统一社会信用代码")).toBe("9111**********341L");
    expect(at(1, "最近沟通时间")).toBe(45366);
    expect(at(1, "客户等级")).toBe("重点");
    expect(at(1, "沟通内容摘要")).toBe("=SUM(A1) 原话");
    expect(sp.writes[0].kind).toBe("values");
    expect(at(2, "客户名称")).toBe("张*");
    expect(at(2, "手机")).toBe("138****8000");
    expect(at(2, "沟通内容摘要")).toBe("-5 折扣");
    expect(at(1, "身份证")).toBe("1101**********1234");
    expect(after.sheets[0]).toEqual(wb.sheets[0]);
  });

  test("a re-run replaces our copy; a person's sheet of that name is never overwritten", () => {
    const once = applyToSnapshot(wb, maskPlan(wb, "zh-CN"));
    expect(maskPlan(once, "zh-CN").sheets[0].tables[0].mode).toBe("replace");
    const taken = { ...wb, sheets: [...wb.sheets, { name: "客户信息(脱敏)", originRow: 0, originCol: 0, values: [["我的笔记"]], tables: [] }] };
    expect(() => maskPlan(taken, "zh-CN")).toThrow(/客户信息\(脱敏\)/);
    expect(maskPlan(taken, "zh-CN", { sheetName: "共享" }).sheets[0].name).toBe("共享");
  });

  test("the file plan holds no original personal data", () => {
    const plan = maskedWorkbookPlan(wb, "en-US");
    const text = JSON.stringify(plan);
    for (const secret of ["18912347452", "wang@huaxin.com", "91110000600037341L", "华信科技", "王先生", "110101199003071234", "0013 8000"]) expect(text).not.toContain(secret);
    expect(plan.sheets[0].name).toBe("Customers (masked)");
  });
});
