// What electron-builder.yml promises the installers hold, the afterPack hook that refuses a wrong database engine
// and sets the fuses (run on a packaged-app folder, with @electron/fuses replaced by a recorder — flipping a real
// Electron binary needs the download), and `npm run dist`'s refusal.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { repoRoot } from '../../../scripts/lib/build.mjs';
import { BINDING_PATH } from '../../../scripts/lib/desktopSetup.mjs';
import { distBindingRefusal, missingDistTools } from '../../../scripts/lib/dist.mjs';
import { fuseSettings } from '../../../scripts/packaging/fuses.mjs';
import { PACKAGED_BINDING } from '../../../main/electron/sqliteBinding';

const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8'));
const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));

/** The installed packages, among `names` and what they depend on (optional dependencies included), that ship a `.node` file. */
function nativePackagesOf(names: string[]): string[] {
  const seen = new Set<string>();
  const native: string[] = [];
  const hasAddon = (dir: string): boolean =>
    readdirSync(join(repoRoot, dir), { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? entry.name !== 'node_modules' && hasAddon(join(dir, entry.name)) : entry.name.endsWith('.node'),
    );
  const visit = (name: string) => {
    const dir = `node_modules/${name}`;
    if (seen.has(name) || !existsSync(join(repoRoot, dir, 'package.json'))) return; // another platform's optional package
    seen.add(name);
    if (hasAddon(dir)) native.push(dir);
    const manifest = readJson(`${dir}/package.json`);
    for (const next of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(next);
  };
  names.forEach(visit);
  return native;
}

const fakeAddon = (abi: number) => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60), Buffer.from(`\0node_register_module_v${abi}\0`)]);

describe('electron-builder.yml', () => {
  it('names the app and builds AppImage + deb, dmg and NSIS', () => {
    expect(config.appId).toBe('dev.proofdeck.app');
    expect(config.productName).toBe('ProofDeck');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it("packs the built-in decks where main/index.ts looks for them (process.resourcesPath/decks)", () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'decks', to: 'decks' }));
    expect(readFileSync(join(repoRoot, 'main/index.ts'), 'utf8')).toContain('app.isPackaged ? `${process.resourcesPath}/decks`');
  });

  it('packs the Electron build of better-sqlite3 where the packaged app loads it, keeps node_modules as is, unpacks the module', () => {
    expect(config.extraResources).toContainEqual({ from: BINDING_PATH, to: PACKAGED_BINDING.split('\\').join('/') });
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('unpacks every native module the packaged main process can load (a .node file inside the asar cannot be opened)', () => {
    const unpacked = (dir: string) => config.asarUnpack.some((glob: string) => `${dir}/`.startsWith(glob.replace(/\*\*$/, '')));
    const native = nativePackagesOf(Object.keys(readJson('package.json').dependencies));
    expect(native.some((dir) => dir.startsWith('node_modules/@open-spaced-repetition/binding-'))).toBe(true); // this platform's optimizer build
    expect(native.filter((dir) => !unpacked(dir))).toEqual([]);
  });

  it('has a 512×512 PNG icon made from the committed SVG', () => {
    const png = readFileSync(join(repoRoot, config.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(join(repoRoot, 'build/icon.svg'))).toBe(true);
  });

  it('leaves out only packages the main process never imports (the renderer has them bundled)', () => {
    const excluded = (config.files as string[]).find((f) => f.startsWith('!node_modules/{'))!.slice('!node_modules/{'.length, -'}/**'.length).split(',');
    const sources = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
    });
    const imported = new Set(sources(join(repoRoot, 'main')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^.'][^']*)'/g)].map((m) => m[1].split('/').slice(0, m[1].startsWith('@') ? 2 : 1).join('/'))));
    expect(imported.has('better-sqlite3')).toBe(true); // the scan sees the main process's packages
    for (const name of excluded) expect(imported.has(name), `${name} is imported by main/ but left out of the package`).toBe(false);
  });

  it('sets the fuses: RunAsNode, NODE_OPTIONS and inspect off; cookie encryption and asar-only on; asar integrity where checked', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      expect(fuseSettings(platform)).toMatchObject({
        RunAsNode: false, EnableNodeOptionsEnvironmentVariable: false, EnableNodeCliInspectArguments: false,
        EnableCookieEncryption: true, OnlyLoadAppFromAsar: true,
      });
    }
    expect(fuseSettings('darwin').EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuseSettings('linux').EnableEmbeddedAsarIntegrityValidation).toBe(false);
  });
});

