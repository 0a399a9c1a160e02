// Importing a Markdown/Typora notes file as a deck: the IO around main/core/notes. Reads and decodes the notes,
// finds their images, picks the deck file to write (the same deck id is updated in place, any other file is
// never overwritten), shows a preview, and on commit copies the images and writes the deck atomically.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotesImportDecisions, NotesImportPreview } from '../contract/api';
import { AppError } from '../contract/errors';
import { message, type Message } from '../contract/messages';
import { parseDeck } from '../core/deck';
import {
  convertNotes,
  decodeNotesBytes,
  MAX_NOTES_BYTES,
  type ConvertNotesInput,
  type ImportBaseline,
  type NotesImportChoices,
  type NotesImportSummary,
  type PreviousDeckCard,
} from '../core/notes';
import { fallbackImageCandidates, isAbsoluteImagePath } from '../core/notes/imageCandidates';
import { copyFileAtomic, writeFileAtomic } from '../files/atomicWrite';
import { imageType } from '../files/imageTypes';
import { realInside, realTargetInside } from '../files/inside';



export interface NotesImportInput {
  fileName: string;
  /** Decoded text (browser uploads); `bytes` is preferred because GBK can then be detected and converted. */
  text?: string;
  bytes?: Uint8Array;
  /** Folder of the notes file, to resolve relative image paths; without it every image is reported missing. */
  notesDir?: string;
  /** Heading lines of skipped sections (references, TODO…) the user chose to include (ConvertNotesInput). */
  includeSections?: readonly number[];
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

/** Where the baselines of imported decks are kept (the collection database; see ARCHITECTURE.md "Notes import"). */
export interface ImportBaselines {
  read(deckId: string): ImportBaseline[];
  replace(deckId: string, baselines: readonly ImportBaseline[]): void;
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
  /** Without it (tests of conversion only) every re-import compares against the deck's current text. */
  baselines?: ImportBaselines;
  /** Previews kept for commit (default 8); a batch import previews every file before committing any. */
  maxPending?: number;
}

export interface NotesImporter {
  preview(input: NotesImportInput): NotesImportPreviewDetails;
  /** Writes the preview; `decisions` settle its conflicts (default: the user's version) and confirm matches. */
  commit(previewId: string, decisions?: NotesImportDecisions): { deckId: string; path: string };
}

interface PendingImport {
  deckText: string;
  summary: NotesImportSummary;
  targetPath: string;
  notesDir: string | null;
  notesFileName: string;
  /** The conversion's input, to convert again with the user's decisions at commit. */
  convertInput: ConvertNotesInput;
}

/** The API's decisions as the converter takes them; a match names the preview's card, which names its section. */
function choicesFrom(summary: NotesImportSummary, decisions: NotesImportDecisions): NotesImportChoices {
  const sectionOf = new Map(summary.reimport.suggestedMatches.map((m) => [`${m.card.cardId}\u0000${m.previous.cardId}`, m.section]));
  const matches = new Map<number, string>();
  for (const { cardId, previousId } of decisions.matches ?? []) {
    const section = sectionOf.get(`${cardId}\u0000${previousId}`);
    if (section === undefined) throw new AppError(message('notes.unknownMatch', { cardId, previousId }));
    matches.set(section, previousId);
  }
  const inConflict = new Set(summary.reimport.conflicts.map((c) => c.cardId));
  for (const { cardId } of decisions.conflicts ?? []) {
    if (!inConflict.has(cardId)) throw new AppError(message('notes.unknownConflict', { cardId }));
  }
  return { matches, conflicts: new Map((decisions.conflicts ?? []).map((c) => [c.cardId, c.choice])) };
}

/** Previews kept for commit; older ones are forgotten (each holds a whole deck text). */
const MAX_PENDING = 8;
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** An image file (by its type) no larger than the importer takes, or false. */
function isImportableImage(absolute: string): boolean {
  if (!imageType(absolute)) return false;
  try {
    const stats = statSync(absolute);
    return stats.isFile() && stats.size <= MAX_IMAGE_BYTES;
  } catch {
    return false;
  }
}

/** The image exactly where the notes say (today's rule): relative to the notes, or an absolute path on this machine. */
function imageAsWritten(src: string, notesDir: string, platform: NodeJS.Platform): string | null {
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
    if (isImportableImage(absolute)) return absolute;
  }
  return null;
}

