// Importing a Markdown/Typora notes file as a deck: the IO around main/core/notes. Reads and decodes the notes,
// finds their images, picks the deck file to write (the same deck id is updated in place, any other file is
// never overwritten), shows a preview, and on commit copies the images and writes the deck atomically.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotesImportPreview } from '../contract/api';
import { AppError } from '../contract/errors';
import { message, type Message } from '../contract/messages';
import { parseDeck } from '../core/deck';
import {
  convertNotes,
  decodeNotesBytes,
  MAX_NOTES_BYTES,
  type NotesImportSummary,
  type PreviousDeckCard,
} from '../core/notes';
import { copyFileAtomic, writeFileAtomic } from '../files/atomicWrite';
import { imageType } from '../files/imageTypes';
import { realTargetInside } from '../files/inside';



export interface NotesImportInput {
  fileName: string;
  /** Decoded text (browser uploads); `bytes` is preferred because GBK can then be detected and converted. */
  text?: string;
  bytes?: Uint8Array;
  /** Folder of the notes file, to resolve relative image paths; without it every image is reported missing. */
  notesDir?: string;
  /** Write the deck here instead of `<user deck folder>/<deck id>.md` (the CLI's --out). */
  outPath?: string;
  /** A batch import's parent deck: the deck is named `<parentDeck>::<chapter>` (services/notesBatch.ts). */
  parentDeck?: string;
}

/** The API's preview plus what the CLI and the view show besides. */
export interface NotesImportPreviewDetails extends NotesImportPreview {
  warnings: Message[];
  /** Cards whose proof, added after an earlier import, is kept. */
  proofsKept: string[];
  /** Card ids the existing deck has and the notes no longer do (their history stays in the database). */
  removedCardIds: string[];
  copiedImages: number;
}

export interface ExistingDeck {
  id: string;
  path: string;
  /**
   * Built-in (read-only) decks are never replaced: notes that would take such an id get `<id>-notes` instead.
   * When not given, a deck outside the user deck folder counts as built-in.
   */
  builtIn?: boolean;
}

export interface NotesImporterOptions {
  userDeckDir: string;
  /** Decks the app has loaded; a writable deck with the imported id is updated in place. */
  existingDecks: () => ExistingDeck[];
  /** Previews kept for commit (default 8); a batch import previews every file before committing any. */
  maxPending?: number;
}

export interface NotesImporter {
  preview(input: NotesImportInput): NotesImportPreviewDetails;
  commit(previewId: string): { deckId: string; path: string };
}

interface PendingImport {
  deckText: string;
  summary: NotesImportSummary;
  targetPath: string;
  notesDir: string | null;
}

/** Previews kept for commit; older ones are forgotten (each holds a whole deck text). */
const MAX_PENDING = 8;
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/**
 * Where an image path written in the notes points on this machine, or null. Typora writes Windows paths
 * (`E:\…`, which never exist elsewhere), relative paths (with `/`, `\` or `%20`) and `file://` URLs. Only image
 * files are taken, so notes cannot smuggle another file (`../../.ssh/id_rsa`) into the deck folder.
 */
export function resolveNotesImage(src: string, notesDir: string, platform: NodeJS.Platform = process.platform): string | null {
  let path = src;
  if (/^file:/i.test(src)) {
    try {
      path = fileURLToPath(src);
    } catch {
      return null;
    }
  } else if (platform !== 'win32' && (/^[a-zA-Z]:[\\/]/.test(src) || src.startsWith('\\\\'))) {
    return null;
  }
  const candidates = [path];
  try {
    candidates.push(decodeURI(path));
  } catch {
    // Not percent-encoded: the path as written is the only candidate.
  }
  for (const candidate of candidates) {
    const native = platform === 'win32' ? candidate : candidate.replace(/\\/g, '/');
    const absolute = isAbsolute(native) ? native : resolve(notesDir, native);
    if (!imageType(absolute)) continue;
    try {
      const stats = statSync(absolute);
      if (stats.isFile() && stats.size <= MAX_IMAGE_BYTES) return absolute;
    } catch {
      // Missing or unreadable: try the next spelling.
    }
  }
  return null;
}

