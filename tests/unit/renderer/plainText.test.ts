import { describe, expect, it } from 'vitest';
import { markdownToPlainText, plainFirstLine } from '../../../renderer/src/lib/plainText';

describe('markdownToPlainText', () => {
  it('drops emphasis, code and link markup, keeping their text', () => {
    expect(markdownToPlainText('What does **LayerNorm** normalise, for `x` in _one_ token? See [the paper](https://arxiv.org/abs/1607.06450).')).toBe(
      'What does LayerNorm normalise, for x in one token? See the paper.',
    );
    expect(markdownToPlainText('~~old~~ *new* __strong__ <b>tag</b> ![a diagram of attention](img/attn.png)')).toBe('old new strong tag a diagram of attention');
  });

  it('shows math as its TeX source without the dollars', () => {
    expect(markdownToPlainText('Why divide by $\\sqrt{d_k}$ in $ QK^\\top $?')).toBe('Why divide by \\sqrt{d_k} in QK^\\top?');
    expect(markdownToPlainText('Display: $$\\sum_i x_i$$ inline')).toBe('Display: \\sum_i x_i inline');
    expect(markdownToPlainText('$$\n\\mathrm{softmax}(z)_i\n$$')).toBe('\\mathrm{softmax}(z)_i');
  });

  it('leaves prices, escaped dollars and underscores inside words alone', () => {
    expect(markdownToPlainText('It costs $5 and $10; \\$x\\$ is literal; snake_case_name stays.')).toBe(
      'It costs $5 and $10; $x$ is literal; snake_case_name stays.',
    );
  });

  it('gives one line per heading, paragraph and list item, with markers removed', () => {
    expect(markdownToPlainText('# Title\n\n> quoted **text**\n\n- first\n- second `b`\n\n1. one\n\n```js\nconst a = 1;\n```')).toBe(
      'Title\nquoted text\nfirst\nsecond b\none\nconst a = 1;',
    );
  });

  it('keeps Chinese text and KaTeX-free questions as they are', () => {
    expect(markdownToPlainText('什么是**注意力**机制？')).toBe('什么是注意力机制？');
    expect(markdownToPlainText('Plain question?')).toBe('Plain question?');
    expect(markdownToPlainText('')).toBe('');
  });
});

describe('plainFirstLine', () => {
  it('is the first line of the plain text', () => {
    expect(plainFirstLine('**Why** $x$?\n\nMore detail')).toBe('Why x?');
    expect(plainFirstLine('')).toBe('');
  });
});
