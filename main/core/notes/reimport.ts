// Re-import of notes into the deck they made before (issue 14): which card each section is (identity.ts), and a
// three-way merge per card between what the last import wrote (the baseline), the deck as the user left it, and
// the notes now. Deck unchanged since the baseline → the notes' text; notes unchanged → the user's text, silently;
// both changed and different → a conflict the user settles (default: keep theirs). Proofs added in the deck stay.
import { formatCard, parseDeck } from '../deck';
import { renderDeckFile, type DeckCardText } from './deckText';
import { assignCardIds, type CardIdRequest } from './ids';
import { countMoved, matchSections, type BaselineCard, type CardText, type IdentityResult, type SectionMatch, type SectionText } from './identity';
import type { NotesImportChoices, NotesImportConflict, NotesReimportReport, PreviousDeckCard } from './types';

/** A card the notes produce, before it has its id. */
export interface SectionCard {
  request: CardIdRequest;
  question: string;
  /** The same heading in the importer's other wordings (see identity.ts SectionText). */
  otherQuestions?: readonly string[];
  tags: string[];
  answerLines: string[];
  /** The notes' own proof block is in answerLines: then no earlier proof is added. */
  hasProof: boolean;
}

export interface ReimportInput {
  deckId: string;
  sections: readonly SectionCard[];
  /** The deck file's cards as they are now (empty for a new deck). */
  previousCards: readonly PreviousDeckCard[];
  /** What the last import wrote per card id; a card without one takes its current deck text. */
  baselines: readonly BaselineCard[];
  choices?: NotesImportChoices;
}

export interface ReimportResult {
  cards: DeckCardText[];
  /** Per written card, the notes' text to keep as its baseline (absent for a user's card kept beside the notes'). */
  baselines: BaselineCard[];
  /** Per written card, the section it came from (for line numbers). */
  sectionOf: number[];
  proofsKept: string[];
  report: NotesReimportReport;
}

const sameText = (a: CardText, b: CardText) => a.question === b.question && a.answer === b.answer;

/** The sections' text exactly as the deck parser will read it back, so it compares with deck cards and baselines. */
function canonicalTexts(deckId: string, sections: readonly SectionCard[], ids: readonly string[]): CardText[] {
  const cards = sections.map((section, index) => ({ ...section, id: ids[index], proof: null }));
  const text = renderDeckFile({ id: deckId, name: deckId, description: '', importedFrom: '', preambleLines: [], cards });
  const parsed = new Map(parseDeck(text).cards.map((card) => [card.id, card]));
  return ids.map((id, index) => {
    const card = parsed.get(id);
    return card ? { question: card.frontMd, answer: card.backMd } : { question: sections[index].question, answer: sections[index].answerLines.join('\n') };
  });
}

/** Each section's other wordings of its question, in the same parsed-back form as `texts`. */
function withOtherQuestions(deckId: string, sections: readonly SectionCard[], ids: readonly string[], texts: readonly CardText[]): SectionText[] {
  const most = Math.max(0, ...sections.map((section) => section.otherQuestions?.length ?? 0));
  const others = Array.from({ length: most }, (_, k) =>
    canonicalTexts(deckId, sections.map((section) => ({ ...section, question: section.otherQuestions?.[k] ?? section.question })), ids));
  return texts.map((text, index) => {
    const wordings = new Set(others.map((wording) => wording[index].question));
    wordings.delete(text.question);
    return { ...text, otherQuestions: [...wordings] };
  });
}

/** Which side changed since the baseline: only the notes (or both alike), only the deck, or both differently. */
function changedSide(base: CardText, mine: CardText, theirs: CardText): 'notes' | 'deck' | 'both' {
  if (sameText(mine, base) || sameText(mine, theirs)) return 'notes';
  return sameText(theirs, base) ? 'deck' : 'both';
}

