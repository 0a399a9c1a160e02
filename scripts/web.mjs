// `npm run web`: browser mode — builds if needed, then serves the app on 127.0.0.1 and prints the URL to open,
// `http://<per-run random name>.localhost:<port>/?token=…` (Chromium resolves *.localhost to loopback itself).
import { spawn } from 'node:child_process';
import { ensureBuilt, repoRoot } from './lib/build.mjs';

try {
  ensureBuilt();
} catch (error) {
  console.error(`ProofDeck: ${error.message}`);
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/main.ts', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
