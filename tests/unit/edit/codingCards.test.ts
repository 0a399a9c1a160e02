// Saving a coding card through the editor's path (getCard → the renderer's draft → saveCard) keeps its starter,
// solution and proof exactly; the database does not store the coding parts, so they come from the deck file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { draftOf } from '../../../renderer/src/lib/cardDraft';
import type { CardView } from '../../../main/contract/api';
import { tempCollection, type TempCollection } from '../helpers/collection';

/** The draft the card editor sends for `card` with its fields as shown (edits applied on top by the caller). */
const editorDraft = (card: CardView) => draftOf({
  frontMd: card.frontMd, backMd: card.backMd, tagsText: card.tags.join(' '),
  proofCode: card.proofCode ?? '', proofLang: card.proofLang ?? 'js', code: card.code ?? null,
});
const CODING_DECK = readFileSync(join(__dirname, '../../../decks/5-coding.md'), 'utf8');

let c: TempCollection;
afterEach(() => c?.dispose());

const DECK = `---
id: code
deck: Code
version: 1
---

## Write a stable softmax {#softmax type="code"}

Subtract the max.

\`\`\`ts starter
function softmax(x: number[]): number[] {
  // TODO: "subtract the max"
  return x;
}
\`\`\`

\`\`\`js solution
function softmax(x) {
  const top = Math.max(...x);
  const e = x.map((v) => Math.exp(v - top));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}
\`\`\`

\`\`\`js proof
check.close('sums to 1', softmax([1000, 1001]).reduce((a, b) => a + b, 0), 1);
\`\`\`
`;

describe('editing a coding card', () => {
  it('the editor reads the starter and solution, and saving its draft keeps all three blocks byte for byte', async () => {
    c = tempCollection({ user: { 'code.md': DECK } });
    const path = join(c.userDir, 'code.md');
    const { card } = await c.app.api.getCard({ cardId: 'softmax' });
    expect(card.code?.starter).toEqual({ lang: 'ts', code: 'function softmax(x: number[]): number[] {\n  // TODO: "subtract the max"\n  return x;\n}' });
    expect(card.code?.solution.code).toContain('Math.max(...x)');
    // What the editor sends when only the answer was edited.
    const draft = draftOf({
      frontMd: card.frontMd, backMd: 'Subtract the row max before exp.', tagsText: card.tags.join(' '),
      proofCode: card.proofCode ?? '', proofLang: card.proofLang ?? 'js', code: card.code ?? null,
    });
    const saved = await c.app.api.saveCard({ deckId: 'code', cardId: 'softmax', draft, baseContentHash: card.contentHash });
    expect(saved).toMatchObject({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(DECK.replace('Subtract the max.', 'Subtract the row max before exp.'));
    const again = await c.app.api.getCard({ cardId: 'softmax' });
    expect(again.card.code).toEqual(card.code);
  });

  it('a changed solution is new content (a new content hash) and lands in the file', async () => {
    c = tempCollection({ user: { 'code.md': DECK } });
    const { card } = await c.app.api.getCard({ cardId: 'softmax' });
    const solution = { lang: 'js' as const, code: 'const softmax = (x) => x.map(() => 1 / x.length);' };
    const draft = { ...draftOf({ frontMd: card.frontMd, backMd: card.backMd, tagsText: '', proofCode: card.proofCode!, proofLang: 'js', code: { starter: card.code!.starter, solution } }) };
    const saved = await c.app.api.saveCard({ deckId: 'code', cardId: 'softmax', draft, baseContentHash: card.contentHash });
    expect(saved.ok && saved.contentHash).not.toBe(card.contentHash);
    expect(readFileSync(join(c.userDir, 'code.md'), 'utf8')).toContain('```js solution\nconst softmax = (x) => x.map(() => 1 / x.length);\n```');
  });

  it('saving every card of the coding deck unchanged leaves the file byte-identical', async () => {
    c = tempCollection({ user: { 'coding.md': CODING_DECK } });
    const path = join(c.userDir, 'coding.md');
    const ids = [...CODING_DECK.matchAll(/\{#(c-[a-z-]+) type="code"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    for (const cardId of ids) {
      const { card } = await c.app.api.getCard({ cardId });
      const saved = await c.app.api.saveCard({ deckId: 'coding', cardId, draft: editorDraft(card), baseContentHash: card.contentHash });
      expect(saved, cardId).toMatchObject({ ok: true, contentHash: card.contentHash });
      expect(readFileSync(path, 'utf8')).toBe(CODING_DECK);
    }
  });

  it('edited starter, solution and proof land in the file exactly and read back the same', async () => {
    c = tempCollection({ user: { 'code.md': DECK } });
    const { card } = await c.app.api.getCard({ cardId: 'softmax' });
    const starter = { lang: 'js' as const, code: 'function softmax(x) {\n  // your code, with ``` inside a string: "```"\n}' };
    const solution = { lang: 'ts' as const, code: 'function softmax(x: number[]) {\n  return x.map(() => 1 / x.length);\n}' };
    const proofCode = "check.close('uniform', softmax([1, 1]), [0.5, 0.5]);";
    const draft = { ...editorDraft(card), proofCode, code: { starter, solution } };
    const saved = await c.app.api.saveCard({ deckId: 'code', cardId: 'softmax', draft, baseContentHash: card.contentHash });
    expect(saved).toMatchObject({ ok: true });
    const text = readFileSync(join(c.userDir, 'code.md'), 'utf8');
    expect(text).toContain(`\`\`\`js starter\n${starter.code}\n\`\`\``); // a ``` inside a line closes nothing
    expect(text).toContain(`\`\`\`ts solution\n${solution.code}\n\`\`\``);
    expect(text).toContain(`\`\`\`js proof\n${proofCode}\n\`\`\``);
    const again = (await c.app.api.getCard({ cardId: 'softmax' })).card;
    expect(again.code).toEqual({ starter, solution });
    expect(again.proofCode).toBe(proofCode);
  });
});
