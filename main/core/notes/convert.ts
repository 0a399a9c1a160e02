// Notes → deck: one card per heading with content of its own; enclosing headings become tags; headings with
// neither content nor sub-headings are reported and skipped. Pure: the caller reads files and copies images.
import { message } from '../../contract/messages';
import { rewriteBody, trimBlankLines } from './body';
import { renderDeckFile, type DeckCardText } from './deckText';
import { plainText, titleToTag } from './headingText';
import { joinDeckName } from './batch';
import { assignCardIds, deckIdFromName } from './ids';
import { createImagePlan } from './images';
import { rewriteInline } from './inline';
import { linkReferencesPerCard } from './references';
import { outlineNotes, type NotesOutline, type NotesSection } from './outline';
import { validateNotesText } from './textInput';
import type { ConvertNotesInput, ConvertNotesResult, NotesImportSummary, SkippedHeading } from './types';


/** `notes/面经.md` → `面经`; a path is fine, only the last part counts. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(md|markdown|mdown|mkd|txt)$/i, '').trim();
  return stem || base.trim() || 'notes';
}

/** The single top-level heading names the deck; with several chapters the file does. */
function deckName(outline: NotesOutline, fileName: string): string {
  if (outline.frontMatterTitle) return plainText(outline.frontMatterTitle);
  const topLevel = Math.min(...outline.sections.map((section) => section.heading.level));
  const tops = outline.sections.filter((section) => section.heading.level === topLevel);
  const single = tops.length === 1 ? plainText(tops[0].heading.title) : '';
  return single || fileStem(fileName);
}

function tagsOf(section: NotesSection): string[] {
  const tags = section.parents.map((parent) => titleToTag(parent.text)).filter(Boolean);
  return [...new Set(tags)];
}

/**
 * Notes named like a built-in deck ("transformer.md") must not replace it (a user deck with a built-in id is a
 * fork): such an id gets `-notes`. Deterministic, so a re-import finds the same deck again.
 */
function freeDeckId(wanted: string, reserved: ReadonlySet<string>): string {
  if (!reserved.has(wanted)) return wanted;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${wanted}-notes` : `${wanted}-notes-${n}`;
    if (!reserved.has(candidate)) return candidate;
  }
}

interface PendingCard {
  section: NotesSection;
  question: string;
  answerLines: string[];
  hasProof: boolean;
}

export function convertNotes(input: ConvertNotesInput): ConvertNotesResult {
  const checked = validateNotesText(input.text);
  if (!checked.ok) return { ok: false, error: checked.error, summary: null };
  const outline = outlineNotes(checked.text);
  if (outline.sections.length === 0) {
    return {
      ok: false,
      error: message('notes.noHeadings'),
      summary: null,
    };
  }

  const name = joinDeckName(input.parentDeck, deckName(outline, input.fileName));
  const deckId = freeDeckId(deckIdFromName(name), input.reservedDeckIds ?? new Set());
  const images = createImagePlan(deckId, input.imageExists ?? (() => false));
  const skippedHeadings: SkippedHeading[] = [];
  const pending: PendingCard[] = [];

  for (const section of outline.sections) {
    const { heading } = section;
    const body = rewriteBody(section.body, images.render);
    const answerLines = trimBlankLines(body.lines);
    if (answerLines.length === 0) {
      // A heading that only groups sub-headings is a chapter, not a card, and not worth reporting.
      if (!section.hasSubHeadings) skippedHeadings.push({ line: heading.line, heading: heading.text, reason: message('notes.skipNoContent') });
      continue;
    }
    const question = rewriteInline(heading.title, images.render).trim();
    if (question === '') {
      skippedHeadings.push({ line: heading.line, heading: heading.text || '#'.repeat(heading.level), reason: message('notes.skipNoText') });
      continue;
    }
    pending.push({ section, question, answerLines, hasProof: body.hasProof });
  }

  const ids = assignCardIds(
    deckId,
    pending.map(({ section }) => {
      const parent = section.parents.at(-1);
      return { title: plainText(section.heading.title), parentTitle: parent ? plainText(parent.title) : null };
    }),
  );
  const answers = linkReferencesPerCard(pending.map((card) => card.answerLines));
  const newIds = new Set(ids);
  const previous = new Map((input.previousCards ?? []).map((card) => [card.id, card]));
  const proofsKept: string[] = [];
  const cards: DeckCardText[] = pending.map((card, index) => {
    const id = ids[index];
    const old = previous.get(id);
    // Proofs are added in the deck after importing; a re-import of edited notes must not throw them away.
    const keepProof = !card.hasProof && old?.proofCode != null && old.proofLang !== null;
    if (keepProof) proofsKept.push(id);
    return {
      id,
      question: card.question,
      tags: tagsOf(card.section),
      answerLines: answers[index],
      proof: keepProof ? { lang: old.proofLang!, code: old.proofCode! } : null,
    };
  });

  const summary: NotesImportSummary = {
    deckId,
    deckName: name,
    cards: cards.map((card, index) => ({
      id: card.id,
      question: card.question,
      tags: card.tags,
      line: pending[index].section.heading.line,
    })),
    skippedHeadings,
    missingImages: images.missing,
    imageCopies: images.copies,
    proofsKept,
    removedCardIds: [...previous.keys()].filter((id) => !newIds.has(id)),
    warnings: [...(input.decodeWarnings ?? []), ...outline.warnings],
  };
  if (cards.length === 0) {
    return {
      ok: false,
      error: message('notes.noContent', { headings: outline.sections.length }),
      summary,
    };
  }
  const preambleLines = trimBlankLines(rewriteBody(outline.preamble, images.render).lines);
  const deckText = renderDeckFile({
    id: deckId,
    name,
    description: `Imported from ${fileStem(input.fileName)} notes`,
    importedFrom: input.fileName.split(/[\\/]/).pop() ?? input.fileName,
    preambleLines,
    cards,
  });
  return { ok: true, deckText, summary };
}
