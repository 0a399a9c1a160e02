import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

/** A deck file in a subfolder of the user's deck folder. */
function writeNested(folder: string, file: string, text: string) {
  mkdirSync(join(c.userDir, folder), { recursive: true });
  writeFileSync(join(c.userDir, folder, file), text);
}

describe('deck tree in the overview', () => {
  it('gives each deck its tree path and lists decks in natural tree order, built-in decks first', async () => {
    c = tempCollection({
      builtIn: { 'zeta.md': deckText('zeta', [{ id: 'z1', q: 'Z?' }], 'Zeta') },
      user: { 'solo.md': deckText('solo', [{ id: 's1', q: 'S?' }], '百面::第四章 采样') },
    });
    writeNested('book', 'b10.md', deckText('b10', [{ id: 'b10-1', q: 'Ten?' }], '第十章 RNN'));
    writeNested('book', 'b2.md', deckText('b2', [{ id: 'b2-1', q: 'Two?' }], '第二章 CNN'));
    writeNested('book/part 2', 'ch10.md', deckText('p10', [{ id: 'p10-1', q: 'P10?' }], 'ch10'));
    writeNested('book/part 2', 'ch2.md', deckText('p2', [{ id: 'p2-1', q: 'P2?' }], 'ch2'));
    c.reopen();
    const { decks } = await c.app.api.overview();
    expect(decks.map((deck) => deck.path)).toEqual([
      ['Zeta'],
      // Text collates as Chinese (Latin and Chinese interleaved by pinyin: 百面 bǎi… before book, 第 dì before part).
      ['百面', '第四章 采样'],
      ['book', '第二章 CNN'],
      ['book', '第十章 RNN'],
      ['book', 'part 2', 'ch2'],
      ['book', 'part 2', 'ch10'],
    ]);
  });

  it('keeps built-in decks in the order of their numbered files, whatever their names sort to', async () => {
    c = tempCollection({
      builtIn: {
        '1-transformer.md': deckText('t', [{ id: 't1', q: 'T?' }], 'Transformer 与 BERT'),
        '2-optimizers.md': deckText('o', [{ id: 'o1', q: 'O?' }], '优化器 (Optimizers)'),
        '4-word-vectors.md': deckText('w', [{ id: 'w1', q: 'W?' }], '词向量 (Word vectors)'),
      },
    });
    const { decks } = await c.app.api.overview();
    expect(decks.map((deck) => deck.id)).toEqual(['t', 'o', 'w']);
  });
});

describe('studying several decks as one session (a parent row)', () => {
  const twoDecks = () => {
    c = tempCollection({
      user: {
        'a.md': deckText('a', [{ id: 'a1', q: 'A1?' }, { id: 'a2', q: 'A2?' }], 'P::a'),
        'b.md': deckText('b', [{ id: 'b1', q: 'B1?' }], 'P::b'),
        'c.md': deckText('c', [{ id: 'c1', q: 'C1?' }], 'Other'),
      },
    });
  };

  it('shows the cards of every deck named, in the order given, and none of the others', async () => {
    twoDecks();
    const scope = { deckId: null, deckIds: ['b', 'a'] };
    const seen: string[] = [];
    let step = await c.app.api.nextCard(scope);
    expect(step.counts).toEqual({ new: 3, learning: 0, review: 0 });
    while (step.next) {
      seen.push(step.next.card.id);
      step = await c.app.api.answerCard({ ...scope, cardId: step.next.card.id, quality: 5, version: step.next.card.state.version, durationMs: 10 });
    }
    expect(seen).toEqual(['b1', 'a1', 'a2']);
    expect((await c.app.api.nextCard({ deckId: 'c' })).counts.new).toBe(1);
  });

  it('keeps today\'s new-card limit across the decks of the session', async () => {
    twoDecks();
    await c.app.api.updateSettings({ newPerDay: 2 });
    const scope = { deckId: null, deckIds: ['b', 'a'] };
    const seen: string[] = [];
    let step = await c.app.api.nextCard(scope);
    expect(step.counts.new).toBe(2);
    while (step.next) {
      seen.push(step.next.card.id);
      step = await c.app.api.answerCard({ ...scope, cardId: step.next.card.id, quality: 5, version: step.next.card.state.version, durationMs: 10 });
    }
    expect(seen).toEqual(['b1', 'a1']);
  });

  it('undoes its own answers only, whatever the order the decks were named in', async () => {
    twoDecks();
    const first = await c.app.api.nextCard({ deckId: null, deckIds: ['a', 'b'] });
    const card = first.next!.card;
    const after = await c.app.api.answerCard({ deckId: null, deckIds: ['a', 'b'], cardId: card.id, quality: 4, version: card.state.version, durationMs: 10 });
    expect(after.undoDepth).toBe(1);
    expect((await c.app.api.nextCard({ deckId: 'a' })).undoDepth).toBe(0);
    expect((await c.app.api.nextCard({ deckId: null })).undoDepth).toBe(0);
    const undone = await c.app.api.undoAnswer({ deckId: null, deckIds: ['b', 'a'] });
    expect(undone.undoneCardId).toBe(card.id);
  });
});
