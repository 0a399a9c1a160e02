// Card Markdown → safe HTML. Decks are shared, so card text is untrusted: ./markdownHtml.ts renders Markdown and
// math (the deck format's lenient delimiters, ./math.ts), with raw HTML allowed only to be sanitized by DOMPurify
// here afterwards.
import DOMPurify from 'dompurify';
import { markdownToHtml } from './markdownHtml';

/** Where the host serves a deck's images (main/services/deckAssets.ts); same origin in both modes. */
export const DECK_ASSET_PATH = '/deck-asset';

/** A relative image path of a card (`img/x.png`): a file beside its deck file, not a URL. */
const isDeckRelative = (src: string) => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src);

export function deckAssetUrl(deckId: string, src: string): string {
  let path = src;
  try {
    path = decodeURI(src); // markdown-it percent-encodes link targets; the host wants the file's own name
  } catch {
    // A stray % is part of the file name.
  }
  return `${DECK_ASSET_PATH}?deck=${encodeURIComponent(deckId)}&path=${encodeURIComponent(path.split(/[?#]/)[0])}`;
}

let hooked = false;
/** The deck whose card is being rendered (set for the duration of one synchronous sanitize call). */
let renderingDeck: string | null = null;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      // Links leave the app only through a confirmed click (see Markdown.svelte); mark them so it can find them.
      if (node.tagName === 'A' && node.getAttribute('href')) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('data-external', 'true');
      }
      // Images beside the deck file come from the host; remote images stay blocked by the CSP (offline app).
      const src = node.tagName === 'IMG' ? node.getAttribute('src') : null;
      if (src && renderingDeck !== null && isDeckRelative(src)) node.setAttribute('src', deckAssetUrl(renderingDeck, src));
    });
    hooked = true;
  }
  return DOMPurify;
}

/** `deckId` lets relative images (`![](img/x.png)`) load from beside that deck's file. */
export function renderMarkdown(source: string, deckId: string | null = null): string {
  renderingDeck = deckId;
  try {
    return purifier().sanitize(markdownToHtml(source), {
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
      FORBID_ATTR: ['srcset', 'formaction'],
    });
  } finally {
    renderingDeck = null;
  }
}
