// The conversion rules, one by one, on Typora-style fixtures.
import { describe, expect, it } from 'vitest';
import { isValidCardId } from '../../../main/core/deck';
import { convertOk, readFixture } from './helpers';

const notes = readFixture('interview-notes.md');
const headsImage = 'photos/heads.png';

describe('cards from headings', () => {
  const { summary, parsed } = convertOk(notes, { fileName: 'interview-notes.md' });
  const card = (question: string) => {
    const found = parsed.cards.find((candidate) => candidate.frontMd === question);
    if (!found) throw new Error(`no card "${question}" in ${parsed.cards.map((c) => c.frontMd).join(' | ')}`);
    return found;
  };

  it('makes one card per heading with content, numbering removed from the question', () => {
    expect(parsed.cards.map((c) => c.frontMd)).toEqual([
      'self-attention源码',
      '自注意力计算公式',
      '多头的作用',
      '为什么线性变换、除以根号dk？',
      '参数量表格',
      '优化器总结',
      'Gradient Descent 梯度下降',
    ]);
    expect(summary.cards.map((c) => c.line)).toEqual([3, 15, 19, 29, 38, 49, 53]);
  });

  it('turns enclosing headings into tags (numbering removed, spaces → -)', () => {
    expect(card('self-attention源码').tags).toEqual(['transformer相关']);
    expect(card('为什么线性变换、除以根号dk？').tags).toEqual(['transformer相关', '面经题目']);
    expect(card('优化器总结').tags).toEqual(['optimizer相关']);
    expect(card('Gradient Descent 梯度下降').tags).toEqual(['optimizer相关', '优化器总结']);
  });

  it('names the deck after the file when there are several top-level headings', () => {
    expect(parsed.deck).toMatchObject({ id: 'interview-notes', name: 'interview-notes', version: 1 });
  });

  it('reports an empty heading without sub-headings and makes no card of it; chapters are not reported', () => {
    expect(summary.skippedHeadings).toEqual([
      { line: 27, heading: '1.2.3 Negative Sampling 负采样', reason: { code: 'notes.skipNoContent', params: {} } },
    ]);
  });

  it('keeps a code block whole with its language, `# comments` inside included', () => {
    expect(card('self-attention源码').backMd).toBe(
      [
        '```python',
        'class SelfAttention(nn.Module):',
        '    def forward(self, x):',
        '        # shape of x: batch * seq * hidden',
        '# a top-level comment that looks like a heading',
        '        return x',
        '```',
      ].join('\n'),
    );
  });

  it('keeps lists, inline and display math, tables and links as written', () => {
    const answer = card('为什么线性变换、除以根号dk？').backMd;
    expect(answer).toContain('- 点积 $q\\cdot k$ 的方差为 $d_k$，所以除以 $\\sqrt{d_k}$');
    expect(answer).toContain('$$\n\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V\n$$');
    const table = card('参数量表格').backMd;
    expect(table).toContain('| 模块 | 参数量 |\n| --- | --- |\n| embedding | 23,835,648 |');
    expect(table).toContain('[BERT paper](https://arxiv.org/abs/1810.04805)');
    // `<` inside math is not HTML: it must survive untouched.
    expect(card('Gradient Descent 梯度下降').backMd).toContain('且 $a<b$');
  });

  it('gives every card a valid, unique id derived from its heading, prefixed by the deck id', () => {
    const ids = parsed.cards.map((c) => c.id);
    expect(ids.every((id) => id !== null && isValidCardId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[3]).toBe('interview-notes-为什么线性变换-除以根号dk');
  });
});

describe('images', () => {
  it('turns paths that do not exist into visible placeholders with the alt text and lists them', () => {
    const { deckText, summary, parsed } = convertOk(notes);
    expect(summary.missingImages).toEqual([
      'E:\\code\\note\\notebook\\photos\\about transformer\\image-20220427174819958.png',
      headsImage,
      'E:\\code\\note\\notebook\\photos\\about transformer\\image-20220502155925451.png',
    ]);
    const formula = parsed.cards.find((c) => c.frontMd === '自注意力计算公式')!.backMd;
    expect(formula).toBe(
      '**[missing image: attention formula]** `E:\\code\\note\\notebook\\photos\\about transformer\\image-20220427174819958.png`',
    );
    expect(deckText).toContain('**[missing image: 0-1 loss]**');
    expect(deckText).not.toMatch(/zoom|style=|<img/);
  });

  it('references images that exist from the deck assets folder, each copied once', () => {
    const { deckText, summary } = convertOk(notes, { imageExists: (src) => src === headsImage });
    expect(summary.imageCopies).toEqual([{ src: headsImage, assetPath: 'notes.assets/heads.png' }]);
    expect(deckText).toContain('![heads diagram](notes.assets/heads.png)');
    expect(deckText).toContain('另一张图：![again](notes.assets/heads.png)');
    expect(summary.missingImages).not.toContain(headsImage);
  });

  it('gives two different images with the same file name different asset names', () => {
    const text = '# Q\n\n![a](one/x.png) ![b](two/x.png) ![c](one/x.png)\n';
    const { summary } = convertOk(text, { imageExists: () => true });
    expect(summary.imageCopies).toEqual([
      { src: 'one/x.png', assetPath: 'q.assets/x.png' },
      { src: 'two/x.png', assetPath: 'q.assets/x-2.png' },
    ]);
  });

  it('links web images instead of listing them as missing', () => {
    const { deckText, summary } = convertOk('# Q\n\n<img src="https://example.com/a.png" alt="web">\n');
    expect(deckText).toContain('[web](<https://example.com/a.png>)');
    expect(summary.missingImages).toEqual([]);
  });
});

describe('deck naming and ids', () => {
  it('names the deck after the single top-level heading', () => {
    const { parsed } = convertOk(readFixture('single-chapter.md'), { fileName: 'whatever.md' });
    expect(parsed.deck).toMatchObject({ id: '损失函数相关', name: '损失函数相关' });
    expect(parsed.cards.map((c) => [c.id, c.tags])).toEqual([
      ['损失函数相关-hinge损失函数', ['损失函数相关']],
      ['损失函数相关-交叉熵损失函数', ['损失函数相关']],
    ]);
  });

  it('never takes the id of a built-in deck: notes named like one get "-notes"', () => {
    const reservedDeckIds = new Set(['transformer', 'transformer-notes']);
    const { parsed } = convertOk('# A\n\nx\n\n# B\n\ny\n', { fileName: 'transformer.md', reservedDeckIds });
    expect(parsed.deck).toMatchObject({ id: 'transformer-notes-2', name: 'transformer' });
    expect(parsed.cards[0].id).toBe('transformer-notes-2-a');
  });

  it('keeps ids when the notes are edited, renumbered and reordered, so scheduling carries over', () => {
    const before = convertOk('# A\n## 1.1 Adam\nx\n## 1.2 SGD\ny\n').parsed.cards.map((c) => c.id);
    const after = convertOk('# A\n## 2.1 SGD\ny changed\n## 2.2 New\nz\n## 2.3 Adam\nx\n').parsed.cards;
    expect(after.find((c) => c.frontMd === 'Adam')!.id).toBe(before[0]);
    expect(after.find((c) => c.frontMd === 'SGD')!.id).toBe(before[1]);
  });

  it('tells apart cards with the same title by their parent, then by a counter', () => {
    const text = '# D\n## 优化器\n### 特点\na\n## 损失\n### 特点\nb\n### 特点\nc\n';
    expect(convertOk(text).parsed.cards.map((c) => c.id)).toEqual(['d-特点', 'd-损失-特点', 'd-特点-2']);
  });

  it('keeps proofs added to the deck after the first import, and lists cards the notes dropped', () => {
    const { parsed, summary } = convertOk('# D\n## Adam\nanswer\n', {
      previousCards: [
        { id: 'd-adam', frontMd: 'Adam', backMd: 'answer', tags: [], proofCode: "check.true('ok', true);", proofLang: 'js' },
        { id: 'd-gone', frontMd: 'Gone', backMd: 'old', tags: [], proofCode: null, proofLang: null },
      ],
    });
    expect(parsed.cards[0]).toMatchObject({ id: 'd-adam', proofCode: "check.true('ok', true);", proofLang: 'js' });
    expect(parsed.cards[0].backMd).toBe('answer');
    expect(summary.proofsKept).toEqual(['d-adam']);
    expect(summary.removedCardIds).toEqual(['d-gone']);
  });
});

describe('deck-format safety', () => {
  it('escapes a line holding only ? so it does not turn the answer into a question', () => {
    const { parsed } = convertOk('# Q\n\nfirst\n\n?\n\nafter\n');
    expect(parsed.cards[0]).toMatchObject({ frontMd: 'Q', backMd: 'first\n\n\\?\n\nafter' });
  });

  it('keeps only one proof-tagged block per card', () => {
    const { parsed } = convertOk('# Q\n\n```js proof\na\n```\n\n```js proof\nb\n```\n');
    expect(parsed.cards[0].proofCode).toBe('a');
    expect(parsed.cards[0].backMd).toBe('```js\nb\n```');
  });

  it('keeps a question whose text ends in braces as text', () => {
    const { parsed } = convertOk('# 集合 {x}\n\n答案\n');
    expect(parsed.cards[0].frontMd).toBe('集合 {x}');
  });
});

describe('reference links across cards', () => {
  it('turns a definition nothing uses into a visible link (Typora shows it, Markdown would hide it)', () => {
    const { parsed } = convertOk('# Q\n\n[《Understanding Contrastive》]: https://arxiv.org/pdf/2005.10242.pdf\n\n文章指出\n');
    expect(parsed.cards[0].backMd).toBe('[《Understanding Contrastive》](https://arxiv.org/pdf/2005.10242.pdf)\n\n文章指出');
  });

  it('copies a definition into the card that uses it when it was written under another heading', () => {
    const { parsed } = convertOk('# A\n\nsee [the paper][bert]\n\n# B\n\n[bert]: https://arxiv.org/abs/1810.04805\n\nb uses [BERT] too\n');
    expect(parsed.cards[0].backMd).toBe('see [the paper][bert]\n\n[bert]: https://arxiv.org/abs/1810.04805');
    expect(parsed.cards[1].backMd).toBe('[bert]: https://arxiv.org/abs/1810.04805\n\nb uses [BERT] too');
  });
});

describe('front matter and markup in titles', () => {
  it('takes the deck name from Typora front matter, and drops the block', () => {
    const { parsed } = convertOk('---\ntitle: 面经 Notes\ntypora-root-url: ./\n---\n\n# A\n\nx\n\n# B\n\ny\n');
    expect(parsed.deck).toMatchObject({ id: '面经-notes', name: '面经 Notes' });
    expect(parsed.cards.map((c) => c.backMd)).toEqual(['x', 'y']);
  });

  it('does not mistake two horizontal rules for front matter', () => {
    const { parsed } = convertOk('---\n\n# Q\n\nanswer\n\n---\n');
    expect(parsed.cards[0]).toMatchObject({ frontMd: 'Q', backMd: 'answer\n\n---' });
  });

  it('keeps HTML out of the deck name and the tags', () => {
    const { parsed } = convertOk('# <font color="red">1 红色 章节</font>\n\n## <font color=red>1.1 Q</font>\n\nA\n');
    expect(parsed.deck?.name).toBe('红色 章节');
    expect(parsed.cards[0]).toMatchObject({ frontMd: 'Q', id: '红色-章节-q' });
    expect(parsed.cards[0].tags).toEqual(['红色-章节']);
  });
});
