// Bad input around editing: a file of thousands of cards (several MB), a symlink loop in a deck folder, binary
// and non-UTF-8 files beside a deck being edited. Each gets a clear message and no scheduling is lost.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

describe('bad input while editing', () => {
  it('a file of 5,000 cards (several MB): one edit changes only that card\'s lines (its time: npm run bench -- edit)', async () => {
    const long = 'x'.repeat(900);
    const cards = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, q: `Question ${i}?`, a: `Answer ${i} ${long}` }));
    c = tempCollection({ user: { 'big.md': deckText('big', cards) } });
    const path = join(c.userDir, 'big.md');
    const before = readFileSync(path, 'utf8');
    expect(before.length).toBeGreaterThan(4_500_000);
    const result = await c.app.api.saveCard({ deckId: 'big', cardId: 'c2500', draft: { frontMd: 'Question 2500, edited?', backMd: 'Short.', proofCode: null, proofLang: null, tags: [] }, baseContentHash: null });
    expect(result.ok).toBe(true);
    const after = readFileSync(path, 'utf8').split('\n');
    const changed = before.split('\n').flatMap((line, i) => (after[i] === line ? [] : [i + 1]));
    expect(changed).toHaveLength(2);
  });

  it('a symlink loop, a binary file and a non-UTF-8 file in the deck folder do not stop edits of the good deck', async () => {
    c = tempCollection({ user: { 'good.md': deckText('good', [{ id: 'g', q: 'G?' }]) } });
    symlinkSync(c.userDir, join(c.userDir, 'loop'));
    writeFileSync(join(c.userDir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(join(c.userDir, 'gbk.md'), Buffer.from('---\nid: gbk\ndeck: \xc4\xe3\xba\xc3\nversion: 1\n---\n', 'latin1'));
    c.app.sync();
    const overview = await c.app.api.overview();
    expect(overview.decks.map((d) => d.id)).toEqual(['good']);
    expect(overview.fileErrors.map((e) => e.file.split('/').pop())).toEqual(expect.arrayContaining(['gbk.md', 'image.md']));
    expect((await c.app.api.saveCard({ deckId: 'good', cardId: 'g', draft: { frontMd: 'G2?', backMd: '', proofCode: null, proofLang: null, tags: [] }, baseContentHash: null })).ok).toBe(true);
    await expect(c.app.api.saveCard({ deckId: 'gbk', cardId: null, draft: { frontMd: 'Q?', backMd: '', proofCode: null, proofLang: null, tags: [] }, baseContentHash: null })).rejects.toThrow(/not loaded .*fix it first/);
  });
});
