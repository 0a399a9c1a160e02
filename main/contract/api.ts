// The one contract between the renderer and the main process (or the browser-mode host).
// Pure types and names: this module imports nothing but its siblings, because the preload bundles it.
import type { CardContent, DeckFileError } from './deck';
import type { Message, MessageOf } from './messages';
import type { ProofBackend, ProofResult } from './proof';
import type { Statistics } from './statistics';
import type { OptimizerStatus, Preset, PresetFields, PresetList, SchedulerFit } from './scheduling';
import type { MockAnswerArg, MockReport, MockSelection, MockStarted, MockSummary } from './mock';

/** Epoch milliseconds. Every time crossing the boundary is one of these. */
export type EpochMs = number;
/** Days counted from 1970-01-01 in the user's time zone, shifted by the rollover hour. */
export type DayNumber = number;

/** SM-2 grade 0–5. The four buttons are Again 1, Hard 3, Good 4, Easy 5. */
export type Quality = 0 | 1 | 2 | 3 | 4 | 5;

export type CardQueue = 'new' | 'review' | 'suspended';

export interface CardStateView {
  efMilli: number;
  reps: number;
  intervalDays: number;
  dueDay: DayNumber | null;
  lapses: number;
  queue: CardQueue;
  /** Day the card is being drilled on (SM-2 step 7), or null. */
  drillDay: DayNumber | null;
  /** Bumped on every change; an answer must name the version it was shown with. */
  version: number;
}

export interface CardView extends CardContent {
  id: string;
  deckId: string;
  position: number;
  contentHash: string;
  state: CardStateView;
}

export interface DeckCounts {
  new: number;
  /** Cards in today's drill (graded below 4 today). */
  learning: number;
  review: number;
}

export interface DeckSummary {
  id: string;
  name: string;
  description: string | null;
  sourcePath: string;
  readOnly: boolean;
  builtIn: boolean;
  cardCount: number;
  /** The language of its card content (front matter `lang`), set as the content's `lang` attribute; null if none. */
  lang: string | null;
  /** What a session started now would show, limits applied. */
  due: DeckCounts;
  /**
   * Where the deck sits in the home screen's tree, root first, the last part its own row: its name split at `::`,
   * else its file's subfolders inside its deck folder and then its name. `overview` lists decks in tree order.
   */
  path: string[];
}

export interface CollectionOverview {
  decks: DeckSummary[];
  /** Files that failed to load; their cards are not shown but their history is kept. */
  fileErrors: DeckFileError[];
  today: DayNumber;
}

export interface ButtonOutcome {
  quality: Quality;
  /** Days from today until the card is next due after this answer (a drilled card also comes back today). */
  intervalDays: number;
  dueDay: DayNumber;
  /** True when this grade keeps (or puts) the card in today's drill. */
  drillsToday: boolean;
  efMilli: number;
  /** FSRS (re)learning step: minutes until the card is due again (it comes back at an instant); null when day-based. */
  dueInMinutes: number | null;
}

/**
 * The longest answer time recorded: a card left on screen through a break counts as this long (the renderer caps
 * what it sends; the host refuses more), so one forgotten window cannot swamp the session's total.
 */
export const MAX_ANSWER_DURATION_MS = 3_600_000;

/** 'learning': an FSRS (re)learning step (minutes apart); 'drill': SM-2's same-day drill. */
export type StudyKind = 'new' | 'review' | 'drill' | 'learning';

export interface StudyCard {
  /** A coding card's view carries its `code` (starter and solution, read from its deck file); null on other cards. */
  card: CardView;
  kind: StudyKind;
  outcomes: ButtonOutcome[];
  shownAt: EpochMs;
  /** A coding card's last kept attempt (shown as "last time: passed in 4 min"); null when none or not a coding card. */
  lastAttempt: CodeAttempt | null;
}

/**
 * The user's last attempt at a coding card (issue 17), kept per card in `code_attempts` — never in proof_runs: it
 * grades the user's code, not the card's proof.
 */
export interface CodeAttemptInput {
  cardId: string;
  /** The code the user last ran. */
  code: string;
  /** Whether that run passed (every check, at least one). */
  passed: boolean;
  checksPassed: number;
  checksTotal: number;
  /** Runs of the tests in this review of the card, this one included. */
  runs: number;
  /** Time from the card coming on screen to this run: the time to solve when it passed. */
  solveMs: number;
}

