/**
 * Issue #7: `npm audit --omit=dev` cannot run here (the registry proxy answers its endpoints with
 * 405), so docs/dependency-review.md records the audit done by hand. This test keeps that review
 * from going stale: every production `package@version` in package-lock.json must have a row in the
 * review table, and the table must not list one the lock file no longer holds.
 *
 * "Production" means what `npm audit --omit=dev` looks at: every entry under "packages" in the
 * lock file except the root ("") and those marked "dev": true (optional and devOptional entries
 * count as production, as npm keeps them with --omit=dev).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const REVIEW = path.join(ROOT, "docs", "dependency-review.md");
const TABLE_HEADING = "## Review table";

interface LockEntry {
  name?: string;
  version?: string;
  dev?: boolean;
  link?: boolean;
}

interface LockFile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readLock(): LockFile {
  const parsed: unknown = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  if (!isRecord(parsed) || typeof parsed.lockfileVersion !== "number" || !isRecord(parsed.packages)) {
    throw new Error("package-lock.json has no \"packages\" map (lockfileVersion 2 or 3 expected)");
  }
  const packages: Record<string, LockEntry> = {};
  for (const [key, value] of Object.entries(parsed.packages)) {
    if (!isRecord(value)) continue;
    packages[key] = {
      name: typeof value.name === "string" ? value.name : undefined,
      version: typeof value.version === "string" ? value.version : undefined,
      dev: value.dev === true,
      link: value.link === true,
    };
  }
  return { lockfileVersion: parsed.lockfileVersion, packages };
}

/** "node_modules/a/node_modules/@scope/b" → "@scope/b". */
function nameFromKey(key: string): string {
  const marker = "node_modules/";
  const at = key.lastIndexOf(marker);
  return at < 0 ? key : key.slice(at + marker.length);
}

/** The production package@version set, as npm audit --omit=dev would see it. */
function productionPackages(lock: LockFile): Set<string> {
  const out = new Set<string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === "" || entry.dev || entry.link) continue;
    if (!entry.version) throw new Error(`package-lock.json entry "${key}" has no version`);
    out.add(`${entry.name ?? nameFromKey(key)}@${entry.version}`);
  }
  return out;
}

/** The package@version of each row in the review table (first two cells: `name` | version). */
function reviewedPackages(markdown: string): Set<string> {
  const start = markdown.indexOf(`\n${TABLE_HEADING}\n`);
  if (start < 0) throw new Error(`docs/dependency-review.md has no "${TABLE_HEADING}" section`);
  const rest = markdown.slice(start + TABLE_HEADING.length + 2);
  const next = rest.search(/\n## /);
  const section = next < 0 ? rest : rest.slice(0, next);
  const out = new Set<string>();
  for (const line of section.split("\n")) {
    if (!line.startsWith("|")) continue;
    const cells = line.split("|").map((c) => c.trim());
    const name = cells[1]?.replace(/^`|`$/g, "") ?? "";
    const version = cells[2] ?? "";
    if (name === "package" || /^-+$/.test(name)) continue; // header and separator rows
    if (!name || !/^\d+\.\d+\.\d+/.test(version)) throw new Error(`review table row not understood: ${line}`);
    out.add(`${name}@${version}`);
  }
  return out;
}

const lock = readLock();
const review = readFileSync(REVIEW, "utf8");

describe("docs/dependency-review.md covers the production install", () => {
  const installed = productionPackages(lock);
  const reviewed = reviewedPackages(review);

  test("the lock file and the review table are both non-trivial", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(installed.size).toBeGreaterThan(3);
    expect(installed).toContain(`exceljs@${lock.packages["node_modules/exceljs"]?.version ?? "?"}`);
    expect(reviewed.size).toBeGreaterThan(3);
  });

  test("every production package@version in package-lock.json has a row in the review table", () => {
    const missing = [...installed].filter((p) => !reviewed.has(p)).sort();
    // A failure here means a dependency changed: review the new package@version (advisories,
    // affected range, reachability) and add its row to docs/dependency-review.md.
    expect(missing).toEqual([]);
  });

  test("the review table lists no package@version that is no longer installed", () => {
    const stale = [...reviewed].filter((p) => !installed.has(p)).sort();
    expect(stale).toEqual([]);
  });

  test("the review is dated and says why npm audit did not run", () => {
    expect(review).toMatch(/^Date: \*\*\d{4}-\d{2}-\d{2}\*\*/m);
    expect(review).toContain("405");
    expect(review).toContain("npm audit --omit=dev");
  });
});
