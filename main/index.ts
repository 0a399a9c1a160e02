// Electron composition root: window, security policy, schemes, and the IPC handlers over the shared services.
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_METHODS, ipcChannel, type UiLanguageSetting } from './contract/api';
import { parseDataDirArgs } from './config/dataDir';
import { formatMessage, message } from './contract/messages';
import { createDispatcher, toErrorPayload } from './ipc/dispatch';
import { createProofDeckApp } from './services/app';
import { watchDeckFolders } from './services/watch';
import { appCsp } from './hosts/appCsp';
import { APP_ORIGIN, registerAppSchemePrivileges, serveAppScheme } from './electron/appScheme';
import { openExternalLink } from './electron/externalLinks';
import { gpuSwitches } from './electron/gpuSwitches';
import { confirmPathDialog, pickPathDialog } from './electron/pathDialogs';
import { MAIN_WORDS, mainLanguage, type MainWords } from './electron/mainWords';
import { registerSandboxSchemePrivileges, serveSandboxScheme, SANDBOX_URL, SANDBOX_ORIGIN } from './electron/sandboxScheme';
import { chooseSqliteBinding } from './electron/sqliteBinding';
import { startFailureAdvice } from './electron/startFailure';
import { MIN_SIZE, parseWindowState, placeWindow, serializeWindowState, WINDOW_STATE_FILE } from './electron/windowState';
import { writeFileAtomic } from './files/atomicWrite';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = `${repoRoot}out/renderer`;
// PROOFDECK_BUILTIN_DECKS lets tests point the app at their own read-only decks (as in browser mode).
const builtInDeckDir = app.isPackaged ? `${process.resourcesPath}/decks` : process.env.PROOFDECK_BUILTIN_DECKS || `${repoRoot}decks`;

/** Before `ready`: the data dir (userData, hence the single-instance lock per data dir), switches, schemes. */
function configure(): { dataDir: string } {
  const { dataDir } = parseDataDirArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  app.setPath('userData', dataDir);
  // GPU for proofs: see main/electron/gpuSwitches.ts for why (and that it is decided from documentation, not measured).
  for (const name of gpuSwitches(process.platform)) app.commandLine.appendSwitch(name);
  protocol.registerSchemesAsPrivileged([registerAppSchemePrivileges(), registerSandboxSchemePrivileges()]);
  return { dataDir };
}

/** The better-sqlite3 binary built for Electron's ABI (main/electron/sqliteBinding.ts); undefined: the Node build. */
function electronSqliteBinding(): string | undefined {
  const place = { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot: repoRoot, envBinding: process.env.PROOFDECK_SQLITE_BINDING };
  return chooseSqliteBinding(place, existsSync);
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && new URL(frame.url).origin === APP_ORIGIN;
}

/** The main process's own question, modal to the focused window: a compromised renderer cannot answer it. */
async function confirmExternal(url: string): Promise<boolean> {
  const words = await mainWords();
  const options = { type: 'question' as const, title: 'ProofDeck', message: words.openLinkQuestion, detail: url, buttons: [words.cancel, words.openLink], defaultId: 0, cancelId: 0, noLink: true };
  const window = BrowserWindow.getFocusedWindow();
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 1;
}

function harden(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Every new window (a click, a middle-click, a script) is denied; its address may leave the app only through
      // the main process's vetting and confirmation (main/electron/externalLinks.ts).
      void openExternalLink(url, { confirm: confirmExternal, open: (address) => shell.openExternal(address) }).catch(() => {});
      return { action: 'deny' };
    });
  });
}

/** The remembered bounds, placed on a display that exists now (main/electron/windowState.ts). */
function restoredWindowState(dataDir: string) {
  let text: string | null = null;
  try {
    text = readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    // first start, or unreadable: the default window
  }
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  return placeWindow(parseWindowState(text), displays);
}

function rememberWindowState(window: BrowserWindow, dataDir: string): void {
  try {
    writeFileAtomic(join(dataDir, WINDOW_STATE_FILE), serializeWindowState({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  } catch (error) {
    // A read-only or full data dir must not keep the window from closing; the next start uses the old bounds.
    console.error(`ProofDeck: could not remember the window's position: ${(error as Error).message}`);
  }
}

/** Reads the saved UI language once the collection is open (null before, or when it cannot be read). */
let savedLanguage: () => Promise<UiLanguageSetting | null> = async () => null;

/** The main process's words, in the saved UI language (read at each dialog: a change applies at once) or the OS's. */
async function mainWords(): Promise<MainWords> {
  return MAIN_WORDS[mainLanguage(await savedLanguage(), app.getLocale())];
}

async function main(): Promise<void> {
  const { dataDir } = configure();
  // One app per data dir: a second start hands over to the first (which comes to the front) and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  await app.whenReady();
  harden();
  const proofDeck = createProofDeckApp({
    dataDir, builtInDeckDir, sandboxUrl: SANDBOX_URL, nativeBinding: electronSqliteBinding(),
    pickPath: async (purpose) => pickPathDialog(window, purpose, await mainWords()),
    confirmPath: async (request) => confirmPathDialog(window, request, await mainWords()),
  });
  savedLanguage = () => proofDeck.api.getSettings().then((settings) => settings.language, () => null);
  serveAppScheme(rendererDir, appCsp(SANDBOX_ORIGIN), (params) => proofDeck.deckAsset(params));
  serveSandboxScheme(session.defaultSession, rendererDir);
  // The app made grants because it has dialogs: paths from the renderer must come from one of them.
  const dispatch = createDispatcher(proofDeck.api, { pathGrants: proofDeck.pathGrants });
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, arg) => {
      if (!isAppFrame(event)) return { ok: false, error: message('api.unexpectedFrame') };
      try {
        return { ok: true, result: await dispatch(method, arg) };
      } catch (error) {
        const payload = toErrorPayload(error);
        return { ok: false, error: payload };
      }
    });
  }
  const stopWatching = watchDeckFolders([builtInDeckDir, `${dataDir}/decks`], () => proofDeck.sync());
  app.on('before-quit', () => {
    stopWatching();
    const failedBackup = proofDeck.close();
    if (failedBackup) console.error(`ProofDeck: ${formatMessage(failedBackup)}`);
  });

  const placed = restoredWindowState(dataDir);
  window = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'ProofDeck',
    show: false,
    webPreferences: {
      preload: `${repoRoot}out/preload/preload.cjs`,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const shown = window;
  shown.once('ready-to-show', () => {
    if (placed.maximized) shown.maximize();
    shown.show();
  });
  shown.on('close', () => rememberWindowState(shown, dataDir));
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => app.quit());
}

main().catch(async (error: Error) => {
  console.error(`ProofDeck failed to start: ${error.stack ?? error.message}`);
  // Never a silent exit: the user launched a window, so they are told why none came. Before `ready`, Linux would
  // print the error box to stderr only, so wait for it (a failure in configure() comes that early).
  await app.whenReady().catch(() => {});
  // The collection may be what failed: the OS's language, not the saved setting.
  const words = MAIN_WORDS[mainLanguage(null, app.getLocale())];
  const detail = startFailureAdvice(error.message, { isPackaged: app.isPackaged }, words);
  dialog.showErrorBox(formatMessage(message('app.startFailedTitle'), words.messages), formatMessage(message('app.startFailed', { detail }), words.messages));
  app.exit(1);
});
