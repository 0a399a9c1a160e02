import { describe, expect, it } from 'vitest';
import { dayNumber, dayStartMs } from '../../../main/core/scheduler/day';
import { newCardSchedule, sm2Scheduler } from '../../../main/core/scheduler/sm2Scheduler';
import { FOUR_BUTTON_QUALITIES } from '../../../main/core/scheduler/types';

const TODAY = 20_000;

describe('SM-2 scheduler around sm2Review', () => {
  it('a new card answered Good is due tomorrow and not drilled', () => {
    const { next, kind } = sm2Scheduler.answer(newCardSchedule(), 4, TODAY);
    expect(kind).toBe('new');
    expect(next).toMatchObject({ reps: 1, intervalDays: 1, dueDay: TODAY + 1, queue: 'review', drillDay: null, lapses: 0 });
  });

  it('grades below 4 put the card in today\'s drill (step 7), Hard included', () => {
    for (const q of [0, 1, 2, 3] as const) {
      expect(sm2Scheduler.answer(newCardSchedule(), q, TODAY).next.drillDay).toBe(TODAY);
    }
  });

  it('drill answers change neither EF nor interval, and end on a grade ≥ 4', () => {
    const first = sm2Scheduler.answer(newCardSchedule(), 3, TODAY).next;
    const again = sm2Scheduler.answer(first, 1, TODAY);
    expect(again.kind).toBe('drill');
    expect(again.next).toEqual(first);
    const done = sm2Scheduler.answer(again.next, 4, TODAY);
    expect(done.kind).toBe('drill');
    expect(done.next).toEqual({ ...first, drillDay: null });
  });

  it('a drill from yesterday has ended: the card is scheduled normally again', () => {
    const failed = sm2Scheduler.answer(newCardSchedule(), 1, TODAY).next;
    const nextDay = sm2Scheduler.answer(failed, 4, TODAY + 1);
    expect(nextDay.kind).toBe('review');
    expect(nextDay.next.reps).toBe(1);
  });

  it('counts a lapse only for review cards that fail', () => {
    const learned = sm2Scheduler.answer(newCardSchedule(), 5, TODAY).next;
    expect(sm2Scheduler.answer(learned, 2, TODAY + 1).next.lapses).toBe(1);
    expect(sm2Scheduler.answer(newCardSchedule(), 2, TODAY).next.lapses).toBe(0);
  });

  it('preview gives exactly what answer gives, for every button', () => {
    const card = { ...newCardSchedule(), efMilli: 2360, reps: 2, intervalDays: 6, dueDay: TODAY, queue: 'review' as const };
    const previews = sm2Scheduler.preview(card, FOUR_BUTTON_QUALITIES, TODAY);
    expect(previews.map((p) => p.next.intervalDays)).toEqual([1, 14, 15, 15]);
    FOUR_BUTTON_QUALITIES.forEach((q, i) => expect(previews[i]).toEqual(sm2Scheduler.answer(card, q, TODAY)));
  });
});

describe('study days', () => {
  it('rolls over at 04:00 local time', () => {
    const offset = 480; // UTC+8
    const start = dayStartMs(TODAY, offset, 4);
    expect(dayNumber(start, offset, 4)).toBe(TODAY);
    expect(dayNumber(start - 1, offset, 4)).toBe(TODAY - 1);
    // 03:59 local is still the previous study day, 04:00 is the new one.
    const midnight = Date.UTC(2026, 10, 26, 16, 0, 0); // 00:00 in UTC+8
    expect(dayNumber(midnight + 3.99 * 3_600_000, offset, 4)).toBe(dayNumber(midnight - 1, offset, 4));
    expect(dayNumber(midnight + 4 * 3_600_000, offset, 4)).toBe(dayNumber(midnight - 1, offset, 4) + 1);
  });
});
