// Bytes → text for deck files: strict UTF-8, the BOM kept (so the round trip is exact), binary refused.
import type { DeckFileError } from '../../contract/deck';
import { message } from '../../contract/messages';

/** 1-based line of a byte offset: one more than the '\n' bytes before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

function isContinuation(byte: number | undefined, low = 0x80, high = 0xbf): boolean {
  return byte !== undefined && byte >= low && byte <= high;
}

/** Offset of the first byte that is not well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    if (!isContinuation(bytes[index + 1], low, high)) return index;
    for (let next = 2; next < length; next++) if (!isContinuation(bytes[index + next])) return index;
    index += length;
  }
  return -1;
}

export function decodeDeckBytes(bytes: Uint8Array, file: string): { text: string } | { error: DeckFileError } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { error: { file, line: 1, ...message('deck.notUtf16') } };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      error: { file, line: lineAt(bytes, nul), ...message('deck.binary') },
    };
  }
  try {
    // ignoreBOM keeps U+FEFF in the text; parseDeck records it and serializeDeck writes it back.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const at = Math.max(offset, 0);
    const byte = bytes[at]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
    return {
      error: {
        file,
        line: lineAt(bytes, at),
        ...message('deck.notUtf8', { byte }),
      },
    };
  }
}
