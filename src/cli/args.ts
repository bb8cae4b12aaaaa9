import { parseArgs } from "node:util";
import type { Lang } from "../core/plan/cells";

export class UsageError extends Error {}

export interface CliArgs {
  command: string;
  positionals: string[];
  out?: string;
  json: boolean;
  refDate?: string;
  lang: Lang;
  langGiven: boolean;
  help: boolean;
}

/** The language of messages: --lang, else the terminal's locale (LANG / LC_ALL), else English. */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const l = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(l) ? "zh-CN" : "en-US";
}

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        json: { type: "boolean", default: false },
        "ref-date": { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && lang !== "zh-CN" && lang !== "en-US") throw new UsageError(`--lang must be zh-CN or en-US, not ${lang}`);
  return {
    command: positionals[0] ?? "",
    positionals: positionals.slice(1),
    out: values.out,
    json: values.json ?? false,
    refDate: values["ref-date"],
    lang: lang ?? envLang(),
    langGiven: lang !== undefined,
    help: values.help ?? false,
  };
}

export const USAGE = `customer-insight — Customer Insight (客户洞察) for .xlsx files

Usage:
  customer-insight template <out.xlsx> [--lang zh-CN|en-US]
  customer-insight score <in.xlsx> [-o <out.xlsx>] [--json] [--ref-date YYYY-MM-DD]
  customer-insight clean <in.xlsx> [-o <out.xlsx>] [--json]
  customer-insight undo-clean <in.xlsx> [-o <out.xlsx>]
  customer-insight mask <in.xlsx> [-o <out.xlsx>]
  customer-insight demo [<out.xlsx>] [--ref-date YYYY-MM-DD] [--lang zh-CN|en-US]

Exit codes: 0 ok, 1 bad input, 2 usage.`;
