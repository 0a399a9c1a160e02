// The one shape of everything the main process reports to the renderer or stores: errors, refusals, outcomes and
// deck-file problems are `{ code, params, field? }` — a stable code, its JSON-safe parameters, and the editor field
// it concerns. The English wording of every code is the table below, typed so that a missing code or a wrong
// parameter is a compile error; a translation adds a table of the same type beside it (`MessageTable`).
// Imports nothing: the sandboxed preload bundles the contract.

/** Where in the card editor a problem belongs. */
export type EditorField = 'question' | 'answer' | 'proof' | 'code' | 'tags' | 'file';

/** A nested message as a parameter ("fix this file first: <the parser's message>"). */
export interface NestedMessage {
  code: MessageCode;
  params: Record<string, unknown>;
}

/** Formats a nested message with the same table (so a translation words both parts). */
export type Words = (message: NestedMessage) => string;

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
const list = (items: readonly string[]): string => items.join(', ');

/** A problem at a line of a file being imported. */
export interface LineProblem {
  line: number;
  problem: NestedMessage;
}
export interface FileProblem extends LineProblem {
  file: string;
}
const atLines = (errors: readonly LineProblem[], words: Words): string => errors.map((e) => `line ${e.line}: ${words(e.problem)}`).join('; ');

const ID_RULE = "ids use letters, digits, '-', '_' and '.', at most 64 characters";
const UTF8_HINT = 'Save the notes as UTF-8 (in Typora: File ▸ Save with Encoding ▸ UTF-8)';

