// The scheduler cores alone (issue 16): what a study step asks of the scheduler — the buttons' preview and the
// answer — under FSRS (ts-fsrs) beside SM-2 in the same process, per call; and replaying a 1,000-answer log, which
// a switch of scheduler does per card. Numbers, not assertions; the issue's bar is FSRS p95 ≤ 1.5× SM-2's.
import type { Quality } from '../../main/contract/api';
import { dayStartMs } from '../../main/core/scheduler/day';
import { createFsrsScheduler } from '../../main/core/scheduler/fsrs';
import { replay, type LoggedAnswer } from '../../main/core/scheduler/replay';
import { sm2Review } from '../../main/core/scheduler/sm2';
import { sm2CardScheduler } from '../../main/core/scheduler/sm2Card';
import type { CardScheduler, SchedulerState, StudyMoment } from '../../main/core/scheduler/state';
import { FOUR_BUTTON_QUALITIES } from '../../main/core/scheduler/types';
import { fmt, percentile, prng } from './stats';

const CARDS = 2_000;
const CALLS = 20_000;
const LOG_LENGTH = 1_000;
const REPLAY_RUNS = 50;
const TODAY = 20_400;

/** A history as a user makes it: reviews days apart, now and then a failure followed by same-day answers. */
function history(random: () => number, length: number, lastDay: number): LoggedAnswer[] {
  const answers: LoggedAnswer[] = [];
  let day = 0;
  for (let k = 0; k < length; k++) {
    const failed = random() < 0.12;
    if (!failed || k === 0) day += 1 + Math.floor(random() * 3);
    const quality = (failed ? 1 : [3, 4, 4, 4, 5][Math.floor(random() * 5)]) as Quality;
    answers.push({ quality, day, reviewedAt: (6 * 60 + k) * 60_000 });
  }
  // Shifted so that the last answer falls on `lastDay`.
  const shift = lastDay - day;
  return answers.map((a) => ({ ...a, day: a.day + shift, reviewedAt: dayStartMs(a.day + shift, 60, 4) + a.reviewedAt }));
}

function cardsFor<S extends SchedulerState>(scheduler: CardScheduler<S>, seed: number): S[] {
  const random = prng(seed);
  return Array.from({ length: CARDS }, () => replay(scheduler, history(random, Math.floor(random() * 12), TODAY - 1)));
}

/** Per-call times of `fn` over the cards in turn, after a warm-up pass. */
function perCall<T>(cards: T[], fn: (card: T, i: number) => unknown): number[] {
  for (let i = 0; i < CALLS / 4; i++) fn(cards[i % cards.length], i);
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const card = cards[i % cards.length];
    const t = performance.now();
    fn(card, i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const row = (label: string, ours: number[], base: number[], baseLabel: string): void => {
  const [p50, p95, b50, b95] = [percentile(ours, 50), percentile(ours, 95), percentile(base, 50), percentile(base, 95)];
  console.log(`${label.padEnd(30)} p50 ${fmt(p50).padStart(9)} p95 ${fmt(p95).padStart(9)}   ${baseLabel} p50 ${fmt(b50).padStart(9)} p95 ${fmt(b95).padStart(9)}   p95 ratio ${(p95 / b95).toFixed(2)}×`);
};

/** What a study step does: preview the four buttons, then answer one of them. */
function step<S extends SchedulerState>(scheduler: CardScheduler<S>) {
  return (card: S, i: number) => {
    const at: StudyMoment = { now: dayStartMs(TODAY, 60, 4) + 8 * 3_600_000 + i, today: TODAY };
    scheduler.preview(card, FOUR_BUTTON_QUALITIES, at);
    return scheduler.answer(card, FOUR_BUTTON_QUALITIES[i % 4], at);
  };
}

export async function benchScheduler(): Promise<void> {
  console.log(`\nscheduler cores — ${CARDS} cards, ${CALLS} calls each, replay of a ${LOG_LENGTH}-answer log ×${REPLAY_RUNS}`);
  const fsrs = createFsrsScheduler();
  const fsrsCards = cardsFor(fsrs, 16);
  const sm2Cards = cardsFor(sm2CardScheduler, 16);

  const sm2Step = perCall(sm2Cards, step(sm2CardScheduler));
  const fsrsStep = perCall(fsrsCards, step(fsrs));
  row('preview + answer, FSRS', fsrsStep, sm2Step, 'SM-2');
  const fsrsAnswer = perCall(fsrsCards, (card, i) => fsrs.answer(card, FOUR_BUTTON_QUALITIES[i % 4], { now: i, today: TODAY }));
  const rawSm2 = perCall(sm2Cards, (card, i) => sm2Review(card, FOUR_BUTTON_QUALITIES[i % 4]));
  row('answer, FSRS', fsrsAnswer, rawSm2, 'sm2Review');

  const log = history(prng(1), LOG_LENGTH, TODAY);
  const timedReplay = (scheduler: CardScheduler) => {
    replay(scheduler, log);
    const times: number[] = [];
    for (let r = 0; r < REPLAY_RUNS; r++) {
      const t = performance.now();
      replay(scheduler, log);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  };
  row(`replay ${LOG_LENGTH} answers, FSRS`, timedReplay(fsrs), timedReplay(sm2CardScheduler), 'SM-2');
}
