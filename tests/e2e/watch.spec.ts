// Issue 14, "outside edits are always seen", against the running host (the real `main/web/main.ts` process and its
// watcher): a deck file saved over and over the way editors save it, appended to, its folder deleted and made again,
// and a deck file in a new subfolder. After each change the test waits until the host's API shows it (a positive
// signal, generous deadline) before making the next one.
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, callApi, deckFile } from './fixtures';

const DEADLINE_MS = 15_000;

/** Card id → question, as Browse lists them now. */
async function questions(page: Page): Promise<Record<string, string>> {
  const result = await callApi(page, 'browseCards', { query: '', sort: 'deck', descending: false, offset: 0, limit: 500 });
  return Object.fromEntries((result.rows as { id: string; question: string }[]).map((row) => [row.id, row.question]));
}

const seen = (page: Page, cardId: string) => expect.poll(async () => (await questions(page))[cardId], { timeout: DEADLINE_MS, intervals: [50, 100, 200] });

/** How editors and ProofDeck save: a temp file beside the deck, renamed over it. */
function replaceAtomically(path: string, text: string, i: number): void {
  const temp = join(dirname(path), `.${basename(path)}.${i}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
}

const attention = (question: string) => deckFile('attn', 'Attention', [
  { id: 'att', q: question, a: 'softmax(QKᵀ/√d)·V' },
  { id: 'mh', q: 'Why several heads?', a: 'Different subspaces.' },
]);

test('five replaces and five appends of one deck file, a deck folder deleted and made again, and a new subfolder are each picked up', async ({ launchApp }) => {
  test.setTimeout(180_000);
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'attention.md': attention('What does attention compute?') } });
  const { page } = app;
  const path = join(app.userDeckDir, 'attention.md');
  await seen(page, 'att').toBe('What does attention compute?');

  for (let i = 1; i <= 5; i++) {
    replaceAtomically(path, attention(`What does attention compute? (save ${i})`), i);
    await seen(page, 'att').toBe(`What does attention compute? (save ${i})`);
  }
  for (let i = 1; i <= 5; i++) {
    appendFileSync(path, `\n## Appended question ${i}? {#app${i}}\n\nAnswer ${i}.\n`);
    await seen(page, `app${i}`).toBe(`Appended question ${i}?`);
  }

  rmSync(app.userDeckDir, { recursive: true });
  await seen(page, 'att').toBeUndefined();
  mkdirSync(app.userDeckDir);
  writeFileSync(join(app.userDeckDir, 'scaling.md'), deckFile('scale', 'Scaling', [{ id: 'sc', q: 'Why scale by √d?', a: 'Softmax saturation.' }]));
  await seen(page, 'sc').toBe('Why scale by √d?');

  mkdirSync(join(app.userDeckDir, 'chapter 2'));
  writeFileSync(join(app.userDeckDir, 'chapter 2', 'norms.md'), deckFile('norms', 'Norms', [{ id: 'ln', q: 'What is layer norm?', a: 'Over features.' }]));
  await seen(page, 'ln').toBe('What is layer norm?');
  replaceAtomically(join(app.userDeckDir, 'chapter 2', 'norms.md'), deckFile('norms', 'Norms', [{ id: 'ln', q: 'What is layer norm, again?', a: 'Over features.' }]), 6);
  await seen(page, 'ln').toBe('What is layer norm, again?');
});
