// The card content type's two operations: copy it out of a larger card, and compare two cards' content.
import type { CardContent, CodingParts } from '../../contract/deck';

/** Just the content fields of any card (a parsed, stored or viewed card), e.g. to edit one field of it. */
export function contentOf(card: CardContent): CardContent {
  const content: CardContent = { frontMd: card.frontMd, backMd: card.backMd, proofCode: card.proofCode, proofLang: card.proofLang, tags: card.tags };
  // Only a card that knows its coding parts passes them on (a stored card does not carry them).
  if (card.code !== undefined) content.code = card.code;
  return content;
}

/** Equal coding parts; a card that does not carry them (undefined) counts as having none. */
export function sameCode(a: CodingParts | null | undefined, b: CodingParts | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function sameContent(a: CardContent, b: CardContent): boolean {
  return a.frontMd === b.frontMd && a.backMd === b.backMd && a.proofCode === b.proofCode && a.proofLang === b.proofLang
    && sameCode(a.code, b.code) && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
}
