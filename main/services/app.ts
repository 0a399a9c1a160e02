// The composition of storage, core and filesystem behind the one Api contract. Electron's IPC handlers and the
// browser-mode host both serve this object, so the two modes cannot drift apart.
import { existsSync, mkdirSync } from 'node:fs';
import type { Api, CollectionOverview, DeckFolderInfo, DeckSummary, PickPathPurpose, Settings, StartupStatus } from '../contract/api';
import { sm2Scheduler } from '../core/scheduler';
import { backupDir, databasePath, userDeckDir } from '../config/dataDir';
import { DatabaseProblem, openDatabase, setDurability, type Db } from '../storage/database';
import { backupOncePerDay, listBackups, restoreBackupFile } from '../storage/backups';
import { cardCountsByDeck, listDecks } from '../storage/collectionStore';
import { proofRunsFor, recordProofRun } from '../storage/proofRunStore';
import { readSettings, writeSettings } from '../storage/settingsStore';
import { createStudyStore } from '../storage/studyStore';
import { localIsoDate, studyDay, systemClock, type Clock } from './clock';
import { syncDeckFolders, type SyncReport } from './collectionService';
import type { DeckFolder } from './deckFiles';
import { createNotesImporter, readNotesFile, type NotesImportInput } from './notesImport';
import { checkNewFolder, readExtraFolders, writeExtraFolders } from './deckFolders';
import { createEditService, EditError } from './editService';
import { watchDeckFolders } from './watch';
import { createBrowseService } from './browseService';
import { readDeckAsset, type DeckAsset } from './deckAssets';
import { join } from 'node:path';
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
}

export class ServiceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

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
  close(): void;
}

