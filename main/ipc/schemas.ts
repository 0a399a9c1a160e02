// Runtime validation of every API argument. Only main imports this (the contract stays dependency-free).
// Each schema is typed against the contract: its output must be exactly the method's argument type (ApiArg<M>), so
// a method without a schema, or a schema that drops or mistypes a field, is a compile error (see the end of file).
import { isAbsolute } from 'node:path';
import * as v from 'valibot';
import { MAX_ANSWER_DURATION_MS, PICK_PATH_PURPOSES, THEME_CHOICES, UI_LANGUAGES, type ApiArg, type ApiMethod, type PickPathPurpose } from '../contract/api';
import { PROOF_BACKENDS, type ProofPlotKind } from '../contract/proof';
import { DESIRED_RETENTION_MAX, DESIRED_RETENTION_MIN } from '../contract/scheduling';
import { MOCK_GRADES, MOCK_MAX_QUESTIONS, MOCK_MAX_SECONDS } from '../contract/mock';
import { MAX_BATCH_FILES } from '../services/notesBatch';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const deckScope = v.strictObject({ deckId: v.nullable(id) });
/** A parent row of the deck tree studies its decks: at most 10,000 distinct ids, and then no `deckId` besides. */
const MAX_STUDY_DECKS = 10_000;
const deckIdList = v.pipe(
  v.array(id),
  v.minLength(1),
  v.maxLength(MAX_STUDY_DECKS),
  v.check((ids) => new Set(ids).size === ids.length, 'each deck once'),
);
const studyScopeFields = { deckId: v.nullable(id), deckIds: v.optional(deckIdList) };
const oneScope = (scope: { deckId: string | null; deckIds?: string[] }) => scope.deckIds === undefined || scope.deckId === null;
const studyScope = v.pipe(v.strictObject(studyScopeFields), v.check(oneScope, 'deckIds needs deckId null'));
const quality = v.picklist([0, 1, 2, 3, 4, 5] as const);
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const finite = v.pipe(v.number(), v.finite());
const noArg = v.optional(v.undefined());
const presetId = v.pipe(v.number(), v.integer(), v.minValue(1));
const mockId = v.pipe(v.number(), v.integer(), v.minValue(1));
const presetFields = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  newPerDay: count(9999),
  reviewsPerDay: count(99999),
  scheduler: v.picklist(['sm2', 'fsrs'] as const),
  desiredRetention: v.pipe(finite, v.minValue(DESIRED_RETENTION_MIN), v.maxValue(DESIRED_RETENTION_MAX)),
  // FSRS-4.5/5/6 weight vectors have 17, 19 or 21 numbers (ts-fsrs migrates the shorter ones).
  fsrsWeights: v.nullable(v.pipe(v.array(finite), v.check((w) => [17, 19, 21].includes(w.length), '17, 19 or 21 weights'))),
};

// A proof result as the sandbox reports it, bounded a little above the worker's own caps (ARCHITECTURE.md "Proofs":
// 500 checks, 200 log lines of 2,000 characters, 20 tables of 2,000 cells, 20 plots). Only ok, backend, device and
// ms are stored; the rest is checked so a result that is not one is refused whole.
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const proofCheck = v.strictObject({
  name: shortText(2000),
  ok: v.boolean(),
  maxAbsError: v.nullable(v.number()),
  maxRelError: v.nullable(v.number()),
  detail: v.nullable(shortText(10_000)),
});
const TABLE_CELLS = 10_000;
const proofTable = v.pipe(
  v.strictObject({
    title: v.nullable(shortText(2000)),
    shape: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(16)),
    rows: v.pipe(v.array(v.array(v.union([v.pipe(v.number(), v.finite()), shortText(2000)]))), v.maxLength(TABLE_CELLS)),
    truncated: v.boolean(),
  }),
  v.check((table) => table.rows.reduce((cells, row) => cells + row.length, 0) <= TABLE_CELLS, `at most ${TABLE_CELLS} cells a table`),
);
const PLOT_KINDS = ['line', 'scatter', 'bar', 'histogram', 'heatmap'] as const satisfies readonly ProofPlotKind[];
const proofPlot = v.strictObject({ kind: v.picklist(PLOT_KINDS), title: shortText(2000), spec: v.record(v.string(), v.unknown()) });
/** The proof timeout is at most 600,000 ms (updateSettings); an hour leaves room and refuses nonsense. */
const MAX_PROOF_MS = 3_600_000;
const proofResult = v.strictObject({
  ok: v.boolean(),
  backend: v.picklist(PROOF_BACKENDS),
  device: shortText(500),
  checks: v.pipe(v.array(proofCheck), v.maxLength(1000)),
  logs: v.pipe(v.array(shortText(10_000)), v.maxLength(1000)),
  tables: v.pipe(v.array(proofTable), v.maxLength(100)),
  plots: v.pipe(v.array(proofPlot), v.maxLength(100)),
  ms: v.pipe(finite, v.minValue(0), v.maxValue(MAX_PROOF_MS)),
  // tf.memory().numTensors after − before, never below 0 (renderer/proof/api/context.ts).
  leakedTensors: count(10_000_000),
  logsTruncated: v.boolean(),
  error: v.nullable(shortText(100_000)),
});

