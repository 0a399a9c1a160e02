// Launches ProofDeck for a spec: browser mode (the real `main/web/main.ts` process on a temp data dir, driven in
// Debian's Chromium) or the Electron app (where its binary is installed). Specs use `app.page` and do not care.
import { test as base, expect, chromium, _electron, type Browser, type ConsoleMessage, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');
const electronPathFile = join(repoRoot, 'node_modules/electron/path.txt');
export const electronBinary = existsSync(electronPathFile)
  ? join(repoRoot, 'node_modules/electron/dist', readFileSync(electronPathFile, 'utf8').trim())
  : null;
export const hasElectron = electronBinary !== null && existsSync(electronBinary);

export interface AppOptions {
  /** Extra user deck files (name → text) written to `<data dir>/decks` before start. */
  userDecks?: Record<string, string>;
  /** Replace the shipped decks with these built-in files (name → text). */
  builtInDecks?: Record<string, string>;
  /** Extra environment for the browser-mode host (e.g. PROOFDECK_TEST_CLOCK=1); ignored by Electron. */
  hostEnv?: Record<string, string>;
  /** Browser mode: the page's locale (navigator.languages), e.g. zh-CN for the system-language default. */
  locale?: string;
}

export interface RunningApp {
  page: Page;
  dataDir: string;
  userDeckDir: string;
  /** CSP violations and uncaught page errors seen so far. */
  problems: string[];
  /** The Electron app's main process (for `evaluate`, e.g. to answer a file dialog); null in browser mode. */
  electronApp: ElectronApplication | null;
  /** Stops and starts the app on the same data dir (a restart), giving a fresh page. */
  restart(): Promise<Page>;
  stop(): Promise<void>;
}

async function chromiumPath(): Promise<string> {
  if (process.env.PROOFDECK_CHROMIUM) return process.env.PROOFDECK_CHROMIUM;
  const { findChromium } = await import('../../scripts/lib/chromium.mjs');
  return findChromium({ install: false });
}

function startWebProcess(dataDir: string, builtInDir: string | null, hostEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/main.ts', '--data-dir', dataDir], {
      cwd: repoRoot,
      env: { ...process.env, ...(builtInDir ? { PROOFDECK_BUILTIN_DECKS: builtInDir } : {}), ...hostEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start in time:\n${out}\n${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open: (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${err}`));
    });
  });
}

function watchProblems(page: Page, problems: string[]) {
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
}

type Fixtures = { appMode: 'browser' | 'electron'; launchApp: (options?: AppOptions) => Promise<RunningApp> };

export const test = base.extend<Fixtures>({
  appMode: ['browser', { option: true }],
  launchApp: async ({ appMode }, use, testInfo) => {
    if (appMode === 'electron' && !hasElectron) {
      testInfo.skip(true, "Electron's binary is not installed (node_modules/electron/dist missing): Electron e2e skipped; browser mode covers these specs.");
    }
    const cleanups: (() => Promise<void>)[] = [];
    const shared: { browser: Browser | null } = { browser: null };
    await use(async (options: AppOptions = {}) => {
      const root = mkdtempSync(join(tmpdir(), 'proofdeck-e2e-'));
      const dataDir = join(root, 'data');
      const userDeckDir = join(dataDir, 'decks');
      mkdirSync(userDeckDir, { recursive: true });
      for (const [name, text] of Object.entries(options.userDecks ?? {})) writeFileSync(join(userDeckDir, name), text);
      let builtInDir: string | null = null;
      if (options.builtInDecks) {
        builtInDir = join(root, 'builtin');
        mkdirSync(builtInDir);
        for (const [name, text] of Object.entries(options.builtInDecks)) writeFileSync(join(builtInDir, name), text);
      }
      const problems: string[] = [];
      let stopCurrent: () => Promise<void> = async () => {};
      let currentElectron: ElectronApplication | null = null;

      const launch = async (): Promise<Page> => {
        if (appMode === 'electron') {
          const electronApp = await _electron.launch({
            executablePath: electronBinary!,
            args: [repoRoot, '--data-dir', dataDir],
            env: { ...process.env, ...(builtInDir ? { PROOFDECK_BUILTIN_DECKS: builtInDir } : {}) } as Record<string, string>,
          });
          const page = await electronApp.firstWindow();
          currentElectron = electronApp;
          watchProblems(page, problems);
          stopCurrent = async () => electronApp.close();
          return page;
        }
        const { child, url } = await startWebProcess(dataDir, builtInDir, options.hostEnv);
        shared.browser ??= await chromium.launch({ executablePath: await chromiumPath(), args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
        const context = await shared.browser.newContext(options.locale ? { locale: options.locale } : {});
        const page = await context.newPage();
        watchProblems(page, problems);
        await page.goto(url);
        stopCurrent = async () => {
          await context.close();
          await new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          });
        };
        return page;
      };

      const app: RunningApp = {
        page: await launch(),
        dataDir,
        userDeckDir,
        problems,
        get electronApp() {
          return currentElectron;
        },
        async restart() {
          await stopCurrent();
          app.page = await launch();
          return app.page;
        },
        stop: () => stopCurrent(),
      };
      cleanups.push(async () => {
        await stopCurrent();
        rmSync(root, { recursive: true, force: true });
      });
      return app;
    });
    for (const cleanup of cleanups) await cleanup();
    await shared.browser?.close();
  },
});

export { expect } from '@playwright/test';

/** Starts studying one deck from its row's Study button on the home screen (not Study all: the order of decks does not matter). */
export async function studyDeck(page: Page, deckId: string): Promise<void> {
  await page.locator(`[data-testid="deck-row"][data-deck-id="${deckId}"] .study-cell button`).click();
  await expect(page.locator('article.card')).toBeVisible();
}

/** Calls the app's API from the page through whichever transport it uses (preload IPC or the web host). */
export function callApi(page: Page, method: string, arg?: unknown): Promise<any> {
  return page.evaluate(
    async ([m, a]) => {
      const bridge = (window as unknown as { proofdeck?: { invoke(m: string, a: unknown): Promise<{ ok: boolean; result?: unknown; error?: { message: string } }> } }).proofdeck;
      if (bridge) {
        const reply = await bridge.invoke(m, a);
        if (!reply.ok) throw new Error(reply.error?.message);
        return reply.result;
      }
      const response = await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: a === undefined ? '' : JSON.stringify(a) });
      const body = await response.json();
      if (body.error) throw new Error(body.error.message);
      return body.result;
    },
    [method, arg] as const,
  );
}

/** Moves browser mode's test clock (a host started with PROOFDECK_TEST_CLOCK=1): `{ setMs }`, `{ advanceMs }` or `{}`. */
export function moveClock(page: Page, body: { setMs?: number; advanceMs?: number }): Promise<{ now: number; utcOffsetMin: number }> {
  return page.evaluate(async (b) => {
    const response = await fetch('/__test/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    const reply = await response.json();
    if (!response.ok) throw new Error(`test clock: HTTP ${response.status} ${JSON.stringify(reply)}`);
    return reply.result;
  }, body);
}

export function deckFile(id: string, name: string, cards: { id: string; q: string; a: string; proof?: string }[]): string {
  const body = cards
    .map((c) => `## ${c.q} {#${c.id}}\n\n${c.a}\n${c.proof ? `\n\`\`\`js proof\n${c.proof}\n\`\`\`\n` : ''}`)
    .join('\n');
  return `---\nid: ${id}\ndeck: ${name}\nversion: 1\n---\n\n${body}`;
}
