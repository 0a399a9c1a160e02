// Statistics (issue 15) against hand-computed values: a scripted review history written as rows (every window's
// edge: today, 6, 7, 29, 30, 364 and 365 days back, and a day after today), and answers given through the app
// around the rollover hour in another time zone, whose stored study days the per-day charts must follow.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Quality } from '../../../main/contract/api';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const DAY = 86_400_000;
/** The study day of a local calendar date (rollover hours and time zones aside: the day as a calendar reads it). */
const dayOf = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / DAY;

interface ScriptedReview { card: string; ago: number; kind: 'new' | 'review' | 'drill'; q: Quality; prev: number; ms: number }

function writeRows(today: number, reviews: ScriptedReview[], states: Record<string, Partial<Record<string, number | string | null>>>) {
  const db = new Database(join(c.dataDir, 'proofdeck.sqlite'));
  try {
    const insert = db.prepare(`INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, prev_ef_milli, prev_reps,
      prev_interval_days, prev_due_day, prev_lapses, prev_queue, prev_drill_day, prev_last_review_at, prev_version,
      new_ef_milli, new_reps, new_interval_days, new_due_day, new_lapses, new_queue, new_drill_day, duration_ms, scheduler)
      VALUES (@card, @at, @day, @q, @kind, 2500, 1, @prev, NULL, 0, 'review', NULL, NULL, 0, 2500, 2, 6, NULL, 0, 'review', NULL, @ms, 'sm2')`);
    for (const r of reviews) {
      const day = today - r.ago;
      insert.run({ card: r.card, at: day * DAY + 12 * 3_600_000, day, q: r.q, kind: r.kind, prev: r.prev, ms: r.ms });
    }
    for (const [card, state] of Object.entries(states)) {
      const sets = Object.keys(state).map((k) => `${k} = @${k}`).join(', ');
      db.prepare(`UPDATE card_state SET ${sets} WHERE card_id = @card`).run({ ...state, card });
    }
  } finally {
    db.close();
  }
}

