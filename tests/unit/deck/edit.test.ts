import { formatMessage } from '../../../main/contract/messages';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendCard,
  type CardEditResult,
  type CardFields,
  formatCard,
  parseDeck,
  removeCard,
  serializeDeck,
  updateCard,
} from '../../../main/core/deck';

/** A refusal in English, as the editor shows it. */
function worded(result: CardEditResult) {
  return result.ok ? result : { ok: false, error: formatMessage(result.error) };
}

const FRONT = '---\nid: demo\ndeck: Demo\nversion: 1\n---\n';
const TEXT =
  `${FRONT}\n## First {#first tags="a"}\n\nOne.\n\n` +
  `## Second {#second level=2 tags="b c"}\n\nTwo.\n\n\`\`\`js proof\ncheck.true('two', true);\n\`\`\`\n\n` +
  `## Third {#third}\nThree.\n`;

function expectOk(result: CardEditResult): { text: string; parsed: ReturnType<typeof parseDeck> } {
  if (!result.ok) throw new Error(`edit refused: ${formatMessage(result.error)}`);
  expect(serializeDeck(result.parsed)).toBe(result.text);
  expect(result.parsed.errors).toEqual([]);
  // Edits parse only the changed card: what they return must be exactly what parsing the whole new file gives.
  expect(result.parsed).toEqual(parseDeck(result.text, result.parsed.file));
  return result;
}

/** 1-based line numbers that differ, comparing line by line (both texts have the same line count). */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.flatMap((line, index) => (line === a[index] ? [] : [index + 1]));
}

const fieldsOf = (card: CardFields): CardFields => ({
  frontMd: card.frontMd,
  backMd: card.backMd,
  proofCode: card.proofCode,
  proofLang: card.proofLang,
  tags: card.tags,
});

