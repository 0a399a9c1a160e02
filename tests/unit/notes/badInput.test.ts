// Bad input from the issue: each gives a clear message or a sensible deck, never a crash.
import { formatMessage } from '../../../main/contract/messages';
import { describe, expect, it } from 'vitest';
import { decodeNotesBytes, MAX_NOTES_BYTES } from '../../../main/core/notes';
import { convertError, convertOk } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('input that is not notes', () => {
  it('refuses binary data, as bytes and as text', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const decoded = decodeNotesBytes(png);
    expect(decoded).toEqual({ ok: false, error: { code: 'notes.binary', params: {} } });
    if (!decoded.ok) expect(formatMessage(decoded.error)).toContain('not text (it contains binary data)');
    expect(formatMessage(convertError('# a\u0000\u0001\u0002 b\n').error)).toContain('not text');
  });

  it('refuses an empty or blank file', () => {
    expect(formatMessage(convertError('').error)).toBe('The notes file is empty: there is nothing to import.');
    expect(formatMessage(convertError('\uFEFF \n\r\n\t\n').error)).toContain('empty');
  });

  it('refuses a 20 MB file with its size and the limit', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const decoded = decodeNotesBytes(big);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(formatMessage(decoded.error)).toMatch(/20\.0 MB.*up to 5\.0 MB/);
    expect(formatMessage(convertError('# q\n' + 'a'.repeat(MAX_NOTES_BYTES)).error)).toContain('up to 5.0 MB');
  });

  it('says how to fix notes without headings', () => {
    expect(formatMessage(convertError('just a paragraph\n\n- and a list\n').error)).toMatch(/^No headings found/);
  });

  it('says there is nothing to import when there are headings only, and lists them', () => {
    const result = convertError('# A\n## B\n\n### C\n');
    expect(formatMessage(result.error)).toContain('None of the 3 headings has content');
    expect(result.summary?.skippedHeadings.map((s) => s.heading)).toEqual(['C']);
  });
});

describe('encodings and line endings', () => {
  it('converts GBK-encoded notes and says so', () => {
    // "# 问题\n\n答案\n" saved by Typora as GBK.
    const gbk = Uint8Array.from([0x23, 0x20, 0xce, 0xca, 0xcc, 0xe2, 0x0a, 0x0a, 0xb4, 0xf0, 0xb0, 0xb8, 0x0a]);
    const decoded = decodeNotesBytes(gbk);
    expect(decoded).toMatchObject({ ok: true, encoding: 'gbk', text: '# 问题\n\n答案\n' });
    if (!decoded.ok) return;
    expect(formatMessage(decoded.warnings[0])).toContain('GBK');
    const { parsed, summary } = convertOk(decoded.text, { decodeWarnings: decoded.warnings });
    expect(parsed.cards[0]).toMatchObject({ frontMd: '问题', backMd: '答案' });
    expect(summary.warnings).toEqual(decoded.warnings);
  });

  it('recognises GBK read as UTF-8 (replacement characters) and explains', () => {
    expect(formatMessage(convertError('# \uFFFD\uFFFD\n\n\uFFFD\uFFFD\uFFFD\uFFFD\n').error)).toMatch(/not valid UTF-8.*GBK/);
  });

  it('decodes UTF-8 with a BOM and UTF-16 with a BOM', () => {
    const withBom = decodeNotesBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('# 问\n答\n')]));
    expect(withBom).toMatchObject({ ok: true, encoding: 'utf-8' });
    if (withBom.ok) expect(convertOk(withBom.text).parsed.cards[0]).toMatchObject({ frontMd: '问', backMd: '答' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('# q\na\n').flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(decodeNotesBytes(utf16)).toMatchObject({ ok: true, encoding: 'utf-16le', text: '# q\na\n' });
  });

  it('refuses bytes that are neither UTF-8 nor GBK', () => {
    const decoded = decodeNotesBytes(Uint8Array.from([0x23, 0x20, 0xff, 0xff, 0xff, 0x0a]));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(formatMessage(decoded.error)).toContain('neither UTF-8 nor GBK');
  });

  it('reads Windows line endings and a BOM, and writes a clean LF deck', () => {
    const { deckText, parsed } = convertOk('\uFEFF# 1 Q\r\n\r\n- a\r\n- b\r\n\r\n## 1.1 R\r\ntext\r\n');
    expect(deckText).not.toMatch(/\r|\uFEFF/);
    expect(parsed.cards.map((c) => [c.frontMd, c.backMd])).toEqual([
      ['Q', '- a\n- b'],
      ['R', 'text'],
    ]);
  });
});

describe('malformed Markdown', () => {
  it('handles inconsistent heading levels: the parent is the nearest smaller level above', () => {
    const { parsed } = convertOk('### 1 Deep first\nd\n# 2 Top\n### 2.1 Skips a level\ns\n## 2.2 Back up\nb\n');
    expect(parsed.cards.map((c) => [c.frontMd, c.tags])).toEqual([
      ['Deep first', []],
      ['Skips a level', ['Top']],
      ['Back up', ['Top']],
    ]);
  });

  it('keeps an unclosed fence as code to the end (as Typora shows it), closes it, and warns', () => {
    const { parsed, summary } = convertOk('# A\n\n```python\nx = 1\n# not a heading\n\n# B\ntext\n');
    expect(parsed.cards).toHaveLength(1);
    expect(parsed.cards[0].backMd).toBe('```python\nx = 1\n# not a heading\n\n# B\ntext\n```');
    expect(summary.warnings.map((w) => formatMessage(w))).toEqual([expect.stringMatching(/^Line 3: the code block opened here \(```\) is never closed/)]);
  });

  it('sanitizes broken HTML without crashing or passing markup through', () => {
    const { parsed } = convertOk(
      '# Q\n\n<div class="x" onclick="steal()"\n<img src="E:\\a.png" style="zoom: 50%;"\n<b>bold</b> <font color="red">red</font>\n<script>alert(1)\n',
    );
    const answer = parsed.cards[0].backMd;
    expect(answer).toBe('&lt;div class="x" onclick="steal()"\n**[missing image: a.png]** `E:\\a.png`\n<b>bold</b> red\nalert(1)');
  });
});