export interface CodeAttempt extends Omit<CodeAttemptInput, 'cardId'> {
  /** When the attempt was kept (the host's clock). */
  at: EpochMs;
}

export interface StudyStep {
  /** Null when the session is finished for today. */
  next: StudyCard | null;
  counts: DeckCounts;
  /**
   * Answers this session can undo, most recent undone first: those given today in the same scope (this deck, or all
   * decks when deckId is null), kept across restarts, at most 500.
   */
  undoDepth: number;
  /** The host's time of this step: the renderer starts a session's summary from it, never from its own clock. */
  now: EpochMs;
}

export interface SessionSummary {
  answered: number;
  byQuality: Record<string, number>;
  again: number;
  durationMs: number;
}

export interface Settings {
  newPerDay: number;
  reviewsPerDay: number;
  /** Hour 0–23 at which a new day starts (Anki default 4). */
  rolloverHour: number;
  /** Show six grade buttons 0–5 instead of Again/Hard/Good/Easy. */
  sixGrades: boolean;
  /** `FULL` fsyncs each answer (power-loss safe); `NORMAL` survives app crashes. */
  durability: 'NORMAL' | 'FULL';
  proofBackend: 'auto' | ProofBackend;
  proofTimeoutMs: number;
  /** Parent rows of the home screen's deck tree the user collapsed: their tree paths joined with `::`. */
  collapsedDecks: string[];
  /** The UI language: `system` follows the system (navigator.languages); card content is never translated. */
  language: UiLanguageSetting;
  /** Colours of the whole UI (the proof editor and plots included): the system's light/dark choice, or a fixed one. */
  theme: ThemeChoice;
}

/** The languages the UI is translated into. */
export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type UiLanguageSetting = 'system' | UiLanguage;

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export interface ProofRunRecord {
  cardId: string;
  contentHash: string;
  backend: ProofBackend;
  device: string;
  ok: boolean;
  ms: number;
  ranAt: EpochMs;
}

/** `daily` at the day's first start, `shutdown` at each clean close, `before-restore` before a restore replaced an open collection. */
export type BackupKind = 'daily' | 'shutdown' | 'before-restore';

export interface BackupInfo {
  path: string;
  kind: BackupKind;
  /** `YYYY-MM-DD` for a daily backup, the UTC time (`2026-11-26T12-00-00-000Z`) for the others. */
  takenAt: string;
}

export interface DatabaseProblemInfo {
  message: Message;
  /** Newest first. Empty when replacing the file cannot help (a read-only data folder). */
  backups: BackupInfo[];
  /** Whether `startEmpty` is offered (false for a read-only data folder). */
  canStartEmpty: boolean;
}

/** What the last `restoreBackup` of this run did: answers newer than the backup copied from the damaged file. */
export interface RestoreReport {
  backup: string;
  /** Answers rescued from the damaged file and replayed onto their cards. */
  rescued: number;
  /** Readable answers not rescued: their card is not in the backup, or the row was damaged. */
  skipped: number;
}

export interface StartupStatus {
  dataDir: string;
  /** Set when the database could not be opened safely; the app shows this and offers `restoreBackup` / `startEmpty`. */
  databaseProblem: DatabaseProblemInfo | null;
  /** What did not stop the start but the user should know (a backup that failed, a full disk), shown on the home screen. */
  warnings: Message[];
  /** True when the collection is shown read-only (the disk is full): changes are refused with `db.diskFull`. */
  readOnly: boolean;
  restored: RestoreReport | null;
  /** The proof sandbox page (a distinct origin from the app). */
  sandboxUrl: string;
  /** True in the Electron app: `pickPath` opens the system's file dialog. Browser mode has none (type a path). */
  nativeDialogs: boolean;
}

/** What a native file dialog is for; it sets the dialog's title and whether it picks a folder or a deck file. */
export const PICK_PATH_PURPOSES = ['deck-folder', 'export-folder', 'import-folder', 'deck-file', 'notes-file', 'notes-folder', 'notes-files'] as const;
export type PickPathPurpose = (typeof PICK_PATH_PURPOSES)[number];

