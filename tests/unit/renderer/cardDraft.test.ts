// The card editor's pure pieces: the draft Save sends, a new card's deck, and where pasted images' links land.
import { describe, expect, it } from 'vitest';
import type { DeckSummary } from '../../../main/contract/api';
import { base64Of, defaultDeckId, draftOf, insertImageLinks } from '../../../renderer/src/lib/cardDraft';

describe('draftOf', () => {
  it('splits tags on spaces and commas, and a blank proof is no proof', () => {
    const draft = draftOf({ frontMd: 'Q', backMd: 'A', tagsText: ' a, b  c,', proofCode: '  \n', proofLang: 'ts' });
    expect(draft).toEqual({ frontMd: 'Q', backMd: 'A', tags: ['a', 'b', 'c'], proofCode: null, proofLang: null });
    expect(draftOf({ frontMd: '', backMd: '', tagsText: '', proofCode: 'check.true(1)', proofLang: 'ts' })).toMatchObject({ proofCode: 'check.true(1)', proofLang: 'ts' });
  });
});

describe('defaultDeckId', () => {
  const deck = (id: string, builtIn: boolean) => ({ id, builtIn }) as DeckSummary;
  it('takes the deck asked for, else the first own deck, else any, else none', () => {
    expect(defaultDeckId([deck('b', true), deck('m', false)], 'x')).toBe('x');
    expect(defaultDeckId([deck('b', true), deck('m', false)], null)).toBe('m');
    expect(defaultDeckId([deck('b', true)], null)).toBe('b');
    expect(defaultDeckId([], null)).toBe('');
  });
});

describe('insertImageLinks', () => {
  it('puts each image in its own paragraph and the caret after them', () => {
    expect(insertImageLinks('Moments.', 8, 8, ['![a](a.png)'])).toEqual({ value: 'Moments.\n\n![a](a.png)', caret: 21 });
    expect(insertImageLinks('', 0, 0, ['![a](a.png)', '![b](b.png)'])).toEqual({ value: '![a](a.png)\n\n![b](b.png)', caret: 24 });
    expect(insertImageLinks('one\ntwo', 4, 4, ['![a](a.png)'])).toEqual({ value: 'one\n\n![a](a.png)\n\ntwo', caret: 18 });
    expect(insertImageLinks('keep SELECTED keep', 5, 13, ['![a](a.png)']).value).toBe('keep \n\n![a](a.png)\n\n keep');
  });
});

describe('base64Of', () => {
  it('encodes bytes beyond one chunk', () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 3 }, (_, i) => i % 256);
    expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