export function createProofDeckApp(options: AppOptions): ProofDeckApp {
  const clock = options.clock ?? systemClock;
  const dbPath = databasePath(options.dataDir);
  mkdirSync(userDeckDir(options.dataDir), { recursive: true });
  // Folders the user added (issue #6) load after the default one and are watched here (the entry points watch
  // the built-in and default folders).
  let extraFolders = readExtraFolders(options.dataDir);
  const folders = (): DeckFolder[] => [
    ...(existsSync(options.builtInDeckDir) ? [{ path: options.builtInDeckDir, builtIn: true }] : []),
    { path: userDeckDir(options.dataDir), builtIn: false },
    ...extraFolders.map((path) => ({ path, builtIn: false })),
  ];
  let stopWatchingExtra = (): void => {};
  const watchExtra = () => {
    stopWatchingExtra();
    stopWatchingExtra = extraFolders.length ? watchDeckFolders(extraFolders, () => void (open && (open.lastSync = syncDeckFolders(open.db, folders(), clock.now())))) : () => {};
  };
  let open: Open | null = null;
  let problem: StartupStatus['databaseProblem'] = null;
  const notesImporter = createNotesImporter({
    userDeckDir: userDeckDir(options.dataDir),
    existingDecks: () => (open ? listDecks(open.db).map((d) => ({ id: d.id, path: d.source_path, builtIn: d.built_in === 1 })) : []),
  });

  function start(): void {
    try {
      const db = openDatabase(dbPath, { nativeBinding: options.nativeBinding });
      const settings = readSettings(db);
      setDurability(db, settings.durability);
      backupOncePerDay(db, backupDir(options.dataDir), localIsoDate(clock));
      const study = createStudyService({ store: createStudyStore(db), scheduler: sm2Scheduler, clock, settings: () => open!.settings });
      open = { db, settings, study, lastSync: syncDeckFolders(db, folders(), clock.now()) };
      problem = null;
    } catch (error) {
      if (!(error instanceof DatabaseProblem)) throw error;
      open = null;
      problem = { message: error.message, backups: listBackups(backupDir(options.dataDir)) };
    }
  }

  function require(): Open {
    if (!open) throw new ServiceUnavailableError(problem?.message ?? 'The database is not open.');
    return open;
  }

  function status(): StartupStatus {
    return { dataDir: options.dataDir, databaseProblem: problem, sandboxUrl: options.sandboxUrl, nativeDialogs: options.pickPath !== undefined };
  }

  // A watched folder that is deleted (or unmounted) does not always produce an event: check the added folders'
  // presence on each overview (one stat each) and re-read when it changed.
  let folderPresence = '';
  const presence = () => extraFolders.map((path) => existsSync(path)).join();
  function resyncIfFoldersMoved(): void {
    const now = presence();
    if (now === folderPresence || !open) return;
    folderPresence = now;
    open.lastSync = syncDeckFolders(open.db, folders(), clock.now());
  }

  function overview(): CollectionOverview {
    resyncIfFoldersMoved();
    const { db, study, lastSync, settings } = require();
    const today = studyDay(clock, settings.rolloverHour);
    const cardCounts = cardCountsByDeck(db);
    const decks: DeckSummary[] = listDecks(db)
      .filter((d) => d.available === 1)
      .map((d) => ({
        id: d.id,
        name: d.name,
        description: d.description,
        sourcePath: d.source_path,
        readOnly: d.read_only === 1,
        builtIn: d.built_in === 1,
        cardCount: cardCounts.get(d.id) ?? 0,
        due: study.next(d.id).counts,
      }));
    return { decks, fileErrors: lastSync.fileErrors, today };
  }

  start();
  watchExtra();
  folderPresence = presence();

  const folderInfo = (): DeckFolderInfo[] => folders().map((folder) => ({
    path: folder.path,
    kind: folder.builtIn ? 'built-in' : folder.path === userDeckDir(options.dataDir) ? 'default' : 'added',
    available: existsSync(folder.path),
  }));
  const changeFolders = (next: string[]): DeckFolderInfo[] => {
    writeExtraFolders(options.dataDir, next);
    extraFolders = next;
    folderPresence = presence();
    watchExtra();
    const current = require();
    current.lastSync = syncDeckFolders(current.db, folders(), clock.now());
    return folderInfo();
  };

  // Editing and browsing (issue #6): the edit service reads the open database and the last sync's parsed files.
  const edits = createEditService(() => {
    const current = require();
    return {
      db: current.db,
      loaded: current.lastSync.loaded,
      userDeckDir: userDeckDir(options.dataDir),
      trashDir: join(options.dataDir, 'trash'),
      now: clock.now(),
      resync: () => (current.lastSync = syncDeckFolders(current.db, folders(), clock.now())),
    };
  });
  /** The API's preview: the importer's, less what only the CLI prints. */
  const notesPreview = (input: NotesImportInput) => {
    require();
    const { copiedImages: _copied, ...preview } = notesImporter.preview(input);
    return preview;
  };
  const browse = createBrowseService(() => require().db, () => studyDay(clock, require().settings.rolloverHour));

  const api: Api = {
    startupStatus: async () => status(),
    restoreBackup: async ({ backup }) => {
      if (!listBackups(backupDir(options.dataDir)).includes(backup)) throw new ServiceUnavailableError(`Not a known backup: ${backup}`);
      open?.db.close();
      open = null;
      restoreBackupFile(dbPath, backup, new Date(clock.now()).toISOString().replace(/[:.]/g, '-'));
      start();
      return status();
    },
    overview: async () => overview(),
    nextCard: async ({ deckId }) => require().study.next(deckId),
    answerCard: async (arg) => require().study.answer(arg),
    undoAnswer: async ({ deckId }) => require().study.undo(deckId),
    sessionSummary: async ({ since }) => require().study.summary(since),
    getSettings: async () => require().settings,
    updateSettings: async (patch: Partial<Settings>) => {
      const current = require();
      current.settings = writeSettings(current.db, patch);
      setDurability(current.db, current.settings.durability);
      return current.settings;
    },
    recordProofRun: async ({ cardId, contentHash, result }) => {
      recordProofRun(require().db, {
        cardId, contentHash, backend: result.backend, device: result.device, ok: result.ok, ms: result.ms, ranAt: clock.now(),
      });
    },
    proofRuns: async ({ cardId }) => proofRunsFor(require().db, cardId),
    previewNotesImport: async ({ fileName, text }) => notesPreview({ fileName, text }),
    previewNotesImportFile: async ({ path }) => notesPreview(readNotesFile(path)),
    commitNotesImport: async ({ previewId }) => {
      const { db } = require();
      const written = notesImporter.commit(previewId);
      // Reconcile now, so the new deck (or the re-imported one, scheduling kept by card id) is there at once.
      if (open) open.lastSync = syncDeckFolders(db, folders(), clock.now());
      return written;
    },
    getCard: async ({ cardId }) => edits.getCard(cardId),
    addCardImage: async ({ deckId, fileName, base64 }) => edits.addCardImage(deckId, fileName, Buffer.from(base64, 'base64')),
    saveCard: async (arg) => edits.saveCard(arg),
    duplicateCard: async ({ cardId }) => edits.duplicateCard(cardId),
    deleteCards: async ({ cardIds }) => edits.deleteCards(cardIds),
    moveCards: async ({ cardIds, toDeckId }) => edits.moveCards(cardIds, toDeckId),
    bulkEdit: async ({ cardIds, action }) => {
      switch (action.kind) {
        case 'suspend': return edits.setSuspended(cardIds, true);
        case 'unsuspend': return edits.setSuspended(cardIds, false);
        case 'addTag': return edits.setTag(cardIds, action.tag, true);
        case 'removeTag': return edits.setTag(cardIds, action.tag, false);
        case 'move': return edits.moveCards(cardIds, action.toDeckId);
        case 'delete': return edits.deleteCards(cardIds);
      }
    },
    createDeck: async ({ name, id }) => edits.createDeck(name, id),
    renameDeck: async ({ deckId, name }) => edits.renameDeck(deckId, name),
    deleteDeck: async ({ deckId }) => edits.deleteDeck(deckId),
    undoEdit: async () => edits.undo(),
    nextEditUndo: async () => ({ label: edits.nextUndo() }),
    browseCards: async (arg) => browse.page(arg),
    browseIds: async (arg) => browse.ids(arg),
    exportDeck: async ({ deckId }) => edits.exportDeck(deckId),
    importDeckFile: async ({ fileName, text }) => edits.importDeckFile(fileName, text),
    exportDeckToFolder: async ({ deckId, folder }) => edits.exportDeckToFolder(deckId, folder),
    deckFolders: async () => folderInfo(),
    addDeckFolder: async ({ path }) => {
      require();
      const real = checkNewFolder(path, folders().map((f) => f.path));
      return changeFolders([...extraFolders, real]);
    },
    removeDeckFolder: async ({ path }) => {
      require();
      if (!extraFolders.includes(path)) throw new EditError('bad-request', `${path} is not an added deck folder (the built-in and default folders stay).`);
      return changeFolders(extraFolders.filter((p) => p !== path));
    },
    importDeckFolder: async ({ path }) => edits.importDeckFolder(path),
    pickPath: async ({ purpose }) => {
      if (!options.pickPath) throw new EditError('bad-request', 'There is no file dialog in browser mode: type the full path instead.');
      return { path: await options.pickPath(purpose) };
    },
  };

  return {
    api,
    sync() {
      if (!open) return null;
      open.lastSync = syncDeckFolders(open.db, folders(), clock.now());
      return open.lastSync;
    },
    deckAsset(params) {
      if (!open) return { ok: false, status: 404, message: 'The collection is not open.' };
      return readDeckAsset(open.lastSync.loaded, params);
    },
    browseStats: () => browse.stats(),
    close() {
      stopWatchingExtra();
      open?.db.close();
      open = null;
    },
  };
}
