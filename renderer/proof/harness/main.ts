// A bare host page for the proof runner, used by `npm run deck:check`, the proof bench and e2e specs: the same
// runner and sandbox as the app, driven from Playwright through window.proofHarness. It can also show the app's
// ProofPanel for one proof (window.proofHarness.showPanel), so the panel is tested against the real sandbox.
// URL: proof-harness.html?sandbox=<full sandbox.html URL>

import { mount, unmount } from 'svelte';
import type { ProofLang } from '../../../main/contract/deck';
import type { ProofResult } from '../../../main/contract/proof';
import ProofPanel from '../../src/components/proof/ProofPanel.svelte';
import { createProofRunner, type ProofRunner } from '../host/runner';
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
  window.proofHarness = Object.assign(runner, { sandboxUrl, showPanel });
  status.textContent = 'ready';
}
