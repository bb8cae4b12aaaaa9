/**
 * Headless LibreOffice and poppler for tests that need a real spreadsheet application.
 * Each conversion gets a fresh profile (-env:UserInstallation), so parallel runs never share a lock.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

function onPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export const hasLibreOffice = (): boolean => onPath("soffice");
export const hasPdftoppm = (): boolean => onPath("pdftoppm");

/**
 * Converts `file` with `soffice --headless --convert-to format` into `outDir`; returns the output path.
 * `format` is a filter spec such as "pdf", "xlsx" or "csv:Text - txt - csv (StarCalc):44,34,76".
 */
export async function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    await run(
      "soffice",
      [
        "--headless", "--norestore", "--nolockcheck",
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--convert-to", format, "--outdir", resolve(outDir), resolve(file),
      ],
      { timeout: 110_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(":")[0];
  const out = join(outDir, `${basename(file, extname(file))}.${ext}`);
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  return out;
}

/** Renders every page of a PDF with `pdftoppm -png -r 60`; returns the PNG paths in page order. */
export async function renderPdfToPng(pdf: string, outPrefix: string, dpi = 60): Promise<string[]> {
  mkdirSync(dirname(outPrefix), { recursive: true });
  await run("pdftoppm", ["-png", "-r", String(dpi), pdf, outPrefix], { timeout: 60_000 });
  const stem = basename(outPrefix);
  return readdirSync(dirname(outPrefix))
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort((a, b) => pageOf(a) - pageOf(b))
    .map((f) => join(dirname(outPrefix), f));
}

/** The text of a PDF (`pdftotext -layout`), to check what a render holds without looking. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

function pageOf(file: string): number {
  const m = /-(\d+)\.png$/.exec(file);
  return m ? Number(m[1]) : 0;
}

/**
 * `it` for a test that needs soffice (and pdftoppm): skipped with a note when they are missing,
 * but failing under CI, where their absence is a broken setup rather than a lighter machine.
 */
export function itWithLibreOffice(name: string, fn: () => Promise<void>, timeout = 120_000): void {
  const missing = [hasLibreOffice() ? "" : "soffice", hasPdftoppm() ? "" : "pdftoppm"].filter(Boolean);
  if (missing.length === 0) {
    it(name, fn, timeout);
  } else if (process.env.CI) {
    it(name, () => {
      throw new Error(`${missing.join(" and ")} not on PATH; CI must install libreoffice-calc and poppler-utils`);
    });
  } else {
    console.warn(`skipping "${name}": ${missing.join(" and ")} not on PATH`);
    it.skip(name, fn);
  }
}
