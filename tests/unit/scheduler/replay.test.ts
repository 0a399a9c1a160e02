import { describe, expect, it } from 'vitest';
import { createFsrsScheduler } from '../../../main/core/scheduler/fsrs';
import { replay, replayStates, switchScheduler, type LoggedAnswer } from '../../../main/core/scheduler/replay';
import { sm2CardScheduler } from '../../../main/core/scheduler/sm2Card';
import type { CardScheduler, ReviewLogEntry, SchedulerState } from '../../../main/core/scheduler/state';
import { FOUR_BUTTON_QUALITIES, SIX_GRADE_QUALITIES } from '../../../main/core/scheduler/types';
import { logged } from './moments';

const fsrs = createFsrsScheduler();
const SHANGHAI = 480;

/**
 * A card's life as the log records it, in Shanghai: first seen late at night with learning steps past midnight (the
 * same study day), a next-morning review, a lapse with a relearning step, a review weeks overdue, six-grade answers,
 * and one at 03:59 followed by one at 04:00 (two study days a minute apart).
 */
const LIFE: LoggedAnswer[] = [
  logged('2026-09-01T23:50', 1, SHANGHAI),
  logged('2026-09-01T23:51', 4, SHANGHAI),
  logged('2026-09-02T00:02', 4, SHANGHAI),
  logged('2026-09-02T08:30', 5, SHANGHAI),
  logged('2026-09-09T19:05', 4, SHANGHAI),
  logged('2026-09-30T07:40', 1, SHANGHAI),
  logged('2026-09-30T07:51', 3, SHANGHAI),
  logged('2026-09-30T08:05', 4, SHANGHAI),
  logged('2026-11-15T22:10', 0, SHANGHAI),
  logged('2026-11-16T03:59', 2, SHANGHAI),
  logged('2026-11-16T04:00', 5, SHANGHAI),
  logged('2026-12-20T12:00', 4, SHANGHAI),
];

/** What the study screen does: preview the buttons, take the pressed one's outcome, log prev and next. */
function answerStepByStep<S extends SchedulerState>(scheduler: CardScheduler<S>, answers: readonly LoggedAnswer[], start = scheduler.newState()) {
  const log: ReviewLogEntry[] = [];
  let state = start;
  for (const a of answers) {
    const at = { now: a.reviewedAt, today: a.day };
    const outcome = scheduler.preview(state, SIX_GRADE_QUALITIES, at)[a.quality]!;
    log.push({ cardId: 'c-attention', reviewedAt: a.reviewedAt, day: a.day, quality: a.quality, kind: outcome.kind, durationMs: 4200, prev: state, next: outcome.next });
    state = outcome.next;
  }
  return { state, log };
}

describe('replaying the review log equals answering step by step', () => {
  it.each([['sm2', sm2CardScheduler], ['fsrs', fsrs]] as const)('%s', (_name, scheduler: CardScheduler) => {
    const { log } = answerStepByStep(scheduler, LIFE);
    // The log as storage will hand it back: JSON round trip, answers in the order given.
    const stored: ReviewLogEntry[] = JSON.parse(JSON.stringify(log));
    expect(replayStates(scheduler, stored)).toEqual(log.map((e) => e.next));
    stored.forEach((e, k) => expect(e.prev).toEqual(k === 0 ? scheduler.newState() : stored[k - 1].next));
  });

  it('the log covers what each scheduler makes of the day boundaries', () => {
    const { log: sm2Log } = answerStepByStep(sm2CardScheduler, LIFE);
    // SM-2: 23:51 is a drill of the 23:50 failure and ends it (grade 4), so 00:02, the same study day, is a plain
    // repetition; 03:59 drills the 22:10 failure, 04:00 is the next day's review.
    expect(sm2Log.map((e) => e.kind)).toEqual(['new', 'drill', 'review', 'review', 'review', 'review', 'drill', 'drill', 'review', 'drill', 'review', 'review']);
    const { log: fsrsLog } = answerStepByStep(fsrs, LIFE);
    // FSRS: relearning steps are minutes, not days: the 03:59 Again restarts the step and 04:00 still answers it.
    expect(fsrsLog.map((e) => e.kind)).toEqual(['new', 'learning', 'learning', 'review', 'review', 'review', 'learning', 'learning', 'review', 'learning', 'learning', 'review']);
    expect(LIFE[10].day - LIFE[9].day).toBe(1);
    expect(LIFE[2].day).toBe(LIFE[0].day);
  });

  it('an empty log is a new card', () => {
    expect(replay(fsrs, [])).toEqual(fsrs.newState());
    expect(replay(sm2CardScheduler, [])).toEqual(sm2CardScheduler.newState());
  });
});

describe('switching SM-2 → FSRS → SM-2', () => {
  const firstPart = LIFE.slice(0, 5);
  const secondPart = LIFE.slice(5, 9);
  const lastPart = LIFE.slice(9);

  it('derives each state from the log, and switching back and forth gives the same states', () => {
    const underSm2 = answerStepByStep(sm2CardScheduler, firstPart);
    const switched = switchScheduler(fsrs, underSm2.log, underSm2.state);
    expect(switched).toEqual(answerStepByStep(fsrs, firstPart).state);

    const underFsrs = answerStepByStep(fsrs, secondPart, switched);
    const log = [...underSm2.log, ...underFsrs.log];
    const back = switchScheduler(sm2CardScheduler, log, underFsrs.state);
    expect(back).toEqual(answerStepByStep(sm2CardScheduler, [...firstPart, ...secondPart]).state);

    const finalSm2 = answerStepByStep(sm2CardScheduler, lastPart, back);
    const fullLog = [...log, ...finalSm2.log];
    expect(finalSm2.state).toEqual(answerStepByStep(sm2CardScheduler, LIFE).state);
    // Again to FSRS, and again back: the same states each time.
    const fsrsAgain = switchScheduler(fsrs, fullLog, finalSm2.state);
    expect(fsrsAgain).toEqual(answerStepByStep(fsrs, LIFE).state);
    expect(switchScheduler(sm2CardScheduler, fullLog, fsrsAgain)).toEqual(finalSm2.state);
  });

  it('a suspended card stays suspended through a switch', () => {
    const { state, log } = answerStepByStep(sm2CardScheduler, firstPart);
    const switched = switchScheduler(fsrs, log, { ...state, queue: 'suspended' });
    expect(switched).toEqual({ ...answerStepByStep(fsrs, firstPart).state, queue: 'suspended' });
  });
});

describe('the SM-2 adapter is sm2Scheduler with a tag', () => {
  it('four buttons keyed by grade, due day and drill as before', () => {
    const at = { now: Date.UTC(2026, 10, 26, 9), today: 20_418 };
    const card = { ...sm2CardScheduler.newState(), efMilli: 2360, reps: 2, intervalDays: 6, dueDay: at.today, queue: 'review' as const };
    const preview = sm2CardScheduler.preview(card, FOUR_BUTTON_QUALITIES, at);
    expect(FOUR_BUTTON_QUALITIES.map((q) => preview[q]!.next.intervalDays)).toEqual([1, 14, 15, 15]);
    expect(preview[1]).toMatchObject({ kind: 'review', due: { day: at.today + 1 }, next: { algorithm: 'sm2', drillDay: at.today, lapses: 1 } });
  });
});
