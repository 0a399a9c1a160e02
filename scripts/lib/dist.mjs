// `npm run dist`'s decisions: whether the Electron build of better-sqlite3 fits the Electron being packaged, and
// how the packaging tools are fetched (electron-builder 26.0.8 and @electron/fuses 1.8.0, pinned for Node 20, into
// .dist-tools/ — not devDependencies: electron-builder's tree holds a GitHub tarball, which `npm ci` cannot fetch
// where only the npm registry is reachable).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BINDING_PATH, describeBinding, electronFacts, judgeBinding } from './desktopSetup.mjs';

export const DIST_TOOLS_DIR = '.dist-tools';
export const DIST_TOOLS = { 'electron-builder': '26.0.8', '@electron/fuses': '1.8.0' };

/** null when the binding fits, else the one line `dist` refuses with. */
export function distBindingRefusal(root, platform = process.platform) {
  const electron = electronFacts(root);
  const file = join(root, BINDING_PATH);
  const judgement = judgeBinding(existsSync(file) ? readFileSync(file) : null, { abi: electron.abi, platform });
  if (judgement.state === 'ok') return null;
  return `ProofDeck: cannot package: ${describeBinding(judgement, { abi: electron.abi, electronVersion: electron.version })} — run \`npm start\` once on this machine (it fetches it), or see README "Installers".`;
}

/** The tools whose pinned version is not installed in .dist-tools/ yet, as npm install specs. */
export function missingDistTools(root) {
  return Object.entries(DIST_TOOLS)
    .filter(([name, version]) => {
      const manifest = join(root, DIST_TOOLS_DIR, 'node_modules', name, 'package.json');
      return !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== version;
    })
    .map(([name, version]) => `${name}@${version}`);
}

export function distToolsUnavailableLine(code) {
  return `ProofDeck: cannot download the packaging tools (${Object.entries(DIST_TOOLS).map(([n, v]) => `${n}@${v}`).join(', ')}; npm exit ${code}) — packaging needs the npm registry and GitHub (Electron's zip); see README "Installers".`;
}
