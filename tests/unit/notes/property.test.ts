// Whatever mix of Typora constructs the notes hold, the importer never throws and every deck it writes parses
// with zero errors. Documents come from a seeded generator, so a failure is reproducible by its seed.
import { formatMessage } from '../../../main/contract/messages';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { convertNotes } from '../../../main/core/notes';

const FRAGMENTS = [
  '# 1 章节', '## 1.1 问题？', '### 1.1.1Stuck numbering', '#### ', '#', '## {#weird}', '## ends {x}', '?', ' ?', '---',
  '```python', '```', '~~~', '````js proof', 'check.true("x", true);', '```js proof', '# comment in code', '$$', '$a<b$',
  '$$\\frac{1}{2}$$', '<img src="E:\\a b\\c.png" style="zoom: 50%;">', '<img src="x.png"', '![alt](photos/x.png)',
  '![](E:\\code\\y.png)', '<script>alert(1)', '</script>', '<div onclick="x()">', '<!-- comment', '-->', '| a | b |',
  '| --- | --- |', '- item', '  - nested', '[ref]: https://example.com', 'see [ref]', '<https://x.y>', 'plain 文本',
  '', '', '', '\t', '> quote', '    indented code', '\\', '`', '``unclosed', '[', ']', '{#', '}', 'title: yaml?', '<!-- x -->', '$$ <!-- in math', '`<!--` in code', '<b>', '</b>', '$x$', '#tag', '##',
];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Deck text without fenced code, where `<script>` is just text on screen. */
function outsideFences(text: string): string {
  let fence: string | null = null;
  return text
    .split('\n')
    .filter((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
        return false;
      }
      if (marker) fence = marker;
      return !marker;
    })
    .join('\n');
}

describe('random Typora-style documents', () => {
  it('never throw, and every deck written parses cleanly', () => {
    let decks = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const random = seeded(seed);
      const lineCount = 1 + Math.floor(random() * 40);
      const lines = Array.from({ length: lineCount }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]);
      const eol = random() < 0.2 ? '\r\n' : '\n';
      const text = (random() < 0.1 ? '\uFEFF' : '') + lines.join(eol);
      const result = convertNotes({ text, fileName: `fuzz-${seed}.md`, imageExists: (src) => src.startsWith('photos/') });
      if (!result.ok) {
        expect(formatMessage(result.error), `seed ${seed}`).toMatch(/\S/);
        continue;
      }
      decks++;
      const parsed = parseDeck(result.deckText, `fuzz-${seed}.md`);
      expect(parsed.errors, `seed ${seed}:\n${text}\n---\n${result.deckText}`).toEqual([]);
      expect(parsed.cards.map((card) => card.id), `seed ${seed}`).toEqual(result.summary.cards.map((card) => card.id));
      expect(outsideFences(result.deckText), `seed ${seed}`).not.toMatch(/<script|onclick|zoom/i);
    }
    expect(decks).toBeGreaterThan(800);
  });
});
