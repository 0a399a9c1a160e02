// deck:check end to end: the CLI contract (exit codes, stderr, JSON rows) and the hostile proofs, run in real
// Chromium through the app's sandbox. Needs a Chromium (scripts/lib/chromium.mjs finds Debian's).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSpyServer, type SpyServer } from '../../fixtures/spyServer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeckCheckArgs } from '../../../scripts/deck-check/args';
import { backendsToRun } from '../../../scripts/deck-check/main';
import type { DeckCheckRow } from '../../../scripts/deck-check/report';

const repoRoot = join(import.meta.dirname, '../../..');
const fixtures = join(repoRoot, 'tests/fixtures/proofs');

function deckCheck(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/deck-check.mjs', ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-check-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('deck:check arguments (no browser)', () => {
  it('parses the documented options and defaults to decks/', () => {
    expect(parseDeckCheckArgs([])).toEqual({ targets: ['decks'], backend: 'all', json: false, requireProofs: false });
    expect(parseDeckCheckArgs(['a.md', '--backend', 'wasm', '--json', '--require-proofs'])).toEqual({ targets: ['a.md'], backend: 'wasm', json: true, requireProofs: true });
    expect(parseDeckCheckArgs(['--backend=webgl'])).toMatchObject({ backend: 'webgl' });
    expect(parseDeckCheckArgs(['--backend', 'tpu'])).toHaveProperty('error');
    expect(parseDeckCheckArgs(['--backend'])).toHaveProperty('error');
    expect(parseDeckCheckArgs(['--fast'])).toHaveProperty('error');
  });

  it('`all` is cpu, wasm, webgl (software too) and webgpu only on hardware; a named one must exist', () => {
    const infos = [
      { backend: 'cpu', available: true, device: 'CPU', software: false },
      { backend: 'wasm', available: true, device: 'wasm', software: false },
      { backend: 'webgl', available: true, device: 'SwiftShader (software)', software: true },
      { backend: 'webgpu', available: true, device: 'swiftshader (software)', software: true },
    ] as const;
    expect(backendsToRun('all', [...infos])).toEqual(['cpu', 'wasm', 'webgl']);
    expect(backendsToRun('all', [...infos.slice(0, 3), { ...infos[3], software: false }])).toEqual(['cpu', 'wasm', 'webgl', 'webgpu']);
    expect(backendsToRun('webgpu', [...infos.slice(0, 3), { ...infos[3], available: false }])).toHaveProperty('error');
  });
});

