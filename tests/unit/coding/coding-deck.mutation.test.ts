// Mutation test for tests/fixtures/coding-deck/5-coding.md (the coding deck, built-in once review can grade code): for every coding card, typical mistakes of its kind are planted IN MEMORY
// into a copy of its solution, and the card's test (its proof) must fail that code, as it fails the starter and
// passes the solution. A planted mistake the test lets through is a test that cannot grade what the user writes.
// The deck file is only read.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { runProofInNode } from '../../../scripts/proof-node';

const parsed = parseDeck(readFileSync(new URL('../../fixtures/coding-deck/5-coding.md', import.meta.url), 'utf8'), '5-coding.md');

interface Mistake {
  card: string;
  mistake: string;
  from: string;
  to: string;
}

const MISTAKES: Mistake[] = [
  { card: 'c-softmax', mistake: 'no max subtraction (overflows at large logits)', from: 'tf.sub(x, tf.max(x, -1, true))', to: 'x' },
  { card: 'c-softmax', mistake: 'sums over the wrong axis', from: 'tf.sum(e, -1, true)', to: 'tf.sum(e, 0, true)' },
  { card: 'c-softmax', mistake: 'reduces without keepDims (the row sums broadcast across columns)', from: 'tf.sum(e, -1, true)', to: 'tf.sum(e, -1)' },
  { card: 'c-attention', mistake: 'missing √d_k', from: 'tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk))', to: 'tf.matMul(q, k, false, true)' },
  { card: 'c-attention', mistake: 'divides by d_k instead of √d_k', from: 'Math.sqrt(dk)', to: 'dk' },
  { card: 'c-attention', mistake: 'multiplies by the mask instead of adding it', from: 'tf.add(scores, mask)', to: 'tf.mul(scores, mask)' },
  { card: 'c-attention', mistake: 'ignores the mask', from: 'if (mask) scores = tf.add(scores, mask);', to: '' },
  { card: 'c-attention', mistake: 'forgets to transpose K', from: 'tf.matMul(q, k, false, true)', to: 'tf.matMul(q, k)' },
  { card: 'c-attention', mistake: 'softmax over the queries instead of the keys', from: 'tf.softmax(scores)', to: 'tf.transpose(tf.softmax(tf.transpose(scores)))' },
  { card: 'c-layernorm', mistake: 'ε outside the square root', from: 'tf.sqrt(tf.add(variance, eps))', to: 'tf.add(tf.sqrt(variance), eps)' },
  { card: 'c-layernorm', mistake: 'normalizes over the wrong axis', from: 'tf.moments(x, -1, true)', to: 'tf.moments(x, 0, true)' },
  {
    card: 'c-layernorm', mistake: 'unbiased variance (divides by H − 1)',
    from: 'const { mean, variance } = tf.moments(x, -1, true);',
    to: 'const mean = tf.mean(x, -1, true); const variance = tf.div(tf.sum(tf.square(tf.sub(x, mean)), -1, true), x.shape[1] - 1);',
  },
  { card: 'c-layernorm', mistake: 'swaps γ and β', from: 'tf.add(tf.mul(normalized, gamma), beta)', to: 'tf.add(tf.mul(normalized, beta), gamma)' },
  { card: 'c-adam', mistake: 'no bias correction', from: 'tf.div(mNew, 1 - Math.pow(beta1, t))', to: 'mNew' },
  { card: 'c-adam', mistake: 'no bias correction of v', from: 'tf.div(vNew, 1 - Math.pow(beta2, t))', to: 'vNew' },
  { card: 'c-adam', mistake: 'ε inside the square root', from: 'tf.add(tf.sqrt(vHat), eps)', to: 'tf.sqrt(tf.add(vHat, eps))' },
  { card: 'c-adam', mistake: 'off by one in the step count (t + 1)', from: 'Math.pow(beta1, t)', to: 'Math.pow(beta1, t + 1)' },
  { card: 'c-adam', mistake: 'second moment of g instead of g²', from: 'tf.mul(tf.square(grad), 1 - beta2)', to: 'tf.mul(grad, 1 - beta2)' },
  { card: 'c-xent', mistake: 'log of softmax (underflows to log 0)', from: 'tf.sub(logits, logZ)', to: 'tf.log(tf.softmax(logits))' },
  { card: 'c-xent', mistake: 'no max subtraction in log-sum-exp', from: 'tf.add(tf.log(tf.sum(tf.exp(tf.sub(logits, top)), -1, true)), top)', to: 'tf.log(tf.sum(tf.exp(logits), -1, true))' },
  { card: 'c-xent', mistake: 'sums over the batch instead of averaging', from: 'tf.mean(picked)', to: 'tf.sum(picked)' },
  { card: 'c-xent', mistake: 'log-sum-exp over the wrong axis', from: 'tf.max(logits, -1, true)', to: 'tf.max(logits, 0, true)' },
  { card: 'c-momentum', mistake: 'damps the gradient by (1 − μ)', from: 'tf.add(tf.mul(velocity, momentum), grad)', to: 'tf.add(tf.mul(velocity, momentum), tf.mul(grad, 1 - momentum))' },
  { card: 'c-momentum', mistake: 'steps with the old velocity', from: 'tf.sub(param, tf.mul(lr, next))', to: 'tf.sub(param, tf.mul(lr, tf.add(velocity, grad)))' },
  { card: 'c-momentum', mistake: 'adds the step instead of subtracting it', from: 'tf.sub(param, tf.mul(lr, next))', to: 'tf.add(param, tf.mul(lr, next))' },
];

