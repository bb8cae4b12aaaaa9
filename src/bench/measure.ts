/**
 * Median wall time of `runs` runs after one warm-up, and the peak RSS seen. Under --expose-gc each
 * run starts from a collected heap, as one click does: otherwise a run pays for, and its peak
 * holds, the garbage of the run before it.
 */
export function measure(fn: () => unknown, runs = 5): { medianMs: number; rssMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  fn();
  const times: number[] = [];
  let rss = process.memoryUsage().rss;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10, rssMb: Math.round(rss / 1048576) };
}

export async function measureAsync(fn: () => Promise<unknown>, runs = 5): Promise<{ medianMs: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10 };
}