describe('statistics of a scripted history', () => {
  const decks = {
    'x.md': deckText('x', ['x1', 'x2', 'x3', 'x4'].map((id) => ({ id, q: `Question ${id}?` })), 'Xray'),
    'y.md': deckText('y', ['y1', 'y2', 'y3', 'y4'].map((id) => ({ id, q: `Question ${id}?` })), 'Yankee'),
  };
  // ago: days before today; -1 is tomorrow (a clock moved back must not count it).
  const reviews: ScriptedReview[] = [
    { card: 'x1', ago: 0, kind: 'review', q: 4, prev: 30, ms: 1000 },
    { card: 'x1', ago: 6, kind: 'review', q: 2, prev: 25, ms: 2000 },
    { card: 'x2', ago: 7, kind: 'review', q: 3, prev: 20, ms: 3000 },
    { card: 'x2', ago: 29, kind: 'review', q: 1, prev: 21, ms: 4000 },
    { card: 'y1', ago: 30, kind: 'review', q: 5, prev: 5, ms: 5000 },
    { card: 'y1', ago: 364, kind: 'new', q: 4, prev: 0, ms: 6000 },
    { card: 'y1', ago: 365, kind: 'review', q: 4, prev: 3, ms: 7000 },
    { card: 'x1', ago: 0, kind: 'drill', q: 4, prev: 1, ms: 500 },
    { card: 'x2', ago: 0, kind: 'new', q: 0, prev: 0, ms: 100 },
    { card: 'x1', ago: -1, kind: 'review', q: 4, prev: 40, ms: 9000 },
  ];

  async function scripted() {
    c = tempCollection({ user: decks });
    const today = (await c.app.api.overview()).today;
    writeRows(today, reviews, {
      x1: { queue: 'review', interval_days: 30, due_day: today + 2, lapses: 3 },
      x2: { queue: 'review', interval_days: 5, due_day: today - 3, lapses: 1 },
      x3: { queue: 'review', interval_days: 1, due_day: today + 89, drill_day: today },
      x4: { queue: 'review', interval_days: 100, due_day: today + 90 },
      y1: { queue: 'review', interval_days: 21, due_day: today },
      y3: { queue: 'suspended' },
      y4: { queue: 'review', interval_days: 2, due_day: today + 1, lapses: 9, live: 0 },
    });
    return today;
  }

  it('counts every aggregate over all decks', async () => {
    const today = await scripted();
    expect(today).toBe(dayOf(2026, 11, 26));
    const s = await c.app.api.statistics({ deckId: null });
    expect(s.today).toBe(today);
    expect(s.days).toEqual(await scriptedAllDecks(today));
    expect(s.daysStudied).toBe(6);
    expect(s.currentStreak).toBe(1);
    expect(s.answers).toBe(8);
    expect(s.ms).toBe(21_600);
    expect(s.retention).toEqual([
      { days: 7, young: { passed: 0, total: 0 }, mature: { passed: 1, total: 2 } },
      { days: 30, young: { passed: 1, total: 1 }, mature: { passed: 1, total: 3 } },
      { days: 365, young: { passed: 2, total: 2 }, mature: { passed: 1, total: 3 } },
    ]);
    expect(s.retentionByDeck).toEqual([
      { deckId: 'x', deckName: 'Xray', windows: [
        { days: 7, young: { passed: 0, total: 0 }, mature: { passed: 1, total: 2 } },
        { days: 30, young: { passed: 1, total: 1 }, mature: { passed: 1, total: 3 } },
        { days: 365, young: { passed: 1, total: 1 }, mature: { passed: 1, total: 3 } },
      ] },
      { deckId: 'y', deckName: 'Yankee', windows: [
        { days: 7, young: { passed: 0, total: 0 }, mature: { passed: 0, total: 0 } },
        { days: 30, young: { passed: 0, total: 0 }, mature: { passed: 0, total: 0 } },
        { days: 365, young: { passed: 1, total: 1 }, mature: { passed: 0, total: 0 } },
      ] },
    ]);
    expect(s.buttons).toEqual([
      { days: 7, counts: [
        { kind: 'new', quality: 0, count: 1 }, { kind: 'drill', quality: 4, count: 1 },
        { kind: 'review', quality: 2, count: 1 }, { kind: 'review', quality: 4, count: 1 },
      ] },
      { days: 30, counts: [
        { kind: 'new', quality: 0, count: 1 }, { kind: 'drill', quality: 4, count: 1 },
        { kind: 'review', quality: 1, count: 1 }, { kind: 'review', quality: 2, count: 1 },
        { kind: 'review', quality: 3, count: 1 }, { kind: 'review', quality: 4, count: 1 },
      ] },
      { days: 365, counts: [
        { kind: 'new', quality: 0, count: 1 }, { kind: 'new', quality: 4, count: 1 }, { kind: 'drill', quality: 4, count: 1 },
        ...[1, 2, 3, 4, 5].map((quality) => ({ kind: 'review', quality, count: 1 })),
      ] },
    ]);
    // Live cards only: y4 is removed. x3 is in today's drill; y1 (21 days) is mature; x2 overdue.
    expect(s.cardStates).toEqual({ newCards: 1, learning: 1, young: 1, mature: 3, suspended: 1 });
    expect(s.dueDays).toHaveLength(90);
    const due = Object.fromEntries(s.dueDays.map((n, i) => [i, n]).filter(([, n]) => n > 0));
    expect(due).toEqual({ 0: 1, 2: 1, 89: 1 });
    expect(s.overdue).toBe(1);
    expect(s.mostLapsed).toEqual([
      { cardId: 'x1', deckId: 'x', question: 'Question x1?', lapses: 3 },
      { cardId: 'x2', deckId: 'x', question: 'Question x2?', lapses: 1 },
    ]);
  });

  it('filters every aggregate to one deck', async () => {
    const today = await scripted();
    const x = await c.app.api.statistics({ deckId: 'x' });
    expect(x.days.map((d) => [today - d.day, d.newCards, d.learning, d.review, d.ms])).toEqual([
      [29, 0, 0, 1, 4000], [7, 0, 0, 1, 3000], [6, 0, 0, 1, 2000], [0, 1, 1, 1, 1600],
    ]);
    expect(x.retentionByDeck.map((d) => d.deckName)).toEqual(['Xray']);
    expect(x.retention[2]).toEqual({ days: 365, young: { passed: 1, total: 1 }, mature: { passed: 1, total: 3 } });
    expect(x.answers).toBe(6);
    expect(x.currentStreak).toBe(1);
    const y = await c.app.api.statistics({ deckId: 'y' });
    expect(y.days.map((d) => today - d.day)).toEqual([364, 30]);
    expect(y.currentStreak).toBe(0);
    expect(y.cardStates).toEqual({ newCards: 1, learning: 0, young: 0, mature: 1, suspended: 1 });
    expect(y.dueDays[0]).toBe(1);
    expect(y.dueDays.reduce((a, b) => a + b)).toBe(1);
    expect(y.overdue).toBe(0);
    expect(y.mostLapsed).toEqual([]);
    expect((await c.app.api.statistics({ deckId: 'nope' })).days).toEqual([]);
  });

  it('fills the totals from the answers already recorded when a version-6 database is upgraded', async () => {
    await scripted();
    // What comes from the answers (card states are not the migration's business, and the reopening sync resets y4).
    const answersOf = async (deckId: string | null) => {
      const { days, currentStreak, retention, retentionByDeck, buttons, answers, ms } = await c.app.api.statistics({ deckId });
      return { days, currentStreak, retention, retentionByDeck, buttons, answers, ms };
    };
    const expected = [await answersOf(null), await answersOf('x')];
    expect(expected[0].answers).toBe(8);
    const db = new Database(join(c.dataDir, 'proofdeck.sqlite'));
    db.exec(`DROP TRIGGER review_totals_add; DROP TRIGGER review_totals_remove; DROP TRIGGER review_totals_follow_card;
      DROP TABLE review_day_totals; DROP TABLE review_deck_totals; DROP INDEX card_state_by_lapses; DROP INDEX card_state_by_interval;
      DROP TABLE import_baselines; DROP TABLE code_attempts;
      DROP TABLE deck_presets; DROP TABLE presets; DROP INDEX card_state_by_due_at;
      DROP TABLE mock_answers; DROP TABLE mock_interviews;
      ALTER TABLE decks DROP COLUMN lang;
      ${['scheduler', 'fsrs_stability', 'fsrs_difficulty', 'fsrs_phase', 'fsrs_step', 'due_at', 'last_review_day'].map((col) => `ALTER TABLE card_state DROP COLUMN ${col};`).join(' ')}
      PRAGMA user_version = 6;`);
    db.close();
    c.reopen();
    expect([await answersOf(null), await answersOf('x')]).toEqual(expected);
  });

  it("moves a card's answers with the card when it changes deck", async () => {
    const today = await scripted();
    await c.app.api.moveCards({ cardIds: ['x1'], toDeckId: 'y' });
    const s = await c.app.api.statistics({ deckId: null });
    expect(s.retentionByDeck.map((d) => [d.deckId, d.windows.map((w) => [w.young.passed, w.young.total, w.mature.passed, w.mature.total])])).toEqual([
      ['x', [[0, 0, 0, 0], [1, 1, 0, 1], [1, 1, 0, 1]]],
      ['y', [[0, 0, 1, 2], [0, 0, 1, 2], [1, 1, 1, 2]]],
    ]);
    const y = await c.app.api.statistics({ deckId: 'y' });
    expect(y.days.map((d) => [today - d.day, d.newCards, d.learning, d.review])).toEqual([[364, 1, 0, 0], [30, 0, 0, 1], [6, 0, 0, 1], [0, 0, 1, 1]]);
    expect(s.days).toEqual((await scriptedAllDecks(today)));
  });
});