function foldersBeside(notesDir: string): string[] {
  try {
    return readdirSync(notesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

/**
 * Where an image path written in the notes points on this machine, or null. Typora writes Windows paths
 * (`E:\…`, which never exist elsewhere), relative paths (with `/`, `\` or `%20`) and `file://` URLs. An absolute
 * path that is not here falls back to the file of the same name beside the notes or in their image folders
 * (core/notes/imageCandidates.ts), never outside the notes folder. Only image files are taken, so notes cannot
 * smuggle another file (`../../.ssh/id_rsa`) into the deck folder.
 */
export function resolveNotesImage(
  src: string,
  notesDir: string,
  platform: NodeJS.Platform = process.platform,
  notesFileName = '',
): string | null {
  const written = imageAsWritten(src, notesDir, platform);
  if (written || !isAbsoluteImagePath(src)) return written;
  for (const candidate of fallbackImageCandidates(src, notesFileName, foldersBeside(notesDir))) {
    // realInside: a symlinked folder or file beside the notes must not lead out of them.
    const real = realInside(notesDir, join(...candidate.split('/')));
    if (real && isImportableImage(real)) return real;
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
  const previousCards = parsed.cards.flatMap(({ id, frontMd, backMd, tags, proofCode, proofLang }) =>
    id === null ? [] : [{ id, frontMd, backMd, tags, proofCode, proofLang }],
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
    const imageExists = (src: string): boolean => notesDir !== null && resolveNotesImage(src, notesDir, process.platform, input.fileName) !== null;
    const decks = options.existingDecks();
    const reservedDeckIds = new Set(decks.filter(isBuiltIn).map((deck) => deck.id));
    const writableDeckIds = new Set(decks.filter((deck) => !isBuiltIn(deck)).map((deck) => deck.id));
    const inputFor = (previousCards: PreviousDeckCard[], baselines: ImportBaseline[]): ConvertNotesInput => ({
      text, fileName: input.fileName, imageExists, previousCards, decodeWarnings, reservedDeckIds, writableDeckIds, baselines,
      includeSections: input.includeSections, parentDeck: input.parentDeck,
    });
    const convert = (previousCards: PreviousDeckCard[]) => convertNotes(inputFor(previousCards, []));

    // The deck id comes from the notes; only then is it known which file, and which earlier proofs, it meets.
    const first = convert([]);
    if (!first.ok) throw new AppError(first.error);
    const { deckId } = first.summary;
    const target = chooseTarget(decks, deckId, input.outPath);
    const existing = inspectTarget(target.path, deckId);
    if (existing.kind === 'other') {
      throw new AppError(message('notes.targetIsOther', { path: target.path, reason: existing.reason, deckId, outFlag: Boolean(input.outPath) }));
    }
    const convertInput = existing.kind === 'same-deck' ? inputFor(existing.previousCards, options.baselines?.read(deckId) ?? []) : inputFor([], []);
    const result = existing.kind === 'same-deck' ? convertNotes(convertInput) : first;
    if (!result.ok) throw new AppError(result.error);
    const { summary } = result;
    const { reimport } = summary;

    const previewId = randomUUID();
    pending.set(previewId, { deckText: result.deckText, summary, targetPath: target.path, notesDir, notesFileName: input.fileName, convertInput });
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
      removedCards: reimport.removedCards,
      changes: { renamed: reimport.renamed, edited: reimport.edited, moved: reimport.moved, added: reimport.added, keptUserText: reimport.keptUserText },
      conflicts: reimport.conflicts.map(({ cardId, mine, theirs }) => ({ cardId, mine, theirs })),
      suggestedMatches: reimport.suggestedMatches.map(({ card, previous, reason }) => ({
        cardId: card.cardId, card: { question: card.question, answer: card.answer }, previousId: previous.cardId,
        previous: { question: previous.question, answer: previous.answer }, reason,
      })),
      ambiguous: reimport.ambiguous.map(({ cardId, question, candidates }) => ({
        cardId, question, candidates: candidates.map((c) => ({ cardId: c.cardId, question: c.question })),
      })),
      copiedImages: summary.imageCopies.length,
    };
  };

  /** The deck text and baselines to write: the preview's, or converted again with the user's decisions. */
  const decide = (job: PendingImport, decisions: NotesImportDecisions): { deckText: string; summary: NotesImportSummary } => {
    if (!decisions.conflicts?.length && !decisions.matches?.length) return job;
    const again = convertNotes({ ...job.convertInput, choices: choicesFrom(job.summary, decisions) });
    if (!again.ok) throw new AppError(again.error);
    return again;
  };

  const commit = (previewId: string, decisions: NotesImportDecisions = {}): { deckId: string; path: string } => {
    const job = pending.get(previewId);
    if (!job) throw new AppError(message('notes.previewGone'));
    const { deckId } = job.summary;
    const decided = decide(job, decisions);
    // The folder may have changed since the preview: re-check, so another deck is still never overwritten.
    const existing = inspectTarget(job.targetPath, deckId);
    if (existing.kind === 'other') {
      throw new AppError(message('notes.targetChanged', { path: job.targetPath, reason: existing.reason }));
    }
    const deckDir = dirname(job.targetPath);
    mkdirSync(deckDir, { recursive: true });
    // Images first: if one fails, no deck file points at an image that is not there.
    for (const copy of job.summary.imageCopies) {
      const source = job.notesDir ? resolveNotesImage(copy.src, job.notesDir, process.platform, job.notesFileName) : null;
      if (!source) throw new AppError(message('notes.imageGone', { src: copy.src }));
      const to = join(deckDir, ...copy.assetPath.split('/'));
      mkdirSync(dirname(to), { recursive: true });
      copyFileAtomic(source, to);
    }
    writeFileAtomic(job.targetPath, decided.deckText, { durable: true });
    // After the deck: a baseline must never describe text that was not written (a failed write keeps the old ones).
    options.baselines?.replace(deckId, decided.summary.baselines);
    pending.delete(previewId);
    return { deckId, path: job.targetPath };
  };

  return { preview, commit };
}
