// serializeDeck(parseDeck(t)) === t for every valid layout variant, and each variant parses as intended.
import { describe, expect, it } from 'vitest';
import { parseDeck, serializeDeck } from '../../../main/core/deck';

const FRONT = '---\nid: demo\ndeck: Demo\nversion: 1\n---\n';

interface Variant {
  name: string;
  text: string;
  cards: number;
  check?: (parsed: ReturnType<typeof parseDeck>) => void;
}

const variants: Variant[] = [
  { name: 'front matter only', text: FRONT, cards: 0 },
  { name: 'front matter without final newline', text: FRONT.slice(0, -1), cards: 0 },
  { name: 'no trailing newline after the last card', text: `${FRONT}\n## Q {#q}\nA`, cards: 1 },
  { name: 'several trailing blank lines', text: `${FRONT}\n## Q {#q}\nA\n\n\n`, cards: 1 },
  {
    name: 'CRLF everywhere',
    text: `${FRONT}\n## Q {#q}\n\nA\n`.replace(/\n/g, '\r\n'),
    cards: 1,
    check: (parsed) => {
      expect(parsed.eol).toBe('\r\n');
      expect(parsed.cards[0].backMd).toBe('A');
    },
  },
  {
    name: 'mixed line endings',
    text: '---\r\nid: demo\ndeck: Demo\r\nversion: 1\n---\r\n## Q {#q}\r\nA\nB\r\n',
    cards: 1,
    check: (parsed) => expect(parsed.cards[0].backMd).toBe('A\nB'),
  },
  {
    name: 'BOM',
    text: `\uFEFF${FRONT}## Q {#q}\nA\n`,
    cards: 1,
    check: (parsed) => {
      expect(parsed.bom).toBe(true);
      expect(parsed.deck?.id).toBe('demo');
    },
  },
  {
    name: 'BOM + CRLF + no final newline',
    text: `\uFEFF${FRONT}## Q {#q}\nA`.replace(/\n/g, '\r\n'),
    cards: 1,
  },
  {
    name: 'preamble and unknown front-matter keys',
    text: '---\nid: demo\ndeck: Demo\nversion: 1\nauthor: { name: X }   # comment kept\nlicense: CC-BY\n---\n\n# Title\n\nIntro *text*.\n\n## Q {#q}\nA\n',
    cards: 1,
    check: (parsed) => {
      expect(parsed.preambleMd).toBe('# Title\n\nIntro *text*.');
      expect(parsed.frontMatterExtra).toEqual({ author: { name: 'X' }, license: 'CC-BY' });
    },
  },
  {
    name: 'unicode ids and extra attributes',
    text: `${FRONT}## 动量是什么？ {#o-动量 tags="optimizer momentum" level=2 note='a b' .hard}\nA\n## Ελληνικά {#ε.λ_1}\nB\n`,
    cards: 2,
    check: (parsed) => {
      expect(parsed.cards.map((card) => card.id)).toEqual(['o-动量', 'ε.λ_1']);
      expect(parsed.cards[0].tags).toEqual(['optimizer', 'momentum']);
      expect(parsed.cards[0].attributes.map((attribute) => attribute.raw)).toEqual([
        'tags="optimizer momentum"',
        'level=2',
        "note='a b'",
        '.hard',
      ]);
      expect(parsed.cards[0].frontMd).toBe('动量是什么？');
    },
  },
  {
    name: 'multi-line question with a ? line',
    text: `${FRONT}## What does this print? {#q}\n\n\`\`\`py\nprint(1)\n\`\`\`\n\n?\n\nIt prints 1.\n`,
    cards: 1,
    check: (parsed) => {
      expect(parsed.cards[0].frontMd).toBe('What does this print?\n\n```py\nprint(1)\n```');
      expect(parsed.cards[0].backMd).toBe('It prints 1.');
    },
  },
  {
    name: '## and ? inside code fences are code',
    text: `${FRONT}## Q {#q}\n\`\`\`md\n## not a card\n?\n\`\`\`\n## R {#r}\n~~~\n## still code\n~~~\n`,
    cards: 2,
    check: (parsed) => {
      expect(parsed.cards[0].frontMd).toBe('Q');
      expect(parsed.cards[0].backMd).toBe('```md\n## not a card\n?\n```');
      expect(parsed.cards[1].backMd).toBe('~~~\n## still code\n~~~');
    },
  },
  {
    name: 'nested longer fences and ~~~ proof',
    text: `${FRONT}## Q {#q}\n\n\`\`\`\`md\n\`\`\`js proof\n## inside\n\`\`\`\n\`\`\`\`\n\n~~~ts proof\nconst x: number = 1;\n\`\`\`\n~~~\n`,
    cards: 1,
    check: (parsed) => {
      const card = parsed.cards[0];
      expect(card.proofLang).toBe('ts');
      expect(card.proofCode).toBe('const x: number = 1;\n```');
      expect(card.backMd).toBe('````md\n```js proof\n## inside\n```\n````');
    },
  },
  {
    name: 'indented proof fence: its indentation is removed from the code, as CommonMark does',
    text: `${FRONT}## Q {#q}\n  \`\`\`js proof\n  if (x) {\n      y();\n   }\n z\n  \`\`\`\n`,
    cards: 1,
    check: (parsed) => expect(parsed.cards[0].proofCode).toBe('if (x) {\n    y();\n }\nz'),
  },
  {
    name: 'proof block between paragraphs leaves a single gap',
    text: `${FRONT}## Q {#q}\n\nBefore.\n\n\`\`\`js proof\ncheck.true('t', true);\n\`\`\`\n\nAfter.\n`,
    cards: 1,
    check: (parsed) => expect(parsed.cards[0].backMd).toBe('Before.\n\nAfter.'),
  },
  {
    name: 'a card commented out with <!-- --> is not a card, nor is a fence inside a comment',
    text: `${FRONT}## Q {#q}\nA\n<!--\n## Old card {#old}\n\`\`\`js proof\nx\n\`\`\`\n-->\n<!-- one line --> after\n## R {#r}\n`,
    cards: 2,
    check: (parsed) => {
      expect(parsed.cards.map((card) => card.id)).toEqual(['q', 'r']);
      expect(parsed.cards[0].proofCode).toBeNull();
      expect(parsed.cards[0].backMd).toBe('A\n<!--\n## Old card {#old}\n```js proof\nx\n```\n-->\n<!-- one line --> after');
    },
  },
  {
    name: 'headings of other levels and indented ## are not cards',
    text: `${FRONT}## Q {#q}\n### Sub\n# H1\n ## indented\n####\n`,
    cards: 1,
    check: (parsed) => expect(parsed.cards[0].backMd).toBe('### Sub\n# H1\n ## indented\n####'),
  },
  {
    name: 'braces that are not an attribute block stay in the question',
    text: `${FRONT}## Set $\\{x\\}$ or {a b}\nA\n`,
    cards: 1,
    check: (parsed) => {
      expect(parsed.cards[0].frontMd).toBe('Set $\\{x\\}$ or {a b}');
      expect(parsed.cards[0].id).toBeNull();
    },
  },
  {
    name: 'card without an id, tab after ##, trailing spaces',
    text: `${FRONT}##\tTabbed   \nA  \n`,
    cards: 1,
    check: (parsed) => {
      expect(parsed.cards[0].frontMd).toBe('Tabbed');
      expect(parsed.cards[0].backMd).toBe('A  ');
    },
  },
];

describe('round trip', () => {
  for (const variant of variants) {
    it(variant.name, () => {
      const parsed = parseDeck(variant.text, 'demo.md');
      expect(parsed.errors).toEqual([]);
      expect(parsed.cards).toHaveLength(variant.cards);
      variant.check?.(parsed);
      expect(serializeDeck(parsed)).toBe(variant.text);
    });
  }

  it('records each card\'s heading line (1-based, counting the front matter)', () => {
    const parsed = parseDeck(`${FRONT}\n## A {#a}\nx\n\n## B {#b}\n`);
    expect(parsed.cards.map((card) => card.line)).toEqual([7, 10]);
  });

  it('is exact even for files with errors (so nothing is lost when showing them)', () => {
    for (const text of ['no front matter\n## Q\n', '---\nid: x\n', `${FRONT}## {#bad!}\n\`\`\`\n`]) {
      const parsed = parseDeck(text);
      expect(parsed.errors.length).toBeGreaterThan(0);
      expect(serializeDeck(parsed)).toBe(text);
    }
  });
});
