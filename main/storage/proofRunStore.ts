import type { ProofRunRecord } from '../contract/api';
import type { ProofBackend } from '../contract/proof';
import type { Db } from './database';

export function recordProofRun(db: Db, run: ProofRunRecord): void {
  db.prepare(`INSERT INTO proof_runs (card_id, backend, content_hash, device, ok, ms, ran_at)
    VALUES (@cardId, @backend, @contentHash, @device, @ok, @ms, @ranAt)
    ON CONFLICT (card_id, backend) DO UPDATE SET content_hash = excluded.content_hash, device = excluded.device,
      ok = excluded.ok, ms = excluded.ms, ran_at = excluded.ran_at`).run({ ...run, ok: run.ok ? 1 : 0 });
}

export function proofRunsFor(db: Db, cardId: string): ProofRunRecord[] {
  const rows = db.prepare(`SELECT card_id, backend, content_hash, device, ok, ms, ran_at FROM proof_runs WHERE card_id = ? ORDER BY ran_at DESC`).all(cardId) as {
    card_id: string; backend: ProofBackend; content_hash: string; device: string; ok: number; ms: number; ran_at: number;
  }[];
  return rows.map((r) => ({ cardId: r.card_id, backend: r.backend, contentHash: r.content_hash, device: r.device, ok: r.ok === 1, ms: r.ms, ranAt: r.ran_at }));
}
