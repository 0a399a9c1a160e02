// Coding cards in review (issue 17 step 2): the card's code reaches the review from its deck file, and the user's
// last attempt is kept per card in its own table (never in proof_runs), across a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCollection, type TempCollection } from '../helpers/collection';
import { refusal } from '../helpers/refusal';

const CODING_DECK = readFileSync(join(__dirname, '../../fixtures/coding-review/coding.md'), 'utf8');
const attempt = { cardId: 'cr-softmax', code: 'function softmax(x) { return tf.softmax(x); }', passed: true, checksPassed: 3, checksTotal: 3, runs: 2, solveMs: 240_000 };

let c: TempCollection;
afterEach(() => c?.dispose());

describe('coding cards in review', () => {
  it('give the review their starter and solution from the deck file; other cards carry none', async () => {
    c = tempCollection({ user: { 'coding.md': CODING_DECK } });
    const first = (await c.app.api.nextCard({ deckId: 'coding-review' })).next!;
    expect(first.card.id).toBe('cr-softmax');
    expect(first.card.code?.starter.code).toContain('return x; // TODO');
    expect(first.card.code?.solution.code).toContain('tf.max(x, -1, true)');
    expect(first.card.proofCode).toContain("check.close('each row sums to 1'");
    expect(first.lastAttempt).toBeNull();
    await c.app.api.answerCard({ deckId: 'coding-review', cardId: 'cr-softmax', quality: 4, version: first.card.state.version, durationMs: 1000 });
    const plain = (await c.app.api.nextCard({ deckId: 'coding-review' })).next!;
    expect(plain.card.id).toBe('cr-plain');
    expect(plain.card.code).toBeNull();
    expect(plain.lastAttempt).toBeNull();
  });

  it('keep the last attempt per card across a restart, replacing the one before, outside proof_runs', async () => {
    c = tempCollection({ user: { 'coding.md': CODING_DECK } });
    await c.app.api.recordCodeAttempt({ ...attempt, code: 'wrong', passed: false, checksPassed: 1, runs: 1, solveMs: 60_000 });
    c.clock.advanceMs(5000);
    const kept = await c.app.api.recordCodeAttempt(attempt);
    expect(kept).toEqual({ code: attempt.code, passed: true, checksPassed: 3, checksTotal: 3, runs: 2, solveMs: 240_000, at: c.clock.epochMs });
    c.reopen();
    const shown = (await c.app.api.nextCard({ deckId: 'coding-review' })).next!;
    expect(shown.lastAttempt).toEqual(kept);
    expect(await c.app.api.proofRuns({ cardId: 'cr-softmax' })).toEqual([]);
  });

  it('refuse an attempt at a card that is not a coding card, or not a card', async () => {
    c = tempCollection({ user: { 'coding.md': CODING_DECK } });
    expect((await refusal(c.app.api.recordCodeAttempt({ ...attempt, cardId: 'cr-plain' }))).code).toBe('proof.notCodingCard');
    expect((await refusal(c.app.api.recordCodeAttempt({ ...attempt, cardId: 'nope' }))).code).toBe('proof.notCodingCard');
  });
});
