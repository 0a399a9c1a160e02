// The edit service on real temp folders: files change only where the card is, scheduling survives every edit,
// invalid cards and stale files are refused without writing, built-in decks fork, and undo restores.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardDraft } from '../../../main/contract/api';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';
import { formatMessage } from '../../../main/contract/messages';

let c: TempCollection;
afterEach(() => c?.dispose());

const draft = (frontMd: string, backMd = 'An answer.', extra: Partial<CardDraft> = {}): CardDraft => ({
  frontMd, backMd, proofCode: null, proofLang: null, tags: [], ...extra,
});

async function learn(cardId: string) {
  const step = await c.app.api.nextCard({ deckId: null });
  expect(step.next?.card.id).toBe(cardId);
  await c.app.api.answerCard({ deckId: null, cardId, quality: 5, version: step.next!.card.state.version, durationMs: 1 });
}

/** Lines that differ between two texts of the same length in lines (an edit that keeps the line count). */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i + 1);
  return out;
}

describe('saving cards', () => {
  it('an edit rewrites only that card\'s lines and keeps its id and scheduling', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }, { id: 'c', q: 'C?' }]) } });
    await learn('a');
    await learn('b');
    const path = join(c.userDir, 'd.md');
    const before = readFileSync(path, 'utf8');
    const { card } = await c.app.api.getCard({ cardId: 'b' });
    const result = await c.app.api.saveCard({ deckId: 'd', cardId: 'b', draft: draft('B, edited?', 'New $x^2$ answer.'), baseContentHash: card.contentHash });
    expect(result.ok).toBe(true);
    const after = readFileSync(path, 'utf8');
    expect(changedLines(before, after)).toEqual([11, 13]);
    expect(after).toContain('## B, edited? {#b}');
    const edited = await c.app.api.getCard({ cardId: 'b' });
    expect(edited.card.frontMd).toBe('B, edited?');
    expect(edited.card.state).toMatchObject({ reps: 1, efMilli: 2600, queue: 'review' });
    // The database agrees with a full re-read of the files.
    expect(c.app.sync()!.changes.updated).toEqual([]);
  });

  it('a new card gets an id from its question and lands at the end of the file', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    const result = await c.app.api.saveCard({ deckId: 'd', cardId: null, draft: draft('What is momentum?', '$v_t=\\beta v_{t-1}+g_t$', { tags: ['optim'], proofCode: "check.true('ok', true);", proofLang: 'js' }), baseContentHash: null });
    expect(result).toMatchObject({ ok: true, cardId: 'what-is-momentum' });
    const text = readFileSync(join(c.userDir, 'd.md'), 'utf8');
    expect(text).toMatch(/## What is momentum\? \{#what-is-momentum tags="optim"\}\n\n\$v_t=.*\n\n```js proof\ncheck\.true\('ok', true\);\n```\n$/);
    expect((await c.app.api.overview()).decks[0].cardCount).toBe(2);
  });

  it('an invalid card is refused with the parser\'s line and the file is not touched', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }]) } });
    const path = join(c.userDir, 'd.md');
    const before = readFileSync(path, 'utf8');
    const unclosed = await c.app.api.saveCard({ deckId: 'd', cardId: 'b', draft: draft('B?', 'text\n\n```python\nprint(1)'), baseContentHash: null });
    expect(unclosed.ok).toBe(false);
    if (unclosed.ok) return;
    expect(unclosed.errors[0]).toMatchObject({ file: path, field: 'answer' });
    expect(formatMessage(unclosed.errors[0])).toMatch(/unterminated code fence/);
    expect(unclosed.errors[0].line).toBeGreaterThanOrEqual(10);
    const empty = await c.app.api.saveCard({ deckId: 'd', cardId: null, draft: draft('   '), baseContentHash: null });
    expect(empty).toMatchObject({ ok: false, errors: [{ field: 'question' }] });
    const heading = await c.app.api.saveCard({ deckId: 'd', cardId: 'a', draft: draft('A?', 'one\n\n## sneaky second card'), baseContentHash: null });
    expect(heading.ok).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses to overwrite a file changed on disk since it was loaded, and picks the change up', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    const outside = deckText('d', [{ id: 'a', q: 'Changed in vim?' }]);
    c.writeUserDeck('d.md', outside);
    await expect(c.app.api.saveCard({ deckId: 'd', cardId: 'a', draft: draft('Mine?'), baseContentHash: null })).rejects.toThrow(/changed on disk since ProofDeck loaded it/);
    expect(readFileSync(join(c.userDir, 'd.md'), 'utf8')).toBe(outside);
    // The refusal re-read the file: the card now shows the outside text, and its old hash is stale.
    const fresh = await c.app.api.getCard({ cardId: 'a' });
    expect(fresh.card.frontMd).toBe('Changed in vim?');
    await expect(c.app.api.saveCard({ deckId: 'd', cardId: 'a', draft: draft('Mine?'), baseContentHash: 'stale-hash' })).rejects.toThrow(/changed since you opened it/);
    expect((await c.app.api.saveCard({ deckId: 'd', cardId: 'a', draft: draft('Mine?'), baseContentHash: fresh.card.contentHash })).ok).toBe(true);
  });

  it('editing a built-in card forks its deck into the user folder with the same ids and scheduling', async () => {
    c = tempCollection({ builtIn: { 'opt.md': deckText('opt', [{ id: 'o1', q: 'Adam?' }, { id: 'o2', q: 'SGD?' }], 'Optimizers') } });
    await learn('o1');
    const builtInText = readFileSync(join(c.builtInDir, 'opt.md'), 'utf8');
    const result = await c.app.api.saveCard({ deckId: 'opt', cardId: 'o2', draft: draft('SGD with momentum?'), baseContentHash: null });
    expect(result).toMatchObject({ ok: true, forkedFrom: join(c.builtInDir, 'opt.md'), sourcePath: join(c.userDir, 'opt.md') });
    expect(readFileSync(join(c.builtInDir, 'opt.md'), 'utf8')).toBe(builtInText);
    expect(readFileSync(join(c.userDir, 'opt.md'), 'utf8')).toContain('## SGD with momentum? {#o2}');
    const overview = await c.app.api.overview();
    expect(overview.decks).toMatchObject([{ id: 'opt', builtIn: false, cardCount: 2 }]);
    expect((await c.app.api.getCard({ cardId: 'o1' })).card.state).toMatchObject({ reps: 1 });
    // And after a restart the fork still hides the built-in deck.
    c.reopen();
    expect((await c.app.api.overview()).decks).toMatchObject([{ id: 'opt', builtIn: false }]);
    expect((await c.app.api.getCard({ cardId: 'o1' })).card.state.reps).toBe(1);
  });
});

