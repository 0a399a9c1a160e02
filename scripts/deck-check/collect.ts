// Finds deck files (folders searched recursively for *.md, paths kept as the user gave them), parses them with
// the app's own parser, and lists every card with its proof. Read-only: deck files are never written.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CodingParts, DeckFileError, ProofLang } from '../../main/contract/deck';
import { parseDeck } from '../../main/core/deck';
import { message } from '../../main/contract/messages';

export interface CardToCheck {
  file: string;
  /** Front-matter id of the deck ('' when the front matter is broken, which is a parse error anyway). */
  deck: string;
  /** The card id, or `#N` for the N-th card of its file when it has none. */
  card: string;
  line: number;
  proofCode: string | null;
  proofLang: ProofLang | null;
  /** A coding card's starter and solution: its proof runs once with each. */
  code: CodingParts | null;
}

export interface CollectedDecks {
  files: string[];
  cards: CardToCheck[];
  errors: DeckFileError[];
}

function markdownFilesUnder(folder: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...markdownFilesUnder(path));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(path);
  }
  return found;
}

/** Expands targets into files; a target that does not exist is an error value, not an exception. */
export function findDeckFiles(targets: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const target of targets) {
    let stats;
    try {
      stats = statSync(target);
    } catch {
      missing.push(target);
      continue;
    }
    if (stats.isDirectory()) files.push(...markdownFilesUnder(target));
    else files.push(target);
  }
  return { files: [...new Set(files)], missing };
}

function decodeUtf8(bytes: Buffer, file: string): { text: string } | { error: DeckFileError } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: { file, line: 1, ...message('deck.notUtf8Text') } };
  }
}

export function collectDecks(files: string[]): CollectedDecks {
  const cards: CardToCheck[] = [];
  const errors: DeckFileError[] = [];
  const cardIdOwners = new Map<string, { file: string; line: number }>();
  for (const file of files) {
    const decoded = decodeUtf8(readFileSync(file), file);
    if ('error' in decoded) {
      errors.push(decoded.error);
      continue;
    }
    const parsed = parseDeck(decoded.text, file);
    errors.push(...parsed.errors);
    parsed.cards.forEach((card, index) => {
      if (card.id !== null) {
        const owner = cardIdOwners.get(card.id);
        if (owner) errors.push({ file, line: card.line, ...message('deck.cardIdElsewhere', { id: card.id, file: owner.file, line: owner.line }) });
        else cardIdOwners.set(card.id, { file, line: card.line });
      }
      cards.push({
        file,
        deck: parsed.deck?.id ?? '',
        card: card.id ?? `#${index + 1}`,
        line: card.line,
        proofCode: card.proofCode,
        proofLang: card.proofLang,
        code: card.code ?? null,
      });
    });
  }
  return { files, cards, errors };
}