/** The all-decks days of the scripted history, which no deck change may alter. */
async function scriptedAllDecks(today: number) {
  return [
    { day: today - 364, newCards: 1, learning: 0, review: 0, ms: 6000 },
    { day: today - 30, newCards: 0, learning: 0, review: 1, ms: 5000 },
    { day: today - 29, newCards: 0, learning: 0, review: 1, ms: 4000 },
    { day: today - 7, newCards: 0, learning: 0, review: 1, ms: 3000 },
    { day: today - 6, newCards: 0, learning: 0, review: 1, ms: 2000 },
    { day: today, newCards: 1, learning: 1, review: 1, ms: 1600 },
  ];
}

describe('statistics of answers given through the app', () => {
  it('takes an undone answer back out of every total', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'a?' }, { id: 'b', q: 'b?' }]) } });
    for (const quality of [4, 2] as Quality[]) {
      const shown = (await c.app.api.nextCard({ deckId: 'd' })).next!;
      await c.app.api.answerCard({ deckId: 'd', cardId: shown.card.id, quality, version: shown.card.state.version, durationMs: 1500 });
    }
    const before = await c.app.api.statistics({ deckId: 'd' });
    expect(before.days.map((d) => [d.newCards, d.ms])).toEqual([[2, 3000]]);
    await c.app.api.undoAnswer({ deckId: 'd' });
    await c.app.api.undoAnswer({ deckId: 'd' });
    for (const deckId of ['d', null]) {
      const after = await c.app.api.statistics({ deckId });
      expect(after.days).toEqual([]);
      expect(after.buttons.every((b) => b.counts.length === 0)).toBe(true);
      expect(after.currentStreak).toBe(0);
    }
  });

  it('follows the study day stored with each answer: rollover hour and time zone, streak across a gap', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', ['a', 'b', 'c', 'e'].map((id) => ({ id, q: `${id}?` }))) } });
    // UTC+8, rollover 04:00 (the default). 2026-11-26 20:00 local.
    c.clock.utcOffsetMin = () => 480;
    c.clock.epochMs = Date.UTC(2026, 10, 26, 12);
    const answer = async (quality: Quality, durationMs: number) => {
      const shown = (await c.app.api.nextCard({ deckId: null })).next!;
      await c.app.api.answerCard({ deckId: null, cardId: shown.card.id, quality, version: shown.card.state.version, durationMs });
      return `${shown.kind}:${shown.card.id}`;
    };
    const dayA = dayOf(2026, 11, 26);
    const shown = [await answer(4, 10_000), await answer(2, 20_000), await answer(4, 5_000)];
    c.clock.epochMs = Date.UTC(2026, 10, 26, 19, 59); // 03:59 local on the 27th: still day A
    shown.push(await answer(5, 3_000), await answer(4, 2_000));
    expect(shown).toEqual(['new:a', 'new:b', 'new:c', 'new:e', 'drill:b']);
    c.clock.epochMs = Date.UTC(2026, 10, 26, 20, 0); // 04:00 local: day A + 1; all four are due
    shown.push(await answer(1, 7_000));
    expect(shown[5]).toBe('review:a');

    const s = await c.app.api.statistics({ deckId: null });
    expect(s.today).toBe(dayA + 1);
    expect(s.days).toEqual([
      { day: dayA, newCards: 4, learning: 1, review: 0, ms: 40_000 },
      { day: dayA + 1, newCards: 0, learning: 0, review: 1, ms: 7_000 },
    ]);
    expect(s.currentStreak).toBe(2);
    expect(s.retention[0]).toEqual({ days: 7, young: { passed: 0, total: 1 }, mature: { passed: 0, total: 0 } });
    expect(s.cardStates).toEqual({ newCards: 0, learning: 1, young: 3, mature: 0, suspended: 0 });
    expect(s.mostLapsed.map((l) => [l.cardId, l.lapses])).toEqual([['a', 1]]);

    c.clock.advanceDays(1); // day A + 2, nothing answered yet: the streak still counts up to yesterday
    expect((await c.app.api.statistics({ deckId: null })).currentStreak).toBe(2);
    c.clock.advanceDays(1); // day A + 3: a day was missed
    const later = await c.app.api.statistics({ deckId: null });
    expect(later.currentStreak).toBe(0);
    expect(later.daysStudied).toBe(2);

    c.clock.epochMs = Date.UTC(2026, 10, 28, 19); // 03:00 local on the 29th: day A + 2 before the rollover…
    expect((await c.app.api.statistics({ deckId: null })).today).toBe(dayA + 2);
    await c.app.api.updateSettings({ rolloverHour: 0 }); // …and day A + 3 once the day starts at midnight
    expect((await c.app.api.statistics({ deckId: null })).today).toBe(dayA + 3);
  });
});