describe('card operations with undo', () => {
  it('delete, then undo brings the card back with its scheduling', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }]) } });
    await learn('a');
    const path = join(c.userDir, 'd.md');
    const before = readFileSync(path, 'utf8');
    const deleted = await c.app.api.deleteCards({ cardIds: ['a'] });
    expect(deleted).toMatchObject({ cardIds: ['a'], undoLabel: 'delete cards' });
    expect(readFileSync(path, 'utf8')).not.toContain('{#a}');
    expect((await c.app.api.overview()).decks[0].cardCount).toBe(1);
    expect(await c.app.api.nextEditUndo()).toEqual({ label: 'delete cards' });
    expect(await c.app.api.undoEdit()).toMatchObject({ message: { code: 'done.undone', params: { label: 'delete cards' } }, undoLabel: null });
    expect(await c.app.api.nextEditUndo()).toEqual({ label: null });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect((await c.app.api.getCard({ cardId: 'a' })).card.state.reps).toBe(1);
  });

  it('duplicate and move between decks keep ids unique and scheduling with the moved card', async () => {
    c = tempCollection({ user: { 'x.md': deckText('x', [{ id: 'a', q: 'A?', tags: ['t1'] }, { id: 'b', q: 'B?' }]), 'y.md': deckText('y', [{ id: 'c', q: 'C?' }]) } });
    await learn('a');
    const dup = await c.app.api.duplicateCard({ cardId: 'a' });
    expect(dup.cardIds).toEqual(['a-2']);
    expect((await c.app.api.getCard({ cardId: 'a-2' })).card).toMatchObject({ frontMd: 'A?', tags: ['t1'], state: { reps: 0 } });
    await c.app.api.moveCards({ cardIds: ['a'], toDeckId: 'y' });
    expect(readFileSync(join(c.userDir, 'x.md'), 'utf8')).not.toContain('{#a ');
    expect(readFileSync(join(c.userDir, 'y.md'), 'utf8')).toContain('## A? {#a tags="t1"}');
    const moved = await c.app.api.getCard({ cardId: 'a' });
    expect(moved.card).toMatchObject({ deckId: 'y', state: { reps: 1 } });
    expect(c.app.sync()!.changes).toMatchObject({ added: [], updated: [], removed: [] });
    await c.app.api.undoEdit();
    expect((await c.app.api.getCard({ cardId: 'a' })).card.deckId).toBe('x');
  });

  it('bulk tag, suspend and their undo', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?', tags: ['x'] }]) } });
    await c.app.api.bulkEdit({ cardIds: ['a', 'b'], action: { kind: 'addTag', tag: 'x' } });
    expect((await c.app.api.getCard({ cardId: 'a' })).card.tags).toEqual(['x']);
    expect(readFileSync(join(c.userDir, 'd.md'), 'utf8')).toContain('## A? {#a tags="x"}');
    await c.app.api.bulkEdit({ cardIds: ['a', 'b'], action: { kind: 'suspend' } });
    expect((await c.app.api.overview()).decks[0].due.new).toBe(0);
    await c.app.api.undoEdit();
    expect((await c.app.api.overview()).decks[0].due.new).toBe(2);
    await expect(c.app.api.bulkEdit({ cardIds: ['a'], action: { kind: 'addTag', tag: 'two words' } })).rejects.toThrow(/Bad tag/);
  });
});

