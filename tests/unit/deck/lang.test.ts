// Front matter `lang`: the language of a deck's card content (screen readers read it in that language).
import { describe, expect, it } from 'vitest';
import { parseDeck, serializeDeck } from '../../../main/core/deck';
import { notesLanguage } from '../../../main/core/notes/language';
import { convertNotes } from '../../../main/core/notes';

const deck = (lang: string) => `---\nid: d\ndeck: 深度学习\nversion: 1\n${lang}---\n\n## 问题 {#q1}\n\n答案\n`;

describe('front matter lang', () => {
  it('is read when it is a language tag, and null when absent', () => {
    expect(parseDeck(deck('lang: zh-CN\n'), 'd.md').deck?.lang).toBe('zh-CN');
    expect(parseDeck(deck('lang: en\n'), 'd.md').deck?.lang).toBe('en');
    expect(parseDeck(deck('lang: zh-Hans-CN\n'), 'd.md').deck?.lang).toBe('zh-Hans-CN');
    expect(parseDeck(deck(''), 'd.md').deck?.lang).toBeNull();
  });

  it('refuses a value that is not a language tag, at its line', () => {
    for (const bad of ['lang: Chinese please\n', 'lang: 12\n', 'lang: [zh]\n', 'lang: z\n']) {
      const parsed = parseDeck(deck(bad), 'd.md');
      expect(parsed.deck).toBeNull();
      expect(parsed.errors).toEqual([expect.objectContaining({ line: 5, code: 'deck.badLang' })]);
    }
  });

  it('survives the serialize round trip', () => {
    const text = deck('lang: zh-CN\n');
    expect(serializeDeck(parseDeck(text, 'd.md'))).toBe(text);
  });
});

describe('notes language', () => {
  it('is zh-CN when Han characters are at least 30% of the letters outside code and math', () => {
    expect(notesLanguage('# 优化器\n\nAdam 的偏差修正让早期的一阶矩估计无偏。')).toBe('zh-CN');
    expect(notesLanguage('# Adam\n\nBias correction makes early moment estimates unbiased (偏差修正).')).toBeNull();
    // Formulas and code are not prose: a short Chinese note full of math is still Chinese.
    const math = '# 损失\n\n交叉熵：$$L = -\\sum_i y_i \\log p_i + \\lambda \\lVert w \\rVert_2^2$$\n\n```js\nconst loss = tf.losses.softmaxCrossEntropy(labels, logits);\n```\n';
    expect(notesLanguage(math)).toBe('zh-CN');
    expect(notesLanguage('# Plain\n\nNo Chinese here.')).toBeNull();
  });

  it('is written to the deck made from Chinese notes, and left out otherwise', () => {
    const zh = convertNotes({ fileName: '优化器.md', text: '# 优化器\n\n## 什么是动量？\n\n动量累积过去的梯度。\n' });
    const en = convertNotes({ fileName: 'opt.md', text: '# Optimizers\n\n## What is momentum?\n\nIt accumulates past gradients.\n' });
    expect(zh.ok && zh.deckText).toMatch(/^lang: zh-CN$/m);
    expect(en.ok && en.deckText).not.toMatch(/^lang:/m);
    expect(zh.ok && parseDeck(zh.deckText, 'x.md').deck?.lang).toBe('zh-CN');
  });
});
