// HTML in notes is untrusted: what survives into the deck file.
import { describe, expect, it } from 'vitest';
import { convertOk } from './helpers';

const answerOf = (body: string): string => convertOk(`# Q\n\n${body}\n`).parsed.cards[0].backMd;

describe('HTML sanitizing', () => {
  it('removes script, style and iframe elements with their content', () => {
    expect(answerOf('a<script>alert("x")</script>b<style>p{}</style>c<iframe src="//x"></iframe>d')).toBe('abcd');
  });

  it('keeps formatting tags but none of their attributes', () => {
    expect(answerOf('<b onmouseover="x()">b</b><br/><sup class="c">2</sup><span style="color:red">s</span>')).toBe(
      '<b>b</b><br><sup>2</sup>s',
    );
  });

  it('keeps web links and drops javascript: targets in HTML and Markdown links', () => {
    expect(answerOf('<a href="https://a.b/c" target="_blank">ok</a> <a href="javascript:alert(1)">no</a>')).toBe(
      '<a href="https://a.b/c">ok</a> <a>no</a>',
    );
    expect(answerOf('[x](javascript:alert(1)) [y](https://ok.example)')).toBe('[x](#) [y](https://ok.example)');
    expect(answerOf('[x][ref]\n\n[ref]: javascript:alert(1)')).toBe('[x][ref]\n\n[ref]: #');
  });

  it('drops HTML comments and event handlers on images', () => {
    expect(answerOf('a<!-- hidden -->b <img src="x.png" onerror="alert(1)" alt="pic">')).toBe(
      'ab **[missing image: pic]** `x.png`',
    );
  });

  it('leaves HTML-looking text inside code spans, fenced code and math alone', () => {
    expect(answerOf('`<script>` and $\\langle a<b \\rangle$')).toBe('`<script>` and $\\langle a<b \\rangle$');
    expect(answerOf('```html\n<script>x</script>\n```')).toBe('```html\n<script>x</script>\n```');
  });

  it('still removes active HTML hidden inside math', () => {
    expect(answerOf('$x<img src=a onerror=alert(1)>$')).toBe('$x$');
  });

  it('keeps autolinks and plain less-than signs', () => {
    expect(answerOf('<https://arxiv.org/pdf/2006.04152.pdf> and 1 < 2')).toBe('<https://arxiv.org/pdf/2006.04152.pdf> and 1 < 2');
  });
});

describe('regressions found by the property test', () => {
  it('does not let an unclosed code span shield the next lines from sanitizing', () => {
    expect(answerOf('``unclosed\n<script>alert(1)\n``')).toBe('``unclosed\nalert(1)\n``');
  });

  it('keeps a $$ block from reaching into a code fence', () => {
    const { parsed } = convertOk('# Q\n\n$$\n```python\n<img src="a.png" style="zoom: 50%;">\n```\n$$\n');
    expect(parsed.cards[0].backMd).toBe('$$\n```python\n<img src="a.png" style="zoom: 50%;">\n```\n$$');
    expect(parsed.cards).toHaveLength(1);
  });

  it('never leaves a line starting <!-- (a deck comment block) in math, and drops images there', () => {
    expect(answerOf('$$\n<!-- open\nx <img src="a.png" style="zoom:50%">\n$$')).toBe('$$\n< !-- open\nx \n$$');
  });
});