const cardOf = (id: string) => {
  const card = parsed.cards.find((c) => c.id === id);
  if (!card?.code || card.proofCode === null || card.proofLang === null) throw new Error(`${id} is not a coding card of 5-coding.md`);
  return { ...card, code: card.code, proofCode: card.proofCode, proofLang: card.proofLang };
};

const caught: string[] = [];
afterAll(() => {
  // The report the issue asks for: every planted mistake and whether the card's test caught it.
  console.log(`coding deck mutation score: ${caught.length}/${MISTAKES.length}\n${caught.map((line) => `  ✓ ${line}`).join('\n')}`);
});

describe('the coding deck (5-coding.md)', () => {
  it('parses, and every card is a coding card with a planted mistake below', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards.length).toBeGreaterThanOrEqual(6);
    for (const card of parsed.cards) {
      expect(card.code, card.id ?? '').not.toBeNull();
      expect(MISTAKES.some((m) => m.card === card.id), `${card.id} has no planted mistake`).toBe(true);
    }
  });

  it.each(MISTAKES.map((m) => [`${m.card}: ${m.mistake}`, m] as const))('%s is caught', async (_, { card: id, mistake, from, to }) => {
    const card = cardOf(id);
    const { solution } = card.code;
    expect(solution.code, `the mistake's text is not in ${id}'s solution`).toContain(from);
    const mutant = { ...solution, code: solution.code.replace(from, to) };
    const result = await runProofInNode(card.proofCode, card.proofLang, { subject: mutant, timeoutMs: 5000 });
    expect(result.ok, `${id}: "${mistake}" passed the card's test`).toBe(false);
    caught.push(`${id}: ${mistake} — ${result.error ?? result.checks.filter((c) => !c.ok).map((c) => c.name).join('; ')}`);
  });

  it.each(parsed.cards.map((card) => [card.id!] as const))('%s: the solution passes and the starter fails', async (id) => {
    const card = cardOf(id);
    const solution = await runProofInNode(card.proofCode, card.proofLang, { subject: card.code.solution });
    expect(solution.error).toBeNull();
    expect(solution.ok).toBe(true);
    expect((await runProofInNode(card.proofCode, card.proofLang, { subject: card.code.starter })).ok).toBe(false);
  });
});
