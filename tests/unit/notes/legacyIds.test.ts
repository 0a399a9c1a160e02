// Decks imported before issue 13's question rules (tests/fixtures/notes/legacy-decks, written by that importer)
// re-imported from the same notes now: every card keeps its id, so its review history stays attached.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { convertOk, fixturePath, previousCardsOf, readFixture } from './helpers';

const legacyDeck = (name: string) => {
  const path = fixturePath(`legacy-decks/${name}`);
  const text = readFileSync(path, 'utf8');
  expect(parseDeck(text, path).errors).toEqual([]);
  return previousCardsOf(text);
};
/** The legacy deck's id, as the service passes the loaded writable decks' ids. */
const legacyDeckIds = (name: string) => new Set([parseDeck(readFileSync(fixturePath(`legacy-decks/${name}`), 'utf8')).deck!.id]);

describe.each([
  ['messy/ch3-经典网络.md', 'ch3-经典网络.deck.md'],
  ['messy/ch10-optimization.md', 'ch10-optimization.deck.md'],
  ['interview-notes.md', 'interview-notes.deck.md'],
])('re-importing %s over the deck imported before', (notes, deck) => {
  const previousCards = legacyDeck(deck);
  const fileName = notes.split('/').pop()!;
  const writableDeckIds = legacyDeckIds(deck);
  const { parsed, summary } = convertOk(readFixture(notes), { fileName, previousCards, writableDeckIds, imageExists: () => true }); // as the decks were written

  it('keeps every card id of the old deck, and removes none', () => {
    expect(parsed.cards.map((card) => card.id)).toEqual(previousCards.map((card) => card.id));
    expect(summary.removedCardIds).toEqual([]);
  });

  it('shows the new questions on those cards all the same', () => {
    expect(parsed.cards.map((card) => card.frontMd).join('\n')).not.toMatch(/&emsp;|&nbsp;|^\d+(\.\d+)*\s|^（[一二三\d]）|^Q\d/m);
  });
});

describe('a deck name with HTML entities (Chapter 10&nbsp;Optimization)', () => {
  const notes = readFixture('messy/ch10-optimization.md');
  it('is decoded in the deck name and the tags', () => {
    const { summary, parsed } = convertOk(notes, { fileName: 'ch10-optimization.md' });
    expect(summary.deckName).toBe('Chapter 10 Optimization');
    expect(summary.deckId).toBe('chapter-10-optimization');
    expect(parsed.cards.flatMap((card) => card.tags).join(' ')).not.toContain('&nbsp;');
  });

  it('keeps the old deck id while a writable deck has it, so a re-import finds that deck', () => {
    const { summary } = convertOk(notes, { fileName: 'ch10-optimization.md', writableDeckIds: legacyDeckIds('ch10-optimization.deck.md') });
    expect(summary.deckId).toBe('chapter-10-nbsp-optimization');
    expect(summary.deckName).toBe('Chapter 10 Optimization');
  });

  it('keeps it under a batch folder too, and not when the new id is taken by a deck of its own', () => {
    const batch = { fileName: 'ch10-optimization.md', parentDeck: 'messy' };
    expect(convertOk(notes, { ...batch, writableDeckIds: new Set(['messy-chapter-10-nbsp-optimization']) }).summary.deckId).toBe('messy-chapter-10-nbsp-optimization');
    const both = new Set(['messy-chapter-10-nbsp-optimization', 'messy-chapter-10-optimization']);
    expect(convertOk(notes, { ...batch, writableDeckIds: both }).summary.deckId).toBe('messy-chapter-10-optimization');
  });
});

describe('a first import of the same notes', () => {
  it('derives ids from the stripped headings', () => {
    const { parsed } = convertOk(readFixture('messy/ch3-经典网络.md'), { fileName: 'ch3-经典网络.md' });
    const ids = parsed.cards.map((card) => card.id);
    expect(ids).toContain('第三章-经典网络-感受野如何计算');
    expect(ids).toContain('第三章-经典网络-卷积层的输出尺寸如何计算');
    expect(ids).not.toContain('第三章-经典网络-emsp-感受野如何计算');
  });

  it('gives a new section that collides with a kept old id a different id', () => {
    const text = '# D\n## 1.1 Adam\nold\n## （2）Adam\nnew\n';
    const first = convertOk('# D\n## 1.1 Adam\nold\n', { fileName: 'd.md' });
    const previousCards = previousCardsOf(first.deckText);
    const ids = convertOk(text, { fileName: 'd.md', previousCards }).parsed.cards.map((card) => card.id);
    expect(ids[0]).toBe(previousCards[0].id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('a deck imported before the question rules, whose notes were then edited', () => {
  it('keeps the card when the only other change is the importer\'s new wording of its heading', () => {
    // "模型介绍" is now written "LeNet-5 · 模型介绍" by the importer, and the user added a line to its body: to the
    // user that is one change (the body), so the card keeps its id and history, as a rename alone would.
    const previousCards = legacyDeck('ch3-经典网络.deck.md');
    const notes = readFixture('messy/ch3-经典网络.md').replace('### 3.1.1 模型介绍\n\n', '### 3.1.1 模型介绍\n\n补充：池化层为平均池化。\n\n');
    const { parsed, summary } = convertOk(notes, { fileName: 'ch3-经典网络.md', previousCards, imageExists: () => true });
    const lenet = parsed.cards.find((card) => card.backMd.includes('补充：池化层'))!;
    expect(lenet.frontMd).toContain('· 模型介绍');
    expect(lenet.id).toBe('第三章-经典网络-模型介绍');
    expect(summary.reimport.added).toBe(0);
  });
});
