// Browser mode's credential belongs to the app alone: after the app is open, other local servers the user visits in
// the same browser (another port on 127.0.0.1, `localhost`, another `*.localhost` name) receive no token, and a page
// they serve can neither call the API nor show a deck image from the app's real origin. One app launch serves all.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { test, expect, deckFile, repoRoot, callApi } from './fixtures';

const TOKEN_COOKIE = 'proofdeck_token';
const IMAGE = '/deck-asset?deck=pics&path=img%2Fheads.png';

interface Visit {
  host: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** Another local program's server: it records what the browser sends it and serves a blank page. */
async function startOtherServer(): Promise<{ port: number; visits: Visit[]; close(): Promise<void> }> {
  const visits: Visit[] = [];
  const server: Server = createServer((req, res) => {
    visits.push({ host: String(req.headers.host), path: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>another local program</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    visits,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** What a page on another origin gets when it tries the app's API and a deck image on the app's real origin. */
function attack(page: Page, appOrigin: string) {
  return page.evaluate(
    async ([origin, image]) => {
      const read = await fetch(`${origin}/api/overview`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '' })
        .then(async (response) => `HTTP ${response.status}: ${await response.text()}`)
        .catch((error: Error) => `refused: ${error.name}`);
      // A blind write (no-cors, no preflight): its answer is opaque, so its effect is checked on the app's side.
      await fetch(`${origin}/api/createDeck`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'Planted by another page' }) }).catch(() => null);
      const img = await new Promise<string>((resolve) => {
        const element = new Image();
        element.onload = () => resolve(`loaded ${element.naturalWidth}px`);
        element.onerror = () => resolve('failed');
        element.src = `${origin}${image}`;
      });
      return { read, img };
    },
    [appOrigin, IMAGE] as const,
  );
}

const deckNames = async (page: Page): Promise<string[]> => (await callApi(page, 'overview')).decks.map((d: { name: string }) => d.name);

const tokenIn = (cookie: string | undefined) => (cookie ?? '').split(';').some((part) => part.trim().startsWith(`${TOKEN_COOKIE}=`));

test('no other local server or page gets the credential, the API or a deck image', async ({ launchApp, appMode }) => {
  test.skip(appMode !== 'browser', 'Browser mode only: Electron has no cookie and no HTTP host.');
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'pics.md': deckFile('pics', 'Pictures', [{ id: 'p1', q: 'Which side?', a: '![heads](img/heads.png)' }]) } });
  mkdirSync(join(app.userDeckDir, 'img'));
  copyFileSync(join(repoRoot, 'tests/fixtures/images/heads.png'), join(app.userDeckDir, 'img', 'heads.png'));
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Pictures');
  const appOrigin = new URL(page.url()).origin;

  // Positive controls on the app's own page: the API answers and the image loads, so a refusal below means something.
  expect(await deckNames(page)).toContain('Pictures');
  const ownImage = await page.evaluate((src) => new Promise<number>((resolve) => {
    const element = new Image();
    element.onload = () => resolve(element.naturalWidth);
    element.onerror = () => resolve(-1);
    element.src = src;
  }), IMAGE);
  expect(ownImage).toBe(24);

  // The proof sandbox is another site than the app, whatever host the app is on: framing it is a cross-site load.
  const csp = await page.evaluate(() => fetch('/').then((response) => response.headers.get('content-security-policy') ?? ''));
  const sandboxOrigin = /frame-src ([^;\s]+)/.exec(csp)![1];
  const sandboxLoad = page.waitForRequest((request) => request.url().startsWith(sandboxOrigin));
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.hidden = true;
    document.body.append(frame);
  }, `${sandboxOrigin}/sandbox.html`);
  expect((await (await sandboxLoad).allHeaders())['sec-fetch-site']).toBe('cross-site');

  const other = await startOtherServer();
  try {
    const attacker = await page.context().newPage();
    const sentToApp: Request[] = [];
    attacker.on('request', (request) => {
      if (request.url().startsWith(appOrigin)) sentToApp.push(request);
    });
    const results: Record<string, { read: string; img: string }> = {};
    for (const host of ['127.0.0.1', 'localhost', 'some-other-program.localhost']) {
      await attacker.goto(`http://${host}:${other.port}/page`);
      results[host] = await attack(attacker, appOrigin);
    }
    // The other program's server saw each visit, and never the token.
    expect(other.visits.map((v) => v.host)).toEqual(expect.arrayContaining(['127.0.0.1', 'localhost', 'some-other-program.localhost'].map((h) => `${h}:${other.port}`)));
    expect(other.visits.filter((v) => tokenIn(v.headers.cookie)).map((v) => `${v.host}${v.path}`)).toEqual([]);
    expect(other.visits.filter((v) => v.headers['x-proofdeck-token'] !== undefined)).toEqual([]);
    // Its pages got no data and no image; what the browser sent to the app carried no token.
    for (const result of Object.values(results)) {
      expect(result.read).not.toMatch(/"result"/);
      expect(result.img).toBe('failed');
    }
    expect(sentToApp.length).toBeGreaterThan(0);
    for (const request of sentToApp) expect(tokenIn((await request.allHeaders()).cookie), request.url()).toBe(false);
    // The blind writes changed nothing.
    expect(await deckNames(page)).toEqual(['Pictures']);
    await attacker.close();
  } finally {
    await other.close();
  }
  expect(app.problems).toEqual([]);
});
