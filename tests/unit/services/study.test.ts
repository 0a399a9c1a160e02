import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const threeCards = deckText('d', [
  { id: 'c1', q: 'One?' },
  { id: 'c2', q: 'Two?' },
  { id: 'c3', q: 'Three?' },
]);

async function answerNext(quality: 0 | 1 | 2 | 3 | 4 | 5, deckId: string | null = null) {
  const step = await c.app.api.nextCard({ deckId });
  const card = step.next!;
  return { card, after: await c.app.api.answerCard({ deckId, cardId: card.card.id, quality, version: card.card.state.version, durationMs: 1000 }) };
}

describe('review session', () => {
  it('shows new cards in deck order with every button\'s outcome', async () => {
    c = tempCollection({ builtIn: { 'd.md': threeCards } });
    const step = await c.app.api.nextCard({ deckId: 'd' });
    expect(step.next?.card.id).toBe('c1');
    expect(step.next?.kind).toBe('new');
    expect(step.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect(step.next?.outcomes.map((o) => [o.quality, o.intervalDays, o.drillsToday])).toEqual([
      [1, 1, true], [3, 1, true], [4, 1, false], [5, 1, false],
    ]);
  });

  it('drills a card graded below 4 after the other cards, until it scores ≥ 4, without changing EF or interval', async () => {
    c = tempCollection({ builtIn: { 'd.md': threeCards } });
    const first = await answerNext(1);
    expect(first.card.card.id).toBe('c1');
    expect(first.after.counts).toEqual({ new: 2, learning: 1, review: 0 });
    await answerNext(4); // c2
    await answerNext(4); // c3
    const drill = await c.app.api.nextCard({ deckId: null });
    expect(drill.next?.card.id).toBe('c1');
    expect(drill.next?.kind).toBe('drill');
    const stateBefore = drill.next!.card.state;
    const again = await answerNext(3);
    expect(again.after.next?.card.id).toBe('c1');
    expect(again.after.next?.card.state).toMatchObject({ efMilli: stateBefore.efMilli, intervalDays: stateBefore.intervalDays, dueDay: stateBefore.dueDay });
    const done = await answerNext(4);
    expect(done.after.next).toBeNull();
    expect(done.after.counts).toEqual({ new: 0, learning: 0, review: 0 });
  });

  it('a drill survives a restart on the same day and ends at the rollover', async () => {
    c = tempCollection({ builtIn: { 'd.md': threeCards } });
    await answerNext(1);
    c.reopen();
    expect((await c.app.api.nextCard({ deckId: null })).counts.learning).toBe(1);
    // 16 hours later is past 04:00 of the next day (the clock starts at 12:00 UTC, offset 0).
    c.clock.advanceMs(16 * 3_600_000 + 1);
    const nextDay = await c.app.api.nextCard({ deckId: null });
    expect(nextDay.counts.learning).toBe(0);
    expect(nextDay.counts.review).toBe(1); // interval 1: due today
  });

  it('respects the daily new-card limit, and drill answers do not count toward the review limit', async () => {
    const many = deckText('m', Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, q: `Q${i}?` })));
    c = tempCollection({ builtIn: { 'm.md': many } });
    await c.app.api.updateSettings({ newPerDay: 5 });
    expect((await c.app.api.nextCard({ deckId: null })).counts.new).toBe(5);
    for (let i = 0; i < 5; i++) await answerNext(4);
    const after = await c.app.api.nextCard({ deckId: null });
    expect(after.next).toBeNull();
    expect(after.counts.new).toBe(0);
    c.clock.advanceDays(1);
    const tomorrow = await c.app.api.nextCard({ deckId: null });
    expect(tomorrow.counts).toEqual({ new: 5, learning: 0, review: 5 });
  });

  it('refuses a stale answer (the card changed since it was shown) and records nothing', async () => {
    c = tempCollection({ builtIn: { 'd.md': threeCards } });
    const shown = (await c.app.api.nextCard({ deckId: null })).next!;
    await c.app.api.answerCard({ deckId: null, cardId: shown.card.id, quality: 4, version: shown.card.state.version, durationMs: 5 });
    await expect(
      c.app.api.answerCard({ deckId: null, cardId: shown.card.id, quality: 1, version: shown.card.state.version, durationMs: 5 }),
    ).rejects.toThrow(/modified since it was shown/);
    expect((await c.app.api.sessionSummary({ since: 0 })).answered).toBe(1);
  });

  it('undo restores the previous state and removes the review', async () => {
    c = tempCollection({ builtIn: { 'd.md': threeCards } });
    const { card } = await answerNext(5);
    const undone = await c.app.api.undoAnswer({ deckId: null });
    expect(undone.undoneCardId).toBe(card.card.id);
    expect(undone.next?.card.id).toBe(card.card.id);
    expect(undone.next?.card.state).toMatchObject({ reps: 0, efMilli: 2500, queue: 'new', dueDay: null });
    expect(undone.next!.card.state.version).toBeGreaterThan(card.card.state.version);
    expect((await c.app.api.sessionSummary({ since: 0 })).answered).toBe(0);
    expect(undone.undoDepth).toBe(0);
  });

  it('answers persist across a restart', async () => {
    c = tempCollection({ builtIn: { 'd.md': threeCards } });
    await answerNext(4);
    await answerNext(5);
    c.reopen();
    const step = await c.app.api.nextCard({ deckId: null });
    expect(step.counts.new).toBe(1);
    expect((await c.app.api.sessionSummary({ since: 0 })).byQuality).toEqual({ '4': 1, '5': 1 });
  });

  it('six-grade mode previews every grade 0–5', async () => {
    c = tempCollection({ builtIn: { 'd.md': threeCards } });
    await c.app.api.updateSettings({ sixGrades: true });
    const step = await c.app.api.nextCard({ deckId: null });
    expect(step.next?.outcomes.map((o) => o.quality)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
