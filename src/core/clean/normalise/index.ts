export * from "./types";
export * from "./text";
export * from "./date";
export * from "./number";
export * from "./mobile";
export * from "./email";
export * from "./credit-code";
export * from "./industry";
export {
  INDUSTRY_SECTIONS,
  INDUSTRY_SYNONYMS,
  SECTION_LETTERS,
  industryLabel,
  isSectionLetter,
  sectionByLetter,
  type IndustrySection,
  type IndustrySynonym,
  type SectionLetter,
} from "../../layout/industries";
