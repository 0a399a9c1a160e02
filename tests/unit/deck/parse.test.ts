import { describe, expect, it } from 'vitest';
import { parseDeck, serializeDeck } from '../../../main/core/deck';

const FRONT = '---\nid: optimizers\ndeck: 优化器 (Optimizers)\nversion: 1\ntags: [optimizer]\n---\n';

describe('parseDeck: cards', () => {
  it('reads the ARCHITECTURE example: id, tags, answer without the proof, proof code', () => {
    const text =
      FRONT +
      '\n## Adam 的完整更新公式？ {#o-adam tags="adam bias-correction"}\n\n$$m_t$$\n\nAnswer text.\n\n' +
      "```js proof\ncheck.close('a', 1, 1);\n```\n";
    const parsed = parseDeck(text, 'opt.md');
    expect(parsed.errors).toEqual([]);
    expect(parsed.deck).toEqual({ lang: null, id: 'optimizers', name: '优化器 (Optimizers)', version: 1, description: null, tags: ['optimizer'] });
    expect(parsed.cards).toHaveLength(1);
    const card = parsed.cards[0];
    expect(card.id).toBe('o-adam');
    expect(card.line).toBe(8);
    expect(card.frontMd).toBe('Adam 的完整更新公式？');
    expect(card.backMd).toBe('$$m_t$$\n\nAnswer text.');
    expect(card.proofCode).toBe("check.close('a', 1, 1);");
    expect(card.proofLang).toBe('js');
    expect(card.tags).toEqual(['adam', 'bias-correction']);
    expect(serializeDeck(parsed)).toBe(text);
  });

  it('treats "## " inside a code fence as code, and a ? line as the end of the question', () => {
    const text = FRONT + '## Code? {#o-动量}\n```py\n## not a heading\n```\n?\nAnswer\n';
    const parsed = parseDeck(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards).toHaveLength(1);
    expect(parsed.cards[0].id).toBe('o-动量');
    expect(parsed.cards[0].frontMd).toBe('Code?\n\n```py\n## not a heading\n```');
    expect(parsed.cards[0].backMd).toBe('Answer');
  });
});
