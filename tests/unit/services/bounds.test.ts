// Issue 11, "Validation": arguments are bounded at the boundary, proof results are checked whole, and requests
// that name nothing that exists are refused instead of reported as done (or stored).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ANSWER_DURATION_MS } from '../../../main/contract/api';
import type { ProofResult } from '../../../main/contract/proof';
import type { Message } from '../../../main/contract/messages';
import { createDispatcher } from '../../../main/ipc/dispatch';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';
import { refusal } from '../helpers/refusal';

let c: TempCollection;
afterEach(() => c?.dispose());


/** A result as the sandbox sends it for a card with a plot, a table and a few logs. */
function proofResult(overrides: Partial<ProofResult> = {}): ProofResult {
  return {
    ok: true, backend: 'wasm', device: 'CPU (wasm SIMD)',
    checks: [{ name: 'manual Adam == tf.train.adam', ok: true, maxAbsError: 3.2e-7, maxRelError: 1.1e-6, detail: null }],
    logs: ['step 0 loss 0.693', 'step 99 loss 0.0123 — converged'],
    tables: [{ title: 'm_t', shape: [2, 2], rows: [[0.1, 0.2], [0.3, 'NaN']], truncated: false }],
    plots: [{ kind: 'line', title: 'loss', spec: { series: { adam: [0.69, 0.3, 0.01] } } }],
    ms: 41.7, leakedTensors: 0, logsTruncated: false, error: null,
    ...overrides,
  };
}

function studyDeck() {
  c = tempCollection({ builtIn: { 'opt.md': deckText('opt', [{ id: 'o-adam', q: 'Adam 的更新公式？' }, { id: 'o-sgd', q: 'SGD?' }]) } });
  return createDispatcher(c.app.api);
}

describe('bounds on numbers the renderer reports', () => {
  it.each([
    ['an answer time beyond the cap', 'answerCard', { deckId: null, cardId: 'o-adam', quality: 4, version: 0, durationMs: MAX_ANSWER_DURATION_MS + 1 }, 'durationMs'],
    ['an answer time of 1e300 ms', 'answerCard', { deckId: null, cardId: 'o-adam', quality: 4, version: 0, durationMs: 1e300 }, 'durationMs'],
    ['a negative proof time', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: proofResult({ ms: -5 }) }, 'result.ms'],
    ['a proof time of a month', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: proofResult({ ms: 2.6e9 }) }, 'result.ms'],
    ['fractional leaked tensors', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: proofResult({ leakedTensors: 0.5 }) }, 'result.leakedTensors'],
    ['negative leaked tensors', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: proofResult({ leakedTensors: -3 }) }, 'result.leakedTensors'],
    ['a billion leaked tensors', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: proofResult({ leakedTensors: 1e9 }) }, 'result.leakedTensors'],
    ['a log line that is not text', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: { ...proofResult(), logs: [{ toString: 1 }] } }, 'result.logs.0'],
    ['a plot of an unknown kind', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: proofResult({ plots: [{ kind: 'pie' as 'line', title: 't', spec: {} }] }) }, 'result.plots.0.kind'],
    ['a result without its tables', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: { ...proofResult(), tables: undefined } }, 'result.tables'],
    ['a result with a key of its own', 'recordProofRun', { cardId: 'o-adam', contentHash: 'h', result: { ...proofResult(), stored: 'elsewhere' } }, 'result.stored'],
  ])('refuses %s', async (_label, method, arg, path) => {
    const dispatch = studyDeck();
    const problem = await refusal(dispatch(method, arg));
    expect(problem.code).toBe('api.invalidArgument');
    expect(problem.params).toMatchObject({ method, path });
    expect((await c.app.api.sessionSummary({ since: 0 })).answered).toBe(0);
    expect(await c.app.api.proofRuns({ cardId: 'o-adam' })).toEqual([]);
  });

  it('accepts a whole proof result and an answer at the cap', async () => {
    const dispatch = studyDeck();
    await dispatch('recordProofRun', { cardId: 'o-adam', contentHash: 'h1', result: proofResult() });
    expect(await c.app.api.proofRuns({ cardId: 'o-adam' })).toMatchObject([{ backend: 'wasm', ok: true, ms: 41.7 }]);
    const step = await c.app.api.nextCard({ deckId: null });
    await dispatch('answerCard', { deckId: null, cardId: step.next!.card.id, quality: 4, version: step.next!.card.state.version, durationMs: MAX_ANSWER_DURATION_MS });
    expect((await c.app.api.sessionSummary({ since: 0 })).durationMs).toBe(MAX_ANSWER_DURATION_MS);
  });
});

