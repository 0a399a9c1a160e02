// The composition root: opens the collection, builds the services over it and hands the one Api object to both
// transports (Electron's IPC handlers and the browser-mode host), so the two modes cannot drift apart.
import { join, resolve } from 'node:path';
import type { Api, CollectionOverview, PickPathPurpose, Settings, StartupStatus } from '../contract/api';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import type { ProofResult } from '../contract/proof';
import { sm2Scheduler } from '../core/scheduler';
import { backupDir, databasePath, userDeckDir } from '../config/dataDir';
import { DatabaseProblem, openDatabase, setDurability, type Db } from '../storage/database';
import { backupOncePerDay, listBackups, restoreBackupFile } from '../storage/backups';
import { deckSummaries, listDecks } from '../storage/collectionStore';
import { cardLocations } from '../storage/editStore';
import { proofRunsFor, recordProofRun } from '../storage/proofRunStore';
import { readSettings, writeSettings } from '../storage/settingsStore';
import { createStudyStore } from '../storage/studyStore';
import { createApi } from './apiAdapter';
import { createBrowseService } from './browseService';
import { localIsoDate, studyDay, systemClock, type Clock } from './clock';
import { syncDeckFolders, type SyncReport } from './collectionService';
import { readDeckAsset, type DeckAsset } from './deckAssets';
import { createDeckFolderService } from './deckFolderService';
import { createEditService } from './edit';
import { createPathGrants, type PathGrants } from './pathGrants';
import { realFuturePath } from '../files/inside';
import { createNotesImporter, readNotesFile, type NotesImportInput } from './notesImport';
import { createStudyService, type StudyService } from './studyService';

export interface AppOptions {
  dataDir: string;
  /** The shipped, read-only decks (the repo's decks/). */
  builtInDeckDir: string;
  /** URL of the proof sandbox page for this host (distinct origin). */
  sandboxUrl: string;
  clock?: Clock;
  nativeBinding?: string;
  /**
   * The host's file dialog (Electron's); resolves to null when the user cancels. Browser mode has none: a page
   * cannot hand the host a path, so the user types it.
   */
  pickPath?: (purpose: PickPathPurpose) => Promise<string | null>;
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
  lastSync: SyncReport;
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
  close(): void;
}

export function createProofDeckApp(options: AppOptions): ProofDeckApp {
  const clock = options.clock ?? systemClock;
  const dbPath = databasePath(options.dataDir);
  let current: Open | null = null;
  let problem: StartupStatus['databaseProblem'] = null;
  const pathGrants = options.pickPath ? createPathGrants() : null;

  const resync = (): SyncReport | null => (current ? (current.lastSync = syncDeckFolders(current.db, folders.folders(), clock.now())) : null);
  const folders = createDeckFolderService({ dataDir: options.dataDir, builtInDeckDir: options.builtInDeckDir, resync: () => void resync() });

  function start(): void {
    try {
      const db = openDatabase(dbPath, { nativeBinding: options.nativeBinding });
      const settings = readSettings(db);
      setDurability(db, settings.durability);
      backupOncePerDay(db, backupDir(options.dataDir), localIsoDate(clock));
      const study = createStudyService({ store: createStudyStore(db), scheduler: sm2Scheduler, clock, settings: () => open().settings });
      current = { db, settings, study, lastSync: syncDeckFolders(db, folders.folders(), clock.now()) };
      problem = null;
    } catch (error) {
      if (!(error instanceof DatabaseProblem)) throw error;
      current = null;
      problem = { message: error.problem, backups: listBackups(backupDir(options.dataDir)) };
    }
  }

  function open(): Open {
    if (!current) throw new AppError(problem?.message ?? message('db.notOpen'));
    return current;
  }

  const status = (): StartupStatus => ({
    dataDir: options.dataDir, databaseProblem: problem, sandboxUrl: options.sandboxUrl, nativeDialogs: options.pickPath !== undefined,
  });

  const database = {
    status,
    async restore(backup: string): Promise<StartupStatus> {
      if (!listBackups(backupDir(options.dataDir)).includes(backup)) throw new AppError(message('db.unknownBackup', { backup }));
      current?.db.close();
      current = null;
      restoreBackupFile(dbPath, backup, new Date(clock.now()).toISOString().replace(/[:.]/g, '-'));
      start();
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
    const decks = deckSummaries(db).map((deck) => ({ ...deck, due: study.counts(deck.id) }));
    return { decks, fileErrors: lastSync.fileErrors, today: studyDay(clock, settings.rolloverHour) };
  }

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
    existingDecks: () => (current ? listDecks(current.db).map((d) => ({ id: d.id, path: d.source_path, builtIn: d.built_in === 1 })) : []),
  });
  /** The API's preview: the importer's, less what only the CLI prints. */
  const notesPreview = (input: NotesImportInput) => {
    open();
    const { copiedImages: _copied, ...preview } = notesImporter.preview(input);
    return preview;
  };
  const notes = {
    preview: notesPreview,
    previewFile: (path: string) => notesPreview(readNotesFile(path)),
    commit(previewId: string) {
      open();
      const written = notesImporter.commit(previewId);
      // Reconcile now, so the new deck (or the re-imported one, scheduling kept by card id) is there at once.
      resync();
      return written;
    },
  };
  const browse = createBrowseService(() => open().db, () => studyDay(clock, open().settings.rolloverHour));

  const api = createApi({
    open, edits, browse, folders, notes, database, overview,
    recordProofRun({ cardId, contentHash, result }: { cardId: string; contentHash: string; result: ProofResult }) {
      const { backend, device, ok, ms } = result;
      const known = cardLocations(open().db, [cardId]).get(cardId);
      if (!known || known.removed) throw new AppError(message('proof.unknownCard', { cardId }));
      recordProofRun(open().db, { cardId, contentHash, backend, device, ok, ms, ranAt: clock.now() });
    },
    proofRuns: (cardId: string) => proofRunsFor(open().db, cardId),
    async pickPath(purpose: PickPathPurpose) {
      if (!options.pickPath || !pathGrants) throw new AppError(message('api.noFileDialog'));
      const path = await options.pickPath(purpose);
      if (path !== null) pathGrants.grant(path, purpose);
      return path;
    },
    async confirmPath(path: string, purpose: PickPathPurpose) {
      if (!options.confirmPath || !pathGrants) throw new AppError(message('api.noFileDialog'));
      const confirmed = await options.confirmPath({ path, resolved: realFuturePath(resolve(path)), purpose });
      if (confirmed) pathGrants.grant(path, purpose);
      return confirmed;
    },
  });

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
      current?.db.close();
      current = null;
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
    previewFile(path: string): ReturnType<Api['previewNotesImportFile']> extends Promise<infer R> ? R : never;
    commit(previewId: string): { deckId: string; path: string };
  };
  database: { status(): StartupStatus; restore(backup: string): Promise<StartupStatus>; updateSettings(patch: Partial<Settings>): Settings };
  overview(): CollectionOverview;
  recordProofRun(arg: { cardId: string; contentHash: string; result: ProofResult }): void;
  proofRuns(cardId: string): ReturnType<typeof proofRunsFor>;
  pickPath(purpose: PickPathPurpose): Promise<string | null>;
  confirmPath(path: string, purpose: PickPathPurpose): Promise<boolean>;
}
