// The shared half of the deck-content mutation tests: a proof is rewritten IN MEMORY the way a mistaken candidate
// would write the formula, and must then fail on a named check (deck files are never touched).
import { expect } from 'vitest';
import type { ParsedDeck } from '../../../main/contract/deck';
import type { ProofResult } from '../../../main/contract/proof';
import { runProofInNode } from '../../../scripts/proof-node';

export interface Mutation {
  card: string;
  /** The mistake, as a reviewer would name it. */
  mistake: string;
  from: string;
  to: string;
  /** A check whose name matches this must be among the failed ones. */
  failingCheck: RegExp;
}

export function proofOf(parsed: ParsedDeck | undefined, deckPath: string, cardId: string): string {
  const card = parsed?.cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`${deckPath} has no card #${cardId}`);
  if (!card.proofCode) throw new Error(`card #${cardId} has no proof`);
  return card.proofCode;
}

export function describeFailure(result: ProofResult): string {
  const failed = result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  return [result.error, ...failed].filter(Boolean).join('\n');
}

export const countOccurrences = (text: string, needle: string): number => text.split(needle).length - 1;

/** The original proof passes; the mutant fails on a check matching `failingCheck`, not on a crash. */
export async function expectMutantFails(original: string, mutation: Mutation): Promise<void> {
  // The replacement must match exactly once, or the test would silently stop mutating.
  expect(countOccurrences(original, mutation.from), `"${mutation.from}" in #${mutation.card}`).toBe(1);
  const mutant = original.replace(mutation.from, mutation.to);
  expect(mutant).not.toBe(original);

  const passing = await runProofInNode(original, 'js');
  expect(passing.ok, describeFailure(passing)).toBe(true);

  const failing = await runProofInNode(mutant, 'js');
  expect(failing.ok).toBe(false);
  // It must be caught by a check, not by a crash the mutation happened to cause.
  expect(failing.error).toBeNull();
  const failedNames = failing.checks.filter((c) => !c.ok).map((c) => c.name);
  expect(failedNames.some((name) => mutation.failingCheck.test(name)), `failed checks: ${failedNames.join(' | ')}`).toBe(true);
}
