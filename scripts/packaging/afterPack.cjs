// electron-builder's afterPack hook (before signing): refuses a package whose better-sqlite3 resource is not built
// for the packaged Electron's ABI (so even a direct `electron-builder` run cannot ship an app that cannot open its
// database), then sets the fuses of scripts/packaging/fuses.mjs with @electron/fuses. CommonJS because electron-builder
// 26.0 loads hooks with require(); the logic is in ES modules, imported.
const { createRequire } = require('node:module');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const ARM64 = 3; // electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4
const UNIVERSAL = 4;

/** @electron/fuses from the project (a devDependency) or from the tools scripts/dist.mjs fetched. */
function loadFuses(projectDir) {
  for (const base of [projectDir, join(projectDir, '.dist-tools')]) {
    try {
      return createRequire(join(base, 'package.json'))('@electron/fuses');
    } catch {
      // try the next place
    }
  }
  throw new Error('@electron/fuses is not installed: run `npm run dist` (it fetches @electron/fuses@1.8.0), not electron-builder directly.');
}

module.exports = async function afterPack(context) {
  const { judgeBinding, describeBinding, electronFacts } = await import('../lib/desktopSetup.mjs');
  const { fuseSettings, electronExecutable, resourcesDir } = await import('./fuses.mjs');
  const projectDir = context.packager.projectDir;
  const platform = context.electronPlatformName;
  const app = {
    appOutDir: context.appOutDir,
    platform,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  };
  const electron = electronFacts(projectDir);
  const binding = join(resourcesDir(app), 'native/better_sqlite3.node');
  const judgement = judgeBinding(existsSync(binding) ? readFileSync(binding) : null, { abi: electron.abi, platform: platform === 'mas' ? 'darwin' : platform });
  if (judgement.state !== 'ok') throw new Error(`ProofDeck: refusing to package: ${describeBinding(judgement, { abi: electron.abi, electronVersion: electron.version })}`);

  const { flipFuses, FuseVersion, FuseV1Options } = loadFuses(projectDir);
  const settings = Object.fromEntries(Object.entries(fuseSettings(platform)).map(([name, on]) => [FuseV1Options[name], on]));
  await flipFuses(electronExecutable(app), {
    version: FuseVersion.V1,
    // Flipping a fuse changes the binary; on Apple silicon an ad-hoc signature must then be redone to run at all.
    resetAdHocDarwinSignature: platform === 'darwin' && (context.arch === ARM64 || context.arch === UNIVERSAL),
    ...settings,
  });
};
