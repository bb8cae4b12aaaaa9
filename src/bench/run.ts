import { benchCore } from "./core";
import { benchClean } from "./clean";
import { benchExcel } from "./excel";
import { benchPane } from "./pane";

/** `npm run bench`: one JSON object per line (SPEC §9). Pass area names to run only some. */
async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  const want = (area: string) => only.size === 0 || only.has(area);
  const print = (lines: object[]) => lines.forEach((l) => process.stdout.write(JSON.stringify(l) + "\n"));
  if (want("core")) print(benchCore([1000, 10000, 100000]));
  if (want("cli")) print(await (await import("./cli")).benchCli([1000, 10000, 100000]));
  if (want("clean")) print(benchClean([1000, 10000, 100000]));
  if (want("excel")) print(await benchExcel([1000, 10000, 20000, 100000]));
  if (want("pane")) print(await benchPane());
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exitCode = 1;
});
