// Importing a folder of deck files (issue #6). Every file is read, parsed and checked against the collection and
// against the other files before anything is written: one bad file or one clashing id imports nothing, and the
// refusal names every problem as file:line, as deck:check does.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { DeckFileError } from '../contract/deck';
import { asCleanDeck, decodeDeckBytes, parseDeck, type CleanDeck, type DeckFileCard, type ParsedDeckFile } from '../core/deck';
import { imageType } from '../files/imageTypes';
import { realInside, realTargetInside } from '../files/inside';
import type { Db } from '../storage/database';
import { cardLocations } from '../storage/editStore';
import type { LoadedDeckFile } from './collectionService';
import { listDeckFiles, readFileBytes, type FoundFile } from './deckFiles';
import { imageReferences } from './deckImages';
import { AppError } from '../contract/errors';
import { message, type Message } from '../contract/messages';
import { errno } from './edit/fileText';

export interface PlannedDeck {
  source: string;
  text: string;
  parsed: CleanDeck;
  /** The user's deck with the same id, updated in place (as importDeckFile does); null writes a new file. */
  replaces: LoadedDeckFile | null;
  target: FoundFile;
}

export interface FolderImportPlan {
  decks: PlannedDeck[];
  images: { from: string; to: string }[];
  missingImages: string[];
  /** Where new deck files go (a fresh subfolder of the user's deck folder), or null when every deck updates one in place. */
  into: string | null;
  /** Folders that do not exist yet and the import creates, so undo can remove them again. */
  newFolders: string[];
}

const MAX_LISTED = 40;

/** Cards of `parsed` whose id already belongs to another deck: an import may only update its own deck's cards. */
export function cardsOwnedElsewhere(db: Db, parsed: CleanDeck): { card: DeckFileCard; deckId: string }[] {
  const owners = cardLocations(db, parsed.cards.flatMap((card) => (card.id ? [card.id] : [])));
  return parsed.cards.flatMap((card) => {
    const at = card.id ? owners.get(card.id) : undefined;
    return at && !at.removed && at.deckId !== parsed.deck.id ? [{ card, deckId: at.deckId }] : [];
  });
}

/** The refusal for a folder with problems: every one listed (up to a cap) as file:line: message. */
function refusal(folder: string, problems: DeckFileError[]): AppError {
  const errors = problems.slice(0, MAX_LISTED).map((p) => ({ file: p.file, line: p.line, problem: { code: p.code, params: p.params } }));
  return new AppError(message('folder.problems', { path: folder, count: problems.length, errors, more: Math.max(0, problems.length - MAX_LISTED) }));
}

function openFolder(folder: string): string {
  if (!isAbsolute(folder)) throw new AppError(message('folder.notAbsolute', { path: folder }));
  try {
    const real = realpathSync(folder);
    if (statSync(real).isDirectory()) return real;
  } catch (error) {
    throw new AppError(message('folder.cannotOpen', { path: folder, reason: errno(error) }));
  }
  throw new AppError(message('folder.isFileUseImport', { path: folder }));
}

/**
 * Importing a folder the app already loads would copy decks onto themselves; importing the built-in decks (or a
 * folder holding them) would fork every one of them into the user's folder.
 */
function refuseLoadedFolders(folder: string, real: string, ctx: { userDeckDir: string; builtInDeckDir: string; loaded: Map<string, LoadedDeckFile> }): void {
  const { userDeckDir, builtInDeckDir, loaded } = ctx;
  if (realTargetInside(builtInDeckDir, real) !== null || realTargetInside(real, builtInDeckDir) !== null) {
    throw new AppError(message('folder.builtInDecks', { path: folder, builtIn: builtInDeckDir }));
  }
  const owned = new Set([userDeckDir, ...[...loaded.values()].filter((e) => !e.file.folder.builtIn).map((e) => e.file.folder.path)]);
  for (const path of owned) {
    if (realTargetInside(path, real) !== null || realTargetInside(real, path) !== null) {
      throw new AppError(message('folder.overlapsLoaded', { path: folder, other: path }));
    }
  }
}

function readDeck(path: string, problems: DeckFileError[]): { text: string; parsed: CleanDeck } | null {
  const bytes = readFileBytes(path);
  const decoded = bytes instanceof Uint8Array ? decodeDeckBytes(bytes, path) : { error: bytes };
  if ('error' in decoded) {
    problems.push(decoded.error);
    return null;
  }
  const parsed = parseDeck(decoded.text, path);
  const clean = asCleanDeck(parsed);
  if (!clean) problems.push(...parsed.errors);
  return clean && { text: decoded.text, parsed: clean };
}

const lineOf = (text: string, needle: string) => Math.max(1, text.slice(0, Math.max(0, text.indexOf(needle))).split('\n').length);
const deckIdLine = (parsed: ParsedDeckFile) => Math.max(1, parsed.frontMatterRaw.split('\n').findIndex((line) => /^id\s*:/.test(line)) + 1);

