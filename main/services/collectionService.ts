// Loads every deck folder, resolves id clashes, writes generated card ids back to writable files, and
// reconciles the result with the database (storage/collectionStore.ts).
import type { CardContent, DeckFileError } from '../contract/deck';
import { message, type Message } from '../contract/messages';
import { asCleanDeck, asLoadedDeck, assignMissingIds, contentOf, decodeDeckBytes, parseDeck, sameContent, type CleanDeck, type LoadedDeck, type ParsedDeckFile } from '../core/deck';
import type { Db } from '../storage/database';
import { syncCollection, type BrokenDeck, type SyncChanges, type SyncedDeck } from '../storage/collectionStore';
import { writeFileAtomic } from '../files/atomicWrite';
import { contentHash, listDeckFiles, readFileBytes, type DeckFolder, type FoundFile } from './deckFiles';

export interface LoadedDeckFile {
  file: FoundFile;
  parsed: LoadedDeck;
  /** The deck as the database last received it (edits send only what differs from it). */
  synced?: SyncedDeck;
}

export interface SyncReport {
  fileErrors: DeckFileError[];
  changes: SyncChanges;
  /** Parsed files by deck id, for editing and export. */
  loaded: Map<string, LoadedDeckFile>;
}

export function cardHash(card: CardContent): string {
  const fields = [card.frontMd, card.backMd, card.proofCode, card.proofLang, card.tags.join(' ')];
  // A coding card's starter and solution count too (a new solution is new content); other cards hash as before.
  if (card.code) fields.push(card.code.starter.lang, card.code.starter.code, card.code.solution.lang, card.code.solution.code);
  return contentHash(fields);
}

function loadFile(file: FoundFile, errors: DeckFileError[]): ParsedDeckFile | null {
  const bytes = readFileBytes(file.path);
  if (!(bytes instanceof Uint8Array)) {
    errors.push(bytes);
    return null;
  }
  const decoded = decodeDeckBytes(bytes, file.path);
  if ('error' in decoded) {
    errors.push(decoded.error);
    return null;
  }
  return parseDeck(decoded.text, file.path);
}

/** Gives id-less cards an id and writes it back, only in files the user owns. */
function ensureIds(file: FoundFile, parsed: ParsedDeckFile, taken: Set<string>, errors: DeckFileError[]): LoadedDeck | null {
  const missing = parsed.cards.filter((card) => card.id === null);
  if (missing.length === 0) return asLoadedDeck(parsed);
  if (file.folder.builtIn) {
    for (const card of missing) errors.push({ file: file.path, line: card.line, ...message('sync.builtInCardWithoutId') });
    return null;
  }
  const result = assignMissingIds(parsed, taken);
  try {
    writeFileAtomic(file.path, result.text);
  } catch (error) {
    errors.push({ file: file.path, line: 0, ...message('sync.cannotAssignIds', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) });
    return null;
  }
  return asLoadedDeck(result.parsed);
}

/** What `decks.file_error` stores for a deck that did not load: its problems as messages (JSON). */
const storedErrors = (errors: readonly (Message & { line: number })[]): string =>
  JSON.stringify(errors.map(({ line, code, params }) => ({ line, code, params })));

export function loadDeckFolders(folders: readonly DeckFolder[]): { loaded: LoadedDeckFile[]; broken: BrokenDeck[]; errors: DeckFileError[] } {
  const errors: DeckFileError[] = [];
  const broken: BrokenDeck[] = [];
  const candidates: { file: FoundFile; parsed: CleanDeck }[] = [];
  for (const folder of folders) {
    for (const file of listDeckFiles(folder, errors)) {
      const fileErrors: DeckFileError[] = [];
      const parsed = loadFile(file, fileErrors);
      const clean = parsed && asCleanDeck(parsed);
      if (clean) candidates.push({ file, parsed: clean });
      else {
        const all = parsed ? parsed.errors : fileErrors;
        errors.push(...all);
        broken.push({ sourcePath: file.path, deckId: parsed?.deck?.id ?? null, error: storedErrors(all) });
      }
    }
  }

  // A user deck with a built-in deck's id replaces it (that is how a fork works).
  const userDeckIds = new Set(candidates.filter((c) => !c.file.folder.builtIn).map((c) => c.parsed.deck.id));
  const byDeck = new Map<string, LoadedDeckFile>();
  const cardOwner = new Map<string, string>();
  const loaded: LoadedDeckFile[] = [];
  const reject = (c: { file: FoundFile }, line: number, problem: Message) => {
    errors.push({ file: c.file.path, line, ...problem });
    broken.push({ sourcePath: c.file.path, deckId: null, error: storedErrors([{ line, ...problem }]) });
  };
  for (const candidate of candidates) {
    const deckId = candidate.parsed.deck.id;
    if (candidate.file.folder.builtIn && userDeckIds.has(deckId)) continue;
    const earlier = byDeck.get(deckId);
    if (earlier) {
      reject(candidate, 1, message('sync.deckIdTaken', { deckId, file: earlier.file.path }));
      continue;
    }
    const clash = candidate.parsed.cards.find((card) => card.id !== null && cardOwner.has(card.id));
    if (clash?.id) {
      reject(candidate, clash.line, message('sync.cardIdTaken', { cardId: clash.id, file: cardOwner.get(clash.id) ?? '' }));
      continue;
    }
    const withIds = ensureIds(candidate.file, candidate.parsed, new Set(cardOwner.keys()), errors);
    if (!withIds) {
      broken.push({ sourcePath: candidate.file.path, deckId, error: storedErrors(errors.filter((e) => e.file === candidate.file.path)) });
      continue;
    }
    const accepted = { file: candidate.file, parsed: withIds };
    byDeck.set(deckId, accepted);
    for (const card of withIds.cards) cardOwner.set(card.id, candidate.file.path);
    loaded.push(accepted);
  }
  return { loaded, broken, errors };
}

/**
 * The deck as the database stores it. With `previous` (the same deck as last synced), unchanged cards keep their
 * content hash instead of being hashed again: a save of one card in a 1,000-card file hashes one card.
 */
export function toSyncedDeck({ file, parsed }: LoadedDeckFile, previous?: SyncedDeck): SyncedDeck {
  const deck = parsed.deck;
  const before = previous ? new Map(previous.cards.map((card) => [card.id, card])) : null;
  return {
    id: deck.id,
    name: deck.name,
    description: deck.description,
    lang: deck.lang,
    sourcePath: file.path,
    readOnly: file.folder.builtIn,
    builtIn: file.folder.builtIn,
    cards: parsed.cards.map((card, position) => {
      const was = before?.get(card.id);
      return {
        id: card.id,
        position,
        ...contentOf(card),
        contentHash: was && sameContent(was, card) ? was.contentHash : cardHash(card),
      };
    }),
  };
}


export function syncDeckFolders(db: Db, folders: readonly DeckFolder[], now: number): SyncReport {
  const { loaded, broken, errors } = loadDeckFolders(folders);
  const synced = loaded.map((entry) => ({ ...entry, synced: toSyncedDeck(entry) }));
  const changes = syncCollection(db, { decks: synced.map((entry) => entry.synced), broken, now });
  return { fileErrors: errors, changes, loaded: new Map(synced.map((l) => [l.parsed.deck.id, l])) };
}
