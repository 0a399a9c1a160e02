// `npm test`: everything CI checks, in order — a Chromium is found (or installed), types are checked, unit tests
// run on real SQLite files, the built-in decks' proofs run in real Chromium on every CPU-machine backend, and the
// end-to-end specs drive the real app. Every step runs even if an earlier one failed; the exit code says if any did.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './lib/chromium.mjs';
import { ensureBuilt, repoRoot } from './lib/build.mjs';

const resultsDir = join(repoRoot, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const chromium = await findChromium();
process.env.PROOFDECK_CHROMIUM = chromium;
console.log(`Chromium: ${chromium}`);

const bin = (name) => join(repoRoot, 'node_modules/.bin', name);
const steps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ title, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

run('Type check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('Type check (svelte-check)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'human']);

const vitestJson = join(resultsDir, 'vitest.json');
run('Unit tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

try {
  ensureBuilt();
  steps.push({ title: 'Build (electron-vite)', ok: true, seconds: '-' });
} catch (error) {
  console.error(error.message);
  steps.push({ title: 'Build (electron-vite)', ok: false, seconds: '-' });
}

const deckJson = join(resultsDir, 'deck-check.json');
// One run, JSON to a file (stdout stays machine-readable); the summary below is printed from it.
const deckOk = run('Built-in decks (the coding deck among them): every proof on cpu, wasm and webgl (deck:check --require-proofs)', 'bash', [
  '-c',
  `node scripts/deck-check.mjs decks --backend all --require-proofs --json > ${JSON.stringify(deckJson)}`,
]);
if (existsSync(deckJson)) {
  let rows = null;
  try {
    rows = JSON.parse(readFileSync(deckJson, 'utf8'));
  } catch {
    if (!deckOk) totals.failed++;
  }
  if (rows) {
    const byBackend = new Map();
    for (const row of rows) {
      // As deck:check counts: a row fails when `ok` differs from its expectation (a coding card's starter must
      // fail its tests); a card without a proof (ok null) fails under --require-proofs.
      const met = row.ok !== null && row.ok === ((row.expect ?? 'pass') === 'pass');
      met ? totals.passed++ : totals.failed++;
      const entry = byBackend.get(row.backend) ?? { ok: 0, all: 0, ms: [], device: row.device };
      entry.all++;
      if (met) entry.ok++;
      if (typeof row.ms === 'number') entry.ms.push(row.ms);
      byBackend.set(row.backend, entry);
      const why = row.ok ? 'the starter passes its tests' : row.error ?? `${row.checksPassed}/${row.checksTotal} checks`;
      if (!met) console.log(`FAIL ${row.file} #${row.card}${row.run && row.run !== 'proof' ? ` (${row.run})` : ''} on ${row.backend}: ${why}`);
    }
    for (const [backend, entry] of byBackend) {
      const sorted = entry.ms.sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      console.log(`${String(backend).padEnd(7)} ${entry.ok}/${entry.all} runs as expected  median ${median.toFixed(0)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(0)} ms  (${entry.device})`);
    }
  }
}

const pwJson = join(resultsDir, 'playwright.json');
const electronPathFile = join(repoRoot, 'node_modules/electron/path.txt');
if (!existsSync(electronPathFile) || !existsSync(join(repoRoot, 'node_modules/electron/dist', readFileSync(electronPathFile, 'utf8').trim()))) {
  console.log("\nNote: Electron's binary is not installed here, so the e2e specs' electron project is skipped (browser mode runs the same specs).");
}
run('End-to-end (Playwright: browser mode on Chromium; Electron where installed)', bin('playwright'), ['test'], { PROOFDECK_PW_JSON: pwJson });
if (existsSync(pwJson)) {
  const stats = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
  totals.passed += stats.expected ?? 0;
  totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  totals.skipped += stats.skipped ?? 0;
}

console.log('\n━━ Summary ━━');
for (const step of steps) console.log(`${step.ok ? 'ok  ' : 'FAIL'}  ${step.title} (${step.seconds}s)`);
const failedSteps = steps.filter((s) => !s.ok).length;
console.log(`\n${totals.passed} passed, ${totals.failed + (failedSteps && !totals.failed ? failedSteps : 0)} failed, ${totals.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);