export const ENGLISH = {
  // ---- Deck files (the parser; each comes with file and line) ----
  'deck.notUtf16': () => 'not UTF-8 (this file is UTF-16): re-save it as UTF-8',
  'deck.binary': () => 'binary content (a NUL byte): a deck file must be UTF-8 text',
  'deck.tooLarge': (p: { size: number; limit: number }) =>
    `too large to load: ${megabytes(p.size)}, the limit is ${megabytes(p.limit)} (split it into several decks)`,
  'deck.notUtf8': (p: { byte: string }) => `not UTF-8 (byte 0x${p.byte} cannot start or continue a character): re-save the file as UTF-8`,
  'deck.noFrontMatter': () => "no front matter: a deck file starts with a '---' line, then id, deck and version, then '---'",
  'deck.unterminatedFrontMatter': () => "unterminated front matter: add a '---' line after it",
  'deck.frontMatterYaml': (p: { detail: string }) => `front matter is not valid YAML: ${p.detail}`,
  'deck.frontMatterNotMapping': () => 'front matter is not a YAML mapping of key: value lines',
  'deck.missingId': () => "front matter is missing 'id' (the deck's id, e.g. id: optimizers)",
  'deck.idNotString': (p: { value: string }) => `front matter 'id' must be a string (quote it: id: "${p.value}")`,
  'deck.badDeckId': (p: { id: string }) => `bad deck id '${p.id}': ${ID_RULE}`,
  'deck.missingName': () => "front matter is missing 'deck' (the deck's display name)",
  'deck.badName': () => "front matter 'deck' must be a non-empty name",
  'deck.missingVersion': (p: { supported: number }) => `front matter is missing 'version' (write version: ${p.supported})`,
  'deck.versionNotNumber': (p: { supported: number }) => `front matter 'version' must be the number ${p.supported}`,
  'deck.unknownVersion': (p: { version: number; supported: number }) =>
    `unknown version ${p.version}: this app reads deck files of version ${p.supported}`,
  'deck.badDescription': () => "front matter 'description' must be text",
  'deck.badTags': () => "front matter 'tags' must be a list of strings, e.g. tags: [optimizer, adam]",
  'deck.badLang': (p: { value: string }) => `front matter 'lang' must be a language tag such as zh-CN or en (not "${p.value}")`,
  'deck.unterminatedFence': (p: { fence: string }) => `unterminated code fence (${p.fence}): close it with a matching line`,
  'deck.unterminatedComment': () => "unterminated HTML comment: close it with '-->'",
  'deck.duplicateCardId': (p: { id: string; line: number }) => `duplicate card id '${p.id}': also used by the card at line ${p.line}`,
  'deck.badAttributeBlock': (p: { block: string }) => `bad attribute block {${p.block}}: expected {#id key="value" …}`,
  'deck.twoIds': (p: { ids: string[] }) => `two ids in one heading (#${p.ids.join(', #')}): keep one`,
  'deck.badCardId': (p: { id: string }) => `bad id '${p.id}': ${ID_RULE}`,
  'deck.emptyQuestion': () => "empty question: write the question after '## '",
  'deck.proofInQuestion': () => "proof block in the question: move it after the '?' line, into the answer",
  'deck.twoProofs': (p: { lines: string }) => `two proof blocks in one card (lines ${p.lines}): keep one`,
  'deck.codeBlockMissing': (p: { block: 'starter' | 'solution' | 'proof' }) =>
    `a coding card (type="code") needs a \`\`\`js ${p.block} block (or ts ${p.block}) after its answer text`,
  'deck.twoCodeBlocks': (p: { block: 'starter' | 'solution'; lines: string }) =>
    `two ${p.block} blocks in one coding card (lines ${p.lines}): keep one`,
  'deck.codeBlockInQuestion': (p: { block: 'starter' | 'solution' }) =>
    `${p.block} block in the question: move it after the '?' line, into the answer`,
  'deck.duplicateDeckId': (p: { id: string; other: string }) => `duplicate deck id '${p.id}': also used by ${p.other}`,
  'deck.notUtf8Text': () => 'not UTF-8 text: save the file as UTF-8',
  'deck.cardIdElsewhere': (p: { id: string; file: string; line: number }) => `duplicate card id "${p.id}" (also at ${p.file}:${p.line})`,

  // ---- Card edits (the editor's checks before a save) ----
  'card.badId': (p: { id: string }) => `bad id '${p.id}'`,
  'card.badTag': (p: { tag: string }) => `bad tag '${p.tag}': tags cannot contain spaces, quotes or backslashes`,
  'card.emptyQuestion': () => 'empty question',
  'card.unterminatedFence': (p: { part: string; line: number; fence: string }) =>
    `unterminated code fence in the ${p.part} (line ${p.line} of it): close it with ${p.fence}`,
  'card.unterminatedComment': (p: { part: string; line: number }) =>
    `unterminated HTML comment in the ${p.part} (line ${p.line} of it): close it with -->`,
  'card.unknownProofLang': (p: { lang: string }) => `unknown proof language '${p.lang}' (js or ts)`,
  'card.noSuchIndex': (p: { number: number }) => `no card number ${p.number} in this file`,
  'card.fixFileFirst': (p: { file: string; line: number; problem: NestedMessage; more: number }, words: Words) =>
    `fix this file first: ${p.file}:${p.line}: ${words(p.problem)}${p.more > 0 ? ` (and ${p.more} more)` : ''}`,
  'card.readsBackDifferently': (p: { part: string }) =>
    `the ${p.part} would not read back as written (check its code fences and '?' lines)`,
  'card.wouldSplit': () =>
    "a line starting with '## ' outside a code block would start a new card: put it in a code block or reword it",
  'card.problems': (p: { problems: NestedMessage[] }, words: Words) => p.problems.map(words).join('; '),

  // ---- Editing decks and cards (each refusal changed nothing) ----
  'edit.deckNotLoaded': (p: { deckId: string }) =>
    `Deck "${p.deckId}" is not loaded (its file is missing or has errors: fix it first, see the home screen).`,
  'edit.fileChanged': (p: { file: string; deleted: boolean }) =>
    `${p.file} ${p.deleted ? 'was deleted' : 'changed on disk'} since ProofDeck loaded it (edited outside the app?). ProofDeck has re-read it; your edit was not saved. Your text is still in the editor: check the card and save again.`,
  'edit.fileChangedMeanwhile': (p: { file: string }) => `${p.file} changed on disk meanwhile; nothing was changed.`,
  'edit.cannotRead': (p: { file: string; reason: string }) => `Cannot read ${p.file} (${p.reason}); nothing was changed.`,
  'edit.cannotWrite': (p: { file: string; reason: string }) =>
    `Cannot write ${p.file}: ${p.reason}. The file or its folder is read-only or gone; nothing was changed.`,
  'edit.cardNotFound': (p: { cardId: string }) => `No card with id ${p.cardId} (it was deleted or its file no longer has it).`,
  'edit.cardNotInFile': (p: { cardId: string; file: string }) => `Card ${p.cardId} is not in ${p.file} any more.`,
  'edit.refusedAt': (p: { file: string; line: number; problem: NestedMessage }, words: Words) => `${p.file}:${p.line}: ${words(p.problem)}`,
  'edit.cardInOtherDeck': (p: { cardId: string; deckId: string; requested: string }) =>
    `Card ${p.cardId} is in deck "${p.deckId}", not "${p.requested}": move it instead.`,
  'edit.cardChanged': (p: { cardId: string }) =>
    `Card ${p.cardId} changed since you opened it (in its file or another window); it was not saved. Your text is still in the editor: reopen the card to see the new version.`,
  'edit.noCardsFound': (p: { count: number }) =>
    `None of the ${plural(p.count, 'card')} named exists any more (deleted, or their files no longer have them); nothing was changed.`,
  'edit.badTag': (p: { tag: string }) => `Bad tag "${p.tag}": tags cannot contain spaces, quotes or backslashes.`,
  'edit.deckNeedsName': () => 'A deck needs a name.',
  'edit.badDeckId': (p: { id: string }) => `Bad deck id "${p.id}": ${ID_RULE}.`,
  'edit.deckExists': (p: { id: string }) => `A deck with id "${p.id}" already exists.`,
  'edit.badDeckName': (p: { name: string; problem: NestedMessage | null }, words: Words) =>
    `The name "${p.name}" cannot be written as a deck name: ${p.problem ? words(p.problem) : 'it reads back differently'}.`,
  'edit.noDeckLine': (p: { file: string }) => `${p.file}: its front matter has no one-line "deck:" entry to rename; edit the file.`,
  'edit.builtInNotDeletable': () =>
    'Built-in decks ship with the app and cannot be deleted. Their cards stay out of your way unless you study them.',
  'edit.cannotKeepCopy': (p: { folder: string; reason: string }) =>
    `Cannot keep a copy of the deck in ${p.folder} (${p.reason}), so it was not deleted.`,
  'edit.undoPopFailed': (p: { reason: string }) => `Cannot undo: ${p.reason}; it was taken off the history.`,
  'edit.undoFileChanged': (p: { label: string; file: string }) =>
    `Cannot undo ${p.label}: ${p.file} was changed after that edit (in another editor, or by a later edit); nothing was changed.`,
  'edit.undoFailed': (p: { label: string; problem: NestedMessage }, words: Words) =>
    `Cannot undo ${p.label}: ${words(p.problem)} (the file was changed after that edit).`,
  'edit.exportNotAbsolute': (p: { folder: string }) => `Give the export folder's full path: ${p.folder}`,
  'edit.exportExists': (p: { path: string }) => `${p.path} already exists; choose an empty folder (nothing was written).`,
  'edit.cannotCopyImage': (p: { ref: string; to: string; reason: string }) => `Cannot copy ${p.ref} to ${p.to}: ${p.reason}.`,
  'edit.cannotWriteExport': (p: { path: string; reason: string }) => `Cannot write ${p.path}: ${p.reason}.`,
  'edit.invalidDeckFile': (p: { fileName: string; errors: LineProblem[] }, words: Words) =>
    `${p.fileName} is not a valid deck file, nothing was imported: ${atLines(p.errors, words)}`,
  'edit.deckFileTooLarge': (p: { fileName: string; size: number; limit: number }) =>
    `${p.fileName} was not imported: it is ${megabytes(p.size)}, the limit for a deck file is ${megabytes(p.limit)}.`,
  'edit.cardIdTaken': (p: { fileName: string; cardId: string; deckId: string }) =>
    `${p.fileName} was not imported: card id "${p.cardId}" is already used in deck "${p.deckId}". Rename one of them.`,
  'edit.importRejected': (p: { fileName: string; errors: LineProblem[] }, words: Words) =>
    `${p.fileName} was not imported: ${atLines(p.errors, words)}`,
  'edit.folderImportRejected': (p: { folder: string; errors: FileProblem[] }, words: Words) =>
    `Nothing was imported from ${p.folder}:\n${p.errors.map((e) => `${e.file}:${e.line}: ${words(e.problem)}`).join('\n')}`,

  // ---- What an edit did (EditOutcome.message) ----
  'done.duplicated': (p: { cardId: string }) => `Duplicated as ${p.cardId}`,
  'done.deletedCards': (p: { count: number }) => `Deleted ${plural(p.count, 'card')} (their history is kept; undo brings them back)`,
  'done.tagged': (p: { count: number; added: boolean }) => `${p.added ? 'Tagged' : 'Untagged'} ${plural(p.count, 'card')}`,
  'done.nothingToMove': () => 'Nothing to move',
  'done.moved': (p: { count: number; deckName: string }) => `Moved ${plural(p.count, 'card')} to ${p.deckName}`,
  'done.suspended': (p: { count: number; suspended: boolean }) => `${p.suspended ? 'Suspended' : 'Unsuspended'} ${plural(p.count, 'card')}`,
  'done.createdDeck': (p: { name: string; path: string }) => `Created deck ${p.name} (${p.path})`,
  'done.renamedDeck': (p: { name: string }) => `Renamed to ${p.name}`,
  'done.deletedDeck': (p: { name: string; trash: string }) => `Deleted deck ${p.name} (a copy is in ${p.trash}; undo restores it)`,
  'done.nothingToUndo': () => 'Nothing to undo',
  'done.undone': (p: { label: string }) => `Undid ${p.label}`,
  'done.importedDeck': (p: { updated: boolean; name: string; path: string }) => `${p.updated ? 'Updated' : 'Imported'} deck ${p.name} (${p.path})`,
  'done.folderUnchanged': (p: { folder: string }) => `Nothing to import: the decks of ${p.folder} are already here, unchanged.`,

  // ---- Loading deck folders (deck-file problems that are not the parser's) ----
  'sync.folderUnreadable': (p: { reason: string }) => `deck folder unreadable: ${p.reason}`,
  'sync.fileUnreadable': (p: { reason: string }) => `cannot read file: ${p.reason}`,
  'sync.symlinkOut': (p: { folder: string }) => `a symlink out of the deck folder ${p.folder}: not read (move or copy it into the folder)`,
  'sync.builtInCardWithoutId': () => 'card has no id: built-in decks must give every card an {#id}',
  'sync.cannotAssignIds': (p: { reason: string }) =>
    `cards without ids could not be given ids (file not writable: ${p.reason}); add {#id} to each heading`,
  'sync.deckIdTaken': (p: { deckId: string; file: string }) => `deck id "${p.deckId}" is already used by ${p.file}`,
  'sync.cardIdTaken': (p: { cardId: string; file: string }) => `card id "${p.cardId}" is already used in ${p.file}`,

  // ---- Deck folders and folder import ----
  'folder.notAbsolute': (p: { path: string }) => `Give the folder's full path (it starts with / or a drive letter): ${p.path}`,
  'folder.cannotOpen': (p: { path: string; reason: string }) => `Cannot open the folder ${p.path} (${p.reason}).`,
  'folder.isFile': (p: { path: string }) => `${p.path} is a file, not a folder.`,
  'folder.isFileUseImport': (p: { path: string }) => `${p.path} is a file, not a folder: use "Import deck file…" for one file.`,
  'folder.alreadyAdded': (p: { path: string }) => `${p.path} is already a deck folder.`,
  'folder.overlaps': (p: { path: string; other: string }) => `${p.path} overlaps the deck folder ${p.other}: each deck file must belong to one folder.`,
  'folder.notAdded': (p: { path: string }) => `${p.path} is not an added deck folder (the built-in and default folders stay).`,
  'folder.overlapsLoaded': (p: { path: string; other: string }) =>
    `${p.path} overlaps the deck folder ${p.other}, whose decks are already loaded; nothing was imported.`,
  'folder.builtInDecks': (p: { path: string; builtIn: string }) =>
    `${p.path} is, holds or lies inside the built-in decks (${p.builtIn}), which the app already loads read-only; to change a built-in deck, edit one of its cards (that copies it into your deck folder).`,
  'folder.noDeckFiles': (p: { path: string }) => `${p.path} has no deck files (*.md, hidden folders skipped); nothing was imported.`,
  'folder.problems': (p: { path: string; count: number; errors: FileProblem[]; more: number }, words: Words) =>
    `Nothing was imported from ${p.path} (${plural(p.count, 'problem')}; fix them and import again):\n` +
    [...p.errors.map((e) => `${e.file}:${e.line}: ${words(e.problem)}`), ...(p.more > 0 ? [`… and ${p.more} more`] : [])].join('\n'),
  'folder.deckIdTwice': (p: { deckId: string; file: string }) => `deck id "${p.deckId}" is also the id of ${p.file}`,
  'folder.cardIdTwice': (p: { cardId: string; file: string }) => `card id "${p.cardId}" is also used in ${p.file}`,
  'folder.cardIdInDeck': (p: { cardId: string; deckId: string; file: string | null }) =>
    `card id "${p.cardId}" is already used in deck "${p.deckId}"${p.file ? ` (${p.file})` : ''}`,
  'folder.imageOutside': (p: { ref: string; folder: string }) => `image ${p.ref} would land outside the deck folder ${p.folder}`,
  'folder.imageCollision': (p: { ref: string; other: string; to: string }) => `image ${p.ref} and ${p.other} would both be copied to ${p.to}`,
  'folder.imageWouldReplace': (p: { ref: string; to: string }) => `image ${p.ref} would replace a different file at ${p.to}`,
  'folder.cannotCopy': (p: { from: string; to: string; reason: string }) => `Cannot copy ${p.from} to ${p.to}: ${p.reason}; nothing was imported.`,
  'done.folderImported': (p: { folder: string; decks: number; added: number; into: string | null; updated: number; images: number; missing: string[] }) =>
    [
      `Imported ${plural(p.decks, 'deck')} from ${p.folder}`,
      ...(p.added > 0 ? [`${p.added} new in ${p.into}`] : []),
      ...(p.updated > 0 ? [`${p.updated} updated in place`] : []),
      `${plural(p.images, 'image')} copied`,
      ...(p.missing.length > 0 ? [`images not found: ${list(p.missing)}`] : []),
    ].join('; ') + '. Undo removes what was added.',

  // ---- Images added in the editor ----
  'image.builtInDeck': () =>
    'This card is in a built-in deck, which is read-only: save the card once (that copies the deck into your deck folder), then add the image.',
  'image.empty': (p: { fileName: string }) => `${p.fileName} is empty.`,
  'image.tooLarge': (p: { fileName: string; bytes: number; limit: number }) =>
    `${p.fileName} is ${megabytes(p.bytes)}; images up to ${Math.round(p.limit / 1048576)} MB can be added.`,
  'image.unknownType': (p: { fileName: string }) => `${p.fileName} is not a PNG, JPEG, GIF or WebP image.`,
  'image.cannotSave': (p: { path: string; reason: string }) => `Cannot save the image to ${p.path}: ${p.reason}.`,

  // ---- Studying ----
  'study.staleAnswer': (p: { cardId: string }) => `Card ${p.cardId} was modified since it was shown; its answer was not recorded.`,
  'study.cardNotFound': (p: { cardId: string }) => `No card with id ${p.cardId}.`,

  // ---- Deck presets ----
  'preset.notFound': (p: { presetId: number }) => `No preset with id ${p.presetId}.`,
  'preset.nameTaken': (p: { name: string }) => `A preset named “${p.name}” already exists.`,
  'preset.defaultKept': () => 'The default preset cannot be deleted: decks without a preset of their own use it.',
  'optimizer.notEnoughReviews': (p: { reviews: number; needed: number }) =>
    `Not enough reviews to optimize: the optimizer needs ${p.needed} reviews on a later day than the card's previous answer, and this preset's decks have ${p.reviews}. FSRS keeps its current parameters.`,
  'optimizer.unknownJob': (p: { jobId: string }) => `No optimizer run ${p.jobId} (runs are forgotten when the app restarts).`,
  'optimizer.failed': (p: { detail: string }) => `The optimizer failed (${p.detail}); the preset's parameters are unchanged.`,
  'scheduler.notEnoughHistory': (p: { scored: number; needed: number }) =>
    `Not enough history to compare the schedulers: ${p.scored} of this preset's reviews can be scored out of sample, and at least ${p.needed} are needed. Keep studying.`,

  // ---- Browse (problems in a query; the rest of the query still applies) ----
  'browse.badIs': (p: { value: string }) => `\`is:${p.value}\`: use \`is:new\`, \`is:learning\`, \`is:review\`, \`is:suspended\` or \`is:due\``,
  'browse.badProof': (p: { value: string }) => `\`proof:${p.value}\`: use \`proof:pass\`, \`proof:fail\` or \`proof:none\``,
  'browse.badDue': (p: { value: string }) => `\`due:${p.value}\`: use \`due:N\` (days from today), \`due:today\` or \`due:overdue\``,

  // ---- Mock interviews ----
  'mock.emptySelection': () => 'Choose at least one deck or tag for the mock interview.',
  'mock.countTooSmall': (p: { count: number }) => `A mock interview needs at least 1 question (asked for ${p.count}).`,
  'mock.noTime': (p: { seconds: number }) => `Give each question at least 1 second (asked for ${p.seconds}).`,
  'mock.noCards': () => 'No cards to ask: the chosen decks and tags have no cards that are not suspended.',
  'mock.notFound': (p: { mockId: number }) => `No mock interview with id ${p.mockId}.`,
  'mock.finished': (p: { mockId: number }) => `Mock interview ${p.mockId} is finished: its answers can no longer change.`,
  'mock.notAQuestion': (p: { mockId: number; cardId: string }) => `Card ${p.cardId} is not a question of mock interview ${p.mockId}.`,
  'mock.alreadyAnswered': (p: { cardId: string }) => `Card ${p.cardId} was already answered in this mock interview; the first answer stands.`,

  // ---- Proofs ----
  'proof.unknownCard': (p: { cardId: string }) => `No card with id ${p.cardId}: its proof result was not recorded.`,
  'proof.notCodingCard': (p: { cardId: string }) => `Card ${p.cardId} is not a coding card (or no longer exists): the attempt was not kept.`,

  // ---- The database ----
  'db.notSqlite': (p: { path: string }) => `${p.path} is not a SQLite database (its header is wrong). It was left untouched.`,
  'db.cannotOpen': (p: { path: string; reason: string }) => `Cannot open ${p.path}: ${p.reason}`,
  'db.integrity': (p: { path: string; detail: string }) => `${p.path} failed its integrity check (${p.detail}). It was left untouched.`,
  'db.unreadable': (p: { path: string; reason: string }) => `${p.path} could not be read as a ProofDeck database: ${p.reason}`,
  'db.newerSchema': (p: { version: number; known: number }) =>
    `This database was written by a newer ProofDeck (schema ${p.version}, this version knows ${p.known}). Update the app.`,
  'db.notOpen': () => 'The database is not open.',
  'db.unknownBackup': (p: { backup: string }) => `Not a known backup: ${p.backup}`,
  'db.missing': (p: { path: string; backups: number; wal: boolean }) =>
    `${p.path} is missing or empty, but ${p.backups > 0 ? `${plural(p.backups, 'backup')}${p.wal ? ' and a -wal file' : ''}` : 'a -wal file'} show that there was a collection. ` +
    'Restore the latest backup, or start empty (the backups are kept).',
  'db.readOnly': (p: { path: string; reason: string }) =>
    `ProofDeck cannot write to ${p.path} (${p.reason}): the data folder or the database is read-only. Nothing was changed and nothing is damaged. ` +
    'Make it writable (or start ProofDeck with another --data-dir), then start it again.',
  'db.diskFull': (p: { path: string }) =>
    `The disk holding ${p.path} is full. Your collection is shown read-only: answers and edits are refused until you free some space and restart ProofDeck.`,
  'db.backupFailed': (p: { dir: string; reason: string }) =>
    `A backup could not be written to ${p.dir}: ${p.reason}. ProofDeck started anyway and your collection is fine, but there is no fresh backup until this is fixed.`,
  'db.noProblem': () => 'The collection is open and healthy: there is nothing to replace.',
  'db.restored': (p: { backup: string; rescued: number; skipped: number }) =>
    `Restored ${p.backup}. ${plural(p.rescued, 'answer')} made after that backup ${p.rescued === 1 ? 'was' : 'were'} rescued from the damaged file` +
    (p.skipped > 0 ? `; ${plural(p.skipped, 'answer')} could not be (the card is not in the backup, or the row was damaged).` : '.'),
  'app.startFailedTitle': () => 'ProofDeck could not start',
  'app.startFailed': (p: { detail: string }) => `${p.detail}\n\nYour data was not changed. Fix the problem above and start ProofDeck again.`,

  // ---- The API boundary ----
  'api.unknownMethod': (p: { method: string }) => `Unknown API method: ${p.method}`,
  'api.invalidArgument': (p: { method: string; path: string; issue: string }) => `Invalid argument for ${p.method}: ${p.path}: ${p.issue}`,
  'api.noFileDialog': () => 'There is no file dialog in browser mode: type the full path instead.',
  'api.pathNotGranted': (p: { method: string; path: string }) =>
    `${p.method}: ProofDeck uses a path only when you chose it in the file dialog, or typed it and confirmed it, in this session (${p.path}); choose it again.`,
  'api.internal': (p: { detail: string }) => p.detail,
  'api.jsonOnly': () => 'JSON bodies only.',
  'api.badJson': (p: { detail: string }) => `Body is not JSON: ${p.detail}`,
  'api.bodyTooLarge': (p: { limit: number }) => `The request body is over ${megabytes(p.limit)}, the most the host accepts.`,
  'api.badUtf8': () => 'The request body is not valid UTF-8 text.',
  'api.unexpectedFrame': () => 'IPC from an unexpected frame was refused.',
  'api.hostUnreachable': (p: { detail: string }) => `ProofDeck's host is not reachable (is \`npm run web\` still running?): ${p.detail}`,
  'api.unexpectedReply': (p: { status: number }) => `Unexpected reply from the host (HTTP ${p.status}).`,
  'testClock.off': () => 'The test clock is off: start the browser-mode host with PROOFDECK_TEST_CLOCK=1 (tests only).',
  'testClock.badRequest': (p: { detail: string }) => `The test clock was not moved: ${p.detail}.`,

  // ---- Notes import ----
  'notes.tooLarge': (p: { bytes: number; limit: number }) =>
    `The notes file is ${megabytes(p.bytes)}; ProofDeck imports notes up to ${megabytes(p.limit)}. Split it into smaller Markdown files and import each one.`,
  'notes.binary': () => 'This file is not text (it contains binary data). Choose the Markdown file (.md) your notes are saved in.',
  'notes.empty': () => 'The notes file is empty: there is nothing to import.',
  'notes.lostCharacters': () =>
    `The notes are not valid UTF-8 text (they may be GBK-encoded): characters were lost reading them. ${UTF8_HINT}, or import them with \`npm run import:notes\`, which converts GBK.`,
  'notes.unknownEncoding': () => `This file is neither UTF-8 nor GBK text. ${UTF8_HINT} and import again.`,
  'notes.noHeadings': () =>
    'No headings found. ProofDeck makes one card per heading (a line starting with #, ## …, the question) with the text below it as the answer. Add headings to the notes and import again.',
  'notes.noContent': (p: { headings: number }) =>
    `None of the ${p.headings} headings has content of its own, so there is no card to make. Write each answer below its heading and import again.`,
  'notes.gbkConverted': () => 'The notes were GBK-encoded, not UTF-8; they were converted to UTF-8 (the deck file is UTF-8).',
  'notes.unclosedFence': (p: { line: number; fence: string }) =>
    `Line ${p.line}: the code block opened here (${p.fence}) is never closed, so everything after it, headings included, was kept as code, as Typora shows it. Close the block in the notes and import again.`,
  'notes.deckIdElsewhere': (p: { deckId: string; path: string }) =>
    `The deck "${p.deckId}" is also in ${p.path}; the app loads only one deck per id, so remove one of the two files.`,
  'notes.skipNoContent': () => 'no content and no sub-headings',
  'notes.skipNoText': () => 'the heading has no text to use as the question; give it one and import again',
  'notes.skipReferences': () => 'a reference list (citations and links), not a question',
  'notes.skipPlaceholder': () => 'a placeholder (TODO, 待补充…) with no answer yet',
  'notes.skipMetadata': () => 'a chapter title whose only text is author or contact details',
  'notes.notAFile': (p: { path: string }) => `${p.path} is not a file. Give the path of a Markdown notes file.`,
  'notes.cannotRead': (p: { path: string; reason: string }) => `Cannot read ${p.path}: ${p.reason}.`,
  'notes.targetIsOther': (p: { path: string; reason: NestedMessage; deckId: string; outFlag: boolean }, words: Words) =>
    `Not writing ${p.path}: ${words(p.reason)}, and an import only ever replaces the deck with its own id ("${p.deckId}"). ` +
    (p.outFlag ? 'Choose another --out file.' : 'Move or rename that file, then import again.'),
  'notes.targetChanged': (p: { path: string; reason: NestedMessage }, words: Words) =>
    `Not writing ${p.path}: ${words(p.reason)} now. Preview the import again.`,
  'notes.targetNotFile': () => 'it is not a file',
  'notes.targetUnreadable': (p: { reason: string }) => `it cannot be read (${p.reason})`,
  'notes.targetNotDeck': () => 'it is not a ProofDeck deck file',
  'notes.targetOtherDeck': (p: { deckId: string }) => `it holds another deck (id "${p.deckId}")`,
  'notes.previewGone': () => 'This import preview is no longer available; preview the notes again.',
  'notes.imageGone': (p: { src: string }) => `The image ${p.src} is gone since the preview; preview the import again.`,
  'notes.unknownMatch': (p: { cardId: string; previousId: string }) =>
    `The preview did not suggest matching ${p.cardId} with ${p.previousId}; preview the import again.`,
  'notes.unknownConflict': (p: { cardId: string }) => `The card ${p.cardId} is not a conflict of this preview; preview the import again.`,
  'notes.noNotesFiles': (p: { path: string }) => `The folder ${p.path} has no notes files (.md, .markdown or .txt).`,
  'notes.batchDeckTwice': (p: { deckId: string; other: string }) =>
    `This file would make the same deck ("${p.deckId}") as ${p.other}; only the first is imported. Give one of the two another top heading or file name.`,
  'notes.batchCardIdTwice': (p: { cardId: string; other: string }) =>
    `This file would make a card with the id "${p.cardId}", as ${p.other} does (card ids start with the deck's name, cut short); only the first is imported. Import it on its own, or rename its folder or chapter.`,
  'notes.outWithSeveral': () => '--out names one deck file: give one notes file with it, or leave it out to import several.',
  'notes.includeWithSeveral': () => '--include names heading lines of one notes file: give one file with it.',
} satisfies Record<string, (params: never, words: Words) => string>;

