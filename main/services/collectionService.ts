// Loads every deck folder, resolves id clashes, writes generated card ids back to writable files, and
// reconciles the result with the database (storage/collectionStore.ts).
import type { DeckFileError, ParsedCard } from '../contract/deck';
import { assignMissingIds, decodeDeckBytes, parseDeck, type ParsedDeckFile } from '../core/deck';
import type { Db } from '../storage/database';
import { syncCollection, type BrokenDeck, type SyncChanges, type SyncedCard, type SyncedDeck } from '../storage/collectionStore';
import { writeFileAtomic } from '../files/atomicWrite';
import { contentHash, listDeckFiles, readFileBytes, type DeckFolder, type FoundFile } from './deckFiles';

export interface LoadedDeckFile {
  file: FoundFile;
  parsed: ParsedDeckFile;
  /** The deck as the database last received it (edits send only what differs from it). */
  synced?: SyncedDeck;
}

export interface SyncReport {
  fileErrors: DeckFileError[];
  changes: SyncChanges;
  /** Parsed files by deck id, for editing and export. */
  loaded: Map<string, LoadedDeckFile>;
}

export function cardHash(card: ParsedCard): string {
  return contentHash([card.frontMd, card.backMd, card.proofCode, card.proofLang, card.tags.join(' ')]);
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
function ensureIds(file: FoundFile, parsed: ParsedDeckFile, taken: Set<string>, errors: DeckFileError[]): ParsedDeckFile | null {
  const missing = parsed.cards.filter((card) => card.id === null);
  if (missing.length === 0) return parsed;
  if (file.folder.builtIn) {
    for (const card of missing) errors.push({ file: file.path, line: card.line, message: 'card has no id: built-in decks must give every card an {#id}' });
    return null;
  }
  const result = assignMissingIds(parsed, taken);
  try {
    writeFileAtomic(file.path, result.text);
  } catch (error) {
    errors.push({ file: file.path, line: 0, message: `cards without ids could not be given ids (file not writable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); add {#id} to each heading` });
    return null;
  }
  return result.parsed;
}

export function loadDeckFolders(folders: readonly DeckFolder[]): { loaded: LoadedDeckFile[]; broken: BrokenDeck[]; errors: DeckFileError[] } {
  const errors: DeckFileError[] = [];
  const broken: BrokenDeck[] = [];
  const candidates: LoadedDeckFile[] = [];
  for (const folder of folders) {
    for (const file of listDeckFiles(folder, errors)) {
      const fileErrors: DeckFileError[] = [];
      const parsed = loadFile(file, fileErrors);
      if (parsed && parsed.errors.length === 0) candidates.push({ file, parsed });
      else {
        const all = parsed ? parsed.errors : fileErrors;
        errors.push(...all);
        broken.push({ sourcePath: file.path, deckId: parsed?.deck?.id ?? null, error: all.map((e) => `${e.line}: ${e.message}`).join('\n') });
      }
    }
  }

  // A user deck with a built-in deck's id replaces it (that is how a fork works).
  const userDeckIds = new Set(candidates.filter((c) => !c.file.folder.builtIn).map((c) => c.parsed.deck!.id));
  const byDeck = new Map<string, LoadedDeckFile>();
  const cardOwner = new Map<string, string>();
  const loaded: LoadedDeckFile[] = [];
  const reject = (c: LoadedDeckFile, line: number, message: string) => {
    errors.push({ file: c.file.path, line, message });
    broken.push({ sourcePath: c.file.path, deckId: null, error: message });
  };
  for (const candidate of candidates) {
    const deckId = candidate.parsed.deck!.id;
    if (candidate.file.folder.builtIn && userDeckIds.has(deckId)) continue;
    const earlier = byDeck.get(deckId);
    if (earlier) {
      reject(candidate, 1, `deck id "${deckId}" is already used by ${earlier.file.path}`);
      continue;
    }
    const clash = candidate.parsed.cards.find((card) => card.id !== null && cardOwner.has(card.id));
    if (clash) {
      reject(candidate, clash.line, `card id "${clash.id}" is already used in ${cardOwner.get(clash.id!)}`);
      continue;
    }
    const withIds = ensureIds(candidate.file, candidate.parsed, new Set(cardOwner.keys()), errors);
    if (!withIds) {
      broken.push({ sourcePath: candidate.file.path, deckId, error: 'cards without ids' });
      continue;
    }
    const accepted = { file: candidate.file, parsed: withIds };
    byDeck.set(deckId, accepted);
    for (const card of withIds.cards) cardOwner.set(card.id!, candidate.file.path);
    loaded.push(accepted);
  }
  return { loaded, broken, errors };
}

/**
 * The deck as the database stores it. With `previous` (the same deck as last synced), unchanged cards keep their
 * content hash instead of being hashed again: a save of one card in a 1,000-card file hashes one card.
 */
export function toSyncedDeck({ file, parsed }: LoadedDeckFile, previous?: SyncedDeck): SyncedDeck {
  const deck = parsed.deck!;
  const before = previous ? new Map(previous.cards.map((card) => [card.id, card])) : null;
  return {
    id: deck.id,
    name: deck.name,
    description: deck.description,
    sourcePath: file.path,
    readOnly: file.folder.builtIn,
    builtIn: file.folder.builtIn,
    cards: parsed.cards.map((card, position) => {
      const was = before?.get(card.id!);
      return {
        id: card.id!,
        position,
        frontMd: card.frontMd,
        backMd: card.backMd,
        proofCode: card.proofCode,
        proofLang: card.proofLang,
        tags: card.tags,
        contentHash: was && sameContent(was, card) ? was.contentHash : cardHash(card),
      };
    }),
  };
}

function sameContent(a: SyncedCard, b: ParsedCard): boolean {
  return a.frontMd === b.frontMd && a.backMd === b.backMd && a.proofCode === b.proofCode && a.proofLang === b.proofLang
    && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
}

export function syncDeckFolders(db: Db, folders: readonly DeckFolder[], now: number): SyncReport {
  const { loaded, broken, errors } = loadDeckFolders(folders);
  const synced = loaded.map((entry) => ({ ...entry, synced: toSyncedDeck(entry) }));
  const changes = syncCollection(db, { decks: synced.map((entry) => entry.synced), broken, now });
  return { fileErrors: errors, changes, loaded: new Map(synced.map((l) => [l.parsed.deck!.id, l])) };
}
