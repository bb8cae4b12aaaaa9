import { foldKey } from "./normalise/text";

/**
 * The matching key of a customer name (SPEC §5): width, case, spaces and brackets folded (foldKey),
 * punctuation dropped, and the legal form at the end removed — 有限公司, 有限责任公司, 股份有限公司,
 * 集团, 公司 (and their English forms) — so 北京华信科技有限公司, 北京华信科技有限责任公司 and
 * 北京华信科技(集团)公司 share one key.
 *
 * Decision — text in brackets is KEPT, only the bracket characters are folded: （北京） and (北京)
 * match each other, but 华为技术(深圳)有限公司 does not match 华为技术有限公司. A region in brackets
 * usually names a separate legal entity (a subsidiary with its own credit code), and merging two
 * legal entities is the one mistake Clean must not make; the pair still comes out as a *possible*
 * duplicate (similar names) for a person to confirm.
 */
const CJK_SUFFIXES = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "股份公司", "公司"];

/** English legal forms, matched as whole trailing words (so "Costco" keeps its "co"). */
const LATIN_SUFFIX_WORDS = new Set(["co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "plc", "group", "gmbh", "holdings"]);

/** Characters that are punctuation in names (kept out of the key). */
const PUNCTUATION = /[^\p{L}\p{N}]/gu;

/** Han (basic block) letters and digits only: NFKC, folding and punctuation removal leave it as it is. */
const PLAIN = /^[\u4e00-\u9fffa-z0-9]+$/;

export function nameKey(raw: string | number | boolean): string {
  let key: string;
  const lower = typeof raw === "string" ? raw.toLowerCase() : "";
  if (PLAIN.test(lower)) key = lower;
  else {
    // Latin legal forms are stripped word by word before spaces are folded away.
    const s = typeof raw === "string" ? raw.normalize("NFKC").toLowerCase() : String(raw);
    const words = s.split(/[\s,.&]+/).filter((w) => w !== "");
    while (words.length > 1 && LATIN_SUFFIX_WORDS.has(words[words.length - 1] ?? "")) words.pop();
    key = foldKey(words.join(" ")).replace(PUNCTUATION, "");
  }
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of CJK_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        stripped = true;
        break;
      }
    }
  }
  return key;
}

/** Words that mark an organisation rather than a person (for the short-name rule and for masking). */
const ORG_MARKERS = /公司|集团|企业|工厂|厂$|店$|中心|学校|学院|大学|医院|银行|研究|协会|商会|事务所|工作室|合作社|门市|部$|局$|委$|院$|所$|社$|行$|馆$|站$|会$/;

/**
 * Whether a name looks like a company rather than a person. Short all-Han names without an
 * organisation word (张伟, 王先生) are people; anything with an organisation word, or longer than
 * four characters, is an organisation; Latin names with a legal form are organisations.
 */
export function looksLikeOrganisation(raw: string): boolean {
  const s = raw.normalize("NFKC").trim();
  if (ORG_MARKERS.test(s)) return true;
  const words = s.toLowerCase().split(/[\s,.&]+/).filter((w) => w !== "");
  if (words.some((w) => LATIN_SUFFIX_WORDS.has(w))) return true;
  const han = s.replace(/[^\p{Script=Han}]/gu, "");
  if (han.length > 0) return han.length > 4;
  return false;
}

/**
 * Chinese person names collide constantly (张伟 is shared by some 300,000 people), so a key of
 * three characters or fewer that is not an organisation is never an exact duplicate key on its
 * own: such pairs are only *possible* duplicates (reason shortName). Mobile, email or credit code
 * still merge them.
 */
export function isShortPersonKey(key: string, raw: string): boolean {
  return [...key].length <= 3 && !looksLikeOrganisation(raw);
}
