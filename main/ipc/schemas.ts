// Runtime validation of every API argument. Only main imports this (the contract stays dependency-free).
// `satisfies Record<ApiMethod, …>` makes a method without a schema a compile error.
import { isAbsolute } from 'node:path';
import * as v from 'valibot';
import { PICK_PATH_PURPOSES, type ApiMethod } from '../contract/api';
import { PROOF_BACKENDS } from '../contract/proof';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const deckScope = v.strictObject({ deckId: v.nullable(id) });
const quality = v.picklist([0, 1, 2, 3, 4, 5] as const);
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const finite = v.pipe(v.number(), v.finite());
const noArg = v.optional(v.undefined());

const proofCheck = v.object({ name: v.string(), ok: v.boolean(), maxAbsError: v.nullable(v.number()), maxRelError: v.nullable(v.number()), detail: v.nullable(v.string()) });
const proofResult = v.object({
  ok: v.boolean(),
  backend: v.picklist(PROOF_BACKENDS),
  device: v.pipe(v.string(), v.maxLength(500)),
  checks: v.array(proofCheck),
  ms: finite,
  leakedTensors: v.number(),
  error: v.nullable(v.string()),
});

// Editing and browsing (issue #6).
const markdownText = v.pipe(v.string(), v.maxLength(2 * 1024 * 1024));
const tag = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const cardDraft = v.strictObject({
  frontMd: markdownText,
  backMd: markdownText,
  proofCode: v.nullable(markdownText),
  proofLang: v.nullable(v.picklist(['js', 'ts'] as const)),
  tags: v.pipe(v.array(tag), v.maxLength(200)),
});
const cardIds = v.pipe(v.array(id), v.minLength(1), v.maxLength(200_000));
const deckName = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
/** A path from the root of the disk: a relative one would resolve against wherever the host happens to run. */
const fullPath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096), v.check((path) => isAbsolute(path), 'give the full path, from the root of the disk'));
const browseQuery = {
  query: v.pipe(v.string(), v.maxLength(2000)),
  sort: v.picklist(['deck', 'question', 'due', 'created', 'updated'] as const),
  descending: v.boolean(),
};

export const API_SCHEMAS = {
  startupStatus: noArg,
  restoreBackup: v.strictObject({ backup: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)) }),
  startEmpty: noArg,
  overview: noArg,
  nextCard: deckScope,
  answerCard: v.strictObject({
    deckId: v.nullable(id),
    cardId: id,
    quality,
    version: count(Number.MAX_SAFE_INTEGER),
    durationMs: v.pipe(finite, v.minValue(0)),
  }),
  undoAnswer: deckScope,
  sessionSummary: v.strictObject({ since: finite }),
  getSettings: noArg,
  updateSettings: v.strictObject({
    newPerDay: v.optional(count(9999)),
    reviewsPerDay: v.optional(count(99999)),
    rolloverHour: v.optional(count(23)),
    sixGrades: v.optional(v.boolean()),
    durability: v.optional(v.picklist(['NORMAL', 'FULL'] as const)),
    proofBackend: v.optional(v.picklist(['auto', ...PROOF_BACKENDS] as const)),
    proofTimeoutMs: v.optional(v.pipe(count(600_000), v.minValue(100))),
  }),
  recordProofRun: v.strictObject({ cardId: id, contentHash: v.pipe(v.string(), v.maxLength(128)), result: proofResult }),
  proofRuns: v.strictObject({ cardId: id }),
  previewNotesImport: v.strictObject({
    fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
    text: v.pipe(v.string(), v.maxLength(25 * 1024 * 1024)),
  }),
  previewNotesImportFile: v.strictObject({ path: fullPath }),
  commitNotesImport: v.strictObject({ previewId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
  getCard: v.strictObject({ cardId: id }),
  // 10 MB of image as base64, and a little room: the service checks the decoded size and the image signature.
  addCardImage: v.strictObject({ deckId: id, fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)), base64: v.pipe(v.string(), v.minLength(1), v.maxLength(14_000_000)) }),
  saveCard: v.strictObject({
    deckId: id,
    cardId: v.nullable(id),
    draft: cardDraft,
    baseContentHash: v.nullable(v.pipe(v.string(), v.maxLength(128))),
  }),
  duplicateCard: v.strictObject({ cardId: id }),
  deleteCards: v.strictObject({ cardIds: cardIds }),
  moveCards: v.strictObject({ cardIds: cardIds, toDeckId: id }),
  bulkEdit: v.strictObject({
    cardIds: cardIds,
    action: v.variant('kind', [
      v.strictObject({ kind: v.literal('suspend') }),
      v.strictObject({ kind: v.literal('unsuspend') }),
      v.strictObject({ kind: v.literal('addTag'), tag: tag }),
      v.strictObject({ kind: v.literal('removeTag'), tag: tag }),
      v.strictObject({ kind: v.literal('move'), toDeckId: id }),
      v.strictObject({ kind: v.literal('delete') }),
    ]),
  }),
  createDeck: v.strictObject({ name: deckName, id: v.optional(id) }),
  renameDeck: v.strictObject({ deckId: id, name: deckName }),
  deleteDeck: v.strictObject({ deckId: id }),
  undoEdit: noArg,
  nextEditUndo: noArg,
  browseCards: v.strictObject({ ...browseQuery, offset: count(10_000_000), limit: v.pipe(count(1000), v.minValue(1)) }),
  browseIds: v.strictObject(browseQuery),
  exportDeck: v.strictObject({ deckId: id }),
  importDeckFile: v.strictObject({
    fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
    text: v.pipe(v.string(), v.maxLength(25 * 1024 * 1024)),
  }),
  exportDeckToFolder: v.strictObject({ deckId: id, folder: fullPath }),
  deckFolders: noArg,
  addDeckFolder: v.strictObject({ path: fullPath }),
  removeDeckFolder: v.strictObject({ path: fullPath }),
  importDeckFolder: v.strictObject({ path: fullPath }),
  pickPath: v.strictObject({ purpose: v.picklist(PICK_PATH_PURPOSES) }),
} satisfies Record<ApiMethod, v.GenericSchema>;
