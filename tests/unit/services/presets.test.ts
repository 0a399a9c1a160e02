// Deck presets and FSRS through the study service (issue 16 step 2), on real SQLite files and real deck files.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Quality, StudyStep } from '../../../main/contract/api';
import type { PresetFields } from '../../../main/contract/scheduling';
import { createFsrsScheduler, replayStates, sm2CardScheduler } from '../../../main/core/scheduler';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const MIN = 60_000;
const HOUR = 60 * MIN;

const deck = (id: string, n: number) => deckText(id, Array.from({ length: n }, (_, i) => ({ id: `${id}${i + 1}`, q: `${id} question ${i + 1}?` })));
const FSRS_PRESET: PresetFields = { name: 'FSRS decks', newPerDay: 20, reviewsPerDay: 200, scheduler: 'fsrs', desiredRetention: 0.9, fsrsWeights: null };

/** The scheduling columns of every card, straight from the file (what study and undo read and write). */
function stateRows(): Record<string, unknown>[] {
  const db = new Database(join(c.dataDir, 'proofdeck.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT card_id, scheduler, ef_milli, reps, interval_days, due_day, lapses, queue, drill_day, fsrs_stability,
      fsrs_difficulty, fsrs_phase, fsrs_step, due_at, last_review_day FROM card_state ORDER BY card_id`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function logOf(cardId: string): { quality: Quality; reviewedAt: number; day: number; kind: string }[] {
  const db = new Database(join(c.dataDir, 'proofdeck.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT quality, reviewed_at AS reviewedAt, day, kind FROM reviews WHERE card_id = ? ORDER BY id`).all(cardId) as never;
  } finally {
    db.close();
  }
}

async function answer(step: StudyStep, quality: Quality, target: { deckId: string | null; deckIds?: string[] } = { deckId: null }): Promise<StudyStep> {
  const card = step.next!;
  return c.app.api.answerCard({ ...target, cardId: card.card.id, quality, version: card.card.state.version, durationMs: 2000 });
}

async function fsrsDeck(id = 'f', n = 3) {
  c = tempCollection({ builtIn: { [`${id}.md`]: deck(id, n) } });
  const preset = await c.app.api.createPreset(FSRS_PRESET);
  await c.app.api.assignPreset({ deckId: id, presetId: preset.id });
  return preset;
}

