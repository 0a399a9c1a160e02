// Deck file model shared by the parser, the services and the renderer. Pure data, JSON-safe.

/** One problem found in a deck file; `line` is 1-based. */
export interface DeckFileError {
  file: string;
  line: number;
  message: string;
}

export type ProofLang = 'js' | 'ts';

export interface ParsedCard {
  /** Card id from `{#id}`, or null when the heading has none (a writable file then gets one generated). */
  id: string | null;
  /** 1-based line of the `## ` heading. */
  line: number;
  /** Question Markdown: the heading text (without the attribute block), plus the lines before a `?` line if any. */
  frontMd: string;
  /** Answer Markdown, with the proof block removed. */
  backMd: string;
  proofCode: string | null;
  proofLang: ProofLang | null;
  tags: string[];
}

export interface ParsedDeckMeta {
  id: string;
  name: string;
  version: number;
  description: string | null;
  tags: string[];
}

export interface ParsedDeck {
  deck: ParsedDeckMeta | null;
  cards: ParsedCard[];
  errors: DeckFileError[];
}
