// `npm start`: the Electron app. Electron's binary is a download from outside the npm registry; where it is
// missing we say so in one line instead of letting `require('electron')` fail obscurely.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ensureBuilt, repoRoot } from './lib/build.mjs';

const electronDir = join(repoRoot, 'node_modules/electron');
const pathFile = join(electronDir, 'path.txt');
const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
  : existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !existsSync(binary)) {
  console.error("ProofDeck: Electron's binary is not installed on this machine — run `npm run web` for browser mode (same app, same data), or see README \"Desktop app\" to install Electron.");
  process.exit(1);
}
try {
  ensureBuilt();
} catch (error) {
  console.error(`ProofDeck: ${error.message}`);
  process.exit(1);
}
const child = spawn(binary, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
