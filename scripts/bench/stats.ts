// Shared by the collection and browse benches: how a duration prints and how a percentile is read.

/** Microseconds below 1 ms, else milliseconds with two decimals. */
export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/** The p-th percentile of an ascending array (nearest rank, clamped to the last element). */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
