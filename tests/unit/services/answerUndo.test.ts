// Answer undo belongs to the session that answered: its scope (one deck, or all decks) and its study day. It is
// kept in the database, so Ctrl+Z after a restart takes back the same session's answer, and nothing the next day.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Quality } from '../../../main/contract/api';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const decks = {
  'a.md': deckText('a', [{ id: 'a1', q: 'A1?' }, { id: 'a2', q: 'A2?' }]),
  'b.md': deckText('b', [{ id: 'b1', q: 'B1?' }, { id: 'b2', q: 'B2?' }]),
};

async function answer(deckId: string | null, quality: Quality = 4) {
  const shown = (await c.app.api.nextCard({ deckId })).next!;
  const after = await c.app.api.answerCard({ deckId, cardId: shown.card.id, quality, version: shown.card.state.version, durationMs: 1 });
  return { cardId: shown.card.id, after };
}

function reviewedCards(): string[] {
  const db = new Database(join(c.dataDir, 'proofdeck.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT card_id FROM reviews ORDER BY id').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

describe('answer undo per session', () => {
  it('undo in a deck-B session never touches the deck-A session\'s answers', async () => {
    c = tempCollection({ builtIn: decks });
    const a = await answer('a');
    expect(a.after.undoDepth).toBe(1);
    const bStart = await c.app.api.nextCard({ deckId: 'b' });
    expect(bStart.undoDepth).toBe(0); // Nothing of B's to undo: the button is off.
    const nothing = await c.app.api.undoAnswer({ deckId: 'b' });
    expect(nothing.undoneCardId).toBeNull();
    expect(nothing.next?.card.id).toBe('b1'); // B's card stays on screen.
    expect(reviewedCards()).toEqual([a.cardId]);

    const b = await answer('b');
    const undoneB = await c.app.api.undoAnswer({ deckId: 'b' });
    expect(undoneB.undoneCardId).toBe(b.cardId);
    expect(undoneB.undoDepth).toBe(0);
    expect(reviewedCards()).toEqual([a.cardId]);
    const undoneA = await c.app.api.undoAnswer({ deckId: 'a' });
    expect(undoneA.undoneCardId).toBe(a.cardId);
    expect(reviewedCards()).toEqual([]);
  });

  it('all decks and one deck are separate scopes, each undone newest first', async () => {
    c = tempCollection({ builtIn: decks });
    const all1 = await answer(null);
    const inA = await answer('a');
    const all2 = await answer(null);
    expect(all2.after.undoDepth).toBe(2);
    expect((await c.app.api.nextCard({ deckId: 'a' })).undoDepth).toBe(1);
    expect((await c.app.api.undoAnswer({ deckId: null })).undoneCardId).toBe(all2.cardId);
    expect((await c.app.api.undoAnswer({ deckId: null })).undoneCardId).toBe(all1.cardId);
    const none = await c.app.api.undoAnswer({ deckId: null });
    expect([none.undoneCardId, none.undoDepth]).toEqual([null, 0]);
    expect(reviewedCards()).toEqual([inA.cardId]);
  });

  it('survives a restart for the same scope and day; does nothing the next day', async () => {
    c = tempCollection({ builtIn: decks });
    const first = await answer('a', 1);
    const second = await answer('a');
    c.reopen();
    expect((await c.app.api.nextCard({ deckId: 'a' })).undoDepth).toBe(2);
    expect((await c.app.api.nextCard({ deckId: null })).undoDepth).toBe(0);
    const undone = await c.app.api.undoAnswer({ deckId: 'a' });
    expect(undone.undoneCardId).toBe(second.cardId);
    expect(undone.next?.card.id).toBe(second.cardId);
    expect(reviewedCards()).toEqual([first.cardId]);

    c.clock.advanceDays(1);
    c.reopen();
    const nextDay = await c.app.api.nextCard({ deckId: 'a' });
    expect(nextDay.undoDepth).toBe(0);
    const refused = await c.app.api.undoAnswer({ deckId: 'a' });
    expect(refused.undoneCardId).toBeNull();
    expect(reviewedCards()).toEqual([first.cardId]); // Yesterday's answer stays answered.
  });

  it('a day\'s answer clears the past days\' undo entries', async () => {
    c = tempCollection({ builtIn: decks });
    await answer('a');
    await answer('b');
    c.clock.advanceDays(1);
    await answer(null);
    const db = new Database(join(c.dataDir, 'proofdeck.sqlite'), { readonly: true });
    const days = db.prepare('SELECT DISTINCT day FROM answer_undo').pluck().all();
    db.close();
    expect(days).toEqual([(await c.app.api.overview()).today]);
  });
});

describe('answer undo is bounded', () => {
  it('a session keeps its last 500 answers to take back', async () => {
    const many = deckText('m', Array.from({ length: 502 }, (_, i) => ({ id: `m${i}`, q: `Q${i}?` })));
    c = tempCollection({ builtIn: { 'm.md': many } });
    await c.app.api.updateSettings({ newPerDay: 9999 });
    let depth = 0;
    for (let i = 0; i < 502; i++) depth = (await answer('m')).after.undoDepth;
    expect(depth).toBe(500);
  });
});
