// The last attempt at each coding card (migration 010): one row per card, replaced by every run the user makes.
import type { CodeAttempt, CodeAttemptInput } from '../contract/api';
import type { Db } from './database';

interface AttemptRow {
  code: string;
  passed: number;
  checks_passed: number;
  checks_total: number;
  runs: number;
  solve_ms: number;
  attempted_at: number;
}

export function recordCodeAttempt(db: Db, attempt: CodeAttemptInput, at: number): CodeAttempt {
  db.prepare(`INSERT INTO code_attempts (card_id, code, passed, checks_passed, checks_total, runs, solve_ms, attempted_at)
    VALUES (@cardId, @code, @passed, @checksPassed, @checksTotal, @runs, @solveMs, @at)
    ON CONFLICT (card_id) DO UPDATE SET code = excluded.code, passed = excluded.passed,
      checks_passed = excluded.checks_passed, checks_total = excluded.checks_total, runs = excluded.runs,
      solve_ms = excluded.solve_ms, attempted_at = excluded.attempted_at`).run({ ...attempt, passed: attempt.passed ? 1 : 0, at });
  const { cardId: _cardId, ...kept } = attempt;
  return { ...kept, at };
}

export function lastCodeAttempt(db: Db, cardId: string): CodeAttempt | null {
  const row = db.prepare(`SELECT code, passed, checks_passed, checks_total, runs, solve_ms, attempted_at FROM code_attempts WHERE card_id = ?`)
    .get(cardId) as AttemptRow | undefined;
  if (!row) return null;
  return {
    code: row.code, passed: row.passed === 1, checksPassed: row.checks_passed, checksTotal: row.checks_total, runs: row.runs,
    solveMs: row.solve_ms, at: row.attempted_at,
  };
}