describe('statistics across time-zone changes', () => {
  async function answerNext(quality: Quality, durationMs: number): Promise<string> {
    const shown = (await c.app.api.nextCard({ deckId: null })).next!;
    await c.app.api.answerCard({ deckId: null, cardId: shown.card.id, quality, version: shown.card.state.version, durationMs });
    return shown.card.id;
  }

  it('puts answers on the study day of the offset in force at each instant (a DST-like jump), rollover 04:00', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', ['a', 'b', 'c', 'e'].map((id) => ({ id, q: `${id}?` }))) } });
    // UTC+1 until 2026-03-29 01:00 UTC, UTC+2 from then (as central Europe).
    const jump = Date.UTC(2026, 2, 29, 1);
    c.clock.utcOffsetMin = (ms: number) => (ms < jump ? 60 : 120);
    c.clock.epochMs = Date.UTC(2026, 2, 29, 0, 30); // 01:30 local (+1): March 28's study day
    await answerNext(4, 1_000);
    c.clock.epochMs = Date.UTC(2026, 2, 29, 1, 59); // 03:59 local (+2): still March 28's
    await answerNext(4, 2_000);
    c.clock.epochMs = Date.UTC(2026, 2, 29, 2, 30); // 04:30 local (+2), though only 03:30 at +1: March 29's
    expect(await answerNext(4, 4_000)).toBe('a'); // a, learnt on the 28th, is due: a review
    const s = await c.app.api.statistics({ deckId: null });
    expect(s.today).toBe(dayOf(2026, 3, 29));
    expect(s.days).toEqual([
      { day: dayOf(2026, 3, 28), newCards: 2, learning: 0, review: 0, ms: 3_000 },
      { day: dayOf(2026, 3, 29), newCards: 0, learning: 0, review: 1, ms: 4_000 },
    ]);
    expect(s.currentStreak).toBe(2);
    // b (learnt on the 28th) is due today; a, reviewed today, in SM-2's second interval of 6 days.
    expect(s.overdue).toBe(0);
    expect(Object.fromEntries(s.dueDays.map((n, i) => [i, n]).filter(([, n]) => n > 0))).toEqual({ 0: 1, 6: 1 });
  });

  it('turns the day at 04:00 in a zone 5 h 45 min ahead, and keeps each answer on its stored day when the zone changes', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', ['a', 'b', 'c'].map((id) => ({ id, q: `${id}?` }))) } });
    c.clock.utcOffsetMin = () => 345; // Nepal
    c.clock.epochMs = Date.UTC(2026, 10, 26, 22, 14); // 03:59 on the 27th local: the 26th's study day
    await answerNext(4, 1_500);
    c.clock.epochMs = Date.UTC(2026, 10, 26, 22, 15); // 04:00 local: the 27th, when a is due: Again, a lapse
    expect(await answerNext(1, 2_500)).toBe('a');
    const before = await c.app.api.statistics({ deckId: null });
    expect(before.today).toBe(dayOf(2026, 11, 27));
    expect(before.days.map((d) => [d.day, d.newCards, d.review, d.ms])).toEqual([[dayOf(2026, 11, 26), 1, 0, 1_500], [dayOf(2026, 11, 27), 0, 1, 2_500]]);
    expect(before.buttons[0].counts).toEqual([{ kind: 'new', quality: 4, count: 1 }, { kind: 'review', quality: 1, count: 1 }]);
    expect(before.retention[0]).toEqual({ days: 7, young: { passed: 0, total: 1 }, mature: { passed: 0, total: 0 } });
    expect(before.cardStates).toEqual({ newCards: 2, learning: 1, young: 0, mature: 0, suspended: 0 });

    // The traveller flies to UTC−10: the same instant is 12:15 on the 26th there, but the answers keep their days.
    c.clock.utcOffsetMin = () => -600;
    const after = await c.app.api.statistics({ deckId: null });
    expect(after.today).toBe(dayOf(2026, 11, 26));
    // Today is the 26th now, so the 27th's answer lies in the future and is left out; the 26th's stays where it was.
    expect(after.days.map((d) => [d.day, d.newCards, d.review])).toEqual([[dayOf(2026, 11, 26), 1, 0]]);
    expect(after.retention[0].young.total).toBe(0);
    expect(after.currentStreak).toBe(1);
  });
});
