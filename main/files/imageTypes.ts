// The one table of image files ProofDeck handles: what deck-asset serving serves, what notes and folder import
// copy, and (by signature) what a pasted image may be. One table so an image that imports also shows.
import { extname } from 'node:path';

/**
 * Extension (lowercase, with the dot) → MIME type. `.ico` is in: notes import always took .ico images, and an
 * image that imports must also show.
 */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The MIME type of an image path by its extension, or null when it is not an image ProofDeck handles. */
export function imageType(path: string): string | null {
  return IMAGE_TYPES[extname(path).toLowerCase()] ?? null;
}

/**
 * Pasted bytes are typed by their first bytes, never by the name the clipboard gives. Only these four: they are
 * what clipboards and screenshots produce, and none can carry script (SVG can).
 */
const SIGNATURES: { ext: string; test: (b: Uint8Array) => boolean }[] = [
  { ext: 'png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', test: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8' },
  { ext: 'webp', test: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
];

/** The extension (no dot) for bytes that are a PNG, JPEG, GIF or WebP image, else null. */
export function sniffPastedImage(bytes: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.test(bytes))?.ext ?? null;
}
