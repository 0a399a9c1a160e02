// Deck and card ids derived from headings. Stable (same heading → same id, so a re-import updates cards and
// keeps their scheduling), valid by the deck format's rules (main/core/deck) and unique within the deck.
import { isValidCardId, slugifyCardId } from '../deck';

/**
 * Card ids are unique across all loaded decks, so they carry the deck id as a prefix (two imported decks
 * with an "Adam" heading must not clash); the prefix is capped so the heading part stays readable.
 */
const MAX_PREFIX_LENGTH = 24;
const MAX_DECK_ID_LENGTH = 48;

export const isValidImportedCardId = isValidCardId;

function truncate(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('').replace(/[-_]+$/, '');
}

/** Deck ids also name the deck file (`<id>.md`): letters of any script, digits, `-` and `_` only. */
export function deckIdFromName(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}_]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return truncate(slug, MAX_DECK_ID_LENGTH) || 'notes';
}

/**
 * The deck id of notes whose deck name had HTML entities (`Chapter 10&nbsp;Optimization`). Names are decoded now,
 * which changes the id derived from them; a deck imported before under the old id (among the writable decks)
 * keeps it, so a re-import still finds it and every card id (which starts with the deck id) stays.
 */
export function deckIdKeepingLegacy(name: string, legacyName: string, writableDeckIds: ReadonlySet<string>): string {
  const id = deckIdFromName(name);
  const legacy = deckIdFromName(legacyName);
  return legacy !== id && writableDeckIds.has(legacy) && !writableDeckIds.has(id) ? legacy : id;
}

export interface CardIdRequest {
  title: string;
  /** Title of the enclosing heading, used to tell apart two cards with the same title. */
  parentTitle: string | null;
}

/** Assigns ids in order; the same headings in the same order (and the same reserved ids) always get the same ids. */
export function assignCardIds(deckId: string, requests: readonly CardIdRequest[], reserved: ReadonlySet<string> = new Set()): string[] {
  const prefix = truncate(deckId, MAX_PREFIX_LENGTH);
  // Reserved ids belong to cards that exist or existed: a new card must not inherit their history.
  const taken = new Set<string>(reserved);
  const none = new Set<string>();
  return requests.map(({ title, parentTitle }) => {
    const own = slugifyCardId(`${prefix}-${title}`, none);
    const withParent = parentTitle ? slugifyCardId(`${prefix}-${parentTitle}-${title}`, none) : own;
    // Prefer the plain title; a repeated title ("特点" under two chapters) takes its parent's title too,
    // and only then a counter.
    const id = !taken.has(own) ? own : !taken.has(withParent) ? withParent : slugifyCardId(`${prefix}-${title}`, taken);
    taken.add(id);
    return id;
  });
}