/** A batch preview's included sections for one of its files (`NotesBatchItem.path`), as `includeSections` of one file. */
export interface NotesBatchInclude {
  path: string;
  lines: number[];
}

/** One file of a batch notes import: its preview, or why it cannot be imported (the other files still can). */
export interface NotesBatchItem<P = NotesImportPreview> {
  path: string;
  preview: P | null;
  problem: Message | null;
}

export interface NotesImportPreview {
  deckId: string;
  deckName: string;
  cardCount: number;
  cards: { id: string; question: string; tags: string[] }[];
  /** `includable`: a section with content that is not a question (references, TODO…); list its `line` in `includeSections` to keep it. */
  skippedHeadings: { line: number; heading: string; reason: Message; includable?: true }[];
  missingImages: string[];
  targetPath: string;
  /** True when a deck with this id already exists and will be updated in place. */
  updatesExisting: boolean;
  /** A token that `importNotesCommit` accepts to write exactly this preview. */
  previewId: string;
  /** Things the user should know that did not stop the import (an unclosed fence closed, GBK converted…). */
  warnings?: Message[];
  /** Cards whose proof, added after an earlier import, is kept on re-import. */
  proofsKept?: string[];
  /** Cards the existing deck has and the notes no longer do (their history stays). */
  removedCardIds?: string[];
  /** The same cards, named by their question. */
  removedCards?: { cardId: string; question: string }[];
  /** What a re-import does to the existing cards (issue 14). */
  changes?: NotesImportChanges;
  /** Cards changed both in the deck and in the notes; commit keeps the user's unless told otherwise. */
  conflicts?: NotesImportConflict[];
  /** Earlier cards the user may confirm as a section that would otherwise be a new card. */
  suggestedMatches?: NotesSuggestedMatch[];
  /** Sections with several equally good earlier cards: new cards unless a match is confirmed. */
  ambiguous?: { cardId: string; question: string; candidates: { cardId: string; question: string }[] }[];
}

export interface NotesCardText {
  question: string;
  answer: string;
}

export interface NotesImportChanges {
  renamed: number;
  edited: number;
  moved: number;
  added: number;
  /** Cards edited in the app whose notes section did not change: the user's text stays. */
  keptUserText: number;
}

/** For a card changed in both places: keep the user's, take the notes', or keep both (the notes' as a new card). */
export type NotesConflictChoice = 'mine' | 'theirs' | 'both';

export interface NotesImportConflict {
  cardId: string;
  mine: NotesCardText;
  theirs: NotesCardText;
}

export interface NotesSuggestedMatch {
  /** The id the section gets as a new card in this preview. */
  cardId: string;
  card: NotesCardText;
  previousId: string;
  /** What the last import wrote for the earlier card. */
  previous: NotesCardText;
  reason: 'both-changed' | 'ambiguous';
}

/** The user's answers to a preview: a choice per conflict, and the suggested matches they confirm. */
export interface NotesImportDecisions {
  conflicts?: { cardId: string; choice: NotesConflictChoice }[];
  matches?: { cardId: string; previousId: string }[];
}

// ---- Editing (issue #6): deck files stay the source of truth; every edit rewrites only its card's lines. ----

/** The fields the card editor writes (the card's id is kept; a new card gets one from its question). */
export type CardDraft = CardContent;

export interface EditableCard {
  card: CardView;
  deckName: string;
  sourcePath: string;
  /** Saving edits a fork of the built-in deck in the user's folder (same ids, scheduling kept). */
  builtIn: boolean;
}

/** A problem that kept a card from being saved; `line` is in the deck file, `field` says where in the editor. */
export type CardSaveError = DeckFileError;

export type SaveCardResult =
  | { ok: true; cardId: string; deckId: string; sourcePath: string; contentHash: string; forkedFrom: string | null }
  | { ok: false; errors: CardSaveError[] };

/** What an edit changed; `undoLabel` names what `undoEdit` would undo next (null when nothing). */
export interface EditOutcome {
  /** What was done, in words the renderer looks up by code. */
  message: Message;
  cardIds: string[];
  deckId: string | null;
  undoLabel: string | null;
}

