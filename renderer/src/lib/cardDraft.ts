// The card editor's pure pieces: what the form's text becomes as a card draft, which deck a new card goes to,
// and where pasted images' links land in the text. No Svelte and no DOM, so they are unit-tested in Node.
import type { CardDraft, DeckSummary } from '../../../main/contract/api';
import type { CodingParts, ProofLang } from '../../../main/contract/deck';

/** The editor's fields as the user typed them. */
export interface DraftFields {
  frontMd: string;
  backMd: string;
  tagsText: string;
  proofCode: string;
  proofLang: ProofLang;
  /** A coding card's starter and solution, kept exactly as read (null on other cards). */
  code?: CodingParts | null;
}

/** Tags are typed space- or comma-separated. */
export const tagsFromText = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** What Save sends: a blank proof is no proof (and then has no language). */
export function draftOf(fields: DraftFields): CardDraft {
  const hasProof = fields.proofCode.trim() !== '';
  return {
    frontMd: fields.frontMd,
    backMd: fields.backMd,
    proofCode: hasProof ? fields.proofCode : null,
    proofLang: hasProof ? fields.proofLang : null,
    // A coding card's parts go back with it (copied: the editor's are reactive proxies, which IPC cannot clone);
    // other cards' drafts stay as they were.
    ...(fields.code ? { code: { starter: { ...fields.code.starter }, solution: { ...fields.code.solution } } } : {}),
    tags: tagsFromText(fields.tagsText),
  };
}

/** A new card's deck: the one asked for, else the first of the user's own decks, else any ('' when there is none). */
export function defaultDeckId(decks: readonly DeckSummary[], wanted: string | null): string {
  return wanted ?? decks.find((d) => !d.builtIn)?.id ?? decks[0]?.id ?? '';
}

/**
 * Puts image links in place of the selection [at, end): each image its own paragraph, so it renders as a block
 * and the text around it stays as it was. Returns the new text and where the caret goes (after the links).
 */
export function insertImageLinks(value: string, at: number, end: number, links: readonly string[]): { value: string; caret: number } {
  const [before, after] = [value.slice(0, at), value.slice(end)];
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const text = lead + links.join('\n\n') + (after === '' || after.startsWith('\n') ? '' : '\n\n');
  return { value: before + text + after, caret: at + text.length };
}

/** Base64 of a file's bytes for the API, in chunks (spreading a whole image into one call overflows the stack). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