// Editing and browsing (issue #6).
const markdownText = v.pipe(v.string(), v.maxLength(2 * 1024 * 1024));
const tag = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/** A coding card's starter or solution. */
const codeBlock = v.strictObject({ code: markdownText, lang: v.picklist(['js', 'ts'] as const) });
const cardDraft = v.strictObject({
  frontMd: markdownText,
  backMd: markdownText,
  proofCode: v.nullable(markdownText),
  proofLang: v.nullable(v.picklist(['js', 'ts'] as const)),
  code: v.optional(v.nullable(v.strictObject({ starter: codeBlock, solution: codeBlock }))),
  tags: v.pipe(v.array(tag), v.maxLength(200)),
});
const cardIds = v.pipe(v.array(id), v.minLength(1), v.maxLength(200_000));
const deckName = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
/** Heading lines (1-based) of skipped notes sections to import anyway; a notes file has at most a few 100k lines. */
const includeSections = v.optional(v.pipe(v.array(v.pipe(count(10_000_000), v.minValue(1))), v.maxLength(100_000)));
/** A path from the root of the disk: a relative one would resolve against wherever the host happens to run. */
const fullPath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096), v.check((path) => isAbsolute(path), 'give the full path, from the root of the disk'));

/**
 * Where a path-taking method's path may come from. Electron: the paths this session's dialogs granted
 * (main/services/pathGrants.ts); browser mode: any absolute path (TYPED_PATHS), see main/ipc/dispatch.ts.
 */
export interface PathCheck {
  isGranted(path: string, purpose: PickPathPurpose): boolean;
}
/** Browser mode has no dialog: the page is the user's own typed input, behind the host's token. */
export const TYPED_PATHS: PathCheck = { isGranted: () => true };
const NOT_GRANTED = 'path not granted: ';
/** A full path the user chose (dialog) or confirmed (typed) for `purpose`, in this session. */
const grantedPath = (paths: PathCheck, purpose: PickPathPurpose) =>
  v.pipe(fullPath, v.check((path) => paths.isGranted(path, purpose), `${NOT_GRANTED}${purpose}`));
/** True for the issue a refused grant leaves, so the dispatcher can answer with its own code. */
export const isNotGrantedIssue = (issue: { message: string }): boolean => issue.message.startsWith(NOT_GRANTED);

/** A deck name as front matter holds it on one line: a batch's parent deck (`folder` or `folder::sub`). */
const parentDeckName = v.pipe(v.string(), v.minLength(1), v.maxLength(500), v.regex(/^[^\u0000-\u001f\u007f]+$/, 'one line of text'));

const browseQuery = {
  query: v.pipe(v.string(), v.maxLength(2000)),
  sort: v.picklist(['deck', 'question', 'due', 'created', 'updated'] as const),
  descending: v.boolean(),
};

