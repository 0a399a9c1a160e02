// HTML in notes is untrusted (notes get shared): keep harmless formatting tags without their attributes, drop
// everything else. Typora writes `<img … style="zoom: 67%">`, `<font color>`, `<br>`, `<center>`; none of
// their attributes reach the deck file. Images are handled by the caller before this runs.

/** Elements removed together with their content: they run code, load things or hide text. */
export const DANGEROUS_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template',
  'textarea', 'title', 'xmp', 'svg', 'math', 'form', 'base', 'link', 'meta', 'head', 'video', 'audio', 'canvas',
  'select', 'button', 'input', 'plaintext', 'noembed', 'noframes', 'portal', 'slot', 'dialog',
]);

/** Formatting kept as a bare tag (no attributes at all). */
const KEPT_ELEMENTS = new Set([
  'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'kbd', 'code', 'small', 'br', 'hr',
  'p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'caption', 'details', 'summary', 'center', 'abbr', 'cite', 'q', 'var', 'samp', 'tt',
]);

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr', 'area', 'col', 'source', 'track', 'param']);

// One start or end tag with quoted or bare attributes; `>` inside quotes is allowed.
export const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Only web and mail links survive; `javascript:`, `data:` and friends never do. */
export function isSafeLinkTarget(url: string): boolean {
  const compact = url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return scheme === null || ['http', 'https', 'mailto'].includes(scheme[1]);
}

export interface TagRewrite {
  /** Replacement text for the tag. */
  replacement: string;
  /** Characters consumed from the start of the input (more than the tag when a dangerous element's content
   * is removed with it). */
  consumed: number;
}

/** The tag starting exactly at `index`, or null. */
export function tagAt(text: string, index: number): RegExpExecArray | null {
  TAG.lastIndex = index;
  return TAG.exec(text);
}

/**
 * Rewrites the tag `tag` found at `index` of `text` (see tagAt). Dangerous elements disappear with their
 * content up to the matching end tag; if that never comes, only the tag goes (its "content" is then plain,
 * harmless text).
 */
export function rewriteTag(text: string, index: number, tag: RegExpExecArray): TagRewrite {
  const [whole, slash, rawName, attributeSource] = tag;
  const name = rawName.toLowerCase();
  if (DANGEROUS_ELEMENTS.has(name)) {
    if (slash || VOID_ELEMENTS.has(name)) return { replacement: '', consumed: whole.length };
    const endTag = new RegExp(`</${name}\\s*>`, 'gi');
    endTag.lastIndex = index + whole.length;
    const end = endTag.exec(text);
    return { replacement: '', consumed: end ? end.index + end[0].length - index : whole.length };
  }
  if (name === 'a') {
    if (slash) return { replacement: '</a>', consumed: whole.length };
    const href = parseAttributes(attributeSource).get('href');
    const safe = href !== undefined && isSafeLinkTarget(href) ? ` href="${href.replace(/["<>]/g, encodeURIComponent)}"` : '';
    return { replacement: `<a${safe}>`, consumed: whole.length };
  }
  if (KEPT_ELEMENTS.has(name)) return { replacement: `<${slash}${name}>`, consumed: whole.length };
  return { replacement: '', consumed: whole.length };
}

/**
 * For text that is otherwise left alone (math spans): removes only what could run code, so `$a<b$` and
 * `$\langle x \rangle$` stay exactly as written.
 */
export function neutralizeActiveHtml(text: string): string {
  // A line starting `<!--` opens a comment block in a deck file (it hides cards), so comments go too.
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<!--/g, '< !--');
  return withoutComments.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g, (tag, name: string) => {
    // An image means nothing to KaTeX; dropping it also keeps Typora's `style="zoom"` out of the deck.
    const active = DANGEROUS_ELEMENTS.has(name.toLowerCase()) || name.toLowerCase() === 'img' || /\son[a-z]+\s*=|javascript:/i.test(tag);
    return active ? '' : tag;
  });
}
