// The two dialogs a path can come from in the desktop app (main/services/pathGrants.ts): the system's file dialog,
// and a confirmation of a path the user typed. Both are shown by the main process, modal to the app window, so the
// answer is the user's and not the renderer's. Electron glue only: type-checked here, not run (no Electron binary).
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import type { PickPathPurpose } from '../contract/api';

const DIALOGS: Record<PickPathPurpose, OpenDialogOptions> = {
  'deck-folder': { title: 'Add a folder of deck files', buttonLabel: 'Add folder', properties: ['openDirectory'] },
  'export-folder': { title: 'Export the deck into a folder', buttonLabel: 'Export here', properties: ['openDirectory', 'createDirectory'] },
  'import-folder': { title: 'Import a folder of deck files', buttonLabel: 'Import', properties: ['openDirectory'] },
  'deck-file': { title: 'Import a deck file', buttonLabel: 'Import', properties: ['openFile'], filters: [{ name: 'Deck files (Markdown)', extensions: ['md'] }] },
  'notes-file': { title: 'Import notes', buttonLabel: 'Preview', properties: ['openFile'], filters: [{ name: 'Notes (Markdown, Typora)', extensions: ['md', 'markdown', 'txt'] }] },
  'notes-folder': { title: 'Import a folder of notes', buttonLabel: 'Preview', properties: ['openDirectory'] },
  'notes-files': { title: 'Import notes files', buttonLabel: 'Preview', properties: ['openFile', 'multiSelections'], filters: [{ name: 'Notes (Markdown, Typora)', extensions: ['md', 'markdown', 'txt'] }] },
};

/** What confirming lets ProofDeck do with the path: the user reads this, not only the path. */
const CONFIRMATIONS: Record<PickPathPurpose, { question: string; effect: string; button: string }> = {
  'deck-folder': { question: 'Add this folder of deck files?', effect: 'ProofDeck will read, watch and edit the deck files (*.md) and their images in', button: 'Add folder' },
  'export-folder': { question: 'Export the deck into this folder?', effect: 'ProofDeck will write the deck file and its images into', button: 'Export here' },
  'import-folder': { question: 'Import the deck files of this folder?', effect: 'ProofDeck will read the deck files and the images they use in', button: 'Import' },
  'deck-file': { question: 'Import this deck file?', effect: 'ProofDeck will read', button: 'Import' },
  'notes-file': { question: 'Import these notes?', effect: 'ProofDeck will read the notes file and the images beside it:', button: 'Preview' },
  'notes-folder': { question: 'Import this folder of notes?', effect: 'ProofDeck will read the notes files (.md, .markdown, .txt) and their images in', button: 'Preview' },
  'notes-files': { question: 'Import these notes?', effect: 'ProofDeck will read the notes file and the images beside it:', button: 'Preview' },
};

/** The system's file dialog: the chosen path (every one, for a multiple selection); null when the user cancels. */
export async function pickPathDialog(window: BrowserWindow | null, purpose: PickPathPurpose): Promise<string | readonly string[] | null> {
  const options = DIALOGS[purpose];
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (result.canceled) return null;
  return options.properties?.includes('multiSelections') ? result.filePaths : (result.filePaths[0] ?? null);
}

/** Asks the user to confirm a path they typed; Cancel is the default, so Enter pressed in passing refuses. */
export async function confirmPathDialog(window: BrowserWindow | null, request: { path: string; resolved: string; purpose: PickPathPurpose }): Promise<boolean> {
  const { question, effect, button } = CONFIRMATIONS[request.purpose];
  const really = request.resolved !== request.path ? `\n\n(This path leads to ${request.resolved}.)` : '';
  const options: MessageBoxOptions = {
    type: 'question', title: 'ProofDeck', message: question, detail: `${effect}\n${request.path}${really}`,
    buttons: ['Cancel', button], defaultId: 0, cancelId: 0, noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 1;
}
