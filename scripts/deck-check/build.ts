// Makes sure out/renderer holds a build of the current sources (the sandbox, its worker, the harness page).
// Builds with `npx electron-vite build` when it is missing or older than any source; build output goes to stderr
// so `--json` stdout stays clean. A lock folder keeps parallel runs from building over each other.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REQUIRED_OUTPUTS = ['sandbox.html', 'proof-harness.html'];
const SOURCE_ROOTS = ['renderer', 'main/contract', 'electron.vite.config.ts', 'svelte.config.js', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function rendererBuildState(repoRoot: string): 'fresh' | 'missing' | 'stale' {
  const outDir = join(repoRoot, 'out/renderer');
  const outputs = REQUIRED_OUTPUTS.map((name) => join(outDir, name));
  if (!outputs.every((file) => existsSync(file))) return 'missing';
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = Math.max(...SOURCE_ROOTS.map((path) => newestMtime(join(repoRoot, path))));
  return sources > built ? 'stale' : 'fresh';
}

async function withLock<T>(lockDir: string, work: () => T): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 180_000) rmdirSync(lockDir);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir} (another build running?)`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return work();
  } finally {
    rmdirSync(lockDir);
  }
}

export async function ensureRendererBuild(repoRoot: string, log: (line: string) => void): Promise<string> {
  const outDir = join(repoRoot, 'out/renderer');
  if (rendererBuildState(repoRoot) === 'fresh') return outDir;
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  await withLock(join(repoRoot, 'out/.build-lock'), () => {
    const state = rendererBuildState(repoRoot); // another run may have built it while we waited
    if (state === 'fresh') return;
    log(`deck:check: renderer build is ${state}; running npx electron-vite build …`);
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2], env: process.env });
    if (build.status !== 0) throw new Error(`npx electron-vite build failed (exit ${build.status}); see the output above.`);
  });
  return outDir;
}
