// Turning a notes file's bytes into text, and refusing input that is not Markdown before any parsing.
// Typora on Chinese Windows can save GBK; browsers read a file as UTF-8 and leave U+FFFD where it was not.
import { message, type Message } from '../../contract/messages';

/** Notes are a few hundred KB at most; anything bigger is almost certainly not a notes file. */
export const MAX_NOTES_BYTES = 5 * 1024 * 1024;

export type DecodedNotes =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk'; warnings: Message[] }
  | { ok: false; error: Message };

/** Control characters other than tab, newline, form feed and carriage return mark binary data. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) control++;
  }
  return control > 0 && control / sample.length > 0.01;
}

const CJK = /[\u3400-\u9fff]/;

export function decodeNotesBytes(bytes: Uint8Array): DecodedNotes {
  if (bytes.length > MAX_NOTES_BYTES) return { ok: false, error: message('notes.tooLarge', { bytes: bytes.length, limit: MAX_NOTES_BYTES }) };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  }
  if (bytes.includes(0)) return { ok: false, error: message('notes.binary') };
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text; validateNotesText strips it with the rest.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8', warnings: [] };
  } catch {
    // Not UTF-8: Typora on Chinese Windows may have saved GBK (GB18030 is its superset and decodes both).
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (CJK.test(text) && !looksBinary(text)) {
      return {
        ok: true,
        text,
        encoding: 'gbk',
        warnings: [message('notes.gbkConverted')],
      };
    }
  } catch {
    // Neither UTF-8 nor GBK: fall through to the message below.
  }
  return { ok: false, error: message('notes.unknownEncoding') };
}

export type CheckedText = { ok: true; text: string } | { ok: false; error: Message };

/**
 * Normalises decoded text (BOM removed, CRLF/CR → LF) and rejects what cannot be notes: binary data,
 * empty files, oversized input, text that was decoded with the wrong encoding.
 */
export function validateNotesText(raw: string): CheckedText {
  // UTF-16 code units; a UTF-8 file of MAX bytes never has more characters than bytes.
  if (raw.length > MAX_NOTES_BYTES) return { ok: false, error: message('notes.tooLarge', { bytes: raw.length, limit: MAX_NOTES_BYTES }) };
  if (looksBinary(raw)) return { ok: false, error: message('notes.binary') };
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, error: message('notes.empty') };
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  if (replacements >= 3 || (replacements > 0 && replacements / text.length > 0.001)) {
    return { ok: false, error: message('notes.lostCharacters') };
  }
  return { ok: true, text };
}
