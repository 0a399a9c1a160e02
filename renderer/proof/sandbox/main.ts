// The sandbox page: loaded in a hidden iframe on an origin that is not the app's. It accepts one MessagePort
// from its parent (the app) and answers requests on it; proof code never runs here, only in ProofWorkers.

import { PROTOCOL_VERSION, readHostRequest, type SandboxReply } from '../protocol';
import { ProofWorkers } from './workers';

const HEARTBEAT_MS = 1000;
const expectedParentOrigin = new URLSearchParams(location.search).get('app');
const workers = new ProofWorkers();
let hostPort: MessagePort | null = null;
let inFlight = 0;

function reply(message: SandboxReply): void {
  hostPort?.postMessage(message);
}

setInterval(() => {
  if (inFlight > 0) reply({ type: 'alive' });
}, HEARTBEAT_MS);

async function serve(data: unknown): Promise<void> {
  const request = readHostRequest(data);
  if (!request) return; // malformed or unknown: ignored, like anything not from the host's port
  inFlight++;
  try {
    if (request.type === 'backends') {
      reply({ type: 'backends', id: request.id, backends: await workers.backends() });
    } else if (request.type === 'warmUp') {
      const begin = performance.now();
      const ready = await workers.warmUp(request.backend);
      reply({ type: 'warmedUp', id: request.id, backend: ready.backend, ms: performance.now() - begin, error: ready.error });
    } else {
      const { result, killed } = await workers.run(request);
      // A worker stopped mid-run may have left this process short of memory: ask to be replaced (fresh process).
      reply({ type: 'result', id: request.id, result, recycle: killed });
    }
  } finally {
    inFlight--;
  }
}

// Requests are served one at a time, in order: proofs share the GPU and the CPU, and timings stay honest.
let queue: Promise<void> = Promise.resolve();

window.addEventListener('message', (event: MessageEvent) => {
  if (hostPort || event.source !== window.parent || window.parent === window) return;
  if (expectedParentOrigin && event.origin !== expectedParentOrigin) return;
  const data = event.data as { type?: unknown; protocol?: unknown } | null;
  if (data?.type !== 'connect' || data.protocol !== PROTOCOL_VERSION || event.ports.length !== 1) return;
  hostPort = event.ports[0];
  hostPort.onmessage = (message: MessageEvent) => {
    queue = queue.then(() => serve(message.data)).catch(() => undefined);
  };
  reply({ type: 'hello', protocol: PROTOCOL_VERSION });
  void workers.warmUp('auto');
});
