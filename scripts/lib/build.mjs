// Builds main, preload and renderer with electron-vite when the output is missing or older than its sources.
// Build output goes to stderr so commands with machine-readable stdout (deck:check --json) stay clean.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const repoRoot = new URL('../../', import.meta.url).pathname;

const OUTPUTS = ['out/renderer/index.html', 'out/renderer/sandbox.html', 'out/main/index.js', 'out/preload/preload.cjs'];
const SOURCES = ['main', 'renderer', 'electron.vite.config.ts', 'svelte.config.js', 'package-lock.json'];

function newestMtime(path) {
  const full = join(repoRoot, path);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(full)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function needsBuild() {
  const outputs = OUTPUTS.map((p) => join(repoRoot, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return SOURCES.some((s) => newestMtime(s) > oldestOutput);
}

export function ensureBuilt({ force = false } = {}) {
  if (!force && !needsBuild()) return;
  process.stderr.write('ProofDeck: building (electron-vite build)…\n');
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write('ProofDeck: the build failed (see above).\n');
    process.exit(result.status ?? 1);
  }
}
