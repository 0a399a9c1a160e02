// Notes → deck: one card per heading with content of its own; enclosing headings become tags; headings with
// neither content nor sub-headings are reported and skipped. Pure: the caller reads files and copies images.
import { message } from '../../contract/messages';
import { rewriteBody, trimBlankLines } from './body';
import { renderDeckFile, type DeckCardText } from './deckText';
import { decodeEntitiesOutsideCode, plainText, titleToTag } from './headingText';
import { joinDeckName } from './batch';
import { deckIdKeepingLegacy } from './ids';
import { createImagePlan } from './images';
import { rewriteInline } from './inline';
import { linkReferencesPerCard } from './references';
import { reimportCards } from './reimport';
import { outlineNotes, type NotesOutline, type NotesSection } from './outline';
import { cardTitle, sectionCardIds } from './sectionIds';
import { highestCounter, notQuestionReason, numberRepeatedQuestions, questionWithParent, questionWordings, repeatedHeadingKeys, withCounters } from './sectionRules';
import { validateNotesText } from './textInput';
import { notesLanguage } from './language';
import type { ConvertNotesInput, ConvertNotesResult, NotesImportSummary, SkippedHeading } from './types';


/** `notes/面经.md` → `面经`; a path is fine, only the last part counts. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(md|markdown|mdown|mkd|txt)$/i, '').trim();
  return stem || base.trim() || 'notes';
}

/**
 * The single top-level heading names the deck; with several chapters the file does. `decode` turns HTML entities
 * into text (`Chapter 10&nbsp;Optimization`); without it the name is as importers before issue 13 wrote it.
 */
function deckName(outline: NotesOutline, fileName: string, decode: (text: string) => string = decodeEntitiesOutsideCode): string {
  if (outline.frontMatterTitle) return plainText(decode(outline.frontMatterTitle));
  const topLevel = Math.min(...outline.sections.map((section) => section.heading.level));
  const tops = outline.sections.filter((section) => section.heading.level === topLevel);
  const single = tops.length === 1 ? plainText(decode(tops[0].heading.title)) : '';
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
  /** The same heading in the importer's other wordings: with or without its parent, and before issue 13's rules. */
  otherQuestions: string[];
  answerLines: string[];
  hasProof: boolean;
}

/** Images in a section that is then skipped must not be copied or reported: this renderer only tells content exists. */
const sizeOnlyImage = (): string => 'image';

/**
 * Sections with content of their own and a heading with text: each can be a card (the rules in sectionRules.ts
 * then leave out those that are not questions). The others are reported in `skipped`, in the same way as ever.
 */
function cardSections(sections: readonly NotesSection[], skipped: SkippedHeading[]): NotesSection[] {
  return sections.filter((section) => {
    const { heading } = section;
    if (trimBlankLines(rewriteBody(section.body, sizeOnlyImage).lines).length === 0) {
      // A heading that only groups sub-headings is a chapter, not a card, and not worth reporting.
      if (!section.hasSubHeadings) skipped.push({ line: heading.line, heading: heading.text, reason: message('notes.skipNoContent') });
      return false;
    }
    if (rewriteInline(heading.title, sizeOnlyImage).trim() === '') {
      skipped.push({ line: heading.line, heading: heading.text || '#'.repeat(heading.level), reason: message('notes.skipNoText') });
      return false;
    }
    return true;
  });
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
  const legacyName = joinDeckName(input.parentDeck, deckName(outline, input.fileName, (text) => text));
  const wantedId = deckIdKeepingLegacy(name, legacyName, input.writableDeckIds ?? new Set());
  const deckId = freeDeckId(wantedId, input.reservedDeckIds ?? new Set());
  const images = createImagePlan(deckId, input.imageExists ?? (() => false));
  const skippedHeadings: SkippedHeading[] = [];
  const sections = cardSections(outline.sections, skippedHeadings);
  const repeated = repeatedHeadingKeys(outline.sections);
  const sectionIds = sectionCardIds(deckId, sections, new Set((input.previousCards ?? []).map((card) => card.id)));
  const include = new Set(input.includeSections ?? []);
  // Numbered over every section that can be a card, so including or skipping a reference list renumbers nothing.
  const questions = numberRepeatedQuestions(sections.map((section) => questionWithParent(section, repeated)));
  const earlierCounter = highestCounter([...(input.previousCards ?? []).map((card) => card.frontMd), ...(input.baselines ?? []).map((b) => b.question)]);
  const pending: PendingCard[] = [];
  sections.forEach((section, index) => {
    const { importedBefore } = sectionIds[index];
    const reason = notQuestionReason(section);
    // A section already imported as a card stays one: dropping it now would remove the card and its history.
    if (reason && !importedBefore && !include.has(section.heading.line)) {
      skippedHeadings.push({ line: section.heading.line, heading: section.heading.text, reason, includable: true });
      return;
    }
    const body = rewriteBody(section.body, images.render);
    const question = rewriteInline(questions[index].question, images.render).trim();
    const wordings = withCounters(questionWordings(section), Math.max(questions[index].times, earlierCounter));
    const otherQuestions = [...wordings, section.heading.title].map((title) => rewriteInline(title, images.render).trim());
    pending.push({ section, question, otherQuestions, answerLines: trimBlankLines(body.lines), hasProof: body.hasProof });
  });
  skippedHeadings.sort((a, b) => a.line - b.line);

  const answers = linkReferencesPerCard(pending.map((card) => card.answerLines));
  const merged = reimportCards({
    deckId,
    sections: pending.map((card, index) => ({
      request: cardTitle(card.section),
      question: card.question,
      otherQuestions: card.otherQuestions,
      tags: tagsOf(card.section),
      answerLines: answers[index],
      hasProof: card.hasProof,
    })),
    previousCards: input.previousCards ?? [],
    baselines: input.baselines ?? [],
    choices: input.choices,
  });
  const { cards, proofsKept } = merged;

  const summary: NotesImportSummary = {
    deckId,
    deckName: name,
    cards: cards.map((card, index) => ({
      id: card.id,
      question: card.question,
      tags: card.tags,
      line: pending[merged.sectionOf[index]]?.section.heading.line ?? 0,
    })),
    skippedHeadings,
    missingImages: images.missing,
    imageCopies: images.copies,
    proofsKept,
    removedCardIds: merged.report.removedCards.map((card) => card.cardId),
    reimport: merged.report,
    baselines: merged.baselines,
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
    lang: notesLanguage(input.text),
    importedFrom: input.fileName.split(/[\\/]/).pop() ?? input.fileName,
    preambleLines,
    cards,
  });
  return { ok: true, deckText, summary };
}
