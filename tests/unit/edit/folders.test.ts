// Extra deck folders: added by path, loaded at once, kept across restarts, refused when they overlap or are not
// folders; a folder deleted while open hides its decks and keeps their scheduling.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';
import { formatMessage } from '../../../main/contract/messages';

let c: TempCollection;
afterEach(() => c?.dispose());

describe('deck folders', () => {
  it('an added folder loads, survives a restart, and can be edited; a deleted one hides its decks but keeps history', async () => {
    c = tempCollection();
    const repo = join(c.root, 'my-git-repo');
    mkdirSync(repo);
    writeFileSync(join(repo, 'ml.md'), deckText('ml', [{ id: 'ml1', q: 'Bias–variance?' }]));
    const folders = await c.app.api.addDeckFolder({ path: repo });
    expect(folders.map((f) => f.kind)).toEqual(['built-in', 'default', 'added']);
    expect((await c.app.api.overview()).decks.map((d) => d.id)).toEqual(['ml']);
    const step = await c.app.api.nextCard({ deckId: null });
    await c.app.api.answerCard({ deckId: null, cardId: 'ml1', quality: 4, version: step.next!.card.state.version, durationMs: 1 });
    expect((await c.app.api.saveCard({ deckId: 'ml', cardId: 'ml1', draft: { frontMd: 'Bias–variance trade-off?', backMd: 'x', proofCode: null, proofLang: null, tags: [] }, baseContentHash: null })).ok).toBe(true);
    c.reopen();
    expect((await c.app.api.deckFolders()).at(-1)).toMatchObject({ path: repo, kind: 'added', available: true });
    expect((await c.app.api.overview()).decks.map((d) => d.name)).toEqual(['ml']);

    renameSync(repo, `${repo}-moved`);
    c.app.sync();
    const overview = await c.app.api.overview();
    expect(overview.decks).toEqual([]);
    expect(formatMessage(overview.fileErrors[0])).toMatch(/deck folder unreadable/);
    renameSync(`${repo}-moved`, repo);
    c.app.sync();
    expect((await c.app.api.getCard({ cardId: 'ml1' })).card.state.reps).toBe(1);
    await c.app.api.removeDeckFolder({ path: repo });
    expect((await c.app.api.overview()).decks).toEqual([]);
  });

  it('refuses relative paths, files, duplicates and overlapping folders with a reason', async () => {
    c = tempCollection();
    writeFileSync(join(c.root, 'file.md'), 'x');
    await expect(c.app.api.addDeckFolder({ path: 'relative/decks' })).rejects.toThrow(/full path/);
    await expect(c.app.api.addDeckFolder({ path: join(c.root, 'file.md') })).rejects.toThrow(/not a folder/);
    await expect(c.app.api.addDeckFolder({ path: join(c.root, 'missing') })).rejects.toThrow(/ENOENT/);
    await expect(c.app.api.addDeckFolder({ path: c.userDir })).rejects.toThrow(/already a deck folder/);
    await expect(c.app.api.addDeckFolder({ path: c.dataDir })).rejects.toThrow(/overlaps/);
  });
});
