import JSZip from "jszip";
import { InsightError } from "../../core/i18n/messages";
import { PackageGuard } from "./package-guard";

/**
 * The guard in front of ExcelJS's `xlsx.load`: the package opened by JSZip, as ExcelJS opens it
 * (same entries, same names), and each part inflated as a stream, counted, and abandoned as soon
 * as it passes its limit — so a zip bomb costs at most the limit, not its own size. Refuses with
 * an InsightError; a package JSZip cannot read is "not an .xlsx", as ExcelJS would find too.
 */
export async function checkBeforeLoad(file: string, buf: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new InsightError("notXlsx", { file });
  }
  const guard = new PackageGuard(file, buf.length);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const limit = guard.limit(entry.name);
    let bytes: Buffer | null;
    try {
      bytes = await inflate(entry, limit);
    } catch {
      throw new InsightError("notXlsx", { file });
    }
    guard.inflated(entry.name, bytes ? bytes.length : limit + 1);
    if (bytes) guard.decoded(entry.name, bytes.toString("utf8"));
  }
}

/** The part's bytes, or null once it passes `limit` (the rest is never inflated). */
function inflate(entry: JSZip.JSZipObject, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        stream.removeAllListeners();
        stream.on("error", () => undefined); // whatever the abandoned stream says next must not crash the process
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks, size)));
    stream.on("error", reject);
  });
}
