// Every error named in ARCHITECTURE.md, with the line it must point at.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { formatMessage } from '../../../main/contract/messages';

const FRONT = '---\nid: demo\ndeck: Demo\nversion: 1\n---\n'; // lines 1–5; the first card line is 6

interface ErrorCase {
  name: string;
  text: string;
  /** Every expected error: [line, a fragment of the message]. */
  expected: [number, string][];
}

const cases: ErrorCase[] = [
  { name: 'no front matter', text: '## Q {#q}\nA\n', expected: [[1, 'no front matter']] },
  { name: 'front matter not at the very top', text: `\n${FRONT}`, expected: [[1, 'no front matter']] },
  { name: 'unterminated front matter', text: '---\nid: demo\ndeck: Demo\nversion: 1\n## Q\n', expected: [[1, 'unterminated front matter']] },
  { name: 'front matter not YAML', text: '---\nid: demo\ndeck: [unclosed\nversion: 1\n---\n', expected: [[4, 'not valid YAML']] },
  { name: 'front matter duplicate key', text: '---\nid: demo\ndeck: Demo\nversion: 1\nid: again\n---\n', expected: [[5, 'not valid YAML']] },
  { name: 'front matter not a mapping', text: '---\n- id\n- deck\n---\n', expected: [[2, 'not a YAML mapping']] },
  {
    name: 'empty front matter',
    text: '---\n---\n',
    expected: [
      [1, "missing 'id'"],
      [1, "missing 'deck'"],
      [1, "missing 'version'"],
    ],
  },
  { name: 'id missing', text: '---\ndeck: Demo\nversion: 1\n---\n', expected: [[1, "missing 'id'"]] },
  { name: 'deck missing', text: '---\nid: demo\nversion: 1\n---\n', expected: [[1, "missing 'deck'"]] },
  { name: 'version missing', text: '---\nid: demo\ndeck: Demo\n---\n', expected: [[1, "missing 'version'"]] },
  { name: 'unknown version', text: '---\nid: demo\ndeck: Demo\nversion: 2\n---\n', expected: [[4, 'unknown version 2']] },
  { name: 'version as text', text: '---\nid: demo\ndeck: Demo\nversion: "1"\n---\n', expected: [[4, "'version' must be the number 1"]] },
  { name: 'numeric deck id', text: '---\nid: 42\ndeck: Demo\nversion: 1\n---\n', expected: [[2, "'id' must be a string"]] },
  { name: 'bad deck id', text: '---\nid: my deck\ndeck: Demo\nversion: 1\n---\n', expected: [[2, "bad deck id 'my deck'"]] },
  { name: 'empty deck name', text: '---\nid: demo\ndeck: ""\nversion: 1\n---\n', expected: [[3, "'deck' must be a non-empty name"]] },
  { name: 'tags not a list', text: `${FRONT.slice(0, -4)}tags: adam\n---\n`, expected: [[5, "'tags' must be a list of strings"]] },
  { name: 'tags of numbers', text: `${FRONT.slice(0, -4)}tags: [1, 2]\n---\n`, expected: [[5, "'tags' must be a list of strings"]] },
  { name: 'description not text', text: `${FRONT.slice(0, -4)}description: [a]\n---\n`, expected: [[5, "'description' must be text"]] },
  { name: 'empty question', text: `${FRONT}## Q {#q}\nA\n##   {#e}\nB\n`, expected: [[8, 'empty question']] },
  { name: 'bare ## heading', text: `${FRONT}##\nB\n`, expected: [[6, 'empty question']] },
  { name: 'bad id (punctuation)', text: `${FRONT}\n## Q {#a/b}\n`, expected: [[7, "bad id 'a/b'"]] },
  { name: 'bad id (too long)', text: `${FRONT}## Q {#${'x'.repeat(65)}}\n`, expected: [[6, 'bad id']] },
  { name: 'two ids', text: `${FRONT}## Q {#a #b}\n`, expected: [[6, 'two ids']] },
  { name: 'malformed attribute block with an id', text: `${FRONT}## Q {#a b}\n`, expected: [[6, 'bad attribute block']] },
  {
    name: 'duplicate card id names both lines',
    text: `${FRONT}## A {#same}\nx\n## B {#other}\n## C {#same}\n`,
    expected: [[9, "duplicate card id 'same': also used by the card at line 6"]],
  },
  {
    name: 'two proof blocks',
    text: `${FRONT}## Q {#q}\n\`\`\`js proof\na\n\`\`\`\n~~~ts proof\nb\n~~~\n`,
    expected: [[10, 'two proof blocks in one card (lines 7 and 10)']],
  },
  { name: 'proof block in the question', text: `${FRONT}## Q {#q}\n\`\`\`js proof\na\n\`\`\`\n?\nA\n`, expected: [[7, 'proof block in the question']] },
  { name: 'unterminated fence', text: `${FRONT}## Q {#q}\nA\n\`\`\`\`js\ncode\n\`\`\`\n## swallowed {#s}\n`, expected: [[8, 'unterminated code fence']] },
  { name: 'unterminated ~~~ in the preamble', text: `${FRONT}~~~\n## Q {#q}\n`, expected: [[6, 'unterminated code fence']] },
  { name: 'unterminated HTML comment', text: `${FRONT}## Q {#q}\n<!-- draft\n## R {#r}\n`, expected: [[7, 'unterminated HTML comment']] },
  { name: 'NUL byte', text: `${FRONT}## Q {#q}\nA\u0000B\n`, expected: [[7, 'binary content']] },
];

describe('parseDeck errors', () => {
  for (const errorCase of cases) {
    it(errorCase.name, () => {
      const parsed = parseDeck(errorCase.text, 'decks/demo.md');
      expect(parsed.errors.map((error) => [error.line, formatMessage(error)])).toEqual(
        errorCase.expected.map(([line, fragment]) => [line, expect.stringContaining(fragment)]),
      );
      for (const error of parsed.errors) expect(error.file).toBe('decks/demo.md');
    });
  }

  it('still returns what it could parse for display', () => {
    const parsed = parseDeck(`${FRONT}## Good {#g}\nA\n## {#x}\nB\n`);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.deck?.id).toBe('demo');
    expect(parsed.cards.map((card) => card.id)).toEqual(['g', 'x']);
  });

  it('drops the deck metadata when the front matter is wrong, keeping the cards', () => {
    const parsed = parseDeck('---\nid: demo\ndeck: Demo\nversion: 3\n---\n## Q {#q}\n');
    expect(parsed.deck).toBeNull();
    expect(parsed.cards).toHaveLength(1);
  });

  it('lists errors in line order', () => {
    const parsed = parseDeck('---\nid: demo\ndeck: Demo\nversion: 7\n---\n## {#a}\n## B {#a}\n');
    expect(parsed.errors.map((error) => error.line)).toEqual([4, 6, 7]);
  });

  it('accepts ids at the 64-character limit, counted in characters, not UTF-16 units', () => {
    const parsed = parseDeck(`${FRONT}## Q {#${'动'.repeat(64)}}\n## R {#${'𝑥'.repeat(64)}}\n`);
    expect(parsed.errors).toEqual([]);
  });
});
