// deck:check output: one row per card and backend (a card without a proof: one row with nulls), as a table for
// people or a JSON array for tools. The row shape is ARCHITECTURE.md's contract.

import type { ProofBackend, ProofCheck, ProofResult } from '../../main/contract/proof';
import type { CardToCheck } from './collect';

/** What the proof ran against: a proof card's proof alone, or a coding card's solution or starter. */
export type DeckCheckRun = 'solution' | 'starter' | 'proof';

/** The solution (and a proof card's proof) must pass; the starter must fail, or its tests prove nothing. */
export const EXPECTED: Record<DeckCheckRun, 'pass' | 'fail'> = { solution: 'pass', starter: 'fail', proof: 'pass' };

export interface DeckCheckRow {
  file: string;
  deck: string;
  card: string;
  run: DeckCheckRun;
  expect: 'pass' | 'fail';
  backend: ProofBackend | null;
  device: string | null;
  ok: boolean | null;
  checksPassed: number;
  checksTotal: number;
  ms: number | null;
  error: string | null;
}

export function noProofRow(card: CardToCheck): DeckCheckRow {
  return { file: card.file, deck: card.deck, card: card.card, run: 'proof', expect: 'pass', backend: null, device: null, ok: null, checksPassed: 0, checksTotal: 0, ms: null, error: null };
}

/** A row whose `ok` differs from its expectation (a failing solution, a passing starter); no-proof rows are not. */
export function rowFailed(row: DeckCheckRow): boolean {
  return row.ok !== null && row.ok !== (row.expect === 'pass');
}

function checkFailure(check: ProofCheck): string {
  return `check "${check.name}" failed: ${check.detail}${check.inputs === undefined ? '' : ` (inputs: ${check.inputs})`}`;
}

export function resultRow(card: CardToCheck, result: ProofResult, run: DeckCheckRun = 'proof'): DeckCheckRow {
  const failedCheck = result.checks.find((check) => !check.ok);
  const error = result.error ?? (failedCheck ? checkFailure(failedCheck) : null);
  return {
    file: card.file,
    deck: card.deck,
    card: card.card,
    run,
    expect: EXPECTED[run],
    backend: result.backend,
    device: result.device,
    ok: result.ok,
    checksPassed: result.checks.filter((check) => check.ok).length,
    checksTotal: result.checks.length,
    ms: Math.round(result.ms * 10) / 10,
    error,
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function formatTable(rows: DeckCheckRow[]): string {
  const header = ['', 'deck', 'card', 'run', 'backend', 'checks', 'ms', 'device'];
  const cells = rows.map((row) => [
    row.ok === null ? '-' : rowFailed(row) ? 'FAIL' : 'ok',
    row.deck,
    row.card,
    row.run === 'proof' ? '' : `${row.run} (should ${row.expect})`,
    row.backend ?? 'no proof',
    row.ok === null ? '' : `${row.checksPassed}/${row.checksTotal}`,
    row.ms === null ? '' : row.ms.toFixed(1),
    row.device ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const lines = [header, ...cells].map((line) => line.map((cell, column) => pad(cell, widths[column])).join('  ').trimEnd());
  rows.forEach((row, index) => {
    if (!rowFailed(row)) return;
    const why = row.ok ? 'the starter passes its tests: they cannot tell unfinished code from a solution' : row.error;
    if (why) lines[index + 1] += `\n      ↳ ${why.replace(/\n/g, ' ')}`;
  });
  return lines.join('\n');
}

export function summarize(rows: DeckCheckRow[]): string {
  const proofs = rows.filter((row) => row.ok !== null);
  const failed = proofs.filter(rowFailed).length;
  const noProof = rows.filter((row) => row.ok === null).length;
  return `${proofs.length - failed} passed, ${failed} failed, ${noProof} without a proof`;
}