describe('requests naming cards that do not exist', () => {
  it('a proof run for an unknown card is refused, not stored', async () => {
    const dispatch = studyDeck();
    const problem = await refusal(dispatch('recordProofRun', { cardId: 'o-adamw', contentHash: 'h', result: proofResult() }));
    expect(problem).toEqual({ code: 'proof.unknownCard', params: { cardId: 'o-adamw' } });
    expect(await c.app.api.proofRuns({ cardId: 'o-adamw' })).toEqual([]);
  });

  it.each([
    ['suspend', { kind: 'suspend' }],
    ['unsuspend', { kind: 'unsuspend' }],
    ['addTag', { kind: 'addTag', tag: 'adam' }],
    ['removeTag', { kind: 'removeTag', tag: 'adam' }],
    ['move', { kind: 'move', toDeckId: 'opt' }],
    ['delete', { kind: 'delete' }],
  ])('a bulk %s naming only unknown cards is refused and leaves no undo step', async (_kind, action) => {
    const dispatch = studyDeck();
    const problem = await refusal(dispatch('bulkEdit', { cardIds: ['gone-1', 'gone-2', 'gone-1'], action }));
    expect(['edit.noCardsFound', 'edit.cardNotFound']).toContain(problem.code);
    expect(await c.app.api.nextEditUndo()).toEqual({ label: null });
    expect((await c.app.api.getCard({ cardId: 'o-adam' })).card.state.queue).toBe('new');
  });

  it('suspending counts only the named cards that exist', async () => {
    const dispatch = studyDeck();
    const none = await refusal(dispatch('bulkEdit', { cardIds: ['gone-1', 'gone-2', 'gone-1'], action: { kind: 'suspend' } }));
    expect(none).toEqual({ code: 'edit.noCardsFound', params: { count: 2 } });
    const outcome = (await dispatch('bulkEdit', { cardIds: ['o-adam', 'gone-1'], action: { kind: 'suspend' } })) as { message: Message; cardIds: string[] };
    expect(outcome.message).toEqual({ code: 'done.suspended', params: { count: 1, suspended: true } });
    expect(outcome.cardIds).toEqual(['o-adam']);
  });
});

describe('the built-in decks are never a user folder', () => {
  function withBuiltInSubfolder() {
    c = tempCollection({ builtIn: { 'opt.md': deckText('opt', [{ id: 'o-adam', q: 'Adam?' }]) } });
    const nested = join(c.builtInDir, 'classics', 'svm.md');
    mkdirSync(dirname(nested), { recursive: true });
    writeFileSync(nested, deckText('svm', [{ id: 'svm-kernel', q: 'Kernel trick?' }]));
    c.app.sync();
    return createDispatcher(c.app.api);
  }

  it.each([
    ['the built-in folder', (t: TempCollection) => t.builtInDir],
    ['a folder inside it', (t: TempCollection) => join(t.builtInDir, 'classics')],
    ['a folder holding it', (t: TempCollection) => t.root],
    ['it spelled with ..', (t: TempCollection) => join(t.builtInDir, 'classics', '..')],
  ])('importing %s is refused and copies nothing', async (_label, pathOf) => {
    const dispatch = withBuiltInSubfolder();
    const problem = await refusal(dispatch('importDeckFolder', { path: pathOf(c) }));
    expect(problem.code).toBe('folder.builtInDecks');
    expect((await c.app.api.overview()).decks.map((d) => d.builtIn)).toEqual([true, true]);
    expect(await c.app.api.nextEditUndo()).toEqual({ label: null });
  });

  it.each([
    ['the built-in folder', (t: TempCollection) => t.builtInDir],
    ['a folder inside it', (t: TempCollection) => join(t.builtInDir, 'classics')],
  ])('adding %s as a deck folder is refused with the reason', async (_label, pathOf) => {
    const dispatch = withBuiltInSubfolder();
    const problem = await refusal(dispatch('addDeckFolder', { path: pathOf(c) }));
    expect(problem.code).toBe('folder.builtInDecks');
    expect((await c.app.api.deckFolders()).map((f) => f.kind)).toEqual(['built-in', 'default']);
  });
});
