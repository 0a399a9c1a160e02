// Deck file model shared by the parser, the services and the renderer. Pure data, JSON-safe.
import type { Message } from './messages';

/** One problem found in a deck file (a message with its place); `line` is 1-based. */
export type DeckFileError = { file: string; line: number } & Message;

/**
 * The largest deck file the app reads or imports, in bytes of UTF-8 (25 MiB, the uploaded-text cap). Checked
 * before reading: a 100 MB one-line file froze the host for 2 s, and one past V8's string limit read as "not UTF-8".
 */
export const DECK_FILE_MAX_BYTES = 25 * 1024 * 1024;

export type ProofLang = 'js' | 'ts';

/** One fenced block of code with its language (`js` or `ts`, as for proofs). */
export interface CodeBlock {
  code: string;
  lang: ProofLang;
}

/**
 * A coding card's own blocks (its heading has `type="code"`): the code the user starts from and the reference
 * solution; its proof is the test that grades the code under test.
 */
export interface CodingParts {
  starter: CodeBlock;
  solution: CodeBlock;
}

/** What a card says: the one content type that parsed cards, stored cards, views and editor drafts extend. */
export interface CardContent {
  /** Question Markdown: the heading text (without the attribute block), plus the lines before a `?` line if any. */
  frontMd: string;
  /** Answer Markdown, with the proof block removed. */
  backMd: string;
  proofCode: string | null;
  proofLang: ProofLang | null;
  /**
   * A coding card's starter and solution (removed from the answer like the proof); null on any other card. Absent
   * where the card comes from the database, which does not store them: the deck file is their source.
   */
  code?: CodingParts | null;
  tags: string[];
}

export interface ParsedCard extends CardContent {
  /** Card id from `{#id}`, or null when the heading has none (a writable file then gets one generated). */
  id: string | null;
  /** 1-based line of the `## ` heading. */
  line: number;
}

export interface ParsedDeckMeta {
  id: string;
  name: string;
  version: number;
  description: string | null;
  tags: string[];
  /** The language of the deck's card content (front matter `lang`, a BCP 47 tag); null when it names none. */
  lang: string | null;
}

export interface ParsedDeck {
  deck: ParsedDeckMeta | null;
  cards: ParsedCard[];
  errors: DeckFileError[];
}