/** A subfolder of the user's deck folder named after the imported one that does not exist yet. */
function freeFolder(parent: string, name: string): string {
  const stem = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'imported';
  for (let n = 1; ; n++) {
    const path = join(parent, n === 1 ? stem : `${stem}-${n}`);
    if (!existsSync(path)) return path;
  }
}

function missingFolders(paths: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const path of paths) {
    for (let dir = dirname(path); !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) missing.add(dir);
  }
  return [...missing];
}

export function planFolderImport(folder: string, ctx: { db: Db; loaded: Map<string, LoadedDeckFile>; userDeckDir: string; builtInDeckDir: string }): FolderImportPlan {
  const real = openFolder(folder);
  refuseLoadedFolders(folder, real, ctx);
  const problems: DeckFileError[] = [];
  const files = listDeckFiles({ path: folder, builtIn: false }, problems);
  if (files.length === 0 && problems.length === 0) throw new AppError(message('folder.noDeckFiles', { path: folder }));

  const read = files.flatMap((file) => {
    const deck = readDeck(file.path, problems);
    return deck ? [{ source: file.path, ...deck }] : [];
  });
  const deckOwner = new Map<string, string>();
  const cardOwner = new Map<string, string>();
  for (const { source, parsed } of read) {
    const deckId = parsed.deck.id;
    const earlier = deckOwner.get(deckId);
    if (earlier) problems.push({ file: source, line: deckIdLine(parsed), ...message('folder.deckIdTwice', { deckId, file: earlier }) });
    deckOwner.set(deckId, earlier ?? source);
    for (const card of parsed.cards) {
      if (!card.id) continue;
      const other = cardOwner.get(card.id);
      if (other) problems.push({ file: source, line: card.line, ...message('folder.cardIdTwice', { cardId: card.id, file: other }) });
      else cardOwner.set(card.id, `${source}:${card.line}`);
    }
    for (const { card, deckId: owner } of cardsOwnedElsewhere(ctx.db, parsed)) {
      const where = ctx.loaded.get(owner)?.file.path;
      problems.push({ file: source, line: card.line, ...message('folder.cardIdInDeck', { cardId: card.id ?? '', deckId: owner, file: where ?? null }) });
    }
  }

  let into: string | null = null;
  const decks: PlannedDeck[] = read.map(({ source, text, parsed }) => {
    const existing = ctx.loaded.get(parsed.deck.id);
    const replaces = existing && !existing.file.folder.builtIn ? existing : null;
    if (replaces) return { source, text, parsed, replaces, target: replaces.file };
    into ??= freeFolder(ctx.userDeckDir, basename(real));
    return { source, text, parsed, replaces, target: { path: join(into, relative(folder, source)), folder: { path: ctx.userDeckDir, builtIn: false } } };
  });

  const images = new Map<string, string>();
  const missingImages = new Set<string>();
  for (const { source, text, target } of decks) {
    for (const ref of imageReferences(text)) {
      // Only what the app can show is copied (the image table deck-asset serving uses), and only from inside the folder.
      const from = imageType(ref) ? realInside(real, resolve(dirname(source), ref)) : null;
      if (!from || !statSync(from).isFile()) {
        missingImages.add(ref);
        continue;
      }
      const to = resolve(dirname(target.path), ref);
      const problem = (found: Message) => problems.push({ file: source, line: lineOf(text, ref), ...found });
      if (!realTargetInside(target.folder.path, to)) problem(message('folder.imageOutside', { ref, folder: target.folder.path }));
      else if (images.has(to) && images.get(to) !== from) problem(message('folder.imageCollision', { ref, other: images.get(to) ?? '', to }));
      else if (existsSync(to) && !images.has(to)) {
        if (!readFileSync(to).equals(readFileSync(from))) problem(message('folder.imageWouldReplace', { ref, to }));
      } else images.set(to, from);
    }
  }
  if (problems.length > 0) throw refusal(folder, problems);
  const copies = [...images].map(([to, from]) => ({ from, to }));
  return { decks, images: copies, missingImages: [...missingImages], into, newFolders: missingFolders([...decks.map((d) => d.target.path), ...copies.map((c) => c.to)]) };
}

/** What a folder import did, in one line for the banner. */
export function folderImportMessage(folder: string, plan: FolderImportPlan, written: ReadonlySet<string>): Message {
  return message('done.folderImported', {
    folder,
    decks: plan.decks.length,
    added: plan.decks.filter((deck) => !deck.replaces).length,
    into: plan.into,
    updated: plan.decks.filter((deck) => deck.replaces && written.has(deck.target.path)).length,
    images: plan.images.length,
    missing: plan.missingImages,
  });
}