describe('FSRS through the study service', () => {
  it('shows FSRS outcomes in minutes for steps, queues a learning card by its due instant, and counts it as learning', async () => {
    await fsrsDeck('f', 2);
    const first = await c.app.api.nextCard({ deckId: 'f' });
    expect(first.next?.kind).toBe('new');
    // Default steps 1 and 10 minutes: Again → 1 min, Hard → between, Good → 10 min, Easy → days.
    expect(first.next?.outcomes.map((o) => [o.quality, o.dueInMinutes])).toEqual([[1, 1], [3, 6], [4, 10], [5, null]]);
    expect(first.next!.outcomes[3].intervalDays).toBeGreaterThan(0);
    const afterGood = await answer(first, 4, { deckId: 'f' });
    expect(afterGood.next?.card.id).toBe('f2');
    // f1 is due in 10 minutes, within the 20-minute learn-ahead limit: counted as learning already.
    expect(afterGood.counts).toEqual({ new: 1, learning: 1, review: 0 });
    const afterSecond = await answer(afterGood, 4, { deckId: 'f' });
    // Nothing else is left, so the session shows the step due first, ahead of time.
    expect(afterSecond.next?.card.id).toBe('f1');
    expect(afterSecond.next?.kind).toBe('learning');
    expect(afterSecond.counts.learning).toBe(2);
    expect(logOf('f1').map((r) => r.kind)).toEqual(['new']);
    c.clock.advanceMs(10 * MIN);
    const due = await c.app.api.nextCard({ deckId: 'f' });
    expect(due.next?.card.id).toBe('f1');
    await answer(due, 4, { deckId: 'f' });
    expect(logOf('f1').map((r) => r.kind)).toEqual(['new', 'learning']);
    const f1 = stateRows().find((r) => r.card_id === 'f1')!;
    expect(f1).toMatchObject({ scheduler: 'fsrs', fsrs_phase: 'review', due_at: null, drill_day: null });
  });

  it('a step that crosses the rollover stays a learning card, due at its instant on the next study day', async () => {
    await fsrsDeck('f', 1);
    // 03:55 is still yesterday's study day (rollover 04:00); a 10-minute step is due at 04:05, the next study day.
    c.clock.epochMs = Date.UTC(2026, 10, 27, 3, 55);
    const shown = await c.app.api.nextCard({ deckId: 'f' });
    await answer(shown, 4, { deckId: 'f' });
    const row = stateRows()[0];
    expect(row).toMatchObject({ fsrs_phase: 'learning', due_at: Date.UTC(2026, 10, 27, 4, 5), due_day: null, last_review_day: logOf('f1')[0].day });
    c.clock.epochMs = Date.UTC(2026, 10, 27, 4, 6);
    const next = await c.app.api.nextCard({ deckId: 'f' });
    expect(next.next?.kind).toBe('learning');
    expect(next.counts).toEqual({ new: 0, learning: 1, review: 0 });
    const graduated = await answer(next, 4, { deckId: 'f' });
    expect(graduated.next).toBeNull();
    // Graduated on the study day after the first answer: FSRS saw one elapsed day.
    expect(logOf('f1').map((r) => r.day)).toEqual([logOf('f1')[0].day, logOf('f1')[0].day + 1]);
  });

  it('replaying the log gives the states answering gave, step by step, over minutes, days and lapses', async () => {
    await fsrsDeck('f', 1);
    const grades: [Quality, number][] = [[4, 0], [1, 10 * MIN], [3, 2 * MIN], [4, 8 * MIN], [4, 3 * 24 * HOUR], [1, 9 * 24 * HOUR], [4, 11 * MIN], [5, 5 * 24 * HOUR]];
    const states: Record<string, unknown>[] = [];
    for (const [quality, wait] of grades) {
      c.clock.advanceMs(wait);
      const step = await c.app.api.nextCard({ deckId: 'f' });
      expect(step.next?.card.id).toBe('f1');
      await answer(step, quality, { deckId: 'f' });
      states.push(stateRows()[0]);
    }
    const replayed = replayStates(createFsrsScheduler(), logOf('f1'));
    expect(replayed.map((s) => s.algorithm === 'fsrs' && [s.phase, s.stability, s.difficulty, s.step, s.reps, s.lapses, s.dueDay, s.dueAt]))
      .toEqual(states.map((r) => [r.fsrs_phase, r.fsrs_stability, r.fsrs_difficulty, r.fsrs_step, r.reps, r.lapses, r.due_day, r.due_at]));
    expect(logOf('f1').map((r) => r.kind)).toEqual(['new', 'learning', 'learning', 'learning', 'learning', 'review', 'learning', 'review']);
  });

  it('undo of an FSRS answer restores the exact previous state, learning step and due instant included', async () => {
    await fsrsDeck('f', 1);
    await answer(await c.app.api.nextCard({ deckId: 'f' }), 4, { deckId: 'f' });
    c.clock.advanceMs(10 * MIN);
    const before = stateRows()[0];
    expect(before.fsrs_phase).toBe('learning');
    const after = await answer(await c.app.api.nextCard({ deckId: 'f' }), 1, { deckId: 'f' });
    expect(stateRows()[0]).not.toEqual(before);
    const undone = await c.app.api.undoAnswer({ deckId: 'f' });
    expect(undone.undoneCardId).toBe('f1');
    expect(after.undoDepth).toBe(2);
    expect(stateRows()[0]).toEqual(before);
    // And the first answer: back to the new FSRS card the preset's assignment derived, as it was before any answer.
    await c.app.api.undoAnswer({ deckId: 'f' });
    expect(stateRows()[0]).toMatchObject({ scheduler: 'fsrs', queue: 'new', fsrs_phase: 'new', due_at: null, reps: 0 });
  });
});

describe('statistics of FSRS answers', () => {
  it('counts FSRS step answers as learning, per day and per button, never as reviews', async () => {
    await fsrsDeck('f', 1);
    await answer(await c.app.api.nextCard({ deckId: 'f' }), 4, { deckId: 'f' }); // new → step
    c.clock.advanceMs(10 * MIN);
    await answer(await c.app.api.nextCard({ deckId: 'f' }), 1, { deckId: 'f' }); // a step: Again
    expect((await c.app.api.statistics({ deckId: 'f' })).cardStates).toEqual({ newCards: 0, learning: 1, young: 0, mature: 0, suspended: 0 });
    expect((await c.app.api.statistics({ deckId: null })).cardStates.learning).toBe(1);
    c.clock.advanceMs(MIN);
    await answer(await c.app.api.nextCard({ deckId: 'f' }), 4, { deckId: 'f' }); // a step: Good
    expect(logOf('f1').map((r) => r.kind)).toEqual(['new', 'learning', 'learning']);
    const stats = await c.app.api.statistics({ deckId: 'f' });
    expect(stats.days.map(({ newCards, learning, review }) => ({ newCards, learning, review }))).toEqual([{ newCards: 1, learning: 2, review: 0 }]);
    expect(stats.buttons[0].counts).toEqual([
      { kind: 'new', quality: 4, count: 1 },
      { kind: 'learning', quality: 1, count: 1 },
      { kind: 'learning', quality: 4, count: 1 },
    ]);
  });
});

