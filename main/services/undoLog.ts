// The in-app edit history, kept in the database (storage/undoStore.ts) so that undo survives a restart. A file step
// keeps only what the edit changed: the untouched head and tail of the file are counted, the middle is stored as
// it was and as it became, plus a hash of the whole text after the edit, so undo can tell the file is still as the
// edit left it (an edit of one card in a 5 MB file stores a few hundred bytes).
import type { Db } from '../storage/database';
import type { QueueSnapshot } from '../storage/editStore';
import { deleteUndo, lastUndo, lastUndoLabel, pushUndo } from '../storage/undoStore';
import { contentHash, type DeckFolder, type FoundFile } from './deckFiles';

/** A file as an edit found it (`before`, null: absent) and left it (`after`, null: deleted). */
export interface FileEdit {
  found: FoundFile;
  before: string | null;
  after: string | null;
}

export interface FileStep {
  path: string;
  folder: DeckFolder;
  head: number;
  tail: number;
  before: string | null;
  after: string | null;
  afterHash: string | null;
}

export interface CreatedPaths {
  files: string[];
  folders: string[];
}

export type UndoStep =
  | { label: string; kind: 'files'; files: FileStep[]; created?: CreatedPaths }
  | { label: string; kind: 'queues'; queues: QueueSnapshot[] };

const UNDO_LIMIT = 50;
const BLOCK = 4096;
const hashText = (text: string) => contentHash([text]);
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function fileStep(edit: FileEdit): FileStep {
  const { before, after } = edit;
  let head = 0;
  let tail = 0;
  if (before !== null && after !== null) {
    const max = Math.min(before.length, after.length);
    // Whole blocks first (a native comparison), then character by character: a 1 MB file costs well under 1 ms.
    while (head + BLOCK <= max && before.slice(head, head + BLOCK) === after.slice(head, head + BLOCK)) head += BLOCK;
    while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
    if (head > 0 && isHigh(before.charCodeAt(head - 1))) head--; // never split a surrogate pair
    const room = max - head;
    while (tail + BLOCK <= room && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
    while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
    if (tail > 0 && isLow(before.charCodeAt(before.length - tail))) tail--;
  }
  return {
    path: edit.found.path,
    folder: edit.found.folder,
    head,
    tail,
    before: before === null ? null : before.slice(head, before.length - tail),
    after: after === null ? null : after.slice(head, after.length - tail),
    afterHash: after === null ? null : hashText(after),
  };
}

/** The edit that undoes `step`, given the file's text now; null when the file is no longer as the step left it. */
export function reverseStep(step: FileStep, now: string | null): FileEdit | null {
  const unchanged = step.afterHash === null ? now === null : now !== null && hashText(now) === step.afterHash;
  if (!unchanged) return null;
  const restored = step.before === null ? null : now === null ? step.before : now.slice(0, step.head) + step.before + now.slice(now.length - step.tail);
  return { found: { path: step.path, folder: step.folder }, before: now, after: restored };
}

/** The history of the collection open in `db`; newest step first, at most 50 kept. */
export function undoHistory(db: Db, now: number) {
  return {
    pushFiles(label: string, edits: readonly FileEdit[], created?: CreatedPaths): void {
      pushUndo(db, { label, payload: JSON.stringify({ files: edits.map(fileStep), created }), now }, UNDO_LIMIT);
    },
    pushQueues(label: string, queues: readonly QueueSnapshot[]): void {
      pushUndo(db, { label, payload: JSON.stringify({ queues }), now }, UNDO_LIMIT);
    },
    label(): string | null {
      return lastUndoLabel(db);
    },
    /** Takes the newest step off the history (a step that cannot be read is dropped and reported). */
    pop(): UndoStep | undefined {
      const row = lastUndo(db);
      if (!row) return undefined;
      deleteUndo(db, row.id);
      const payload = JSON.parse(row.payload) as { files?: FileStep[]; queues?: QueueSnapshot[]; created?: CreatedPaths };
      if (payload.queues) return { label: row.label, kind: 'queues', queues: payload.queues };
      if (!Array.isArray(payload.files)) throw new Error(`the undo record for "${row.label}" is unreadable`);
      return { label: row.label, kind: 'files', files: payload.files, created: payload.created };
    },
  };
}
