// The srs-benchmark's three measures of predicted recall against what happened: log loss, RMSE (bins) and AUC.

export interface Prediction {
  /** Predicted probability of recall. */
  p: number;
  recalled: boolean;
  /** Days since the card's previous answer. */
  elapsedDays: number;
  /** Answers the card had before this one. */
  reviews: number;
  /** Of those, answers graded below 3 (Again). */
  lapses: number;
}

/** Predictions of exactly 0 or 1 that turn out wrong would be infinite loss; the benchmark clips the same way. */
const EPSILON = 1e-7;

export function logLoss(predictions: readonly Prediction[]): number {
  let sum = 0;
  for (const { p, recalled } of predictions) {
    const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
    sum -= recalled ? Math.log(q) : Math.log(1 - q);
  }
  return sum / predictions.length;
}

/** Geometric bin index: values spanning orders of magnitude fall into bins of roughly equal log width. */
const logBin = (value: number, base: number): number => Math.floor(Math.log(value) / Math.log(base));

/**
 * The bin of a prediction, as the srs-benchmark (fsrs-optimizer's `rmse_matrix`) groups them: elapsed days in bins
 * of ratio 3.62 (1–3, 4–13, 14–47, …), reviews before this one in bins of ratio 1.89 (1, 2–3, 4–6, 7–12, …), lapses
 * 0 alone and then bins of ratio 1.73 (1, 2, 3–5, 6–8, …). Geometric, because all three span orders of magnitude and
 * equal-width bins would leave the long tail in a few huge bins; the same bases as the benchmark so the numbers
 * read the same as its published ones.
 */
export function binOf(p: Pick<Prediction, 'elapsedDays' | 'reviews' | 'lapses'>): string {
  const lapses = p.lapses === 0 ? -1 : logBin(p.lapses, 1.73);
  return `${logBin(Math.max(1, p.elapsedDays), 3.62)}|${logBin(Math.max(1, p.reviews), 1.89)}|${lapses}`;
}

/** sqrt(Σ_bins n_b · (mean p_b − mean y_b)² / Σ n_b): calibration per kind of review, weighted by bin size. */
export function rmseBins(predictions: readonly Prediction[]): number {
  const bins = new Map<string, { n: number; p: number; y: number }>();
  for (const pred of predictions) {
    const key = binOf(pred);
    const bin = bins.get(key) ?? { n: 0, p: 0, y: 0 };
    bin.n += 1;
    bin.p += pred.p;
    bin.y += pred.recalled ? 1 : 0;
    bins.set(key, bin);
  }
  let weighted = 0;
  for (const { n, p, y } of bins.values()) weighted += n * ((p - y) / n) ** 2;
  return Math.sqrt(weighted / predictions.length);
}

/**
 * The probability that a recalled review was given a higher prediction than a forgotten one (ties count half):
 * the Mann–Whitney U statistic over average ranks. Null when there is no pair to compare.
 */
export function auc(predictions: readonly Prediction[]): number | null {
  const sorted = [...predictions].sort((a, b) => a.p - b.p);
  const positives = sorted.filter((x) => x.recalled).length;
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return null;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].p === sorted[i].p) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) if (sorted[k].recalled) rankSum += averageRank;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
