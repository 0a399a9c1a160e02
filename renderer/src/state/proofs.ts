// One proof runner for the app window: its sandbox iframe is created at start-up and the preferred backend is
// warmed, so the first card's proof does not pay for tfjs start-up.
import type { Settings } from '../../../main/contract/api';
import { createProofRunner, ProofResultCache } from '../components/proof';
import { t } from '../lib/i18n';

export interface ProofContext {
  cache: ProofResultCache;
  preferredBackend: Settings['proofBackend'];
  timeoutMs: number;
}

export function startProofs(sandboxUrl: string, settings: Settings): ProofContext {
  const runner = createProofRunner({ sandboxUrl, title: t('proof.sandbox') });
  void runner.warmUp(settings.proofBackend).catch(() => {
    // A failed warm-up is reported by the first proof that runs; nothing to do here.
  });
  return { cache: new ProofResultCache(runner), preferredBackend: settings.proofBackend, timeoutMs: settings.proofTimeoutMs };
}