describe('deck:check CLI', () => {
  it('usage errors exit 2', async () => {
    expect((await deckCheck(['--backend', 'tpu'])).code).toBe(2);
    const missing = await deckCheck([join(work, 'nope.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
  });

  it('parse errors: every error as file:line: message on stderr, nothing runs, exit 2, --json prints []', async () => {
    const broken = join(work, 'broken.md');
    writeFileSync(broken, '---\nid: broken\ndeck: Broken\nversion: 1\n---\n\n## Q {#same}\n\nA\n\n## Q2 {#same}\n\n```js proof\ncheck.true("x", true)\n```\n');
    const result = await deckCheck([broken, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout.trim()).toBe('[]');
    expect(result.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: .*same`));
  });

  it('runs every proof on the named backend, lists cards without one, and --require-proofs makes them fail the run', async () => {
    const basic = join(fixtures, 'basic.md');
    const result = await deckCheck([basic, '--backend', 'cpu', '--json']);
    expect(result.stderr).not.toMatch(/FAIL/);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as DeckCheckRow[];
    expect(rows).toEqual([
      { file: basic, deck: 'proof-fixture-basic', card: 'fx-matmul', run: 'proof', expect: 'pass', backend: 'cpu', device: 'CPU (JavaScript)', ok: true, checksPassed: 1, checksTotal: 1, ms: expect.any(Number), error: null },
      { file: basic, deck: 'proof-fixture-basic', card: 'fx-softmax-ts', run: 'proof', expect: 'pass', backend: 'cpu', device: 'CPU (JavaScript)', ok: true, checksPassed: 2, checksTotal: 2, ms: expect.any(Number), error: null },
      { file: basic, deck: 'proof-fixture-basic', card: 'fx-no-proof', run: 'proof', expect: 'pass', backend: null, device: null, ok: null, checksPassed: 0, checksTotal: 0, ms: null, error: null },
    ]);
    expect((await deckCheck([basic, '--backend', 'cpu', '--require-proofs'])).code).toBe(1);
  }, 120_000);

  it('a failing proof exits 1 and names the failed check; deck files are never written', async () => {
    const file = join(work, 'failing.md');
    const text = '---\nid: failing\ndeck: Failing\nversion: 1\n---\n\n## Wrong softmax\n\n```js proof\ncheck.close("softmax", tf.softmax(tf.tensor1d([1, 2])), [0.5, 0.5]);\n```\n';
    writeFileSync(file, text);
    const result = await deckCheck([file, '--backend', 'wasm']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL\s+failing\s+#1\s+wasm\s+0\/1/);
    expect(result.stdout).toMatch(/check "softmax" failed: 2 of 2 elements not close/);
    expect(readFileSync(file, 'utf8')).toBe(text); // the card without an id did not get one written
  }, 120_000);

  it('runs a coding card\'s test with its solution (must pass) and its starter (must fail); a passing starter fails the run', async () => {
    const coding = join(fixtures, 'coding.md');
    const result = await deckCheck([coding, '--backend', 'cpu', '--json']);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as DeckCheckRow[];
    expect(rows.map(({ card, run, expect: expected, ok }) => ({ card, run, expect: expected, ok }))).toEqual([
      { card: 'fx-code-softmax', run: 'solution', expect: 'pass', ok: true },
      { card: 'fx-code-softmax', run: 'starter', expect: 'fail', ok: false },
      { card: 'fx-code-weak', run: 'solution', expect: 'pass', ok: true },
      { card: 'fx-code-weak', run: 'starter', expect: 'fail', ok: true },
      { card: 'fx-code-plain', run: 'proof', expect: 'pass', ok: true },
    ]);
    // The starter's failure names the check and the inputs it ran on.
    expect(rows[1].error).toBe('check "rows match tf.softmax, even at large logits" failed: actual: expected a number, array, typed array or tensor, got undefined (inputs: x = [[1000, 1001], [0, 0]])');
    const table = await deckCheck([coding, '--backend', 'cpu']);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/ok\s+proof-fixture-coding\s+fx-code-softmax\s+starter \(should fail\)\s+cpu\s+0\/1/);
    expect(table.stdout).toMatch(/FAIL\s+proof-fixture-coding\s+fx-code-weak\s+starter \(should fail\)\s+cpu\s+1\/1[^\n]*\n\s+↳ the starter passes its tests/);
    expect(table.stdout).toMatch(/^4 passed, 1 failed, 0 without a proof$/m);
  }, 120_000);
});

/** What each hostile card must end as: 'pass', or a failure whose error matches. */
const HOSTILE_EXPECTATIONS: Record<string, 'pass' | RegExp> = {
  'h-infinite-loop': /Timed out after 3000 ms/,
  'h-never-settles': /Timed out after 3000 ms/,
  'h-oom-js': /Timed out|crashed|memory|Invalid array length/i,
  'h-huge-tensor': /above the proof cap/,
  'h-reach-app': 'pass',
  'h-forged-messages': /check "the real check fails" failed/,
  'h-navigate': 'pass',
  'h-alert': /alert is not defined/,
  'h-million-logs': 'pass',
  'h-huge-table': 'pass',
  'h-throw-number': /^threw 42$/,
  'h-throw-nasty': /cannot be printed/,
  'h-self-close': /self\.close\(\) is not allowed/,
  'h-timers': 'pass',
  'h-builtins': 'pass',
  'h-tf-reset': 'pass',
  'h-leaks': 'pass',
  'h-syntax': /Syntax error in the proof at line 2/,
  'n-fetch': 'pass',
  'n-xhr': 'pass',
  'n-websocket': 'pass',
  'n-eventsource': 'pass',
  'n-importscripts': 'pass',
  'n-dynamic-import': 'pass',
  'n-sendbeacon': 'pass',
  'n-nested-worker': 'pass',
};

describe('hostile proofs through deck:check', () => {
  let spy: SpyServer;
  beforeAll(async () => {
    spy = await startSpyServer();
  });
  afterAll(() => spy.close());

  it('fails the hostile proofs with clear reasons, passes the ones judged by their checks, and every good proof after them passes; the spy server sees nothing', async () => {
    const port = spy.port;
    const network = join(work, 'hostile-network.md');
    writeFileSync(network, readFileSync(join(fixtures, 'hostile-network.md'), 'utf8').replaceAll('47999', String(port)));
    const hostile = join(fixtures, 'hostile.md');
    const result = await deckCheck([hostile, network, '--backend', 'wasm', '--json'], { PROOFDECK_PROOF_TIMEOUT_MS: '3000' });
    const rows = JSON.parse(result.stdout) as DeckCheckRow[];
    expect(result.code).toBe(1);
    const byCard = new Map(rows.map((row) => [row.card, row]));
    expect(rows.filter((row) => row.card.startsWith('h-') || row.card.startsWith('n-')).length).toBeGreaterThanOrEqual(26);
    for (const [card, expected] of Object.entries(HOSTILE_EXPECTATIONS)) {
      const row = byCard.get(card);
      expect(row, card).toBeDefined();
      if (expected === 'pass') expect({ card, ok: row!.ok, error: row!.error }).toEqual({ card, ok: true, error: null });
      else {
        expect({ card, ok: row!.ok }).toEqual({ card, ok: false });
        expect(row!.error, card).toMatch(expected);
      }
    }
    const good = rows.filter((row) => row.card.startsWith('g-') || row.card === 'n-good');
    expect(good.length).toBeGreaterThanOrEqual(18);
    for (const row of good) expect({ card: row.card, ok: row.ok, error: row.error }).toEqual({ card: row.card, ok: true, error: null });
    expect(spy.seen).toEqual([]);
  }, 240_000);
});
