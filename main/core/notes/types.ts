// What the notes converter takes and gives back. Pure data, JSON-safe, so the service, the CLI and the
// app's preview all show the same summary.
import type { Message } from '../../contract/messages';

export interface ImportedCardSummary {
  id: string;
  /** The question as written in the deck (the heading text, numbering removed). */
  question: string;
  tags: string[];
  /** 1-based line of the heading in the notes. */
  line: number;
}

export interface SkippedHeading {
  line: number;
  /** The heading text as written in the notes (numbering kept, so the user can find it). */
  heading: string;
  reason: Message;
  /**
   * Present (true) when the section has content but is not a question (reference list, TODO placeholder,
   * author/contact details): the user may include it anyway by its `line` (`ConvertNotesInput.includeSections`).
   */
  includable?: true;
}

/** An image found on disk that the deck file references: copy `src` (as written) to `assetPath`. */
export interface ImageCopy {
  /** The image path exactly as written in the notes. */
  src: string;
  /** Path relative to the deck file's folder, with '/' separators: `<deck id>.assets/<file>`. */
  assetPath: string;
}

export interface NotesImportSummary {
  deckId: string;
  deckName: string;
  cards: ImportedCardSummary[];
  skippedHeadings: SkippedHeading[];
  /** Every image that could not be found, by its original path (each listed once). */
  missingImages: string[];
  imageCopies: ImageCopy[];
  /** Cards of the previous version of this deck that kept their proof block. */
  proofsKept: string[];
  /** Card ids of the previous version of this deck that the notes no longer have. */
  removedCardIds: string[];
  reimport: NotesReimportReport;
  /** What this import writes per card, to keep as the baseline of the next one. */
  baselines: ImportBaseline[];
  /** Things the user should know that did not stop the import (encoding converted, unclosed fence…). */
  warnings: Message[];
}

/** A card of the deck this import updates, as the deck file has it now (the user may have edited it). */
export interface PreviousDeckCard {
  id: string;
  frontMd: string;
  backMd: string;
  tags: string[];
  proofCode: string | null;
  proofLang: 'js' | 'ts' | null;
}

/** What the last import wrote for one card: the notes' question and answer as the deck parser reads them. */
export interface ImportBaseline {
  id: string;
  question: string;
  answer: string;
  /** The user's card kept beside the notes' version ("keep both"): no section is it; re-imports carry it over. */
  detached?: boolean;
}

/** For a card changed both in the deck and in the notes: keep the user's, take the notes', or keep both. */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

export interface NotesImportChoices {
  /** Per card id in conflict. Absent: the user's version is kept. */
  conflicts?: ReadonlyMap<string, ConflictChoice>;
  /** Section index → previous card id the user confirmed as that section. */
  matches?: ReadonlyMap<number, string>;
}

export interface CardTextRef {
  cardId: string;
  question: string;
  answer: string;
}

export interface NotesImportConflict {
  cardId: string;
  mine: { question: string; answer: string };
  theirs: { question: string; answer: string };
  choice: ConflictChoice;
}

/** What a re-import did to the existing cards, for the summary. */
export interface NotesReimportReport {
  renamed: number;
  edited: number;
  moved: number;
  added: number;
  /** Cards the user edited in the deck whose notes section did not change: their text stays. */
  keptUserText: number;
  conflicts: NotesImportConflict[];
  /** Sections with several equally good previous cards: new cards, listed. */
  ambiguous: (CardTextRef & { candidates: CardTextRef[] })[];
  /** Previous cards the user may confirm as a section (heading and body both changed, or ambiguous). */
  suggestedMatches: { section: number; card: CardTextRef; previous: CardTextRef; reason: 'both-changed' | 'ambiguous' }[];
  /** Cards of the deck the notes no longer have, named by their question. */
  removedCards: { cardId: string; question: string }[];
}

export interface ConvertNotesInput {
  /** Decoded notes text (a BOM and CRLF endings are fine). */
  text: string;
  /** File name of the notes, e.g. `interview.md`; names the deck when there is not exactly one top heading. */
  fileName: string;
  /**
   * Whether an image path as written in the notes exists where the caller can copy it from. Omitted: no
   * image is available (browser uploads have no folder to resolve relative paths against).
   */
  imageExists?: (src: string) => boolean;
  /** Cards of the deck this import replaces, so proofs the user added survive a re-import. */
  previousCards?: readonly PreviousDeckCard[];
  /** What the last import wrote per card (the database keeps them); cards without one use their deck text. */
  baselines?: readonly ImportBaseline[];
  /** The user's answers to the preview's conflicts and suggested matches. */
  choices?: NotesImportChoices;
  /**
   * Ids of the writable decks loaded now: a deck imported before entities were decoded in deck names keeps its
   * old id when one of these has it (ids.ts deckIdKeepingLegacy).
   */
  writableDeckIds?: ReadonlySet<string>;
  /** Deck ids this import must not take (built-in decks): the deck id then gets a `-notes` suffix. */
  reservedDeckIds?: ReadonlySet<string>;
  /**
   * Heading lines (1-based, as in `SkippedHeading.line`) of sections the user chose to include although they are
   * not questions. The key is the line because the preview re-runs on the same text; it is not kept anywhere.
   */
  includeSections?: readonly number[];
  /** Warnings from decoding (e.g. GBK converted), carried into the summary. */
  decodeWarnings?: readonly Message[];
  /**
   * A batch import's parent deck (`<folder>` or `<folder>::<sub>`): the deck is then named `<parent>::<chapter>`,
   * and its id comes from that whole name (core/notes/batch.ts).
   */
  parentDeck?: string;
}

export type ConvertNotesResult =
  | { ok: true; deckText: string; summary: NotesImportSummary }
  | { ok: false; error: Message; summary: NotesImportSummary | null };
