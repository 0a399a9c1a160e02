// The composition root: opens the collection, builds the services over it and hands the one Api object to both
// transports (Electron's IPC handlers and the browser-mode host), so the two modes cannot drift apart.
import { join, resolve } from 'node:path';
import type { Api, CodeAttempt, CodeAttemptInput, CollectionOverview, NotesBatchInclude, NotesBatchItem, NotesImportDecisions, DatabaseProblemInfo, PickPathPurpose, RestoreReport, Settings, StartupStatus } from '../contract/api';
import { AppError } from '../contract/errors';
import { message, type Message } from '../contract/messages';
import type { ProofResult } from '../contract/proof';
import type { CodingParts } from '../contract/deck';
import { backupDir, userDeckDir } from '../config/dataDir';
import { DatabaseProblem, isDiskFull, setDurability, type Db } from '../storage/database';
import { listBackups } from '../storage/backups';
import { removeStaleTemps } from '../files/staleTemps';
import { deckSummaries, listDecks } from '../storage/collectionStore';
import { inTreeOrder } from './deckTree';
import { cardLocations, cardView } from '../storage/editStore';
import { proofRunsFor, recordProofRun } from '../storage/proofRunStore';
import { lastCodeAttempt, recordCodeAttempt } from '../storage/codeAttemptStore';
import { readSettings, writeSettings } from '../storage/settingsStore';
import { createStudyStore } from '../storage/studyStore';
import { createStatsStore } from '../storage/statsStore';
import { createApi } from './apiAdapter';
import { createBrowseService } from './browseService';
import { localIsoDate, studyDay, systemClock, type Clock } from './clock';
import { loadDeckFolders, syncDeckFolders, type SyncReport } from './collectionService';
import { backupOpen, openCollectionDb, openDiskFull, problemInfo, restoreWithRescue, setAsideForEmptyStart, type OpenedDb } from './collectionDb';
import { guardWrites } from './readOnlyGuard';
import { readDeckAsset, type DeckAsset } from './deckAssets';
import { createDeckFolderService } from './deckFolderService';
import { createEditService } from './edit';
import { createPathGrants, grantPicked, type DialogAnswer, type PathGrants } from './pathGrants';
import { realFuturePath, realTargetInside } from '../files/inside';
import { createNotesImporter, readNotesFile, type NotesImportInput, type NotesImportPreviewDetails } from './notesImport';
import { databaseBaselines } from './notesBaselines';
import { MAX_BATCH_FILES, previewNotesBatch } from './notesBatch';
import { createStudyService, type StudyService } from './studyService';
import { createPresetService, type PresetService } from './presetService';
import { createPresetStore } from '../storage/presetStore';
import { createHistoryStore } from '../storage/historyStore';
import { createOptimizerService, type OptimizerService } from './optimizerService';
import { createStatisticsService, type StatisticsService } from './statisticsService';
import { createMockService, type MockService } from './mockService';
import { createMockStore } from '../storage/mockStore';

export interface AppOptions {
  dataDir: string;
  /** The shipped, read-only decks (the repo's decks/). */
  builtInDeckDir: string;
  /** URL of the proof sandbox page for this host (distinct origin). */
  sandboxUrl: string;
  clock?: Clock;
  nativeBinding?: string;
  /**
   * The host's file dialog (Electron's); resolves to the chosen path (several for `notes-files`), null when cancelled. Browser mode has none: a page
   * cannot hand the host a path, so the user types it.
   */
  pickPath?: (purpose: PickPathPurpose) => Promise<DialogAnswer>;
  /**
   * The host's confirmation dialog for a path the user typed (Electron's message box); true when they confirm.
   * `resolved` is where the path really leads (symlinks followed), shown when it differs.
   */
  confirmPath?: (request: { path: string; resolved: string; purpose: PickPathPurpose }) => Promise<boolean>;
}

/** The open collection; null while the database has a problem the user must resolve. */
interface Open {
  db: Db;
  /** Read once and kept current by updateSettings: every answer needs them, none should re-read them. */
  settings: Settings;
  study: StudyService;
  presets: PresetService;
  optimizer: OptimizerService;
  statistics: StatisticsService;
  mocks: MockService;
  lastSync: SyncReport;
  opened: OpenedDb;
}