/** Reads a notes file for preview, refusing huge files before reading them. */
export function readNotesFile(path: string): NotesImportInput & { bytes: Uint8Array } {
  const absolute = resolve(path);
  let size: number;
  try {
    const stats = statSync(absolute);
    if (!stats.isFile()) throw new AppError(message('notes.notAFile', { path }));
    size = stats.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(message('notes.cannotRead', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  if (size > MAX_NOTES_BYTES) throw new AppError(message('notes.tooLarge', { bytes: size, limit: MAX_NOTES_BYTES }));
  return { fileName: basename(absolute), bytes: readFileSync(absolute), notesDir: dirname(absolute) };
}

type TargetDeck = { kind: 'absent' } | { kind: 'same-deck'; previousCards: PreviousDeckCard[] } | { kind: 'other'; reason: Message };

/** What is at the path the deck would be written to. */
function inspectTarget(path: string, deckId: string): TargetDeck {
  if (!existsSync(path)) return { kind: 'absent' };
  let text: string;
  try {
    if (!statSync(path).isFile()) return { kind: 'other', reason: message('notes.targetNotFile') };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { kind: 'other', reason: message('notes.targetUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) };
  }
  const parsed = parseDeck(text, path);
  if (!parsed.deck) return { kind: 'other', reason: message('notes.targetNotDeck') };
  if (parsed.deck.id !== deckId) return { kind: 'other', reason: message('notes.targetOtherDeck', { deckId: parsed.deck.id }) };
  const previousCards = parsed.cards.flatMap((card) =>
    card.id === null ? [] : [{ id: card.id, proofCode: card.proofCode, proofLang: card.proofLang }],
  );
  return { kind: 'same-deck', previousCards };
}

export function createNotesImporter(options: NotesImporterOptions): NotesImporter {
  const pending = new Map<string, PendingImport>();

  const isBuiltIn = (deck: ExistingDeck): boolean => deck.builtIn ?? realTargetInside(options.userDeckDir, deck.path) === null;

  const chooseTarget = (decks: ExistingDeck[], deckId: string, outPath: string | undefined): { path: string; warnings: Message[] } => {
    const sameId = decks.filter((deck) => deck.id === deckId && !isBuiltIn(deck));
    if (outPath) {
      const path = resolve(outPath);
      const warnings = sameId
        .filter((deck) => resolve(deck.path) !== path)
        .map((deck) => message('notes.deckIdElsewhere', { deckId, path: deck.path }));
      return { path, warnings };
    }
    // A re-import updates the deck with its id where it lives, even when it was renamed or moved to another deck folder.
    const path = sameId.length ? resolve(sameId[0].path) : join(resolve(options.userDeckDir), `${deckId}.md`);
    return { path, warnings: [] };
  };

  const preview = (input: NotesImportInput): NotesImportPreviewDetails => {
    let text: string;
    let decodeWarnings: Message[] = [];
    if (input.bytes) {
      const decoded = decodeNotesBytes(input.bytes);
      if (!decoded.ok) throw new AppError(decoded.error);
      text = decoded.text;
      decodeWarnings = decoded.warnings;
    } else {
      text = input.text ?? '';
    }
    const notesDir = input.notesDir ? resolve(input.notesDir) : null;
    const imageExists = (src: string): boolean => notesDir !== null && resolveNotesImage(src, notesDir) !== null;
    const decks = options.existingDecks();
    const reservedDeckIds = new Set(decks.filter(isBuiltIn).map((deck) => deck.id));
    const convert = (previousCards: PreviousDeckCard[]) =>
      convertNotes({ text, fileName: input.fileName, imageExists, previousCards, decodeWarnings, reservedDeckIds, parentDeck: input.parentDeck });

    // The deck id comes from the notes; only then is it known which file, and which earlier proofs, it meets.
    const first = convert([]);
    if (!first.ok) throw new AppError(first.error);
    const { deckId } = first.summary;
    const target = chooseTarget(decks, deckId, input.outPath);
    const existing = inspectTarget(target.path, deckId);
    if (existing.kind === 'other') {
      throw new AppError(message('notes.targetIsOther', { path: target.path, reason: existing.reason, deckId, outFlag: Boolean(input.outPath) }));
    }
    const result = existing.kind === 'same-deck' ? convert(existing.previousCards) : first;
    if (!result.ok) throw new AppError(result.error);
    const { summary } = result;

    const previewId = randomUUID();
    pending.set(previewId, { deckText: result.deckText, summary, targetPath: target.path, notesDir });
    while (pending.size > (options.maxPending ?? MAX_PENDING)) pending.delete(pending.keys().next().value!);

    return {
      deckId,
      deckName: summary.deckName,
      cardCount: summary.cards.length,
      cards: summary.cards.map(({ id, question, tags }) => ({ id, question, tags })),
      skippedHeadings: summary.skippedHeadings,
      missingImages: summary.missingImages,
      targetPath: target.path,
      updatesExisting: existing.kind === 'same-deck',
      previewId,
      warnings: [...summary.warnings, ...target.warnings],
      proofsKept: summary.proofsKept,
      removedCardIds: summary.removedCardIds,
      copiedImages: summary.imageCopies.length,
    };
  };

  const commit = (previewId: string): { deckId: string; path: string } => {
    const job = pending.get(previewId);
    if (!job) throw new AppError(message('notes.previewGone'));
    const { deckId } = job.summary;
    // The folder may have changed since the preview: re-check, so another deck is still never overwritten.
    const existing = inspectTarget(job.targetPath, deckId);
    if (existing.kind === 'other') {
      throw new AppError(message('notes.targetChanged', { path: job.targetPath, reason: existing.reason }));
    }
    const deckDir = dirname(job.targetPath);
    mkdirSync(deckDir, { recursive: true });
    // Images first: if one fails, no deck file points at an image that is not there.
    for (const copy of job.summary.imageCopies) {
      const source = job.notesDir ? resolveNotesImage(copy.src, job.notesDir) : null;
      if (!source) throw new AppError(message('notes.imageGone', { src: copy.src }));
      const to = join(deckDir, ...copy.assetPath.split('/'));
      mkdirSync(dirname(to), { recursive: true });
      copyFileAtomic(source, to);
    }
    writeFileAtomic(job.targetPath, job.deckText, { durable: true });
    pending.delete(previewId);
    return { deckId, path: job.targetPath };
  };

  return { preview, commit };
}
