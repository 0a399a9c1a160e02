// Browser mode: the same services as the Electron app, behind a loopback HTTP host. The server binds 127.0.0.1 but
// the app is addressed as `http://<per-run random name>.localhost:<port>`, so its token cookie goes to no other local
// server (cookies ignore ports: one set by 127.0.0.1 or localhost reaches every program listening there). We keep the
// cookie rather than a header-only token because <img> tags (deck images) and worker scripts cannot carry a header.
// Proofs run in a sandbox served from `localhost` on another port, a different site from the app's name (measured:
// Chromium counts `localhost` and each `x.localhost` as distinct sites), so the browser gives it its own process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorKind, type ErrorKind } from '../contract/errors';
import { message, type Message } from '../contract/messages';
import { createDispatcher, toErrorPayload } from '../ipc/dispatch';
import { readBody } from './body';

/** The status an API error is answered with; the body is the message itself either way. */
const HTTP_STATUS: Record<ErrorKind, number> = {
  'bad-request': 400, stale: 409, 'not-found': 404, conflict: 409, unavailable: 503, internal: 500,
};
import { createProofDeckApp, type ProofDeckApp } from '../services/app';
import { DECK_ASSET_CSP, DECK_ASSET_PATH } from '../services/deckAssets';
import { startSandboxServer } from './sandboxServer';
import { appCsp } from '../hosts/appCsp';
import { resolveInside } from '../hosts/rendererFiles';
import { fetchSiteAllowed, hasToken, hostAllowed, newHostName, newToken, originAllowed, TOKEN_COOKIE } from './security';
import { contentType, readStatic } from './static';
import { moveTestClock, TEST_CLOCK_PATH } from './testClock';
import type { MovableClock } from '../services/clock';

export interface WebHostOptions {
  dataDir: string;
  builtInDeckDir: string;
  /** The Vite build of the renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Only with PROOFDECK_TEST_CLOCK=1 (main/web/testClock.ts): the app's clock, moved by `POST /__test/clock`. */
  testClock?: MovableClock;
}

export interface WebHost {
  /** Open this to start: it carries the token once, then a cookie does. */
  url: string;
  /** `http://<hostName>:<port>`. */
  origin: string;
  /** The per-run `<random>.localhost` name. Node has no resolver for it: Node clients connect to 127.0.0.1:port with this Host. */
  hostName: string;
  port: number;
  token: string;
  app: ProofDeckApp;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    // No other origin may embed what this server answers (deck images, API replies, the app's own files).
    'cross-origin-resource-policy': 'same-origin',
    ...headers,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value ?? null), { 'content-type': 'application/json; charset=utf-8' });

/**
 * The JSON body of a POST (the API and the test clock), or null once the refusal is sent: POST only, JSON only,
 * the body within its cap and strict UTF-8 (readBody), parseable. An empty body reads as `empty`.
 */
async function readJsonPost(req: IncomingMessage, res: ServerResponse, empty: unknown): Promise<{ arg: unknown } | null> {
  const refuse = (status: number, error: Message): null => {
    sendJson(res, status, { error });
    return null;
  };
  if (req.method !== 'POST') {
    send(res, 405, 'POST only.');
    return null;
  }
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(415, message('api.jsonOnly'));
  const body = await readBody(req);
  if (!body.ok) return refuse(body.status, body.error);
  try {
    return { arg: body.text.length ? JSON.parse(body.text) : empty };
  } catch (error) {
    return refuse(400, message('api.badJson', { detail: (error as Error).message }));
  }
}

/** The test clock's endpoint, behind the same guards as the API; 404 with `testClock.off` unless it was turned on. */
async function answerTestClock(req: IncomingMessage, res: ServerResponse, clock: MovableClock | undefined): Promise<void> {
  if (!clock) return sendJson(res, 404, { error: message('testClock.off') });
  const post = await readJsonPost(req, res, {});
  if (!post) return;
  const moved = moveTestClock(clock, post.arg);
  return moved.ok ? sendJson(res, 200, { result: moved.reading }) : sendJson(res, 400, { error: moved.error });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostName = newHostName();
  const origin = `http://${hostName}:${port}`;
  const sandbox = await startSandboxServer({ rootDir: options.rendererDir, appOrigin: origin });
  const app = createProofDeckApp({ dataDir: options.dataDir, builtInDeckDir: options.builtInDeckDir, sandboxUrl: sandbox.url, clock: options.testClock });
  const dispatch = createDispatcher(app.api);
  const csp = appCsp(sandbox.origin);
  const allowedHosts = [`${hostName}:${port}`];

  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      if (!hostAllowed(req, allowedHosts)) return send(res, 421, 'Wrong Host header.');
      if (!fetchSiteAllowed(req)) return send(res, 403, 'Requests from other sites are refused.');
      if (!originAllowed(req, origin)) return send(res, 403, 'Cross-origin requests are refused.');
      if (req.method === 'GET' && url.pathname === '/' && url.searchParams.get('token') === token) {
        // Trade the one-time URL token for a cookie, and drop it from the address bar.
        return send(res, 303, '', { location: '/', 'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` });
      }
      if (!hasToken(req, token)) {
        return send(res, 401, 'ProofDeck: open the full URL that `npm run web` printed (it carries the access token).', {
          'content-type': 'text/plain; charset=utf-8',
        });
      }
      if (url.pathname === TEST_CLOCK_PATH) return await answerTestClock(req, res, options.testClock);
      if (url.pathname.startsWith('/api/')) {
        const post = await readJsonPost(req, res, undefined);
        if (!post) return;
        try {
          return sendJson(res, 200, { result: await dispatch(url.pathname.slice('/api/'.length), post.arg) });
        } catch (error) {
          const payload = toErrorPayload(error);
          return sendJson(res, HTTP_STATUS[errorKind(payload.code)], { error: payload });
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
      if (url.pathname === DECK_ASSET_PATH) {
        const asset = app.deckAsset(url.searchParams);
        if (!asset.ok) return send(res, asset.status, asset.message, { 'content-type': 'text/plain; charset=utf-8' });
        return send(res, 200, asset.bytes, { 'content-type': asset.type, 'content-security-policy': DECK_ASSET_CSP });
      }
      const path = resolveInside(options.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
      if (!path) return send(res, 404, 'Not found.');
      return send(res, 200, readStatic(path), { 'content-type': contentType(path), 'content-security-policy': csp });
    } catch (error) {
      return send(res, 500, `Internal error: ${(error as Error).message}`);
    }
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    hostName,
    port,
    token,
    app,
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await sandbox.close();
      app.close();
    },
  };
}