/** "3.2 MB": the same in every language's table. */
export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
}

export type MessageCode = keyof typeof ENGLISH;
/** The parameters a code's wording takes (`{}` when it takes none). */
export type MessageParams<C extends MessageCode> = Parameters<(typeof ENGLISH)[C]> extends [infer P, ...unknown[]] ? P : Record<string, never>;

/** A message of one code, with exactly that code's parameters. */
export type MessageOf<C extends MessageCode> = { code: C; params: MessageParams<C>; field?: EditorField };
/** Any message: the union over every code, so `code` narrows `params`. */
export type Message = { [C in MessageCode]: MessageOf<C> }[MessageCode];

/** A table of wordings for every code, each taking the same parameters as the English one. */
export type MessageTable = { [C in MessageCode]: (params: MessageParams<C>, words: Words) => string };

export function message<C extends MessageCode>(code: C, ...rest: MessageParams<C> extends Record<string, never> ? [params?: MessageParams<C>, field?: EditorField] : [params: MessageParams<C>, field?: EditorField]): MessageOf<C> {
  const [params, field] = rest;
  return { code, params: (params ?? {}) as MessageParams<C>, ...(field ? { field } : {}) };
}

/** The message in words, from `table` (English unless a translation is given). */
export function formatMessage(shown: NestedMessage | Message, table: MessageTable = ENGLISH as MessageTable): string {
  const word = table[shown.code as MessageCode] as ((params: unknown, words: Words) => string) | undefined;
  if (!word) return `${shown.code} ${JSON.stringify(shown.params)}`;
  return word(shown.params, (nested) => formatMessage(nested, table));
}
