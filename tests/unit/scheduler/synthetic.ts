// Review histories drawn from a known forgetting curve with a seeded PRNG: each card is studied the way a real user
// does (first sight, same-day steps or drills, reviews early or late around the due day), and whether a review is
// recalled is drawn from the curve. The scheduler that owns the curve also decides the due days.
import type { Quality } from '../../../main/contract/api';
import { dayStartMs } from '../../../main/core/scheduler/day';
import type { CardHistory } from '../../../main/core/scheduler/evaluate';
import { sm2Recall } from '../../../main/core/scheduler/evaluate';
import { createFsrsScheduler } from '../../../main/core/scheduler/fsrs';
import type { LoggedAnswer } from '../../../main/core/scheduler/replay';
import { sm2CardScheduler } from '../../../main/core/scheduler/sm2Card';
import { prng } from './moments';

const FIRST_DAY = 20_000;
const ANSWERS_PER_CARD = 14;

/** A passing grade as users give them: mostly Good, some Hard and Easy. */
function passingGrade(random: () => number): Quality {
  const r = random();
  return r < 0.15 ? 3 : r < 0.9 ? 4 : 5;
}

/** A review day around the due one: from half the interval early to twice it late, at least a day after the last. */
function reviewDay(random: () => number, lastDay: number, intervalDays: number): number {
  return lastDay + Math.max(1, Math.round(intervalDays * (0.5 + 1.5 * random())));
}

/** At 09:00 + minutes on study day `day` (UTC, rollover 04:00). */
const answerAt = (day: number, minutes: number, quality: Quality): LoggedAnswer =>
  ({ quality, day, reviewedAt: dayStartMs(day, 0, 4) + (5 * 60 + minutes) * 60_000 });

/** Recall drawn from FSRS-6's own curve, with the default parameters unless `weights` are given; FSRS schedules. */
export function fsrsCurveHistories(cards: number, seed: number, weights?: readonly number[]): CardHistory[] {
  const random = prng(seed);
  const fsrs = createFsrsScheduler(weights ? { weights } : {});
  return Array.from({ length: cards }, (_, c) => {
    const answers: LoggedAnswer[] = [];
    let state = fsrs.newState();
    let day = FIRST_DAY + Math.floor(random() * 90);
    let minutes = 0;
    while (answers.length < ANSWERS_PER_CARD) {
      let quality: Quality;
      if (state.phase === 'new' || state.phase === 'learning' || state.phase === 'relearning') {
        // Same-day steps: not scored, so their outcome need not follow the day-scale curve.
        quality = random() < 0.85 ? passingGrade(random) : 1;
        minutes += state.dueAt === null ? 0 : 10;
      } else {
        day = reviewDay(random, state.lastReviewDay!, state.scheduledDays);
        minutes = Math.floor(random() * 600);
        quality = random() < fsrs.retrievability(state, day) ? passingGrade(random) : 1;
      }
      const answer = answerAt(day, minutes, quality);
      answers.push(answer);
      state = fsrs.answer(state, quality, { now: answer.reviewedAt, today: answer.day }).next;
    }
    return { cardId: `fsrs-${c}`, answers };
  });
}

/** Recall drawn from 0.9^(t/I), SM-2's assumed curve; SM-2 schedules, failures are drilled to a 4 the same day. */
export function sm2CurveHistories(cards: number, seed: number): CardHistory[] {
  const random = prng(seed);
  return Array.from({ length: cards }, (_, c) => {
    const answers: LoggedAnswer[] = [];
    let state = sm2CardScheduler.newState();
    let day = FIRST_DAY + Math.floor(random() * 90);
    const answer = (quality: Quality, minutes: number) => {
      const a = answerAt(day, minutes, quality);
      answers.push(a);
      state = sm2CardScheduler.answer(state, quality, { now: a.reviewedAt, today: day }).next;
    };
    answer(random() < 0.8 ? passingGrade(random) : 1, 0);
    while (answers.length < ANSWERS_PER_CARD) {
      if (state.drillDay === day) {
        answer(4, 30);
        continue;
      }
      const lastDay = day;
      day = reviewDay(random, lastDay, state.intervalDays);
      answer(random() < sm2Recall(day - lastDay, state.intervalDays) ? passingGrade(random) : 1, 0);
    }
    return { cardId: `sm2-${c}`, answers };
  });
}