export type BrowseSort = 'deck' | 'question' | 'due' | 'created' | 'updated';

export interface BrowseRow {
  id: string;
  deckId: string;
  deckName: string;
  question: string;
  tags: string[];
  state: 'new' | 'learning' | 'review' | 'suspended';
  dueDay: DayNumber | null;
  proof: 'pass' | 'fail' | 'none';
}

/** A keyword of the browse query with a value it does not know (`is:foo`); `value` is what followed the colon. */
export type BrowseQueryError = MessageOf<'browse.badIs' | 'browse.badProof' | 'browse.badDue'>;

export interface BrowsePage {
  total: number;
  offset: number;
  rows: BrowseRow[];
  /** Problems in the query (an unknown `is:` value…), shown under the search field; the rest still applies. */
  queryErrors: BrowseQueryError[];
  ms: number;
}

export type BulkAction =
  | { kind: 'suspend' }
  | { kind: 'unsuspend' }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'move'; toDeckId: string }
  | { kind: 'delete' };

export interface DeckFolderInfo {
  path: string;
  kind: 'built-in' | 'default' | 'added';
  /** False when the folder is gone or unreadable (its decks are hidden, their history kept). */
  available: boolean;
}

/** The decks a study session covers: one (`deckId`), all (`deckId` null), or several (`deckIds`, deckId null). */
export interface StudyScopeArg {
  deckId: string | null;
  deckIds?: string[];
}

