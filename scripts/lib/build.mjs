// Builds main, preload and renderer with electron-vite when the output is missing or older than its sources.
// One implementation for every entry point (web, start, test, deck:check, benches, e2e). Build output goes to
// stderr so commands with machine-readable stdout (deck:check --json) stay clean; a lock folder keeps parallel
// runs from building over each other.
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const repoRoot = new URL('../../', import.meta.url).pathname;

const OUTPUTS = ['out/renderer/index.html', 'out/renderer/sandbox.html', 'out/renderer/proof-harness.html', 'out/main/index.js', 'out/preload/preload.cjs'];
const SOURCES = ['main', 'renderer', 'electron.vite.config.ts', 'svelte.config.js', 'package-lock.json'];
const LOCK = join(repoRoot, 'out/.build-lock');
const LOCK_STALE_MS = 180_000;

function newestMtime(path) {
  const full = join(repoRoot, path);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(full)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** 'fresh', 'missing' or 'stale'. */
export function buildState() {
  const outputs = OUTPUTS.map((p) => join(repoRoot, p));
  if (!outputs.every((p) => existsSync(p))) return 'missing';
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return SOURCES.some((s) => newestMtime(s) > oldestOutput) ? 'stale' : 'fresh';
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock(work) {
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK} (another build running?)`);
      sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmdirSync(LOCK);
  }
}

/** Throws when the build fails (its output is on stderr). */
export function ensureBuilt({ force = false, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!force && buildState() === 'fresh') return;
  withLock(() => {
    const state = force ? 'forced' : buildState(); // another run may have built it while we waited
    if (state === 'fresh') return;
    log(`ProofDeck: build is ${state}; running electron-vite build…`);
    const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', 2, 2],
    });
    if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status}); see the output above.`);
  });
}