describe('updateCard', () => {
  it('changes only that card\'s lines and keeps the heading when question and tags are unchanged', () => {
    const parsed = parseDeck(TEXT, 'demo.md');
    const second = parsed.cards[1];
    const { text, parsed: after } = expectOk(
      updateCard(parsed, 1, { ...fieldsOf(second), backMd: 'Two, revised.', proofCode: "check.true('two!', true);" }),
    );
    expect(changedLines(TEXT, text)).toEqual([13, 16]);
    expect(text.split('\n')[10]).toBe('## Second {#second level=2 tags="b c"}');
    expect(after.cards[1]).toMatchObject({ id: 'second', backMd: 'Two, revised.', proofCode: "check.true('two!', true);", tags: ['b', 'c'] });
    expect(after.cards.map((card) => card.raw)).toEqual([parsed.cards[0].raw, expect.any(String), parsed.cards[2].raw]);
  });

  it('rewrites the heading for new tags, keeping the id and other attributes in place', () => {
    const parsed = parseDeck(TEXT);
    const { text, parsed: after } = expectOk(updateCard(parsed, 1, { ...fieldsOf(parsed.cards[1]), tags: ['d'] }));
    expect(text.split('\n')[10]).toBe('## Second {#second level=2 tags="d"}');
    expect(after.cards[1].tags).toEqual(['d']);
    const untagged = expectOk(updateCard(parsed, 0, { ...fieldsOf(parsed.cards[0]), tags: [] }));
    expect(untagged.text.split('\n')[6]).toBe('## First {#first}');
  });

  it('adds and removes a multi-line question, and adds a proof to a card without one', () => {
    const parsed = parseDeck(TEXT);
    const { parsed: after } = expectOk(
      updateCard(parsed, 2, {
        frontMd: 'Third\n\n$$x^2$$',
        backMd: 'Three.',
        proofCode: 'const x: number = 2;',
        proofLang: 'ts',
        tags: [],
      }),
    );
    expect(after.cards[2]).toMatchObject({ frontMd: 'Third\n\n$$x^2$$', proofLang: 'ts', proofCode: 'const x: number = 2;' });
    const back = expectOk(updateCard(after, 2, { ...fieldsOf(after.cards[2]), frontMd: 'Third', proofCode: null, proofLang: null }));
    expect(back.parsed.cards[2]).toMatchObject({ frontMd: 'Third', proofCode: null, proofLang: null, backMd: 'Three.' });
  });

  it('keeps a file without a final newline without one, and CRLF files CRLF', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const parsed = parseDeck(crlf);
    const { text } = expectOk(updateCard(parsed, 2, { ...fieldsOf(parsed.cards[2]), backMd: 'Changed.' }));
    expect(text.endsWith('Changed.')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('protects answers that contain a ? line or a ``` line in the proof', () => {
    const parsed = parseDeck(TEXT);
    const { parsed: after } = expectOk(
      updateCard(parsed, 0, { ...fieldsOf(parsed.cards[0]), backMd: 'Why\n?\nbecause', proofCode: 'log(`\n```\n`);', proofLang: 'js' }),
    );
    expect(after.cards[0]).toMatchObject({ frontMd: 'First', backMd: 'Why\n?\nbecause', proofCode: 'log(`\n```\n`);' });
  });

  it.each([
    ['a ## line in the answer', { backMd: 'x\n## oops' }, "line starting with '## '"],
    ['an unclosed fence in the answer', { backMd: '```\nx' }, 'unterminated code fence'],
    ['a second proof block', { backMd: '```js proof\nx\n```' }, 'two proof blocks'],
    ['an empty question', { frontMd: '  ' }, 'empty question'],
    ['a tag with a space', { tags: ['a b'] }, "bad tag 'a b'"],
    ['an unclosed HTML comment', { backMd: '<!-- note' }, 'unterminated HTML comment in the answer'],
  ])('refuses %s with a message', (_name, change, message) => {
    const parsed = parseDeck(TEXT);
    const result = updateCard(parsed, 1, { ...fieldsOf(parsed.cards[1]), ...change });
    expect(worded(result)).toEqual({ ok: false, error: expect.stringContaining(message) });
  });

  it('refuses a card index that does not exist', () => {
    expect(worded(updateCard(parseDeck(TEXT), 5, fieldsOf(parseDeck(TEXT).cards[0])))).toEqual({ ok: false, error: expect.stringContaining('no card number 6') });
  });
});

describe('appendCard / removeCard', () => {
  it('appends after one blank line, touching no earlier line except a missing final newline', () => {
    const parsed = parseDeck(TEXT.slice(0, -1));
    const { text, parsed: after } = expectOk(
      appendCard(parsed, { id: 'fourth', frontMd: 'Fourth?', backMd: 'Four.', proofCode: null, proofLang: null, tags: ['x'] }),
    );
    expect(text).toBe(`${TEXT}\n## Fourth? {#fourth tags="x"}\n\nFour.\n`);
    expect(after.cards.map((card) => card.id)).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('appends to a deck with no cards', () => {
    const { text } = expectOk(appendCard(parseDeck(FRONT), { frontMd: 'Q', backMd: '', proofCode: null, proofLang: null, tags: [] }));
    expect(text).toBe(`${FRONT}\n## Q\n`);
  });

  it('refuses a duplicate id', () => {
    const result = appendCard(parseDeck(TEXT), { id: 'first', frontMd: 'Q', backMd: '', proofCode: null, proofLang: null, tags: [] });
    expect(worded(result)).toEqual({ ok: false, error: expect.stringContaining("duplicate card id 'first'") });
  });

  it('removes exactly one card\'s lines', () => {
    const parsed = parseDeck(TEXT);
    const { text, parsed: after } = expectOk(removeCard(parsed, 1));
    expect(text).toBe(TEXT.replace(parsed.cards[1].raw, ''));
    expect(after.cards.map((card) => card.id)).toEqual(['first', 'third']);
  });
});

describe('edits of a file with errors', () => {
  it('are refused with the first error, so a broken file is never rewritten', () => {
    const broken = parseDeck(`${FRONT}## A {#a}\n## B {#a}\n`, 'b.md');
    const fields: CardFields = { frontMd: 'Q', backMd: '', proofCode: null, proofLang: null, tags: [] };
    const refusal = { ok: false, error: "fix this file first: b.md:7: duplicate card id 'a': also used by the card at line 6" };
    expect(worded(updateCard(broken, 0, fields))).toEqual(refusal);
    expect(worded(appendCard(broken, fields))).toEqual(refusal);
    expect(worded(removeCard(broken, 0))).toEqual(refusal);
  });
});

describe('formatCard', () => {
  it('renders the canonical form', () => {
    expect(
      formatCard({ id: 'o-adam', frontMd: 'Adam?', backMd: 'Answer.', proofCode: 'check.true("a", true);', proofLang: 'js', tags: ['adam', 'opt'] }),
    ).toBe('## Adam? {#o-adam tags="adam opt"}\n\nAnswer.\n\n```js proof\ncheck.true("a", true);\n```\n');
    expect(formatCard({ frontMd: 'Q\n\nbody', backMd: 'A', proofCode: null, proofLang: null, tags: [] }, '\r\n')).toBe(
      '## Q\r\n\r\nbody\r\n\r\n?\r\n\r\nA\r\n',
    );
  });

  it('keeps question text that looks like an attribute block as text', () => {
    const card = formatCard({ frontMd: 'Q {a=b}', backMd: 'A', proofCode: null, proofLang: null, tags: [] });
    const parsed = parseDeck(`${FRONT}${card}`);
    expect(parsed.cards[0].frontMd).toBe('Q {a=b}');
  });
});

describe('edits parse only the changed card', () => {
  const decksDir = join(import.meta.dirname, '../../../decks');
  const variants = (text: string): [string, string][] => [
    ['as shipped', text],
    ['CRLF', text.replaceAll('\n', '\r\n')],
    ['BOM, no final newline', `\uFEFF${text.trimEnd()}`],
  ];
  const edits: [string, (card: CardFields) => CardFields][] = [
    ['longer answer', (c) => ({ ...fieldsOf(c), backMd: `${c.backMd}\n\nOne more line.\n\n- and a list` })],
    ['one-line answer', (c) => ({ ...fieldsOf(c), backMd: 'Short.' })],
    ['new question and tags', (c) => ({ ...fieldsOf(c), frontMd: `Edited: ${c.frontMd}`, tags: [...c.tags, 'edited'] })],
    ['proof removed', (c) => ({ ...fieldsOf(c), proofCode: null, proofLang: null })],
    ['proof added', (c) => ({ ...fieldsOf(c), proofCode: "check.close('x', 1, 1);\n```\nnot a fence end", proofLang: 'ts' })],
  ];
  for (const name of readdirSync(decksDir).filter((f) => f.endsWith('.md'))) {
    for (const [label, text] of variants(readFileSync(join(decksDir, name), 'utf8'))) {
      it(`${name} (${label}): every card updated and removed gives what a full parse of the new file gives`, () => {
        const parsed = parseDeck(text, name);
        expect(parsed.errors).toEqual([]);
        for (let index = 0; index < parsed.cards.length; index++) {
          for (const [, edit] of edits) {
            const result = updateCard(parsed, index, edit(parsed.cards[index]));
            if (result.ok) expectOk(result);
          }
          expectOk(removeCard(parsed, index));
        }
      });
    }
  }

  it('refuses, without a full parse, a card whose answer would start another card', () => {
    const parsed = parseDeck(TEXT);
    const result = updateCard(parsed, 0, { ...fieldsOf(parsed.cards[0]), backMd: 'One.\n\n## Not a card' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatMessage(result.error)).toMatch(/would start a new card/);
  });
});
