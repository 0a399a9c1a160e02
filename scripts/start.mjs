// `npm start`: the Electron app. What `npm install` cannot bring (Electron's binary, better-sqlite3 built for
// Electron's ABI) is fetched on first start by scripts/lib/desktopSetup.mjs; where it cannot be downloaded we say so
// in one line and point to browser mode. PROOFDECK_NETWORK_TIMEOUT_MS bounds the reachability test (default 10 s).
import { spawn } from 'node:child_process';
import { ensureBuilt, repoRoot } from './lib/build.mjs';
import { setupDesktop } from './lib/desktopSetup.mjs';

/** Runs a download step with its output (progress bars included) shown; resolves to its exit code. */
function exec(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' && command === 'npx' });
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

const timeoutMs = Number(process.env.PROOFDECK_NETWORK_TIMEOUT_MS) || 10_000;
const setup = await setupDesktop({ root: repoRoot, exec, timeoutMs, log: (line) => console.error(line) });
if (!setup.ok) {
  console.error(setup.line);
  process.exit(1);
}
try {
  ensureBuilt();
} catch (error) {
  console.error(`ProofDeck: ${error.message}`);
  process.exit(1);
}
const child = spawn(setup.binary, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
