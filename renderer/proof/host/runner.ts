// createProofRunner: the app's side of the proof sandbox. It embeds the sandbox page in a hidden iframe on its own
// origin, talks to it over a MessagePort (nothing else is listened to), and survives the sandbox's process dying
// (a proof that exhausts memory): the missing heartbeat fails the proof and a fresh iframe replaces the old one.

import type { ProofBackend, ProofResult } from '../../../main/contract/proof';
import { DEFAULT_PROOF_TIMEOUT_MS, failedResult, PROTOCOL_VERSION, readSandboxReply, type BackendChoice, type BackendInfo, type HostRequest, type RunRequest, type SandboxReply } from '../protocol';

export interface ProofRunnerOptions {
  /** Full URL of sandbox.html on its own origin (browser mode: http://localhost:PORT/sandbox.html; Electron: proofbox://sandbox/sandbox.html). */
  sandboxUrl: string;
  /** Where the hidden iframe goes (default document.body). */
  container?: HTMLElement;
  /** No heartbeat for this long while a request is pending means the sandbox died (default 5000 ms). */
  heartbeatTimeoutMs?: number;
  /** How long the sandbox page may take to answer its first message (default 20000 ms). */
  connectTimeoutMs?: number;
  /** The hidden iframe's title, in the UI language (default 'proof sandbox'). */
  title?: string;
}

export interface RunOptions {
  code: string;
  lang: RunRequest['lang'];
  /** A coding card's code under test (the user's code, or the solution or starter in deck:check). */
  subject?: RunRequest['subject'];
  backend?: BackendChoice;
  timeoutMs?: number;
  maxTensorElements?: number;
}

export interface ProofRunner {
  run(options: RunOptions): Promise<ProofResult>;
  /** Starts a worker for `backend` ahead of the first proof; resolves with what started and how long it took. */
  warmUp(backend?: BackendChoice): Promise<{ backend: ProofBackend | null; ms: number; error: string | null }>;
  backends(): Promise<BackendInfo[]>;
  dispose(): void;
}

interface Pending {
  request: HostRequest;
  resolve: (reply: SandboxReply) => void;
  reject: (error: Error) => void;
}

export function createProofRunner(options: ProofRunnerOptions): ProofRunner {
  const { sandboxUrl, heartbeatTimeoutMs = 5000, connectTimeoutMs = 20_000 } = options;
  const sandboxOrigin = new URL(sandboxUrl).origin;
  const container = options.container ?? document.body;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let frame: HTMLIFrameElement | null = null;
  let connection: Promise<MessagePort> | null = null;
  let lastHeard = 0;
  let disposed = false;
  // After a proof's worker had to be killed, its process is replaced once nothing else is pending on it.
  let recycleWhenIdle = false;
  // What ran each choice last, so a crash (which reports nothing) still names the backend and device it hit.
  const lastRanOn = new Map<BackendChoice, { backend: ProofBackend; device: string }>();

  function destroyFrame(): void {
    recycleWhenIdle = false;
    frame?.remove();
    frame = null;
    connection = null;
  }

  function connect(): Promise<MessagePort> {
    if (connection) return connection;
    const iframe = document.createElement('iframe');
    // Cross-origin, so allow-same-origin keeps its own (distinct) origin: needed for a secure context and WebGPU.
    iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = options.title ?? 'proof sandbox';
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    const url = new URL(sandboxUrl);
    if (location.origin !== 'null') url.searchParams.set('app', location.origin);
    iframe.src = url.href;
    frame = iframe;
    connection = new Promise<MessagePort>((resolve, reject) => {
      const timer = setTimeout(() => {
        destroyFrame();
        reject(new Error(`The proof sandbox at ${sandboxOrigin} did not start within ${connectTimeoutMs} ms (is its server running, and does its CSP allow this page as its parent?).`));
      }, connectTimeoutMs);
      iframe.addEventListener('load', () => {
        if (frame !== iframe) return;
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => {
          const reply = readSandboxReply(event.data);
          if (!reply || frame !== iframe) return;
          lastHeard = performance.now();
          if (reply.type === 'hello') {
            clearTimeout(timer);
            resolve(channel.port1);
          } else if (reply.type !== 'alive') {
            const waiting = pending.get(reply.id);
            if (waiting) {
              pending.delete(reply.id);
              waiting.resolve(reply);
            }
            if (reply.type === 'result' && reply.recycle) recycleWhenIdle = true;
            if (recycleWhenIdle && pending.size === 0) {
              recycleWhenIdle = false;
              destroyFrame();
            }
          }
        };
        iframe.contentWindow?.postMessage({ type: 'connect', protocol: PROTOCOL_VERSION }, sandboxOrigin, [channel.port2]);
      });
      container.append(iframe);
    });
    connection.catch(() => undefined);
    return connection;
  }

  // A crashed sandbox process sends nothing: no reply, no heartbeat. Then every pending request fails and the next
  // request gets a fresh iframe (and with it a fresh process).
  const watchdog = setInterval(() => {
    // A hidden page's timers (here and in the sandbox) may be throttled to one a minute: no verdict while hidden.
    if (document.visibilityState === 'hidden') lastHeard = performance.now();
    if (pending.size === 0 || performance.now() - lastHeard < heartbeatTimeoutMs) return;
    destroyFrame();
    const crashed = [...pending.values()];
    pending.clear();
    for (const waiting of crashed) waiting.reject(new SandboxCrash());
  }, 500);

  async function request(build: (id: number) => HostRequest): Promise<SandboxReply> {
    if (disposed) throw new Error('The proof runner was disposed.');
    const port = await connect();
    const message = build(nextId++);
    return new Promise<SandboxReply>((resolve, reject) => {
      pending.set(message.id, { request: message, resolve, reject });
      lastHeard = performance.now();
      port.postMessage(message);
    });
  }

  return {
    async run({ code, lang, subject, backend = 'auto', timeoutMs = DEFAULT_PROOF_TIMEOUT_MS, maxTensorElements }) {
      const known = lastRanOn.get(backend) ?? { backend: backend === 'auto' ? 'cpu' : backend, device: 'unknown' };
      try {
        const reply = await request((id) => ({ type: 'run', id, code, lang, backend, timeoutMs, maxTensorElements, ...(subject ? { subject } : {}) }));
        if (reply.type !== 'result') return failedResult(known.backend, known.device, 'The proof sandbox sent an unexpected reply.');
        if (reply.result.device) lastRanOn.set(backend, { backend: reply.result.backend, device: reply.result.device });
        return reply.result;
      } catch (error) {
        if (error instanceof SandboxCrash) {
          return failedResult(known.backend, known.device, 'The proof sandbox crashed (most likely the proof ran out of memory); a fresh one was started.');
        }
        return failedResult(known.backend, known.device, (error as Error).message);
      }
    },
    async warmUp(backend = 'auto') {
      const reply = await request((id) => ({ type: 'warmUp', id, backend }));
      return reply.type === 'warmedUp' ? { backend: reply.backend, ms: reply.ms, error: reply.error } : { backend: null, ms: 0, error: 'unexpected reply' };
    },
    async backends() {
      const reply = await request((id) => ({ type: 'backends', id }));
      return reply.type === 'backends' ? reply.backends : [];
    },
    dispose() {
      disposed = true;
      clearInterval(watchdog);
      destroyFrame();
      for (const waiting of pending.values()) waiting.reject(new Error('The proof runner was disposed.'));
      pending.clear();
    },
  };
}

class SandboxCrash extends Error {
  constructor() {
    super('the proof sandbox stopped responding');
  }
}
