// Card ids of note sections. New cards take their id from the stripped heading (questionTitle: numbering and
// entities removed; a repeated title gets its parent's, as assignCardIds always did). Cards imported before those rules keep the id
// the old derivation gave them, or their review history would be orphaned by the next re-import.
import { plainText, questionTitle } from './headingText';
import { assignCardIds, type CardIdRequest } from './ids';
import type { NotesSection } from './outline';

/** The title the importer derived ids from before issue 13: the heading with `stripNumbering`'s numbering removed. */
export function legacyCardTitle(section: NotesSection): CardIdRequest {
  const parent = section.parents.at(-1);
  return { title: plainText(section.heading.title), parentTitle: parent ? plainText(parent.title) : null };
}

/** The stripped heading; a repeated one is told apart by its stripped parent, as before (assignCardIds). */
export function cardTitle(section: NotesSection): CardIdRequest {
  const parent = section.parents.at(-1);
  return { title: plainText(questionTitle(section.heading.title)), parentTitle: parent ? plainText(questionTitle(parent.text)) : null };
}

export interface SectionIds {
  /** The id the card gets. */
  id: string;
  /** True when the section was a card of the deck this import replaces (by the old or the new derivation). */
  importedBefore: boolean;
}

/**
 * Ids for the sections that can be cards, computed over all of them (whether the user then skips some or not),
 * so including or skipping a reference section never renames another card.
 */
export function sectionCardIds(
  deckId: string,
  sections: readonly NotesSection[],
  previousIds: ReadonlySet<string>,
): SectionIds[] {
  const legacy = assignCardIds(deckId, sections.map(legacyCardTitle));
  const kept = new Set(legacy.filter((id) => previousIds.has(id)));
  const fresh = sections.map((section, index) => (kept.has(legacy[index]) ? null : cardTitle(section)));
  const freshIds = assignCardIds(deckId, fresh.filter((request) => request !== null), kept);
  let next = 0;
  return sections.map((_, index) => {
    if (kept.has(legacy[index])) return { id: legacy[index], importedBefore: true };
    const id = freshIds[next++];
    return { id, importedBefore: previousIds.has(id) };
  });
}
