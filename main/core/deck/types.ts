// Layout-carrying deck model: ParsedDeck plus what an exact round trip and in-place edits need.
import type { DeckFileError, ParsedCard, ParsedDeck, ParsedDeckMeta } from '../../contract/deck';

/** Line ending this module writes for new lines: the file's first line ending, '\n' when it has none. */
export type LineEnding = '\n' | '\r\n';

/** One `key=value` of a heading's attribute block other than `#id` (kept in file order). */
export interface HeadingAttribute {
  key: string;
  /** Unquoted, unescaped value. */
  value: string;
  /** Exactly as written in the file (`key="a b"`, `key=x`, `.class`), so re-rendering keeps quoting. */
  raw: string;
}

export interface DeckFileCard extends ParsedCard {
  /** Exact text of the card: its heading line through the line before the next heading (endings included). */
  raw: string;
  /** Number of lines in `raw`. */
  lineCount: number;
  /** Attributes of the heading block other than `#id` (tags included, as written). */
  attributes: HeadingAttribute[];
  /** True when the heading ends with an attribute block (even an empty `{}`). */
  hasAttributeBlock: boolean;
  /** True when the heading carries an `#id` token, valid or not (so ids are never generated over a bad one). */
  hasIdToken: boolean;
}

export interface ParsedDeckFile extends ParsedDeck {
  file: string;
  cards: DeckFileCard[];
  /** The text started with U+FEFF. */
  bom: boolean;
  eol: LineEnding;
  /** From the opening `---` line through the closing `---` line and its ending; '' when absent. */
  frontMatterRaw: string;
  /** Front-matter keys this app does not use, as parsed (they survive in `frontMatterRaw`). */
  frontMatterExtra: Record<string, unknown>;
  /** Exact text between the front matter and the first card heading. */
  preambleRaw: string;
  /** The preamble as Markdown ('\n' line endings, surrounding blank lines trimmed). */
  preambleMd: string;
}

export type { DeckFileError };

/** A card of a loaded deck: loading gives every card an id (written back to the file) before anything uses it. */
export type LoadedCard = DeckFileCard & { id: string };

/** A deck file that parsed without errors (its front matter read); cards may still lack ids until loading. */
export interface CleanDeck extends ParsedDeckFile {
  deck: ParsedDeckMeta;
}

/** A clean deck whose cards all have ids: what the app edits, syncs and exports. */
export interface LoadedDeck extends CleanDeck {
  cards: LoadedCard[];
}

