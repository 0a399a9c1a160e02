// The Api contract mapped onto the services: one line a method, no logic beyond picking the service and unpacking
// the argument (the IPC schemas have already validated it). Both transports serve the object this returns.
import type { Api, CollectionOverview, Settings } from '../contract/api';
import type { ProofDeckServices } from './app';

export function createApi(services: ProofDeckServices): Api {
  const { open, edits, browse, folders, notes, database } = services;
  const withSettingsReread = <T>(change: () => T): T => {
    const result = change();
    database.updateSettings({});
    return result;
  };
  return {
    startupStatus: async () => database.status(),
    restoreBackup: async ({ backup }) => database.restore(backup),
    startEmpty: async () => database.startEmpty(),
    overview: async (): Promise<CollectionOverview> => services.overview(),
    nextCard: async (target) => open().study.next(target),
    answerCard: async (arg) => open().study.answer(arg),
    undoAnswer: async (target) => open().study.undo(target),
    sessionSummary: async ({ since }) => open().study.summary(since),
    statistics: async ({ deckId }) => open().statistics.statistics(deckId),
    getSettings: async () => open().settings,
    listPresets: async () => ({ presets: open().presets.list(), assignments: open().presets.assignments() }),
    createPreset: async (fields) => open().presets.create(fields),
    // The default preset holds the settings' daily limits: the kept settings are re-read after a change.
    updatePreset: async ({ id, ...fields }) => withSettingsReread(() => open().presets.update(id, fields)),
    deletePreset: async ({ id }) => open().presets.remove(id),
    assignPreset: async ({ deckId, presetId }) => open().presets.assign(deckId, presetId),
    optimizePreset: async ({ presetId }) => open().optimizer.optimize(presetId),
    optimizerStatus: async ({ jobId }) => open().optimizer.status(jobId),
    cancelOptimize: async ({ jobId }) => open().optimizer.cancel(jobId),
    evaluateSchedulers: async ({ presetId }) => open().optimizer.evaluate(presetId),
    updateSettings: async (patch: Partial<Settings>) => database.updateSettings(patch),
    recordProofRun: async (arg) => services.recordProofRun(arg),
    proofRuns: async ({ cardId }) => services.proofRuns(cardId),
    recordCodeAttempt: async (arg) => services.recordCodeAttempt(arg),
    previewNotesImport: async ({ fileName, text, includeSections, parentDeck }) => notes.preview({ fileName, text, includeSections, parentDeck }),
    previewNotesImportBatch: async ({ paths, includeSections }) => ({ items: notes.previewBatch(paths, includeSections) }),
    previewNotesImportFile: async ({ path, includeSections }) => notes.previewFile(path, includeSections),
    commitNotesImport: async ({ previewId, ...decisions }) => notes.commit(previewId, decisions),
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
    deckFolders: async () => folders.info(),
    addDeckFolder: async ({ path }) => (open(), folders.add(path)),
    removeDeckFolder: async ({ path }) => (open(), folders.remove(path)),
    importDeckFolder: async ({ path }) => edits.importDeckFolder(path),
    pickPath: ({ purpose }) => services.pickPath(purpose),
    confirmPath: async ({ path, purpose }) => ({ confirmed: await services.confirmPath(path, purpose) }),
    startMock: async (arg) => open().mocks.start(arg),
    answerMock: async (arg) => open().mocks.answer(arg),
    finishMock: async ({ mockId }) => open().mocks.finish(mockId),
    listMocks: async () => ({ mocks: open().mocks.list() }),
    mockReport: async ({ mockId }) => open().mocks.report(mockId),
  };
}
