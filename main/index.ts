// Electron composition root: window, security policy, schemes, and the IPC handlers over the shared services.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_METHODS, ipcChannel } from './contract/api';
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
import { registerSandboxSchemePrivileges, serveSandboxScheme, SANDBOX_URL, SANDBOX_ORIGIN } from './electron/sandboxScheme';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = `${repoRoot}out/renderer`;
// PROOFDECK_BUILTIN_DECKS lets tests point the app at their own read-only decks (as in browser mode).
const builtInDeckDir = app.isPackaged ? `${process.resourcesPath}/decks` : process.env.PROOFDECK_BUILTIN_DECKS || `${repoRoot}decks`;

const { dataDir } = parseDataDirArgs(process.argv.slice(app.isPackaged ? 1 : 2));
app.setPath('userData', dataDir);

// GPU for proofs: see main/electron/gpuSwitches.ts for why (and that it is decided from documentation, not measured).
for (const name of gpuSwitches(process.platform)) app.commandLine.appendSwitch(name);
protocol.registerSchemesAsPrivileged([registerAppSchemePrivileges(), registerSandboxSchemePrivileges()]);

/** The better-sqlite3 binary built for Electron's ABI (see README); null means the Node build is used. */
function electronSqliteBinding(): string | undefined {
  const candidates = [process.env.PROOFDECK_SQLITE_BINDING, `${repoRoot}native/electron/better_sqlite3.node`];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && new URL(frame.url).origin === APP_ORIGIN;
}

/** The main process's own question, modal to the focused window: a compromised renderer cannot answer it. */
async function confirmExternal(url: string): Promise<boolean> {
  const options = { type: 'question' as const, title: 'ProofDeck', message: 'Open this link outside ProofDeck?', detail: url, buttons: ['Cancel', 'Open'], defaultId: 0, cancelId: 0, noLink: true };
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

async function main(): Promise<void> {
  await app.whenReady();
  harden();
  let window: BrowserWindow | null = null;
  const proofDeck = createProofDeckApp({
    dataDir, builtInDeckDir, sandboxUrl: SANDBOX_URL, nativeBinding: electronSqliteBinding(),
    pickPath: (purpose) => pickPathDialog(window, purpose),
    confirmPath: (request) => confirmPathDialog(window, request),
  });
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
