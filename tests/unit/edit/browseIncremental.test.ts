// The browse index is patched from the cards the database noted as changed instead of read again; after every kind
// of change (answers, edits, tags, moves, deletions, proof runs, files changed outside, deck renames, undo) it must
// list exactly what an index read from scratch lists, for every sort and a spread of queries.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowseSort } from '../../../main/contract/api';
import { createBrowseService } from '../../../main/services/browseService';
import { studyDay } from '../../../main/services/clock';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const SORTS: BrowseSort[] = ['deck', 'question', 'due', 'created', 'updated'];
const QUERIES = ['', '动量', 'answer', '-answer', 'tag:x', '-tag:x 动量', 'is:new', 'is:review', 'is:learning', 'is:suspended', 'is:due', 'due:3', 'proof:pass', 'proof:fail', 'proof:none', 'deck:b', 'edited'];

function cards(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, q: `${prefix} question ${i} ${i % 3 === 0 ? '动量' : 'grad'}`, tags: i % 2 ? ['x'] : ['y'] }));
}

async function expectSameAsFresh(step: string): Promise<void> {
  const db = new Database(join(c.dataDir, 'proofdeck.sqlite'));
  try {
    const fresh = createBrowseService(() => db, () => studyDay(c.clock, 4));
    for (const sort of SORTS) {
      for (const query of QUERIES) {
        for (const descending of [false, true]) {
          const arg = { query, sort, descending };
          const patched = await c.app.api.browseCards({ ...arg, offset: 0, limit: 1000 });
          const read = fresh.page({ ...arg, offset: 0, limit: 1000 });
          expect({ step, ...arg, rows: patched.rows, total: patched.total }).toEqual({ step, ...arg, rows: read.rows, total: read.total });
        }
      }
    }
  } finally {
    db.close();
  }
}

describe('browse index patched after changes', () => {
  it('lists what a fresh read lists, after each kind of change', { timeout: 60_000 }, async () => {
    c = tempCollection({ user: { 'a.md': deckText('a', cards('a', 12), 'Alpha'), 'b.md': deckText('b', cards('b', 8), 'Beta') } });
    const api = c.app.api;
    await expectSameAsFresh('first read');

    for (let i = 0; i < 6; i++) {
      const step = await api.nextCard({ deckId: 'a' });
      const next = step.next!;
      await api.answerCard({ deckId: 'a', cardId: next.card.id, quality: i % 2 ? 1 : 4, version: next.card.state.version, durationMs: 1000 });
    }
    await expectSameAsFresh('answers (review and learning states)');

    const { card } = await api.getCard({ cardId: 'a3' });
    await api.saveCard({ deckId: 'a', cardId: 'a3', draft: { frontMd: 'Edited question (a3)', backMd: 'A new answer', proofCode: null, proofLang: null, tags: ['x', 'new'] }, baseContentHash: card.contentHash });
    await expectSameAsFresh('one card edited: text, question sort, tags');

    await api.saveCard({ deckId: 'b', cardId: null, draft: { frontMd: 'Added 动量 card', backMd: 'answer', proofCode: null, proofLang: null, tags: ['x'] }, baseContentHash: null });
    await expectSameAsFresh('card added');

    await api.bulkEdit({ cardIds: ['a1', 'b2'], action: { kind: 'delete' } });
    await expectSameAsFresh('cards deleted (later cards move up)');

    await api.bulkEdit({ cardIds: ['a4', 'a5'], action: { kind: 'move', toDeckId: 'b' } });
    await api.bulkEdit({ cardIds: ['b3', 'b4'], action: { kind: 'addTag', tag: 'x' } });
    await api.bulkEdit({ cardIds: ['a6'], action: { kind: 'suspend' } });
    await expectSameAsFresh('moved, tagged, suspended');

    const b5 = (await api.getCard({ cardId: 'b5' })).card;
    const result = { ok: true, backend: 'cpu', device: 'cpu', checks: [], ms: 1, leakedTensors: 0, error: null, logs: [], logsTruncated: false, tables: [], plots: [] };
    await api.recordProofRun({ cardId: 'b5', contentHash: b5.contentHash, result: result as never });
    await api.recordProofRun({ cardId: 'a0', contentHash: (await api.getCard({ cardId: 'a0' })).card.contentHash, result: { ...result, ok: false, error: 'x' } as never });
    await expectSameAsFresh('proof runs');
    // The same backend again (an upsert that updates the row): the card's status follows.
    await api.recordProofRun({ cardId: 'b5', contentHash: b5.contentHash, result: { ...result, ok: false, error: 'x' } as never });
    await expectSameAsFresh('proof run replaced');

    await api.undoEdit();
    await api.undoEdit();
    await expectSameAsFresh('undo');

    writeFileSync(join(c.userDir, 'b.md'), deckText('b', [...cards('b', 3), { id: 'b9', q: 'Written outside 动量' }], 'Beta'));
    c.app.sync();
    await expectSameAsFresh('file changed outside and synced');

    // Everything so far was patched in: one full read, when browse first opened.
    expect(c.app.browseStats()).toEqual({ fullReads: 1, patches: 9 });

    await api.renameDeck({ deckId: 'a', name: 'Aleph' });
    await expectSameAsFresh('deck renamed');

    expect(c.app.browseStats().fullReads).toBe(2); // a renamed deck changes every card of it: read again

    await api.deleteDeck({ deckId: 'b' });
    await expectSameAsFresh('deck deleted');
    await api.undoEdit();
    await expectSameAsFresh('deck deletion undone');
    // Deleted and restored without browsing between: the deck-wide change is noted twice (once by an upsert).
    await api.deleteDeck({ deckId: 'b' });
    await api.undoEdit();
    await expectSameAsFresh('deck deleted and restored');

    c.clock.advanceDays(3);
    await expectSameAsFresh('days passed (due and learning states)');
  });
});
