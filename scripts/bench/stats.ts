// Shared by the benches: how a duration prints, how a percentile is read, the ratio row, and the seeded PRNG.

/** Microseconds below 1 ms, else milliseconds with two decimals. */
export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/** The p-th percentile of an ascending array (nearest rank, clamped to the last element). */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** One line: our time beside the raw SQL of the same work, and their ratio. */
export const ratioRow = (label: string, ours: number, raw: number): void =>
  console.log(`${label.padEnd(34)} ${fmt(ours).padStart(11)}   raw SQL ${fmt(raw).padStart(11)}   ratio ${(ours / raw).toFixed(2)}×`);

/** Deterministic PRNG (mulberry32): the same collection every run. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` while a 1 ms interval ticks; the longest gap between ticks (or between the start and a tick, the end):
 * how long the main thread answered nothing. Shared by the optimizer bench and its responsiveness test. */
export async function withStallMeter<T>(work: () => Promise<T> | T): Promise<{ value: T; wallMs: number; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = () => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  };
  const timer = setInterval(tick, 1);
  const started = performance.now();
  last = started;
  // Started on a later turn of the event loop, as an IPC call's handler would be: the meter sees it block.
  try {
    await new Promise((r) => setTimeout(r, 5));
    const value = await work();
    const wallMs = performance.now() - started;
    tick();
    return { value, wallMs, stallMs };
  } finally {
    clearInterval(timer);
  }
}
