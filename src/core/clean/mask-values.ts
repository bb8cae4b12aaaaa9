import type { CellValue } from "../plan/cells";
import { OTHER_CONTACTS_LABEL } from "../i18n/clean";
import { MOBILE } from "./normalise/mobile";
import { looksLikeOrganisation } from "./name-key";

/**
 * Masking rules for the shared copy (SPEC §6; the seeds show *先生 and 189****7452).
 *  - mobile 13800138000 → 138****8000 (+86 and separators dropped first); any other phone keeps its
 *    first 3 and last 4 digits, the digits between become *, separators stay (010-****5678).
 *  - person (联系人, or a 客户名称 that is a person): 张三 / 张三丰 → 张*; a name ending in a form of
 *    address keeps it and hides the surname, as the seed does: 王先生 → *先生, 李总 → *总;
 *    Latin names: first letter of each word + *** (John Smith → J*** S***).
 *  - company (客户名称 that is an organisation): the first two characters (usually the city) and
 *    the legal form stay, the rest is ** — 北京华信科技有限公司 → 北京**有限公司; the trade name,
 *    which identifies the customer, is gone.
 *  - email zhang@x.com → z***@x.com (the domain is a company's, not a person's).
 *  - credit code: first 4 and last 4 kept, 10 × * between.
 *  - free text (需求描述, 沟通内容摘要): mobiles and emails inside it are masked, and the contact
 *    names of Clean's "其他联系人:" line.
 * A single * stands for any number of characters, so lengths do not leak.
 */

const HONORIFICS = ["先生", "女士", "小姐", "老师", "经理", "总监", "主任", "老板", "总", "工", "姐", "哥", "姨", "叔"];
const LEGAL_FORMS = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司"];

export function maskPerson(v: CellValue): CellValue {
  if (typeof v !== "string") return "*";
  const s = v.trim();
  if (s === "") return "";
  if (/^[A-Za-z][A-Za-z .'-]*$/.test(s)) return s.split(/\s+/).map((w) => `${w.charAt(0)}***`).join(" ");
  for (const h of HONORIFICS) if (s.endsWith(h) && s.length > h.length && s.length <= h.length + 2) return `*${h}`;
  return `${[...s][0]}*`;
}

export function maskCompany(v: CellValue): CellValue {
  if (typeof v !== "string") return "*";
  const s = v.trim();
  if (s === "") return "";
  if (!looksLikeOrganisation(s)) return maskPerson(s);
  const chars = [...s];
  const form = LEGAL_FORMS.find((f) => s.endsWith(f)) ?? "";
  const head = chars.slice(0, 2).join("");
  return `${head}**${form}`;
}

/** Keep the first 3 and last 4 digits; the digits between become *; other characters stay. */
function maskDigits(s: string): string {
  const total = (s.match(/\d/g) ?? []).length;
  if (total === 0) return s;
  if (total <= 7) return s.replace(/\d(?=(?:\D*\d){2})/g, "*");
  let seen = 0;
  return s.replace(/\d/g, (d) => {
    seen++;
    return seen <= 3 || seen > total - 4 ? d : "*";
  });
}

export function maskPhone(v: CellValue): CellValue {
  if (v === "" || typeof v === "boolean") return v;
  const s = String(v).trim();
  const digits = s.replace(/[\s\-+()（）.]/g, "").replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, "");
  if (MOBILE.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return maskDigits(s);
}

export function maskEmail(v: CellValue): CellValue {
  if (typeof v !== "string") return "*";
  return v.replace(/([^\s@;,，；<>]+)@([^\s@;,，；<>]+)/g, (_, local: string, domain: string) => `${local.charAt(0)}***@${domain}`);
}

export function maskCreditCode(v: CellValue): CellValue {
  if (v === "") return "";
  const s = String(v).trim();
  if (s.length <= 8) return "*".repeat(Math.max(1, s.length));
  return `${s.slice(0, 4)}**********${s.slice(-4)}`;
}

const EMBEDDED_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const EMBEDDED_PHONE = /(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8}/g;

/** Free text: embedded emails and phone numbers, and the names in a "其他联系人:" line. */
export function maskFreeText(v: CellValue): CellValue {
  if (typeof v !== "string" || v === "") return v;
  const labels = [OTHER_CONTACTS_LABEL.zh, OTHER_CONTACTS_LABEL.en];
  return v
    .split("\n")
    .map((line) => {
      const label = labels.find((l) => line.startsWith(`${l}: `));
      let out = line;
      if (label) {
        const body = line.slice(label.length + 2);
        out = `${label}: ${body
          .split("; ")
          .map((person) => {
            const [name, ...rest] = person.split(" / ");
            return [String(maskPerson(name ?? "")), ...rest].join(" / ");
          })
          .join("; ")}`;
      }
      return out.replace(EMBEDDED_EMAIL, (m) => String(maskEmail(m))).replace(EMBEDDED_PHONE, (m) => String(maskPhone(m)));
    })
    .join("\n");
}

/** Any value in a column the layout does not know: a mobile, an email or an 18-character ID number is masked. */
export function maskUnknown(v: CellValue): CellValue {
  if (typeof v === "number" && Number.isInteger(v) && MOBILE.test(String(v))) return maskPhone(v);
  if (typeof v !== "string") return v;
  const s = v.trim();
  if (MOBILE.test(s.replace(/[\s-]/g, "").replace(/^\+?86/, ""))) return maskPhone(s);
  if (/^\d{17}[\dXx]$/.test(s)) return `${s.slice(0, 4)}**********${s.slice(-4)}`;
  return maskFreeText(v);
}
