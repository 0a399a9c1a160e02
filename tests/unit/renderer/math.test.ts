// The deck format's math delimiters (docs/ARCHITECTURE.md), one rule at a time, through the card renderer.
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../renderer/src/lib/markdownHtml';
import { strayDollars, viewMath } from '../../../scripts/lib/mathView';

const view = (source: string) => viewMath(markdownToHtml(source));

describe('math delimiters as Typora and MathJax read them', () => {
  it.each([
    ['spaces inside', '其中 $ \\sqrt{d_k} $ 是缩放因子。', 1],
    ['a space on one side only', 'where $ x_i$ and $W_q $ are inputs', 2],
    ['$$ inside a text line', 'The loss is $$L = -\\sum_i y_i \\log \\hat y_i$$ for one sample.', 1],
    ['$$ block opened on a text line', '公式如下： $$\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$\n\n$$\nb\n$$', 2],
    ['$$ block closed on a text line', '$$\nx = y\n$$ 其中 $\\epsilon$ 防止除零。\n\n$$\na = b\n$$', 3],
    ['a $$…$$ line followed by text', '$$a = b$$ which is all.\n\nNext $x$.\n\n$$\nc\n$$', 3],
    ['eqnarray', '$$\n\\begin{eqnarray}\nm_t &=& \\beta_1 m_{t-1} \\label{m} \\\\\nv_t &=& g_t^2 \\nonumber\n\\end{eqnarray}\n$$', 1],
    ['eqnarray*, inline', 'so $\\begin{eqnarray*} a &=& b \\end{eqnarray*}$ holds', 1],
    ['\\boldsymbol without braces, \\bm, \\mbox, \\rm, \\cal', '$z = \\boldsymbol w^T \\bm x$, $\\mbox{softmax}(z)$, ${\\rm ReLU}(x)$, $\\cal L$', 4],
  ])('%s', (_, source, formulas) => {
    const seen = view(source);
    expect(seen).toMatchObject({ rendered: formulas, errors: 0 });
    expect(strayDollars(seen.text)).toEqual([]);
  });

  it('leaves prices as text, even beside a formula', () => {
    for (const source of ['It costs $5 and $10.', 'From $5-$10 a month.', 'A run costs $5, and $ \\eta $ barely matters; $10 buys a sweep.']) {
      const seen = view(source);
      expect(seen.rendered).toBe(source.includes('eta') ? 1 : 0);
      expect(seen.text).toContain('$5');
      expect(seen.text).toContain('$10');
    }
  });

  it('keeps an escaped dollar and dollars in code as text', () => {
    expect(view('Pay \\$3 then `echo $HOME` and $x$.')).toMatchObject({ rendered: 1, errors: 0, text: expect.stringContaining('$3') });
  });

  it('shows a formula KaTeX cannot parse as its source, small and inline, and leaves the sentence alone', () => {
    const html = markdownToHtml('Broken $\\frac{1}{$ math, this sentence still renders, and $x$ too.');
    const seen = viewMath(html);
    expect(seen).toMatchObject({ rendered: 1, errors: 1 });
    expect(seen.text).toContain(' math, this sentence still renders, and ');
    expect(html).toMatch(/<code class="math-error" role="note" title="Math error: [^"]+">\$\\frac\{1\}\{\$<\/code>/);
  });
});
