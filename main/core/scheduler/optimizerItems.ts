// A review history as FSRS's optimizer (fsrs-rs, through @open-spaced-repetition/binding) reads it: one item per
// review to learn from, holding the card's answers up to and including that review, each as FSRS's rating (1–4) and
// the study days since the card's previous answer (0 for the first). Plain data, so this stays pure and the binding
// is loaded only where it runs (the optimizer's worker).
export { MIN_OPTIMIZER_REVIEWS } from '../../contract/scheduling';
import type { CardHistory } from './evaluate';
import { fsrsGrade } from './fsrs';

export interface OptimizerReview {
  /** FSRS's rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: number;
  /** Study days since the card's previous answer; 0 for its first answer and for a same-day step. */
  deltaT: number;
}

/** A card's answers up to one review, oldest first; the last is the review the optimizer predicts. */
export type OptimizerItem = OptimizerReview[];


/**
 * One item per answer given on a later study day than the card's previous one: the reviews a forgetting curve can
 * be fitted to. Same-day steps stay inside the items as history (FSRS's short-term terms read them) but are not
 * items of their own, as fsrs-rs drops items without a long-term review at their end.
 */
export function optimizerItems(histories: readonly CardHistory[]): OptimizerItem[] {
  const items: OptimizerItem[] = [];
  for (const { answers } of histories) {
    const reviews = answers.map((a, k): OptimizerReview => ({ rating: fsrsGrade(a.quality), deltaT: k === 0 ? 0 : a.day - answers[k - 1].day }));
    reviews.forEach((review, k) => {
      if (k > 0 && review.deltaT > 0) items.push(reviews.slice(0, k + 1));
    });
  }
  return items;
}