export interface ProofDeckApp {
  api: Api;
  /** Re-reads the deck folders (start-up, file changes, after an edit). */
  sync(): SyncReport | null;
  /** An image of a deck's cards, for the transports to serve at DECK_ASSET_PATH (see deckAssets.ts). */
  deckAsset(params: URLSearchParams): DeckAsset;
  /** How often browse read every card vs patched the changed ones (for tests and `npm run bench`). */
  browseStats(): { fullReads: number; patches: number };
  /**
   * The paths this session's dialogs granted, for the dispatcher (createDispatcher's `pathGrants`). Made exactly when
   * the host has a file dialog; null in browser mode, where the user types every path (see main/ipc/dispatch.ts).
   */
  pathGrants: PathGrants | null;
  /** Closes the collection after a shutdown backup; returns why that backup failed, if it did (closing goes on). */
  close(): Message | null;
}

export function createProofDeckApp(options: AppOptions): ProofDeckApp {
  const clock = options.clock ?? systemClock;
  const place = { dataDir: options.dataDir, nativeBinding: options.nativeBinding };
  let current: Open | null = null;
  let problem: DatabaseProblemInfo | null = null;
  let warnings: Message[] = [];
  let restored: RestoreReport | null = null;
  const pathGrants = options.pickPath ? createPathGrants() : null;

  const resync = (): SyncReport | null => {
    if (!current) return null;
    // A read-only collection (disk full) keeps what it showed at start: a sync would write.
    if (current.opened.diskFull) return current.lastSync;
    return (current.lastSync = syncDeckFolders(current.db, folders.folders(), clock.now()));
  };
  const folders = createDeckFolderService({ dataDir: options.dataDir, builtInDeckDir: options.builtInDeckDir, resync: () => void resync() });

  /** The deck files as they are, without writing the database (which a full disk would refuse). */
  function readOnlySync(): SyncReport {
    const { loaded, errors } = loadDeckFolders(folders.folders());
    return { fileErrors: errors, changes: { added: [], updated: [], removed: [], restored: [], hiddenDecks: [] }, loaded: new Map(loaded.map((l) => [l.parsed.deck.id, l])) };
  }

  /** Opens and syncs; a disk found full by the sync's writes reopens the collection read-only instead. */
  function openAndSync(acceptNew: boolean): { opened: OpenedDb; lastSync: SyncReport } {
    const opened = openCollectionDb(place, { acceptNew, isoDate: localIsoDate(clock) });
    if (opened.diskFull) return { opened, lastSync: readOnlySync() };
    try {
      return { opened, lastSync: syncDeckFolders(opened.db, folders.folders(), clock.now()) };
    } catch (error) {
      if (!isDiskFull(error, options.dataDir)) throw error;
      opened.db.close();
      return { opened: openDiskFull(place), lastSync: readOnlySync() };
    }
  }

  /** `acceptNew`: the user chose to start empty, so a missing database with backups beside it is not a problem. */
  function start(acceptNew = false): void {
    try {
      const { opened, lastSync } = openAndSync(acceptNew);
      const { db } = opened;
      const settings = readSettings(db);
      if (!opened.diskFull) setDurability(db, settings.durability);
      const studyStore = createStudyStore(db);
      const presetStore = createPresetStore(db);
      const coding = { codeOf, lastAttempt: (cardId: string) => lastCodeAttempt(db, cardId) };
      const study = createStudyService({ store: studyStore, presets: presetStore, clock, settings: () => open().settings, coding });
      const presets = createPresetService({ db, presets: presetStore, study: studyStore });
      const optimizer = createOptimizerService({ histories: createHistoryStore(db), presets: presetStore });
      const statistics = createStatisticsService({ store: createStatsStore(db), clock, rolloverHour: () => open().settings.rolloverHour });
      const mocks = createMockService({ db, store: createMockStore(db), study, cardView: (cardId) => cardView(db, cardId), clock });
      current = { db, settings, study, presets, optimizer, statistics, mocks, lastSync, opened };
      warnings = opened.warnings;
      problem = null;
    } catch (error) {
      if (!(error instanceof DatabaseProblem)) throw error;
      current = null;
      warnings = [];
      problem = problemInfo(error, place);
    }
  }

  /**
   * A coding card's starter and solution. The deck file owns them and the database does not copy them: the parsed
   * files, kept current by every sync and edit, give them (as they do the editor, edit/cardEdits.ts getCard).
   */
  function codeOf(deckId: string, cardId: string): CodingParts | null {
    return open().lastSync.loaded.get(deckId)?.parsed.cards.find((card) => card.id === cardId)?.code ?? null;
  }

  function closeCurrent(): void {
    current?.db.close();
    current = null;
  }

  function open(): Open {
    if (!current) throw new AppError(problem?.message ?? message('db.notOpen'));
    return current;
  }

  const status = (): StartupStatus => ({
    dataDir: options.dataDir, databaseProblem: problem, warnings, readOnly: Boolean(current?.opened.diskFull), restored,
    sandboxUrl: options.sandboxUrl, nativeDialogs: options.pickPath !== undefined,
  });

  const database = {
    status,
    async restore(backup: string): Promise<StartupStatus> {
      if (!listBackups(backupDir(options.dataDir)).some((b) => b.path === backup)) throw new AppError(message('db.unknownBackup', { backup }));
      // A read-only folder: a restore could not write, and the file is not damaged.
      if (problem && !problem.canStartEmpty) throw new AppError(problem.message);
      if (current) {
        const failed = backupOpen(current.opened, place, 'before-restore', clock.now());
        if (failed) throw new AppError(failed);
      }
      const damaged = problem !== null;
      closeCurrent();
      restored = restoreWithRescue(place, backup, damaged, clock.now());
      start();
      return status();
    },
    async startEmpty(): Promise<StartupStatus> {
      if (!problem) throw new AppError(message('db.noProblem'));
      if (!problem.canStartEmpty) throw new AppError(problem.message);
      setAsideForEmptyStart(place, clock.now());
      restored = null;
      start(true);
      return status();
    },
    updateSettings(patch: Partial<Settings>): Settings {
      const collection = open();
      collection.settings = writeSettings(collection.db, patch);
      setDurability(collection.db, collection.settings.durability);
      return collection.settings;
    },
  };

  function overview(): CollectionOverview {
    folders.resyncIfMoved();
    const { db, study, lastSync, settings } = open();
    const decks = inTreeOrder(deckSummaries(db), folders.folders()).map((deck) => ({ ...deck, due: study.counts(deck.id) }));
    return { decks, fileErrors: lastSync.fileErrors, today: studyDay(clock, settings.rolloverHour) };
  }

  // An interrupted save leaves a hidden temp as large as its deck: remove ProofDeck's own, before anything writes.
  // The data dir's walk already covers the deck folders inside it (the default one), so only the others are added.
  const outsideDataDir = (path: string) => realTargetInside(options.dataDir, path) === null;
  removeStaleTemps([options.dataDir, ...folders.folders().filter((f) => !f.builtIn && outsideDataDir(f.path)).map((f) => f.path)]);
  start();

  // The edit service reads the open database and the last sync's parsed files.
  const edits = createEditService(() => {
    const collection = open();
    return {
      db: collection.db,
      loaded: collection.lastSync.loaded,
      userDeckDir: userDeckDir(options.dataDir),
      builtInDeckDir: options.builtInDeckDir,
      trashDir: join(options.dataDir, 'trash'),
      now: clock.now(),
      resync: () => resync() ?? collection.lastSync,
    };
  });
  const notesImporter = createNotesImporter({
    userDeckDir: userDeckDir(options.dataDir),
    maxPending: MAX_BATCH_FILES,
    existingDecks: () => (current ? listDecks(current.db).map((d) => ({ id: d.id, path: d.source_path, builtIn: d.built_in === 1 })) : []),
    baselines: databaseBaselines(() => open().db, clock.now),
  });
  /** The API's preview: the importer's, less what only the CLI prints. */
  const withoutCliDetails = ({ copiedImages: _copied, ...preview }: NotesImportPreviewDetails) => preview;
  const notesPreview = (input: NotesImportInput) => {
    open();
    return withoutCliDetails(notesImporter.preview(input));
  };
  const notes = {
    preview: notesPreview,
    previewFile: (path: string, includeSections?: readonly number[]) => notesPreview({ ...readNotesFile(path), includeSections }),
    previewBatch(paths: string[], includeSections?: NotesBatchInclude[]): NotesBatchItem[] {
      open();
      return previewNotesBatch(notesImporter, paths, includeSections).map(({ preview, ...item }) => ({ ...item, preview: preview && withoutCliDetails(preview) }));
    },
    commit(previewId: string, decisions?: NotesImportDecisions) {
      open();
      const written = notesImporter.commit(previewId, decisions);
      // Reconcile now, so the new deck (or the re-imported one, scheduling kept by card id) is there at once.
      resync();
      return written;
    },
  };
  const browse = createBrowseService(() => open().db, () => studyDay(clock, open().settings.rolloverHour));

  const api = guardWrites(createApi({
    open, edits, browse, folders, notes, database, overview,
    recordProofRun({ cardId, contentHash, result }: { cardId: string; contentHash: string; result: ProofResult }) {
      const { backend, device, ok, ms } = result;
      const known = cardLocations(open().db, [cardId]).get(cardId);
      if (!known || known.removed) throw new AppError(message('proof.unknownCard', { cardId }));
      recordProofRun(open().db, { cardId, contentHash, backend, device, ok, ms, ranAt: clock.now() });
    },
    proofRuns: (cardId: string) => proofRunsFor(open().db, cardId),
    recordCodeAttempt(attempt: CodeAttemptInput): CodeAttempt {
      const { db } = open();
      const known = cardLocations(db, [attempt.cardId]).get(attempt.cardId);
      if (!known || known.removed || !codeOf(known.deckId, attempt.cardId)) throw new AppError(message('proof.notCodingCard', { cardId: attempt.cardId }));
      return recordCodeAttempt(db, attempt, clock.now());
    },
    async pickPath(purpose: PickPathPurpose) {
      if (!options.pickPath || !pathGrants) throw new AppError(message('api.noFileDialog'));
      return grantPicked(pathGrants, purpose, await options.pickPath(purpose));
    },
    async confirmPath(path: string, purpose: PickPathPurpose) {
      if (!options.confirmPath || !pathGrants) throw new AppError(message('api.noFileDialog'));
      const confirmed = await options.confirmPath({ path, resolved: realFuturePath(resolve(path)), purpose });
      if (confirmed) pathGrants.grant(path, purpose);
      return confirmed;
    },
  }), () => current?.opened.diskFull ?? null);

  return {
    api,
    sync: resync,
    deckAsset(params) {
      if (!current) return { ok: false, status: 404, message: 'The collection is not open.' };
      return readDeckAsset(current.lastSync.loaded, params);
    },
    browseStats: () => browse.stats(),
    pathGrants,
    close() {
      folders.close();
      const failedBackup = current ? backupOpen(current.opened, place, 'shutdown', clock.now()) : null;
      closeCurrent();
      return failedBackup;
    },
  };
}

