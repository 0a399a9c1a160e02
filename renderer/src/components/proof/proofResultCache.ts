// Proof results by card content and backend, so the proof started when a card is SHOWN is the one whose result
// appears on reveal (and flipping back to a card does not re-run it). Bounded; a re-run replaces the entry.

import type { ProofLang } from '../../../../main/contract/deck';
import type { ProofResult } from '../../../../main/contract/proof';
import type { ProofRunner } from '../../../proof/host/runner';
import type { BackendChoice } from '../../../proof/protocol';

export interface ProofRunKey {
  cardId: string;
  /** The card's content hash: an edited proof is a different entry. */
  contentHash: string;
  backend: BackendChoice;
}

export interface ProofRunInput {
  code: string;
  lang: ProofLang;
  timeoutMs?: number;
}

const keyOf = ({ cardId, contentHash, backend }: ProofRunKey) => `${cardId}\u0000${contentHash}\u0000${backend}`;

export class ProofResultCache {
  private readonly entries = new Map<string, Promise<ProofResult>>();

  constructor(
    readonly runner: ProofRunner,
    private readonly maxEntries = 64,
  ) {}

  /** The result for `key`, running the proof unless a run is cached or in flight (`force` re-runs). */
  run(key: ProofRunKey, input: ProofRunInput, { force = false } = {}): Promise<ProofResult> {
    const id = keyOf(key);
    const cached = this.entries.get(id);
    if (cached && !force) {
      this.entries.delete(id); // re-insert: most recently used last
      this.entries.set(id, cached);
      return cached;
    }
    const running = this.runner.run({ code: input.code, lang: input.lang, backend: key.backend, timeoutMs: input.timeoutMs });
    this.entries.delete(id);
    this.entries.set(id, running);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return running;
  }

  /** Starts the proof now (when its card is shown) without waiting for it. */
  prefetch(key: ProofRunKey, input: ProofRunInput): void {
    void this.run(key, input);
  }

  has(key: ProofRunKey): boolean {
    return this.entries.has(keyOf(key));
  }

  clear(): void {
    this.entries.clear();
  }
}