/** The schemas of one host: every path-taking method checks its path with `paths`, so no handler can forget it. */
export function apiSchemas(paths: PathCheck) {
  return {
    startupStatus: noArg,
    restoreBackup: v.strictObject({ backup: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)) }),
    startEmpty: noArg,
    overview: noArg,
    nextCard: studyScope,
    answerCard: v.pipe(
      v.strictObject({
        ...studyScopeFields,
        cardId: id,
        quality,
        version: count(Number.MAX_SAFE_INTEGER),
        durationMs: v.pipe(finite, v.minValue(0), v.maxValue(MAX_ANSWER_DURATION_MS)),
      }),
      v.check((arg) => oneScope(arg), 'deckIds needs deckId null'),
    ),
    undoAnswer: studyScope,
    sessionSummary: v.strictObject({ since: finite }),
    statistics: deckScope,
    getSettings: noArg,
    listPresets: noArg,
    createPreset: v.strictObject(presetFields),
    updatePreset: v.strictObject({ id: presetId, ...presetFields }),
    deletePreset: v.strictObject({ id: presetId }),
    assignPreset: v.strictObject({ deckId: id, presetId }),
    optimizePreset: v.strictObject({ presetId }),
    optimizerStatus: v.strictObject({ jobId: id }),
    cancelOptimize: v.strictObject({ jobId: id }),
    evaluateSchedulers: v.strictObject({ presetId }),
    updateSettings: v.strictObject({
      newPerDay: v.optional(count(9999)),
      reviewsPerDay: v.optional(count(99999)),
      rolloverHour: v.optional(count(23)),
      sixGrades: v.optional(v.boolean()),
      durability: v.optional(v.picklist(['NORMAL', 'FULL'] as const)),
      proofBackend: v.optional(v.picklist(['auto', ...PROOF_BACKENDS] as const)),
      proofTimeoutMs: v.optional(v.pipe(count(600_000), v.minValue(100))),
      collapsedDecks: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(4000))), v.maxLength(2000))),
      language: v.optional(v.picklist(['system', ...UI_LANGUAGES] as const)),
      theme: v.optional(v.picklist(THEME_CHOICES)),
    }),
    recordProofRun: v.strictObject({ cardId: id, contentHash: v.pipe(v.string(), v.maxLength(128)), result: proofResult }),
    proofRuns: v.strictObject({ cardId: id }),
    recordCodeAttempt: v.pipe(
      v.strictObject({
        cardId: id,
        code: markdownText,
        passed: v.boolean(),
        checksPassed: count(1000),
        checksTotal: count(1000),
        runs: v.pipe(count(1_000_000), v.minValue(1)),
        // A review lasts at most a day in practice; a week bounds a card left open over a holiday.
        solveMs: count(7 * 86_400_000),
      }),
      v.check((a) => a.checksPassed <= a.checksTotal, 'checksPassed ≤ checksTotal'),
    ),
    previewNotesImport: v.strictObject({
      fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
      text: v.pipe(v.string(), v.maxLength(25 * 1024 * 1024)),
      includeSections,
      parentDeck: v.optional(parentDeckName),
    }),
    previewNotesImportFile: v.strictObject({ path: grantedPath(paths, 'notes-file'), includeSections }),
    commitNotesImport: v.strictObject({
      previewId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
      conflicts: v.optional(v.pipe(v.array(v.strictObject({ cardId: id, choice: v.picklist(['mine', 'theirs', 'both'] as const) })), v.maxLength(100_000))),
      matches: v.optional(v.pipe(v.array(v.strictObject({ cardId: id, previousId: id })), v.maxLength(100_000))),
    }),
    // Files are granted as notes files, folders as notes folders; either purpose lets the batch read the path.
    previewNotesImportBatch: v.strictObject({
      paths: v.pipe(
        v.array(v.pipe(fullPath, v.check((path) => paths.isGranted(path, 'notes-file') || paths.isGranted(path, 'notes-folder'), `${NOT_GRANTED}notes-folder`))),
        v.minLength(1),
        v.maxLength(MAX_BATCH_FILES),
      ),
      // Lines of files the batch's own paths name: the host reads nothing more for them.
      includeSections: v.optional(v.pipe(v.array(v.strictObject({ path: fullPath, lines: v.nonOptional(includeSections) })), v.maxLength(MAX_BATCH_FILES))),
    }),
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
    exportDeckToFolder: v.strictObject({ deckId: id, folder: grantedPath(paths, 'export-folder') }),
    deckFolders: noArg,
    addDeckFolder: v.strictObject({ path: grantedPath(paths, 'deck-folder') }),
    // Only a folder already in the list can be removed, and removing reads or writes nothing in it: no grant needed.
    removeDeckFolder: v.strictObject({ path: fullPath }),
    importDeckFolder: v.strictObject({ path: grantedPath(paths, 'import-folder') }),
    pickPath: v.strictObject({ purpose: v.picklist(PICK_PATH_PURPOSES) }),
    confirmPath: v.strictObject({ path: fullPath, purpose: v.picklist(PICK_PATH_PURPOSES) }),
    // Counts and times below 1 pass the schema so the service refuses them in words (mock.countTooSmall, mock.noTime).
    startMock: v.strictObject({
      selection: v.strictObject({ deckIds: v.pipe(v.array(id), v.maxLength(MAX_STUDY_DECKS)), tags: v.pipe(v.array(tag), v.maxLength(1000)) }),
      count: count(MOCK_MAX_QUESTIONS),
      secondsPerQuestion: count(MOCK_MAX_SECONDS),
      reschedule: v.boolean(),
    }),
    answerMock: v.strictObject({
      mockId,
      cardId: id,
      grade: v.picklist(MOCK_GRADES),
      ms: v.pipe(finite, v.minValue(0), v.maxValue(MOCK_MAX_SECONDS * 1000)),
      revealed: v.boolean(),
      timedOut: v.boolean(),
    }),
    finishMock: v.strictObject({ mockId }),
    listMocks: noArg,
    mockReport: v.strictObject({ mockId }),
  } satisfies ContractSchemas;
}

/** Browser mode's schemas (typed absolute paths); Electron's differ only in the paths they accept. */
export const API_SCHEMAS = apiSchemas(TYPED_PATHS);

/** A schema per method whose output is assignable to the method's argument (a dropped field fails here)… */
type ContractSchemas = { [M in ApiMethod]: v.GenericSchema<unknown, ApiArg<M>> };
/** A `void` argument is what a schema of `undefined` gives. */
type ContractArg<M extends ApiMethod> = [ApiArg<M>] extends [void] ? undefined : ApiArg<M>;
/** …and the other way round (a field the schema narrows, or requires, that the contract does not). */
type LooserThanSchema = { [M in ApiMethod]: [ContractArg<M>] extends [v.InferOutput<(typeof API_SCHEMAS)[M]>] ? never : M }[ApiMethod];
// Compile error here names the methods whose schema accepts less than the contract's argument type.
export const API_SCHEMAS_MATCH_CONTRACT: [LooserThanSchema] extends [never] ? true : LooserThanSchema = true;
