// The edit history is kept in the database: undo works after a restart, stores only what an edit changed, and
// never overwrites a file that changed after the edit.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStep, reverseStep } from '../../../main/services/undoLog';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const draft = (frontMd: string) => ({ frontMd, backMd: 'Answer.', proofCode: null, proofLang: null, tags: [] });
const payloadSizes = () => {
  const db = new Database(join(c.dataDir, 'proofdeck.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT label, length(payload) AS bytes FROM edit_undo ORDER BY id`).all() as { label: string; bytes: number }[];
  } finally {
    db.close();
  }
};

describe('edit history', () => {
  it('undoes a card deletion and a suspension after a restart, newest first', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }]) } });
    const path = join(c.userDir, 'd.md');
    const before = readFileSync(path, 'utf8');
    await c.app.api.deleteCards({ cardIds: ['a'] });
    await c.app.api.bulkEdit({ cardIds: ['b'], action: { kind: 'suspend' } });
    c.reopen();
    expect(await c.app.api.nextEditUndo()).toEqual({ label: 'suspend' });
    await c.app.api.undoEdit();
    expect((await c.app.api.getCard({ cardId: 'b' })).card.state.queue).toBe('new');
    expect(await c.app.api.undoEdit()).toMatchObject({ message: { code: 'done.undone', params: { label: 'delete cards' } }, undoLabel: null });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect((await c.app.api.overview()).decks[0].cardCount).toBe(2);
  });

  it('stores only the changed lines of a big file, and keeps the last 50 steps', async () => {
    const cards = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, q: `Question ${i}?`, a: `Answer ${i} ${'x'.repeat(400)}` }));
    c = tempCollection({ user: { 'big.md': deckText('big', cards) } });
    const path = join(c.userDir, 'big.md');
    const before = readFileSync(path, 'utf8');
    for (let i = 0; i < 55; i++) await c.app.api.saveCard({ deckId: 'big', cardId: `c${i}`, draft: draft(`Edited ${i}?`), baseContentHash: null });
    const sizes = payloadSizes();
    expect(sizes).toHaveLength(50);
    expect(Math.max(...sizes.map((s) => s.bytes))).toBeLessThan(2000); // the file is ~900 kB
    c.reopen();
    for (let i = 0; i < 50; i++) await c.app.api.undoEdit();
    expect(await c.app.api.nextEditUndo()).toEqual({ label: null });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('## Edited 4? {#c4}'); // the 5 oldest edits fell off the history
    expect(text).toContain('## Question 5? {#c5}');
    expect(text.length).toBeLessThan(before.length);
  });

  it('refuses to undo over a file changed after the edit, and changes nothing', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    await c.app.api.saveCard({ deckId: 'd', cardId: 'a', draft: draft('A, edited?'), baseContentHash: null });
    const path = join(c.userDir, 'd.md');
    const outside = readFileSync(path, 'utf8').replace('A, edited?', 'A, edited in vim?');
    writeFileSync(path, outside);
    c.reopen();
    await expect(c.app.api.undoEdit()).rejects.toThrow(/Cannot undo edit card: .*d\.md was changed after that edit/);
    expect(readFileSync(path, 'utf8')).toBe(outside);
  });

  it('a file step gives back the text exactly, whatever changed (CJK, emoji, line endings)', () => {
    const found = { path: '/x.md', folder: { path: '/', builtIn: false } };
    // Long ones too, changed around the 4,096-character blocks it compares first, an emoji straddling a block edge.
    const long = 'x'.repeat(4095) + '😀' + 'y'.repeat(9000);
    const texts = ['', 'a', '动量😀\r\n', '😀😀', '😀a😀', 'ab😀cd', '## 问题 {#q}\n\n答案\n',
      long, long.replace('😀', '😁'), `${long.slice(0, 4096)}!${long.slice(4096)}`, long.slice(0, -4097), `🙂${long}`, `${long}🙂`];
    for (const before of [...texts, null]) {
      for (const after of [...texts, null]) {
        const step = JSON.parse(JSON.stringify(fileStep({ found, before, after })));
        const undo = reverseStep(step, after);
        expect(undo).toEqual({ found, before: after, after: before });
        if (after !== null) expect(reverseStep(step, `${after}!`)).toBeNull();
      }
    }
  });
});
