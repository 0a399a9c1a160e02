// A bare host page for the proof runner, used by `npm run deck:check`, the proof bench and e2e specs: the same
// runner and sandbox as the app, driven from Playwright through window.proofHarness. It can also show the app's
// ProofPanel for one proof (window.proofHarness.showPanel), so the panel is tested against the real sandbox.
// URL: proof-harness.html?sandbox=<full sandbox.html URL>

import { mount, unmount } from 'svelte';
import type { ProofLang } from '../../../main/contract/deck';
import type { ProofBackend, ProofResult } from '../../../main/contract/proof';
import ProofPanel from '../../src/components/proof/ProofPanel.svelte';
import { createProofRunner, type ProofRunner, type RunOptions } from '../host/runner';
import type { DirectRun } from './direct';
import type { BackendChoice } from '../protocol';

interface PanelRequest {
  code: string;
  lang: ProofLang;
  backend?: BackendChoice;
}

declare global {
  interface Window {
    proofHarness?: ProofRunner & {
      sandboxUrl: string;
      /** Mounts a ProofPanel for this proof; resolves with its first result. */
      showPanel(request: PanelRequest): Promise<ProofResult>;
      /** run(), timed on this page: the show-to-result latency the app would see. */
      timedRun(options: RunOptions): Promise<{ wallMs: number; result: ProofResult }>;
      /** The bench's baseline: the proof on this page's main thread, no sandbox (needs 'unsafe-eval'). */
      runDirect(request: PanelRequest & { backend: ProofBackend }): Promise<DirectRun>;
    };
  }
}

const sandboxUrl = new URLSearchParams(location.search).get('sandbox');
const status = document.getElementById('status')!;
if (!sandboxUrl) {
  status.textContent = 'missing ?sandbox=<url of sandbox.html>';
} else {
  const runner = createProofRunner({ sandboxUrl });
  let panel: ReturnType<typeof mount> | null = null;
  let panelCount = 0;
  const showPanel = ({ code, lang, backend = 'auto' }: PanelRequest) =>
    new Promise<ProofResult>((resolve) => {
      if (panel) void unmount(panel);
      const target = document.getElementById('panel')!;
      panel = mount(ProofPanel, {
        target,
        props: { runner, code, lang, cardId: `harness-${++panelCount}`, contentHash: String(panelCount), preferredBackend: backend, onResult: resolve },
      });
    });
  const timedRun = async (options: RunOptions) => {
    const begin = performance.now();
    const result = await runner.run(options);
    return { wallMs: performance.now() - begin, result };
  };
  const runDirect = async ({ code, lang, backend }: PanelRequest & { backend: ProofBackend }) =>
    (await import('./direct')).runDirect(code, lang, backend);
  window.proofHarness = Object.assign(runner, { sandboxUrl, showPanel, timedRun, runDirect });
  status.textContent = 'ready';
}
