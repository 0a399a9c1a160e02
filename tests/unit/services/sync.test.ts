import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';
import { formatMessage } from '../../../main/contract/messages';

let c: TempCollection;
afterEach(() => c?.dispose());

async function learn(cardId: string) {
  const step = await c.app.api.nextCard({ deckId: null });
  const card = step.next!;
  expect(card.card.id).toBe(cardId);
  await c.app.api.answerCard({ deckId: null, cardId, quality: 5, version: card.card.state.version, durationMs: 1 });
}

describe('deck files ↔ database sync by card id', () => {
  it('changing a card\'s text keeps its scheduling', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'Old question?' }, { id: 'b', q: 'B?' }]) } });
    await learn('a');
    c.writeUserDeck('d.md', deckText('d', [{ id: 'a', q: 'New question?' }, { id: 'b', q: 'B?' }]));
    const report = c.app.sync()!;
    expect(report.changes.updated).toEqual(['a']);
    c.clock.advanceDays(1);
    const step = await c.app.api.nextCard({ deckId: null });
    expect(step.next?.card.id).toBe('a');
    expect(step.next?.card.frontMd).toBe('New question?');
    expect(step.next?.card.state).toMatchObject({ reps: 1, efMilli: 2600 });
  });

  it('deleting a card from the file hides it but keeps its history; it returns with its id', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }]) } });
    await learn('a');
    c.writeUserDeck('d.md', deckText('d', [{ id: 'b', q: 'B?' }]));
    expect(c.app.sync()!.changes.removed).toEqual(['a']);
    expect((await c.app.api.overview()).decks[0].cardCount).toBe(1);
    expect((await c.app.api.sessionSummary({ since: 0 })).answered).toBe(1);
    c.writeUserDeck('d.md', deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }]));
    expect(c.app.sync()!.changes.restored).toEqual(['a']);
    c.clock.advanceDays(1);
    expect((await c.app.api.nextCard({ deckId: null })).next?.card.state.reps).toBe(1);
  });

  it('a malformed deck shows its error while the other decks load, and keeps its cards\' scheduling', async () => {
    c = tempCollection({ user: { 'good.md': deckText('good', [{ id: 'g', q: 'G?' }]), 'bad.md': deckText('bad', [{ id: 'x', q: 'X?' }]) } });
    await learn('x');
    c.writeUserDeck('bad.md', '---\nid: bad\ndeck: Bad\nversion: 1\n---\n\n## Broken {#x}\n\n```js proof\nlog(1)\n');
    c.app.sync();
    const overview = await c.app.api.overview();
    expect(overview.decks.map((d) => d.id)).toEqual(['good']);
    expect(overview.fileErrors).toHaveLength(1);
    expect(overview.fileErrors[0].file).toMatch(/bad\.md$/);
    expect(overview.fileErrors[0].line).toBe(9); // the unterminated fence
    c.writeUserDeck('bad.md', deckText('bad', [{ id: 'x', q: 'X fixed?' }]));
    c.app.sync();
    c.clock.advanceDays(1);
    const step = await c.app.api.nextCard({ deckId: 'bad' });
    expect(step.next?.card).toMatchObject({ id: 'x', frontMd: 'X fixed?' });
    expect(step.next?.card.state.reps).toBe(1);
  });

  it('gives id-less cards in a user file an id and writes it back on the heading line only', async () => {
    const text = deckText('u', [{ q: 'What is LayerNorm?' }, { id: 'keep', q: 'Kept?' }]);
    c = tempCollection({ user: { 'u.md': text } });
    const written = readFileSync(join(c.userDir, 'u.md'), 'utf8');
    const before = text.split('\n');
    const after = written.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.map((line, i) => (line === before[i] ? null : i)).filter((i) => i !== null);
    expect(changed).toHaveLength(1);
    expect(after[changed[0]!]).toMatch(/^## What is LayerNorm\? \{#[^}\s]+\}$/);
    expect((await c.app.api.overview()).decks[0].cardCount).toBe(2);
  });

  it('refuses a duplicate card id across files, naming both', async () => {
    c = tempCollection({
      user: { 'a.md': deckText('a', [{ id: 'same', q: 'A?' }]), 'b.md': deckText('b', [{ id: 'same', q: 'B?' }]) },
    });
    const overview = await c.app.api.overview();
    expect(overview.decks.map((d) => d.id)).toEqual(['a']);
    expect(formatMessage(overview.fileErrors[0])).toMatch(/"same".*a\.md/);
  });

  it('a user deck with a built-in deck\'s id replaces it (a fork), keeping scheduling by card id', async () => {
    c = tempCollection({ builtIn: { 'core.md': deckText('core', [{ id: 'k1', q: 'Built-in?' }]) } });
    await learn('k1');
    c.writeUserDeck('core.md', deckText('core', [{ id: 'k1', q: 'Forked?' }]));
    c.app.sync();
    const overview = await c.app.api.overview();
    expect(overview.decks).toHaveLength(1);
    expect(overview.decks[0]).toMatchObject({ id: 'core', builtIn: false, readOnly: false });
    c.clock.advanceDays(1);
    const step = await c.app.api.nextCard({ deckId: 'core' });
    expect(step.next?.card.frontMd).toBe('Forked?');
    expect(step.next?.card.state.reps).toBe(1);
  });

  it('a deck whose file is deleted is hidden, not forgotten', async () => {
    c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    await learn('a');
    rmSync(join(c.userDir, 'd.md'));
    c.app.sync();
    expect((await c.app.api.overview()).decks).toHaveLength(0);
    writeFileSync(join(c.userDir, 'd.md'), deckText('d', [{ id: 'a', q: 'A?' }]));
    c.app.sync();
    c.clock.advanceDays(1);
    expect((await c.app.api.nextCard({ deckId: null })).next?.card.state.reps).toBe(1);
  });
});
