// deck:check output: one row per card and backend (a card without a proof: one row with nulls), as a table for
// people or a JSON array for tools. The row shape is ARCHITECTURE.md's contract.

import type { ProofBackend, ProofResult } from '../../main/contract/proof';
import type { CardToCheck } from './collect';

export interface DeckCheckRow {
  file: string;
  deck: string;
  card: string;
  backend: ProofBackend | null;
  device: string | null;
  ok: boolean | null;
  checksPassed: number;
  checksTotal: number;
  ms: number | null;
  error: string | null;
}

export function noProofRow(card: CardToCheck): DeckCheckRow {
  return { file: card.file, deck: card.deck, card: card.card, backend: null, device: null, ok: null, checksPassed: 0, checksTotal: 0, ms: null, error: null };
}

export function resultRow(card: CardToCheck, result: ProofResult): DeckCheckRow {
  const failedCheck = result.checks.find((check) => !check.ok);
  const error = result.error ?? (failedCheck ? `check "${failedCheck.name}" failed: ${failedCheck.detail}` : null);
  return {
    file: card.file,
    deck: card.deck,
    card: card.card,
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
  const header = ['', 'deck', 'card', 'backend', 'checks', 'ms', 'device'];
  const cells = rows.map((row) => [
    row.ok === null ? '-' : row.ok ? 'ok' : 'FAIL',
    row.deck,
    row.card,
    row.backend ?? 'no proof',
    row.ok === null ? '' : `${row.checksPassed}/${row.checksTotal}`,
    row.ms === null ? '' : row.ms.toFixed(1),
    row.device ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const lines = [header, ...cells].map((line) => line.map((cell, column) => pad(cell, widths[column])).join('  ').trimEnd());
  rows.forEach((row, index) => {
    if (row.ok === false && row.error) lines[index + 1] += `\n      ↳ ${row.error.replace(/\n/g, ' ')}`;
  });
  return lines.join('\n');
}

export function summarize(rows: DeckCheckRow[]): string {
  const proofs = rows.filter((row) => row.ok !== null);
  const failed = proofs.filter((row) => row.ok === false).length;
  const noProof = rows.filter((row) => row.ok === null).length;
  return `${proofs.length - failed} passed, ${failed} failed, ${noProof} without a proof`;
}
