// Which scheduler fits this user: SM-2 and FSRS predict each later review of the user's own history, and the
// srs-benchmark's metrics (metrics.ts) score the predictions. Out of sample: the FSRS model is fitted on the reviews
// before a cut-off day and only reviews from that day on are scored; a prediction for a review reads only the
// card's earlier answers. A card's first answer and answers on the same study day as the one before are not scored
// (there is no memory to predict, or the short-term effect is outside both models).
import type { ForecastMetrics, SchedulerComparison } from '../../contract/scheduling';
import { createFsrsScheduler, type FsrsScheduler } from './fsrs';
import { auc, logLoss, rmseBins, type Prediction } from './metrics';
import { replayStates, type LoggedAnswer } from './replay';
import { sm2CardScheduler } from './sm2Card';

export interface CardHistory {
  cardId: string;
  /** In the order answered. */
  answers: readonly LoggedAnswer[];
}

/** SM-2 predicts no probability; the assumption (shown on screen): R = 0.9^(t/I), t days since the last answer, I the interval it set. */
export const sm2Recall = (elapsedDays: number, intervalDays: number): number => 0.9 ** (elapsedDays / intervalDays);

/** Probability of recall before each answer, null where none is predicted (the first answer). */
export type Forecast = (answers: readonly LoggedAnswer[]) => (number | null)[];

export const forecastSm2: Forecast = (answers) => {
  const states = replayStates(sm2CardScheduler, answers);
  return answers.map((a, k) => (k === 0 ? null : sm2Recall(a.day - answers[k - 1].day, states[k - 1].intervalDays)));
};

export const forecastFsrs =
  (scheduler: FsrsScheduler): Forecast =>
  (answers) => {
    const states = replayStates(scheduler, answers);
    return answers.map((a, k) => (k === 0 ? null : scheduler.retrievability(states[k - 1], a.day)));
  };

const isScored = (answers: readonly LoggedAnswer[], k: number, fromDay: number): boolean =>
  k > 0 && answers[k].day >= fromDay && answers[k].day > answers[k - 1].day;

/** The scored reviews with the forecast's prediction and the features metrics.ts bins by. */
export function scoredPredictions(histories: readonly CardHistory[], forecast: Forecast, fromDay: number): Prediction[] {
  const out: Prediction[] = [];
  for (const { answers } of histories) {
    const p = forecast(answers);
    let lapses = 0;
    answers.forEach((a, k) => {
      if (isScored(answers, k, fromDay)) {
        out.push({ p: p[k]!, recalled: a.quality >= 3, elapsedDays: a.day - answers[k - 1].day, reviews: k, lapses });
      }
      if (a.quality < 3) lapses++;
    });
  }
  return out;
}

const metricsOf = (p: readonly Prediction[]): ForecastMetrics => ({ logLoss: logLoss(p), rmseBins: rmseBins(p), auc: auc(p) });

/** The study day that splits the answers into the earlier `trainShare` and the rest. */
export function splitDay(histories: readonly CardHistory[], trainShare = 0.5): number {
  // A typed array sorts numbers natively: a few milliseconds at 50,000 answers, where an array with a comparator
  // took ~20 ms (the service calls this on the main thread).
  let n = 0;
  for (const h of histories) n += h.answers.length;
  if (n === 0) return 0;
  const days = new Float64Array(n);
  let k = 0;
  for (const h of histories) for (const a of h.answers) days[k++] = a.day;
  days.sort();
  return days[Math.min(days.length - 1, Math.floor(days.length * trainShare))];
}

/** The answers given before `fromDay`: what a model may be fitted on when the reviews from that day on are scored. */
export const trainingPart = (histories: readonly CardHistory[], fromDay: number): CardHistory[] =>
  histories.map((h) => ({ cardId: h.cardId, answers: h.answers.filter((a) => a.day < fromDay) }));

export interface EvaluateOptions {
  /** Reviews on or after this study day are scored; earlier ones only train. Default: splitDay(histories). */
  fromDay?: number;
  /** FSRS fitted on the training answers; this step uses the default parameters (the optimizer is the next step). */
  fitFsrs?: (training: CardHistory[]) => FsrsScheduler;
}

export function evaluateSchedulers(histories: readonly CardHistory[], options: EvaluateOptions = {}): SchedulerComparison | null {
  const fromDay = options.fromDay ?? splitDay(histories);
  const fsrs = (options.fitFsrs ?? (() => createFsrsScheduler()))(trainingPart(histories, fromDay));
  const sm2 = scoredPredictions(histories, forecastSm2, fromDay);
  if (sm2.length === 0) return null;
  return { scored: sm2.length, sm2: metricsOf(sm2), fsrs: metricsOf(scoredPredictions(histories, forecastFsrs(fsrs), fromDay)) };
}
