// Electron composition root: window, security policy, schemes, and the IPC handlers over the shared services.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_METHODS, ipcChannel, type PickPathPurpose } from './contract/api';
import { parseDataDirArgs } from './config/dataDir';
import { formatMessage, message } from './contract/messages';
import { createDispatcher, toErrorPayload } from './ipc/dispatch';
import { createProofDeckApp } from './services/app';
import { watchDeckFolders } from './services/watch';
import { appCsp } from './hosts/appCsp';
import { APP_ORIGIN, registerAppSchemePrivileges, serveAppScheme } from './electron/appScheme';
import { registerSandboxSchemePrivileges, serveSandboxScheme, SANDBOX_URL, SANDBOX_ORIGIN } from './electron/sandboxScheme';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = `${repoRoot}out/renderer`;
// PROOFDECK_BUILTIN_DECKS lets tests point the app at their own read-only decks (as in browser mode).
const builtInDeckDir = app.isPackaged ? `${process.resourcesPath}/decks` : process.env.PROOFDECK_BUILTIN_DECKS || `${repoRoot}decks`;

const { dataDir } = parseDataDirArgs(process.argv.slice(app.isPackaged ? 1 : 2));
app.setPath('userData', dataDir);

// GPU for proofs: WebGPU is behind a flag on Linux, and proof work should not be blocked by the GPU blocklist.
app.commandLine.appendSwitch('enable-unsafe-webgpu');
app.commandLine.appendSwitch('ignore-gpu-blocklist');
protocol.registerSchemesAsPrivileged([registerAppSchemePrivileges(), registerSandboxSchemePrivileges()]);

/** The better-sqlite3 binary built for Electron's ABI (see README); null means the Node build is used. */
function electronSqliteBinding(): string | undefined {
  const candidates = [process.env.PROOFDECK_SQLITE_BINDING, `${repoRoot}native/electron/better_sqlite3.node`];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

const DIALOGS: Record<PickPathPurpose, OpenDialogOptions> = {
  'deck-folder': { title: 'Add a folder of deck files', buttonLabel: 'Add folder', properties: ['openDirectory'] },
  'export-folder': { title: 'Export the deck into a folder', buttonLabel: 'Export here', properties: ['openDirectory', 'createDirectory'] },
  'import-folder': { title: 'Import a folder of deck files', buttonLabel: 'Import', properties: ['openDirectory'] },
  'deck-file': { title: 'Import a deck file', buttonLabel: 'Import', properties: ['openFile'], filters: [{ name: 'Deck files (Markdown)', extensions: ['md'] }] },
  'notes-file': { title: 'Import notes', buttonLabel: 'Preview', properties: ['openFile'], filters: [{ name: 'Notes (Markdown, Typora)', extensions: ['md', 'markdown', 'txt'] }] },
};

/** The dialog is modal to the app window, so the user answers it before going on in the app. */
async function pickPath(window: BrowserWindow | null, purpose: PickPathPurpose): Promise<string | null> {
  const options = DIALOGS[purpose];
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && new URL(frame.url).origin === APP_ORIGIN;
}

function harden(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // The renderer asked the user before opening; only web and mail links leave the app.
      if (/^(https?:|mailto:)/i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function main(): Promise<void> {
  await app.whenReady();
  harden();
  let window: BrowserWindow | null = null;
  const proofDeck = createProofDeckApp({
    dataDir, builtInDeckDir, sandboxUrl: SANDBOX_URL, nativeBinding: electronSqliteBinding(),
    pickPath: (purpose) => pickPath(window, purpose),
  });
  serveAppScheme(rendererDir, appCsp(SANDBOX_ORIGIN), (params) => proofDeck.deckAsset(params));
  serveSandboxScheme(session.defaultSession, rendererDir);
  const dispatch = createDispatcher(proofDeck.api);
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

  window = new BrowserWindow({
    width: 1100,
    height: 820,
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
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => app.quit());
}

main().catch((error: Error) => {
  console.error(`ProofDeck failed to start: ${error.stack ?? error.message}`);
  // Never a silent exit: the user launched a window, so they are told why none came.
  dialog.showErrorBox(formatMessage(message('app.startFailedTitle')), formatMessage(message('app.startFailed', { detail: error.message })));
  app.exit(1);
});