/** What the API adapter maps the contract onto. */
export interface ProofDeckServices {
  open(): Open;
  edits: ReturnType<typeof createEditService>;
  browse: ReturnType<typeof createBrowseService>;
  folders: ReturnType<typeof createDeckFolderService>;
  notes: {
    preview(input: NotesImportInput): ReturnType<Api['previewNotesImport']> extends Promise<infer R> ? R : never;
    previewFile(path: string, includeSections?: readonly number[]): ReturnType<Api['previewNotesImportFile']> extends Promise<infer R> ? R : never;
    previewBatch(paths: string[], includeSections?: NotesBatchInclude[]): NotesBatchItem[];
    commit(previewId: string, decisions?: NotesImportDecisions): { deckId: string; path: string };
  };
  database: { status(): StartupStatus; restore(backup: string): Promise<StartupStatus>; startEmpty(): Promise<StartupStatus>; updateSettings(patch: Partial<Settings>): Settings };
  overview(): CollectionOverview;
  recordProofRun(arg: { cardId: string; contentHash: string; result: ProofResult }): void;
  proofRuns(cardId: string): ReturnType<typeof proofRunsFor>;
  recordCodeAttempt(attempt: CodeAttemptInput): CodeAttempt;
  pickPath(purpose: PickPathPurpose): Promise<{ path: string | null; paths?: string[] }>;
  confirmPath(path: string, purpose: PickPathPurpose): Promise<boolean>;
}