describe('presets', () => {
  it('applies each preset\'s daily limits: one deck, all decks, and a parent session over decks with different presets', async () => {
    c = tempCollection({ builtIn: { 'a.md': deck('a', 5), 'b.md': deck('b', 5) } });
    await c.app.api.updateSettings({ newPerDay: 3 });
    const few = await c.app.api.createPreset({ ...FSRS_PRESET, name: 'Few', scheduler: 'sm2', newPerDay: 1 });
    await c.app.api.assignPreset({ deckId: 'a', presetId: few.id });
    expect((await c.app.api.nextCard({ deckId: 'a' })).counts.new).toBe(1);
    expect((await c.app.api.nextCard({ deckId: 'b' })).counts.new).toBe(3);
    expect((await c.app.api.nextCard({ deckId: null })).counts.new).toBe(4);
    const parent = { deckId: null, deckIds: ['a', 'b'] };
    let step = await c.app.api.nextCard(parent);
    expect(step.counts.new).toBe(4);
    const seen: string[] = [];
    while (step.next) {
      seen.push(step.next.card.id);
      step = await answer(step, 4, parent);
    }
    expect(seen).toEqual(['a1', 'b1', 'b2', 'b3']);
    const overview = await c.app.api.overview();
    expect(overview.decks.map((d) => [d.id, d.due.new])).toEqual([['a', 0], ['b', 0]]);
    // The settings' limits are the default preset's.
    expect((await c.app.api.listPresets()).presets[0]).toMatchObject({ id: 1, name: 'Default', newPerDay: 3 });
  });

  it('switching a preset between SM-2 and FSRS replays each card\'s log; back and forth gives the same states', async () => {
    c = tempCollection({ builtIn: { 'd.md': deck('d', 3) } });
    const plan: Quality[][] = [[4, 1, 5], [4, 4], [3, 4], [5]];
    for (const day of plan) {
      for (const quality of day) {
        const step = await c.app.api.nextCard({ deckId: 'd' });
        if (!step.next) break;
        await answer(step, quality, { deckId: 'd' });
      }
      c.clock.advanceDays(2);
    }
    const sm2 = stateRows();
    expect(sm2.every((r) => r.scheduler === 'sm2')).toBe(true);
    const defaults = (await c.app.api.listPresets()).presets[0];
    await c.app.api.updatePreset({ ...defaults, scheduler: 'fsrs' });
    const fsrs = stateRows();
    expect(fsrs.every((r) => r.scheduler === 'fsrs')).toBe(true);
    for (const row of fsrs) {
      const expected = replayStates(createFsrsScheduler(), logOf(row.card_id as string)).at(-1);
      if (expected?.algorithm === 'fsrs') expect([row.fsrs_stability, row.fsrs_phase, row.due_day]).toEqual([expected.stability, expected.phase, expected.dueDay]);
    }
    await c.app.api.updatePreset({ ...defaults, scheduler: 'sm2' });
    expect(stateRows()).toEqual(sm2);
    await c.app.api.updatePreset({ ...defaults, scheduler: 'fsrs' });
    expect(stateRows()).toEqual(fsrs);
    // SM-2's replay is SM-2's answers: the log alone gives back the states answering gave.
    const replayedSm2 = replayStates(sm2CardScheduler, logOf('d1')).at(-1)!;
    expect(replayedSm2.algorithm === 'sm2' && replayedSm2.dueDay).toBe(sm2[0].due_day);
  });

  it('moving a deck to an FSRS preset re-derives its cards, and deleting the preset gives them back to SM-2', async () => {
    c = tempCollection({ builtIn: { 'd.md': deck('d', 2) } });
    await answer(await c.app.api.nextCard({ deckId: 'd' }), 5, { deckId: 'd' });
    const sm2 = stateRows();
    const preset = await fsrsPresetFor('d');
    expect(stateRows()[0]).toMatchObject({ scheduler: 'fsrs', fsrs_phase: 'review' });
    await c.app.api.deletePreset({ id: preset.id });
    expect(stateRows().map(({ card_id, scheduler, due_day, ef_milli }) => ({ card_id, scheduler, due_day, ef_milli })))
      .toEqual(sm2.map(({ card_id, scheduler, due_day, ef_milli }) => ({ card_id, scheduler, due_day, ef_milli })));
    await expect(c.app.api.deletePreset({ id: 1 })).rejects.toMatchObject({ problem: { code: 'preset.defaultKept' } });
    await expect(c.app.api.createPreset({ ...FSRS_PRESET, name: ' Default ' })).rejects.toMatchObject({ problem: { code: 'preset.nameTaken' } });
  });
});

async function fsrsPresetFor(deckId: string) {
  const preset = await c.app.api.createPreset(FSRS_PRESET);
  await c.app.api.assignPreset({ deckId, presetId: preset.id });
  return preset;
}