describe('decks', () => {
  it('create, rename, delete (kept in the trash) and undo the delete', async () => {
    c = tempCollection();
    const created = await c.app.api.createDeck({ name: '我的 Deck: interviews' });
    const deckId = created.deckId!;
    expect((await c.app.api.overview()).decks.map((d) => d.name)).toEqual(['我的 Deck: interviews']);
    await c.app.api.saveCard({ deckId, cardId: null, draft: draft('动量是什么？'), baseContentHash: null });
    await c.app.api.renameDeck({ deckId, name: 'Renamed' });
    expect((await c.app.api.overview()).decks).toMatchObject([{ id: deckId, name: 'Renamed', cardCount: 1 }]);
    await c.app.api.deleteDeck({ deckId });
    expect((await c.app.api.overview()).decks).toEqual([]);
    expect(readdirSync(join(c.dataDir, 'trash'))).toHaveLength(1);
    await c.app.api.undoEdit();
    expect((await c.app.api.overview()).decks).toMatchObject([{ id: deckId, name: 'Renamed', cardCount: 1 }]);
    await expect(c.app.api.createDeck({ name: 'x', id: deckId })).rejects.toThrow(/already exists/);
  });

  it('built-in decks cannot be deleted; export gives the exact file, import re-creates it', async () => {
    const text = deckText('opt', [{ id: 'o1', q: 'Adam?', tags: ['a'] }]).replace(/\n/g, '\r\n');
    c = tempCollection({ builtIn: { 'opt.md': text } });
    await expect(c.app.api.deleteDeck({ deckId: 'opt' })).rejects.toThrow(/Built-in decks/);
    const exported = await c.app.api.exportDeck({ deckId: 'opt' });
    expect(exported).toEqual({ fileName: 'opt.md', text });
    const imported = await c.app.api.importDeckFile(exported);
    expect(imported.deckId).toBe('opt');
    expect(readFileSync(join(c.userDir, 'opt.md'), 'utf8')).toBe(text);
    expect((await c.app.api.overview()).decks).toMatchObject([{ id: 'opt', builtIn: false }]);
    await expect(c.app.api.importDeckFile({ fileName: 'bad.md', text: '## no front matter' })).rejects.toThrow(/not a valid deck file/);
    // A card id already used by another deck: refused, nothing left behind.
    await expect(c.app.api.importDeckFile({ fileName: 'dup.md', text: deckText('dup', [{ id: 'o1', q: 'Clash?' }]) })).rejects.toThrow(/already used/);
    expect(existsSync(join(c.userDir, 'dup.md'))).toBe(false);
  });
});

describe('bad input', () => {
  // Read-only files and folders and unreadable files: permissions.test.ts (run as an unprivileged user).

  it('a deck file deleted while open: the edit is refused and the deck hidden with its history', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    await learn('a');
    writeFileSync(join(c.userDir, 'd.md'), '');
    await expect(c.app.api.saveCard({ deckId: 'd', cardId: 'a', draft: draft('A2?'), baseContentHash: null })).rejects.toThrow(/changed on disk/);
    expect((await c.app.api.sessionSummary({ since: 0 })).answered).toBe(1);
  });
});
