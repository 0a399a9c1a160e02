// The card content type's two operations: copy it out of a larger card, and compare two cards' content.
import type { CardContent } from '../../contract/deck';

/** Just the content fields of any card (a parsed, stored or viewed card), e.g. to edit one field of it. */
export function contentOf(card: CardContent): CardContent {
  return { frontMd: card.frontMd, backMd: card.backMd, proofCode: card.proofCode, proofLang: card.proofLang, tags: card.tags };
}

export function sameContent(a: CardContent, b: CardContent): boolean {
  return a.frontMd === b.frontMd && a.backMd === b.backMd && a.proofCode === b.proofCode && a.proofLang === b.proofLang
    && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
}
