// Removes what a proof has no business using, just before it runs, in its own fresh worker. The sandbox's CSP
// (no network but its own static files) and distinct origin are the real walls; this makes misuse fail fast and
// loudly, and closes paths the CSP leaves open: storage that would outlive the proof, nested workers that would
// give it a fresh realm, and self.close() that would end the worker without a result.

const REMOVED_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts',
  'indexedDB', 'caches', 'cookieStore', 'Worker', 'SharedWorker', 'BroadcastChannel', 'FileSystemHandle',
  'requestFileSystem', 'webkitRequestFileSystem', 'webkitRequestFileSystemSync',
] as const;

function removeProperty(owner: object | null, name: string): void {
  for (let target = owner; target && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
    try {
      if (Object.getOwnPropertyDescriptor(target, name)) delete (target as Record<string, unknown>)[name];
    } catch {
      // non-configurable: the CSP still applies
    }
  }
}

export function hardenWorkerGlobals(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  for (const name of REMOVED_GLOBALS) removeProperty(scope, name);
  const workerNavigator = (scope.navigator ?? null) as object | null;
  for (const name of ['storage', 'locks', 'sendBeacon', 'serviceWorker']) removeProperty(workerNavigator, name);
  const refuseClose = () => {
    throw new Error('self.close() is not allowed in a proof: return from the proof instead.');
  };
  for (let target: object | null = globalThis; target && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
    try {
      if (Object.getOwnPropertyDescriptor(target, 'close')) Object.defineProperty(target, 'close', { value: refuseClose, configurable: false, writable: false });
    } catch {
      // ignore: the page's timeout still ends a closed worker
    }
  }
}
