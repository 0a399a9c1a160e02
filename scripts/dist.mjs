// `npm run dist [-- electron-builder args]`: installers for this system (electron-builder.yml). Refuses without
// better-sqlite3 built for the packaged Electron's ABI; fetches the pinned packaging tools on first use.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, repoRoot } from './lib/build.mjs';
import { DIST_TOOLS_DIR, distBindingRefusal, distToolsUnavailableLine, missingDistTools } from './lib/dist.mjs';

const fail = (line) => {
  console.error(line);
  process.exit(1);
};
const onWindows = process.platform === 'win32';

const refusal = distBindingRefusal(repoRoot);
if (refusal) fail(refusal);

const missing = missingDistTools(repoRoot);
if (missing.length > 0) {
  const toolsDir = join(repoRoot, DIST_TOOLS_DIR);
  mkdirSync(toolsDir, { recursive: true });
  if (!existsSync(join(toolsDir, 'package.json'))) writeFileSync(join(toolsDir, 'package.json'), '{ "private": true }\n');
  console.error(`ProofDeck: fetching ${missing.join(', ')} into ${DIST_TOOLS_DIR}/ (once)…`);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...missing], { cwd: toolsDir, stdio: 'inherit', shell: onWindows });
  if (install.status !== 0) fail(distToolsUnavailableLine(install.status ?? 1));
}

try {
  ensureBuilt();
} catch (error) {
  fail(`ProofDeck: ${error.message}`);
}
const builder = join(repoRoot, DIST_TOOLS_DIR, 'node_modules/.bin', onWindows ? 'electron-builder.cmd' : 'electron-builder');
const run = spawnSync(builder, ['--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit', shell: onWindows });
process.exit(run.status ?? 1);
