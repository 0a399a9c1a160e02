// The two dialogs a path can come from in the desktop app (main/services/pathGrants.ts): the system's file dialog,
// and a confirmation of a path the user typed. Both are shown by the main process, modal to the app window, so the
// answer is the user's and not the renderer's. Electron glue only: type-checked here, not run (no Electron binary).
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import type { PickPathPurpose } from '../contract/api';
import type { MainWords } from './mainWords';

/** What each purpose's dialog does: a folder or files, and which file types. The words come from mainWords.ts. */
const SHAPES: Record<PickPathPurpose, { properties: OpenDialogOptions['properties']; extensions?: string[] }> = {
  'deck-folder': { properties: ['openDirectory'] },
  'export-folder': { properties: ['openDirectory', 'createDirectory'] },
  'import-folder': { properties: ['openDirectory'] },
  'deck-file': { properties: ['openFile'], extensions: ['md'] },
  'notes-file': { properties: ['openFile'], extensions: ['md', 'markdown', 'txt'] },
  'notes-folder': { properties: ['openDirectory'] },
  'notes-files': { properties: ['openFile', 'multiSelections'], extensions: ['md', 'markdown', 'txt'] },
};

function dialogOptions(purpose: PickPathPurpose, words: MainWords): OpenDialogOptions {
  const { properties, extensions } = SHAPES[purpose];
  const { title, buttonLabel, filter } = words.paths[purpose];
  return { title, buttonLabel, properties, ...(extensions ? { filters: [{ name: filter ?? '', extensions }] } : {}) };
}

/** The system's file dialog: the chosen path (every one, for a multiple selection); null when the user cancels. */
export async function pickPathDialog(window: BrowserWindow | null, purpose: PickPathPurpose, words: MainWords): Promise<string | readonly string[] | null> {
  const options = dialogOptions(purpose, words);
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (result.canceled) return null;
  return options.properties?.includes('multiSelections') ? result.filePaths : (result.filePaths[0] ?? null);
}

/** Asks the user to confirm a path they typed; Cancel is the default, so Enter pressed in passing refuses. */
export async function confirmPathDialog(
  window: BrowserWindow | null,
  request: { path: string; resolved: string; purpose: PickPathPurpose },
  words: MainWords,
): Promise<boolean> {
  const { question, effect, button } = words.paths[request.purpose];
  const really = request.resolved !== request.path ? `\n\n${words.leadsTo(request.resolved)}` : '';
  const options: MessageBoxOptions = {
    type: 'question', title: 'ProofDeck', message: question, detail: `${effect}\n${request.path}${really}`,
    buttons: [words.cancel, button], defaultId: 0, cancelId: 0, noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 1;
}