/** Every method takes one JSON argument and returns a Promise of JSON. */
export interface Api {
  startupStatus(arg: void): Promise<StartupStatus>;
  /** Rescues answers newer than the backup from the damaged file, then puts the backup in its place (see `restored`). */
  restoreBackup(arg: { backup: string }): Promise<StartupStatus>;
  /** Moves the missing, empty or damaged database aside and starts an empty collection; the backups are kept. */
  startEmpty(arg: void): Promise<StartupStatus>;
  overview(arg: void): Promise<CollectionOverview>;
  /**
   * Next card of a session over one deck, all decks when deckId is null, or several decks (`deckIds`, with deckId
   * null: a parent row of the deck tree, its decks in the home screen's order; today's limits apply as ever).
   */
  nextCard(arg: StudyScopeArg): Promise<StudyStep>;
  answerCard(arg: {
    deckId: string | null;
    deckIds?: string[];
    cardId: string;
    quality: Quality;
    /** The card's state version when it was shown; a mismatch is refused as stale. */
    version: number;
    durationMs: number;
  }): Promise<StudyStep>;
  undoAnswer(arg: StudyScopeArg): Promise<StudyStep & { undoneCardId: string | null }>;
  sessionSummary(arg: { since: EpochMs }): Promise<SessionSummary>;
  /** Aggregates of the review history and today's state, for one deck or all decks (null). */
  statistics(arg: { deckId: string | null }): Promise<Statistics>;
  getSettings(arg: void): Promise<Settings>;
  /** Deck presets (issue 16): limits, scheduler (SM-2 or FSRS), desired retention; shared by decks. */
  listPresets(arg: void): Promise<PresetList>;
  createPreset(arg: PresetFields): Promise<Preset>;
  /** A changed scheduler re-derives the state of every card of the preset's decks from its review log. */
  updatePreset(arg: PresetFields & { id: number }): Promise<Preset>;
  /** Its decks go back to the default preset (id 1, which cannot be deleted). */
  deletePreset(arg: { id: number }): Promise<void>;
  /** The deck studies with the preset from now on (its cards re-derived if the scheduler differs). */
  assignPreset(arg: { deckId: string; presetId: number }): Promise<Preset>;
  /**
   * Starts FSRS's optimizer on the review history of the preset's decks, off the main thread; refused below
   * MIN_OPTIMIZER_REVIEWS. Applies nothing: the user applies the weights with `updatePreset`.
   */
  optimizePreset(arg: { presetId: number }): Promise<{ jobId: string }>;
  optimizerStatus(arg: { jobId: string }): Promise<OptimizerStatus>;
  /**
   * Stops a running optimizer job (its worker is terminated; its status is `cancelled` from then on). A finished
   * job is left as it was. Answers the job's status; an unknown job is `optimizer.unknownJob`.
   */
  cancelOptimize(arg: { jobId: string }): Promise<OptimizerStatus>;
  /** SM-2 and FSRS scored out of sample on the preset's decks' history; refused below MIN_SCORED_REVIEWS. */
  evaluateSchedulers(arg: { presetId: number }): Promise<SchedulerFit>;
  updateSettings(arg: Partial<Settings>): Promise<Settings>;
  recordProofRun(arg: { cardId: string; contentHash: string; result: ProofResult }): Promise<void>;
  proofRuns(arg: { cardId: string }): Promise<ProofRunRecord[]>;
  /** Keeps the user's latest run of a coding card's tests (replacing the card's previous attempt); see `StudyCard.lastAttempt`. */
  recordCodeAttempt(arg: CodeAttemptInput): Promise<CodeAttempt>;
  /**
   * `includeSections`: heading lines of includable skipped sections the user chose to import anyway. `parentDeck`
   * (a batch uploaded from a folder): the deck is named `<parentDeck>::<chapter>`.
   */
  previewNotesImport(arg: { fileName: string; text: string; includeSections?: number[]; parentDeck?: string }): Promise<NotesImportPreview>;
  /** The notes file read by the host from a full path, so images beside it (`![](photos/x.png)`) come along. */
  previewNotesImportFile(arg: { path: string; includeSections?: number[] }): Promise<NotesImportPreview>;
  /**
   * Several notes files and folders of notes by full path, each file its own deck named `<folder>::<chapter>`
   * (ARCHITECTURE.md, import:notes): one preview per file, or its problem. Each preview is committed on its own.
   */
  previewNotesImportBatch(arg: { paths: string[]; includeSections?: NotesBatchInclude[] }): Promise<{ items: NotesBatchItem[] }>;
  commitNotesImport(arg: { previewId: string } & NotesImportDecisions): Promise<{ deckId: string; path: string }>;
  // Editing and browsing (issue #6).
  getCard(arg: { cardId: string }): Promise<EditableCard>;
  /**
   * Saves an image pasted or dropped into the editor beside the deck's file (`<deck>.assets/`, named by content);
   * returns its relative path and the Markdown to insert. `base64` holds the file's bytes.
   */
  addCardImage(arg: { deckId: string; fileName: string; base64: string }): Promise<{ path: string; markdown: string }>;
  /** Validates, then writes the deck file atomically and updates the database; `cardId` null adds a card. */
  saveCard(arg: { deckId: string; cardId: string | null; draft: CardDraft; baseContentHash: string | null }): Promise<SaveCardResult>;
  duplicateCard(arg: { cardId: string }): Promise<EditOutcome>;
  deleteCards(arg: { cardIds: string[] }): Promise<EditOutcome>;
  moveCards(arg: { cardIds: string[]; toDeckId: string }): Promise<EditOutcome>;
  bulkEdit(arg: { cardIds: string[]; action: BulkAction }): Promise<EditOutcome>;
  createDeck(arg: { name: string; id?: string }): Promise<EditOutcome>;
  renameDeck(arg: { deckId: string; name: string }): Promise<EditOutcome>;
  deleteDeck(arg: { deckId: string }): Promise<EditOutcome>;
  /** Undoes the most recent edit of this session (files restored, scheduling kept by card id). */
  undoEdit(arg: void): Promise<EditOutcome>;
  /** What `undoEdit` would undo next (null when nothing), e.g. for the Undo buttons when a screen opens. */
  nextEditUndo(arg: void): Promise<{ label: string | null }>;
  browseCards(arg: { query: string; sort: BrowseSort; descending: boolean; offset: number; limit: number }): Promise<BrowsePage>;
  /** Every card id the query matches (for "select all"), in the same order. */
  browseIds(arg: { query: string; sort: BrowseSort; descending: boolean }): Promise<string[]>;
  exportDeck(arg: { deckId: string }): Promise<{ fileName: string; text: string }>;
  importDeckFile(arg: { fileName: string; text: string }): Promise<EditOutcome>;
  /** Writes the deck file and the images it references (same relative paths) into a folder: a re-importable copy. */
  exportDeckToFolder(arg: { deckId: string; folder: string }): Promise<{ path: string; images: string[]; missingImages: string[] }>;
  deckFolders(arg: void): Promise<DeckFolderInfo[]>;
  /** Adds a folder of deck files (an absolute path); its decks load at once and are watched for changes. */
  addDeckFolder(arg: { path: string }): Promise<DeckFolderInfo[]>;
  removeDeckFolder(arg: { path: string }): Promise<DeckFolderInfo[]>;
  /**
   * Copies every deck file of a folder (an absolute path, searched recursively) and the images they reference into
   * the user's deck folder, all or nothing; one undo step removes what it added.
   */
  importDeckFolder(arg: { path: string }): Promise<EditOutcome>;
  /**
   * Asks the user for a path with the system's dialog (Electron only; `path` is null when they cancel).
   * `notes-files` picks several notes files at once: `paths` lists them all (empty when cancelled), `path` is the first.
   */
  pickPath(arg: { purpose: PickPathPurpose }): Promise<{ path: string | null; paths?: string[] }>;
  /**
   * Asks the user, in a dialog of the main process, to confirm a path they typed (Electron only): the path-taking
   * methods accept a path only when it was picked with `pickPath` or confirmed here, for that purpose.
   */
  confirmPath(arg: { path: string; purpose: PickPathPurpose }): Promise<{ confirmed: boolean }>;
  // Mock interviews (issue 18): they change no scheduling unless `reschedule` is on.
  /** Draws `count` cards at random from the selection's decks and tags (suspended cards left out) and stores the mock. */
  startMock(arg: { selection: MockSelection; count: number; secondsPerQuestion: number; reschedule: boolean }): Promise<MockStarted>;
  /** Records a question's grade once; with `reschedule` on it is also the card's review (as `answerCard`). */
  answerMock(arg: MockAnswerArg): Promise<void>;
  /** Ends the mock (unanswered questions score 0) and returns its report. */
  finishMock(arg: { mockId: number }): Promise<MockReport>;
  /** Every mock, newest first. */
  listMocks(arg: void): Promise<{ mocks: MockSummary[] }>;
  mockReport(arg: { mockId: number }): Promise<MockReport>;
}

