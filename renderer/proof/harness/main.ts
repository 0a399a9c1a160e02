// A bare host page for the proof runner, used by `npm run deck:check`, the proof benches and e2e specs: the same
// runner and sandbox as the app, driven from Playwright through window.proofHarness.
// URL: proof-harness.html?sandbox=<full sandbox.html URL>

import { createProofRunner, type ProofRunner } from '../host/runner';

declare global {
  interface Window {
    proofHarness?: ProofRunner & { sandboxUrl: string };
  }
}

const sandboxUrl = new URLSearchParams(location.search).get('sandbox');
const status = document.getElementById('status')!;
if (!sandboxUrl) {
  status.textContent = 'missing ?sandbox=<url of sandbox.html>';
} else {
  const runner = createProofRunner({ sandboxUrl });
  window.proofHarness = Object.assign(runner, { sandboxUrl });
  status.textContent = 'ready';
}