export function reimportCards(input: ReimportInput): ReimportResult {
  const { deckId, sections, previousCards } = input;
  const provisional = assignCardIds(deckId, sections.map((section) => section.request));
  const texts = canonicalTexts(deckId, sections, provisional);
  const sectionTexts = withOtherQuestions(deckId, sections, provisional, texts);
  const deckCards = new Map(previousCards.map((card) => [card.id, card]));
  const stored = new Map(input.baselines.map((card) => [card.id, card]));
  // Only cards still in the deck take part; decks imported before baselines existed take their current text.
  const baselineOf = (card: PreviousDeckCard): BaselineCard => stored.get(card.id) ?? { id: card.id, question: card.frontMd, answer: card.backMd };
  // A card the user kept beside the notes' version ("keep both") belongs to no section: it is carried over as it is.
  const detached = new Set(input.baselines.filter((card) => card.detached).map((card) => card.id));
  const baselines = previousCards.filter((card) => !detached.has(card.id)).map(baselineOf);
  const identity = matchSections(sectionTexts, baselines, input.choices?.matches);

  const freshIds = assignCardIds(deckId, sections.map((section) => section.request), new Set([...deckCards.keys(), ...stored.keys()]));
  const cards: DeckCardText[] = [];
  const written: BaselineCard[] = [];
  const sectionOf: number[] = [];
  const proofsKept: string[] = [];
  const conflicts: NotesImportConflict[] = [];
  const report: NotesReimportReport = {
    renamed: 0, edited: 0, moved: countMoved(identity.matches, previousCards.map((card) => card.id)), added: 0, keptUserText: 0,
    conflicts, ambiguous: [], suggestedMatches: [], removedCards: [],
  };

  const pushNotes = (index: number, id: string, old: PreviousDeckCard | undefined) => {
    const section = sections[index];
    // Proofs are added in the deck after importing; a re-import of edited notes must not throw them away.
    const keepProof = !section.hasProof && old?.proofCode != null && old.proofLang !== null;
    if (keepProof) proofsKept.push(id);
    cards.push({ id, question: section.question, tags: section.tags, answerLines: section.answerLines, proof: keepProof ? { lang: old.proofLang!, code: old.proofCode! } : null });
    written.push({ id, ...texts[index] });
    sectionOf.push(index);
  };
  const pushMine = (index: number, old: PreviousDeckCard, baseline: CardText | null, tags = sections[index].tags) => {
    const text = formatCard({ ...old, tags, id: old.id }).trimEnd();
    cards.push({ id: old.id, question: old.frontMd, tags, answerLines: [], proof: null, text });
    written.push(baseline ? { id: old.id, ...baseline } : { id: old.id, question: old.frontMd, answer: old.backMd, detached: true });
    sectionOf.push(index);
  };

  identity.matches.forEach((match: SectionMatch | null, index) => {
    const old = match ? deckCards.get(match.previousId) : undefined;
    if (!match || !old) {
      report.added++;
      pushNotes(index, freshIds[index], undefined);
      return;
    }
    if (match.kind === 'renamed') report.renamed++;
    if (match.kind === 'edited') report.edited++;
    const mine = { question: old.frontMd, answer: old.backMd };
    const side = changedSide(baselineOf(old), mine, texts[index]);
    const choice = side === 'both' ? (input.choices?.conflicts?.get(old.id) ?? 'mine') : null;
    if (choice) conflicts.push({ cardId: old.id, mine, theirs: texts[index], choice });
    if (side === 'notes' || choice === 'theirs') return pushNotes(index, old.id, old);
    if (side === 'deck') report.keptUserText++;
    // Kept or declined, the notes' version becomes the baseline: the same notes again are then no conflict.
    if (choice === 'both') {
      pushMine(index, old, null);
      pushNotes(index, freshIds[index], undefined); // free: the matched section took the old id instead
    } else pushMine(index, old, texts[index]);
  });

  Object.assign(report, describeUnmatched(identity, texts, baselines, freshIds));
  // Detached cards go back after the card that preceded them in the deck (first when that one is gone).
  previousCards.forEach((old, index) => {
    if (!detached.has(old.id)) return;
    const at = index > 0 ? cards.findIndex((card) => card.id === previousCards[index - 1].id) + 1 : 0;
    pushMine(sectionOf[at - 1] ?? 0, old, null, old.tags);
    cards.splice(at, 0, cards.pop()!);
    written.splice(at, 0, written.pop()!);
    sectionOf.splice(at, 0, sectionOf.pop()!);
  });
  const kept = new Set(cards.map((card) => card.id));
  report.removedCards = previousCards.filter((card) => !kept.has(card.id)).map((card) => ({ cardId: card.id, question: card.frontMd.split('\n')[0] }));
  return { cards, baselines: written, sectionOf, proofsKept, report };
}

/** The sections that became new cards although earlier cards might be them: listed, and offered for confirmation. */
function describeUnmatched(identity: IdentityResult, texts: readonly CardText[], baselines: readonly BaselineCard[], freshIds: readonly string[]) {
  const section = (index: number) => ({ cardId: freshIds[index], question: texts[index].question, answer: texts[index].answer });
  const previous = (id: string) => {
    const card = baselines.find((baseline) => baseline.id === id)!;
    return { cardId: id, question: card.question, answer: card.answer };
  };
  return {
    ambiguous: identity.ambiguous.map(({ section: index, candidates }) => ({ ...section(index), candidates: candidates.map(previous) })),
    suggestedMatches: identity.suggestions.map(({ section: index, previousId, reason }) => ({ section: index, card: section(index), previous: previous(previousId), reason })),
  };
}