export type ApiMethod = keyof Api;
export type ApiArg<M extends ApiMethod> = Parameters<Api[M]>[0];
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<Api[M]>>;

/** Listed once so the preload, the IPC handlers and the web host agree; `satisfies` makes a missing one an error. */
export const API_METHODS = [
  'startupStatus',
  'restoreBackup',
  'startEmpty',
  'overview',
  'nextCard',
  'answerCard',
  'undoAnswer',
  'sessionSummary',
  'statistics',
  'getSettings',
  'listPresets',
  'createPreset',
  'updatePreset',
  'deletePreset',
  'assignPreset',
  'optimizePreset',
  'optimizerStatus',
  'cancelOptimize',
  'evaluateSchedulers',
  'updateSettings',
  'recordProofRun',
  'proofRuns',
  'recordCodeAttempt',
  'previewNotesImport',
  'previewNotesImportFile',
  'previewNotesImportBatch',
  'commitNotesImport',
  'getCard',
  'addCardImage',
  'saveCard',
  'duplicateCard',
  'deleteCards',
  'moveCards',
  'bulkEdit',
  'createDeck',
  'renameDeck',
  'deleteDeck',
  'undoEdit',
  'nextEditUndo',
  'browseCards',
  'browseIds',
  'exportDeck',
  'importDeckFile',
  'exportDeckToFolder',
  'deckFolders',
  'addDeckFolder',
  'removeDeckFolder',
  'importDeckFolder',
  'pickPath',
  'confirmPath',
  'startMock',
  'answerMock',
  'finishMock',
  'listMocks',
  'mockReport',
] as const satisfies readonly ApiMethod[];

type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
// Compile error here means API_METHODS lacks a method of Api.
export const API_METHODS_COMPLETE: MissingMethods extends never ? true : MissingMethods = true;

export const IPC_PREFIX = 'proofdeck:';
export const ipcChannel = (method: ApiMethod): string => IPC_PREFIX + method;

/** Errors cross the boundary as a message, `{ code, params, field? }`; `code` lets the UI react (a stale answer…). */
export type ApiErrorPayload = Message;