/** A project as electron-builder sees it after packing for Linux, with a recording @electron/fuses. */
function packedProject(binding: Buffer | null) {
  const projectDir = mkdtempSync(join(tmpdir(), 'proofdeck-pack-'));
  mkdirSync(join(projectDir, 'node_modules/electron'), { recursive: true });
  writeFileSync(join(projectDir, 'node_modules/electron/package.json'), JSON.stringify({ version: '45.5.0' }));
  writeFileSync(join(projectDir, 'node_modules/electron/abi_version'), '150');
  const fuses = join(projectDir, '.dist-tools/node_modules/@electron/fuses');
  mkdirSync(fuses, { recursive: true });
  writeFileSync(join(fuses, 'package.json'), JSON.stringify({ name: '@electron/fuses', version: '1.8.0', main: 'index.js' }));
  // FuseV1Options as @electron/fuses 1.8.0 numbers them.
  writeFileSync(join(fuses, 'index.js'), `
    const FuseV1Options = { RunAsNode: 0, EnableCookieEncryption: 1, EnableNodeOptionsEnvironmentVariable: 2, EnableNodeCliInspectArguments: 3,
      EnableEmbeddedAsarIntegrityValidation: 4, OnlyLoadAppFromAsar: 5, LoadBrowserProcessSpecificV8Snapshot: 6, GrantFileProtocolExtraPrivileges: 7 };
    exports.FuseV1Options = FuseV1Options; exports.FuseVersion = { V1: '1' };
    exports.flipFuses = async (path, config) => require('fs').writeFileSync(${JSON.stringify(join(projectDir, 'flipped.json'))}, JSON.stringify({ path, config }));`);
  const appOutDir = join(projectDir, 'dist/linux-unpacked');
  mkdirSync(join(appOutDir, 'resources/native'), { recursive: true });
  if (binding) writeFileSync(join(appOutDir, 'resources/native/better_sqlite3.node'), binding);
  const context = { appOutDir, electronPlatformName: 'linux', arch: 1, packager: { projectDir, executableName: 'proofdeck', appInfo: { productFilename: 'ProofDeck' } } };
  return { projectDir, appOutDir, context };
}

describe('the afterPack hook', async () => {
  const afterPack = (await import('../../../scripts/packaging/afterPack.cjs')).default as (context: unknown) => Promise<void>;

  it('flips the promised fuses on the packaged executable', async () => {
    const { projectDir, appOutDir, context } = packedProject(fakeAddon(150));
    await afterPack(context);
    const { path, config: flipped } = JSON.parse(readFileSync(join(projectDir, 'flipped.json'), 'utf8'));
    expect(path).toBe(`${appOutDir}/proofdeck`);
    expect(flipped).toEqual({ version: '1', resetAdHocDarwinSignature: false, 0: false, 2: false, 3: false, 1: true, 5: true, 4: false });
  });

  it('refuses a package whose better-sqlite3 is missing or the Node build, before any fuse is flipped', async () => {
    for (const binding of [null, fakeAddon(115)]) {
      const { projectDir, context } = packedProject(binding);
      await expect(afterPack(context)).rejects.toThrow(/refusing to package: .*(missing|ABI 115)/);
      expect(existsSync(join(projectDir, 'flipped.json'))).toBe(false);
    }
  });
});

describe('npm run dist', () => {
  function checkout(binding: Buffer | null) {
    const root = mkdtempSync(join(tmpdir(), 'proofdeck-dist-'));
    mkdirSync(join(root, 'node_modules/electron'), { recursive: true });
    copyFileSync(join(repoRoot, 'node_modules/electron/package.json'), join(root, 'node_modules/electron/package.json'));
    writeFileSync(join(root, 'node_modules/electron/abi_version'), '150');
    if (binding) {
      mkdirSync(join(root, 'native/electron'), { recursive: true });
      writeFileSync(join(root, BINDING_PATH), binding);
    }
    return root;
  }

  it('refuses without the Electron build of better-sqlite3, or with the Node build copied in its place', () => {
    expect(distBindingRefusal(checkout(null), 'linux')).toMatch(/^ProofDeck: cannot package: native\/electron\/better_sqlite3.node is missing.* — run `npm start` once/);
    expect(distBindingRefusal(checkout(readFileSync(join(repoRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))), process.platform))
      .toMatch(/is built for ABI \d+ \(this Node, not Electron\), not Electron \d+\.\d+\.\d+ \(ABI 150\)/);
    expect(distBindingRefusal(checkout(fakeAddon(150)), 'linux')).toBeNull();
  });

  it('knows which pinned tools it still has to fetch', () => {
    const root = checkout(null);
    expect(missingDistTools(root)).toEqual(['electron-builder@26.0.8', '@electron/fuses@1.8.0']);
    mkdirSync(join(root, '.dist-tools/node_modules/@electron/fuses'), { recursive: true });
    writeFileSync(join(root, '.dist-tools/node_modules/@electron/fuses/package.json'), JSON.stringify({ version: '1.8.0' }));
    expect(missingDistTools(root)).toEqual(['electron-builder@26.0.8']);
  });

  const hasBinding = existsSync(join(repoRoot, BINDING_PATH));
  it.skipIf(hasBinding)('run for real without the binding: one line, exit 1, nothing downloaded or built', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/dist.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ProofDeck: cannot package: .*missing/)]);
  });
});
