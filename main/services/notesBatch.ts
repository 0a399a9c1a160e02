// Import notes, several at once (app and CLI): the paths given — notes files and folders of notes — become a list
// of files, each with its parent deck (core/notes/batch.ts), previewed one by one with the single-file importer.
// One file's problem is that file's result, not the batch's: the others still preview and import.
import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { NotesBatchInclude, NotesBatchItem } from '../contract/api';
import { AppError } from '../contract/errors';
import { message, type Message } from '../contract/messages';
import { isNotesFileName, isSkippedNotesFolder, notesParentDeck } from '../core/notes';
import { walkInside } from '../files/folderWalk';
import { readNotesFile, type NotesImporter, type NotesImportPreviewDetails } from './notesImport';

export interface NotesBatchFile {
  path: string;
  /** Undefined for one file given alone: its deck keeps its plain name. */
  parentDeck: string | undefined;
}

/** A file of the batch that could not be listed or previewed. */
export interface NotesBatchProblem {
  path: string;
  problem: Message;
}

/** The most files one batch previews (a large book has a few dozen chapter files); more is refused by the schema. */
export const MAX_BATCH_FILES = 500;

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The notes files of a folder, in name order: top level and subfolders, never hidden or `*.assets` folders. */
function notesInFolder(folder: string, problems: NotesBatchProblem[]): NotesBatchFile[] {
  const files: NotesBatchFile[] = [];
  const root = resolve(folder);
  walkInside(root, {
    wants: isNotesFileName,
    file(path, stats) {
      const folders = relative(root, dirname(path)).split(sep).filter(Boolean);
      if (folders.some(isSkippedNotesFolder) || !stats.isFile()) return;
      files.push({ path, parentDeck: notesParentDeck([basename(root), ...folders]) });
    },
    linkOut: () => {},
    unreadable: (path, reason) => problems.push({ path, problem: message('notes.cannotRead', { path, reason }) }),
  });
  return files;
}

/**
 * The files a batch of paths names. A folder gives its notes files under `<folder name>::…`; with two or more
 * paths, each file given directly goes under the name of the folder it is in; one file alone keeps its plain name.
 */
export function notesBatchFiles(paths: readonly string[]): { files: NotesBatchFile[]; problems: NotesBatchProblem[] } {
  const files: NotesBatchFile[] = [];
  const problems: NotesBatchProblem[] = [];
  const single = paths.length === 1;
  for (const given of paths) {
    const path = resolve(given);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      problems.push({ path: given, problem: message('notes.cannotRead', { path: given, reason: errnoOf(error) }) });
      continue;
    }
    if (isFolder) {
      const found = notesInFolder(path, problems);
      if (found.length === 0) problems.push({ path: given, problem: message('notes.noNotesFiles', { path: given }) });
      files.push(...found);
    } else {
      files.push({ path, parentDeck: single ? undefined : notesParentDeck([basename(dirname(path))]) });
    }
  }
  return { files, problems };
}

/**
 * Previews every file of the batch. Two files that would make the same deck (same folder and chapter name), or
 * the same card id, cannot both be written: the second is refused (`notes.batchDeckTwice`, `notes.batchCardIdTwice`),
 * naming the first.
 */
export function previewNotesBatch(
  importer: NotesImporter,
  paths: readonly string[],
  /** Per notes file (its full path, as the items name it): heading lines of skipped sections to include. */
  includeSections: readonly NotesBatchInclude[] = [],
): NotesBatchItem<NotesImportPreviewDetails>[] {
  const includeOf = new Map(includeSections.map(({ path, lines }) => [resolve(path), lines]));
  const { files, problems } = notesBatchFiles(paths);
  const items: NotesBatchItem<NotesImportPreviewDetails>[] = problems.map(({ path, problem }) => ({ path, preview: null, problem }));
  const firstFileOfDeck = new Map<string, string>();
  const fileOfCard = new Map<string, string>();
  for (const file of files) {
    try {
      const preview = importer.preview({ ...readNotesFile(file.path), parentDeck: file.parentDeck, includeSections: includeOf.get(file.path) });
      const other = firstFileOfDeck.get(preview.deckId);
      if (other !== undefined) {
        items.push({ path: file.path, preview: null, problem: message('notes.batchDeckTwice', { deckId: preview.deckId, other }) });
        continue;
      }
      // Card ids start with the deck id cut to 24 characters: under a long folder name two chapters can share
      // that prefix, and a card id twice would keep the second deck from loading. Refuse it here, by name.
      const clash = preview.cards.find((card) => fileOfCard.has(card.id));
      if (clash) {
        items.push({ path: file.path, preview: null, problem: message('notes.batchCardIdTwice', { cardId: clash.id, other: fileOfCard.get(clash.id)! }) });
        continue;
      }
      for (const card of preview.cards) fileOfCard.set(card.id, file.path);
      firstFileOfDeck.set(preview.deckId, file.path);
      items.push({ path: file.path, preview, problem: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      items.push({ path: file.path, preview: null, problem: error.problem });
    }
  }
  return items;
}
