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
  /** Things the user should know that did not stop the import (encoding converted, unclosed fence…). */
  warnings: Message[];
}

/** What survives from an earlier import of the same deck (read from the deck file by the caller). */
export interface PreviousDeckCard {
  id: string;
  proofCode: string | null;
  proofLang: 'js' | 'ts' | null;
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
  /** Deck ids this import must not take (built-in decks): the deck id then gets a `-notes` suffix. */
  reservedDeckIds?: ReadonlySet<string>;
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
