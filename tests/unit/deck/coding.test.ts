// Coding cards (`type="code"`): the starter, solution and proof blocks, their errors, and an exact round trip
// through the editor's canonical form.
import { describe, expect, it } from 'vitest';
import { appendCard, contentOf, formatCard, parseDeck, serializeDeck, updateCard } from '../../../main/core/deck';

const HEADER = '---\nid: coding\ndeck: Coding\nversion: 1\n---\n\n';

// Canonical form, as the editor writes it: answer text, then starter, solution and proof.
const SOFTMAX = `## Write a numerically stable softmax over the last axis {#c-softmax type="code" tags="softmax"}

Subtract the row maximum before \`exp\`: $\\mathrm{softmax}(x)=\\mathrm{softmax}(x-\\max x)$.

\`\`\`ts starter
// x: number[][]; return each row's softmax
function softmax(x: number[][]): number[][] {
  return x; // "TODO"
}
\`\`\`

\`\`\`js solution
function softmax(x) {
  return x.map((row) => {
    const top = Math.max(...row);
    const e = row.map((v) => Math.exp(v - top));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  });
}
\`\`\`

\`\`\`\`js proof
// a \`\`\` inside the test must not close its fence
\`\`\`
check.close('rows sum to 1', softmax([[1000, 1001]]).map((r) => r[0] + r[1]), [1]);
\`\`\`\`
`;

describe('coding cards', () => {
  it('reads the starter, solution and proof out of the answer, each with its language', () => {
    const parsed = parseDeck(HEADER + SOFTMAX);
    expect(parsed.errors).toEqual([]);
    const [card] = parsed.cards;
    expect(card.backMd).toBe('Subtract the row maximum before `exp`: $\\mathrm{softmax}(x)=\\mathrm{softmax}(x-\\max x)$.');
    expect(card.code?.starter).toEqual({ lang: 'ts', code: '// x: number[][]; return each row\'s softmax\nfunction softmax(x: number[][]): number[][] {\n  return x; // "TODO"\n}' });
    expect(card.code?.solution.lang).toBe('js');
    expect(card.code?.solution.code).toContain('Math.max(...row)');
    expect(card.proofLang).toBe('js');
    expect(card.proofCode).toBe("// a ``` inside the test must not close its fence\n```\ncheck.close('rows sum to 1', softmax([[1000, 1001]]).map((r) => r[0] + r[1]), [1]);");
  });

  it('parse → format → parse gives the deck text back byte for byte, CRLF too', () => {
    for (const eol of ['\n', '\r\n'] as const) {
      const text = (HEADER + SOFTMAX).split('\n').join(eol);
      const parsed = parseDeck(text);
      const card = parsed.cards[0];
      expect(formatCard({ ...contentOf(card), id: card.id, attributes: card.attributes }, eol)).toBe(card.raw);
      const again = parseDeck(serializeDeck(parsed));
      expect(serializeDeck(again)).toBe(text);
      expect(contentOf(again.cards[0])).toEqual(contentOf(card));
    }
  });

  it('a coding card missing a block is an error on its heading line, one per missing block', () => {
    const noSolution = SOFTMAX.replace(/```js solution[\s\S]*?\n```\n\n/, '');
    const parsed = parseDeck(HEADER + 'Preamble.\n\n' + noSolution);
    expect(parsed.errors.map(({ line, code, params }) => ({ line, code, params }))).toEqual([
      { line: 9, code: 'deck.codeBlockMissing', params: { block: 'solution' } },
    ]);
    const bare = parseDeck(HEADER + '## Write LayerNorm {type=code}\n\nNormalize over the last axis.\n');
    expect(bare.errors.map((e) => [e.line, e.params])).toEqual([[7, { block: 'starter' }], [7, { block: 'solution' }], [7, { block: 'proof' }]]);
  });

  it('two starters, or a solution above the `?`, are errors naming their lines', () => {
    const twoStarters = SOFTMAX.replace('```js solution', '```js starter\nfunction softmax() {}\n```\n\n```js solution');
    const parsed = parseDeck(HEADER + twoStarters);
    expect(parsed.errors.map((e) => [e.line, e.code, e.params])).toEqual([[18, 'deck.twoCodeBlocks', { block: 'starter', lines: '11 and 18' }]]);
    const above = parseDeck(HEADER + '## Q {type="code"}\n\n```js solution\nconst x = 1;\n```\n\n?\n\nA\n');
    expect(above.errors.map((e) => [e.line, e.code])).toEqual([
      [9, 'deck.codeBlockInQuestion'], [7, 'deck.codeBlockMissing'], [7, 'deck.codeBlockMissing'], [7, 'deck.codeBlockMissing'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
  });

  it('on a card that is not a coding card, `js starter` blocks stay answer text, as before', () => {
    const plain = SOFTMAX.replace(' type="code"', '');
    const [card] = parseDeck(HEADER + plain).cards;
    expect(card.code).toBeNull();
    expect(card.backMd).toContain('```ts starter');
    expect(card.backMd).toContain('```js solution');
  });

  it('an edit keeps the blocks, and a new card with coding parts gets type="code"', () => {
    const parsed = parseDeck(HEADER + SOFTMAX);
    const card = parsed.cards[0];
    const newSolution = { lang: 'js' as const, code: 'const softmax = (x) => x.map((r) => r.map(() => 1 / r.length));' };
    const edited = updateCard(parsed, 0, { ...contentOf(card), code: { starter: card.code!.starter, solution: newSolution } });
    if (!edited.ok) throw new Error(JSON.stringify(edited.error));
    expect(edited.parsed.cards[0].code).toEqual({ starter: card.code!.starter, solution: newSolution });
    expect(edited.text).toContain('{#c-softmax type="code" tags="softmax"}');

    const added = appendCard(parseDeck(HEADER), {
      frontMd: 'Cross-entropy from logits', backMd: 'log-sum-exp.', proofCode: "check.true('runs', true);", proofLang: 'js', tags: [],
      code: { starter: { lang: 'js', code: 'function xent(logits, label) {}' }, solution: { lang: 'js', code: 'const xent = () => 0;' } }, id: 'c-xent',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    expect(added.text).toContain('## Cross-entropy from logits {#c-xent type="code"}\n\nlog-sum-exp.\n\n```js starter\nfunction xent(logits, label) {}\n```\n\n```js solution\n');
  });

  it('an edit that drops a coding card\'s blocks is refused, not saved as a plain card', () => {
    const parsed = parseDeck(HEADER + SOFTMAX);
    const { code: _dropped, ...withoutCode } = contentOf(parsed.cards[0]);
    const edited = updateCard(parsed, 0, { ...withoutCode, code: null });
    expect(edited.ok).toBe(false);
    if (!edited.ok) expect(edited.error.code).toBe('card.problems');
  });
});
