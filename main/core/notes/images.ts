// What becomes of each image in the notes: found on disk → copied into `<deck id>.assets/` and referenced
// relatively; a web URL → a link; anything else (another machine's `E:\…` path, a file that is gone) → a
// visible placeholder with the alt text, and the original path in the summary.
import type { ImageCopy } from './types';
import type { FoundImage } from './inline';

export interface ImagePlan {
  render(image: FoundImage): string;
  readonly copies: ImageCopy[];
  readonly missing: string[];
}

const escapeInline = (text: string): string => text.replace(/([\\`*_[\]<>$|#!])/g, '\\$1');

/** A code span that survives backticks inside the path. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function baseName(src: string): string {
  const withoutQuery = src.replace(/[?#].*$/, '');
  const last = withoutQuery.split(/[\\/]/).filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** File names in the assets folder keep letters, digits, `.`, `_`, `-`, so the Markdown needs no escaping. */
function safeFileName(src: string): string {
  const name = baseName(src)
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+/, '');
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return (stem.slice(0, 80) || 'image') + extension.slice(0, 10);
}

function withSuffix(fileName: string, n: number): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)}-${n}${fileName.slice(dot)}` : `${fileName}-${n}`;
}

export function createImagePlan(deckId: string, imageExists: (src: string) => boolean): ImagePlan {
  const copies: ImageCopy[] = [];
  const missing: string[] = [];
  const assetBySrc = new Map<string, string>();
  const usedNames = new Set<string>();

  const placeholder = (alt: string, src: string, why: string): string => {
    const label = alt.trim() || baseName(src) || 'image';
    return `**[${why}: ${escapeInline(label)}]**` + (src ? ` ${codeSpan(src)}` : '');
  };

  const assetFor = (src: string): string => {
    const known = assetBySrc.get(src);
    if (known) return known;
    let fileName = safeFileName(src);
    // Two different images named image.png in different folders must not overwrite each other.
    for (let n = 2; usedNames.has(fileName.toLowerCase()); n++) fileName = withSuffix(safeFileName(src), n);
    usedNames.add(fileName.toLowerCase());
    const assetPath = `${deckId}.assets/${fileName}`;
    assetBySrc.set(src, assetPath);
    copies.push({ src, assetPath });
    return assetPath;
  };

  const missingSeen = new Set<string>();
  const noteMissing = (src: string): void => {
    if (!missingSeen.has(src)) missing.push(src);
    missingSeen.add(src);
  };

  return {
    copies,
    missing,
    render({ src, alt }: FoundImage): string {
      if (/^https?:\/\//i.test(src)) return `[${escapeInline(alt.trim() || 'image')}](<${src.replace(/[<>]/g, encodeURIComponent)}>)`;
      if (src === '') {
        noteMissing('(an image without a path)');
        return placeholder(alt, src, 'missing image');
      }
      if (/^data:/i.test(src)) {
        noteMissing(`${src.slice(0, 40)}… (an image embedded in the notes)`);
        return placeholder(alt, '', 'embedded image not imported');
      }
      if (!imageExists(src)) {
        noteMissing(src);
        return placeholder(alt, src, 'missing image');
      }
      return `![${escapeInline(alt)}](${assetFor(src)})`;
    },
  };
}
