import { describe, expect, it } from 'vitest';
import { decodeDeckBytes, parseDeck, serializeDeck } from '../../../main/core/deck';
import { formatMessage } from '../../../main/contract/messages';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

/** The decoder's refusal in English, as the CLI prints it. */
function worded(result: ReturnType<typeof decodeDeckBytes>) {
  if (!('error' in result)) return result;
  const { file, line } = result.error;
  return { error: { file, line, message: formatMessage(result.error) } };
}

describe('decodeDeckBytes', () => {
  it('decodes UTF-8 and keeps the BOM, so the round trip is byte-exact', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], encode('---\nid: d\ndeck: 动量\nversion: 1\n---\n'));
    const decoded = decodeDeckBytes(bytes, 'd.md');
    if (!('text' in decoded)) throw new Error(formatMessage(decoded.error));
    expect(decoded.text.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseDeck(decoded.text, 'd.md');
    expect(parsed.errors).toEqual([]);
    expect(parsed.deck?.name).toBe('动量');
    expect(encode(serializeDeck(parsed))).toEqual(bytes);
  });

  it('rejects invalid UTF-8 with the line of the first bad byte', () => {
    const latin1 = concat(encode('line one\nline two\ncaf'), [0xe9], encode('\n'));
    expect(worded(decodeDeckBytes(latin1, 'x.md'))).toEqual({
      error: { file: 'x.md', line: 3, message: expect.stringContaining('not UTF-8 (byte 0xE9') },
    });
  });

  it.each([
    ['overlong encoding', [0xc0, 0xaf]],
    ['overlong 3-byte encoding', [0xe0, 0x80, 0xaf]],
    ['overlong 4-byte encoding', [0xf0, 0x80, 0x80, 0xaf]],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['truncated sequence', [0xe4, 0xb8]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['lone continuation byte', [0x80]],
  ])('rejects %s', (_name, bad) => {
    const result = decodeDeckBytes(concat(encode('a\n'), bad), 'x.md');
    expect(worded(result)).toEqual({ error: expect.objectContaining({ line: 2, message: expect.stringContaining('not UTF-8') }) });
  });

  it('rejects NUL bytes as binary content, naming the line', () => {
    const result = decodeDeckBytes(concat(encode('a\nb\n'), [0x00, 0x01]), 'x.md');
    expect(worded(result)).toEqual({ error: { file: 'x.md', line: 3, message: expect.stringContaining('binary content') } });
  });

  it('recognises UTF-16 by its BOM', () => {
    const result = decodeDeckBytes(Uint8Array.from([0xff, 0xfe, 0x2d, 0x00]), 'x.md');
    expect(worded(result)).toEqual({ error: { file: 'x.md', line: 1, message: expect.stringContaining('UTF-16') } });
  });

  it('accepts 4-byte characters and an empty file', () => {
    expect(decodeDeckBytes(encode('𝑥 😀\n'), 'x.md')).toEqual({ text: '𝑥 😀\n' });
    expect(decodeDeckBytes(new Uint8Array(), 'x.md')).toEqual({ text: '' });
  });
});
