// `npm start`'s first-start setup: which ABI, what is missing, what it fetches, where it goes, what it says offline.
// Real folders throughout; only the downloads (child processes) and the reachability test are stubbed.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  BINDING_NOTE_PATH, BINDING_PATH, bindingAbiOf, binaryFormatOf, childEnv, describeBinding, electronAbi, judgeBinding, setupDesktop,
  type Exec,
} from '../../../scripts/lib/desktopSetup.mjs';
import { repoRoot } from '../../../scripts/lib/build.mjs';

const NODE_BUILD = join(repoRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const ELECTRON_ABI = 150;
/** A stand-in native module: the platform's magic bytes and the registration symbol a real addon exports. */
const fakeAddon = (abi: number, magic = Buffer.from([0x7f, 0x45, 0x4c, 0x46])) =>
  Buffer.concat([magic, Buffer.alloc(64), Buffer.from(`\0node_register_module_v${abi}\0napi_module_register\0`)]);

describe('reading a native module', () => {
  it("reads the Node build's own ABI and format from the real better-sqlite3 binary", () => {
    const bytes = readFileSync(NODE_BUILD);
    expect(bindingAbiOf(bytes)).toBe(Number(process.versions.modules));
    expect(binaryFormatOf(bytes)).toBe(process.platform === 'linux' ? 'elf' : process.platform === 'darwin' ? 'mach-o' : 'pe');
  });

  it('tells ELF, PE and Mach-O apart, and names no ABI when symbols disagree or are absent', () => {
    expect(binaryFormatOf(Buffer.from('MZ\x90\0', 'latin1'))).toBe('pe');
    expect(binaryFormatOf(Buffer.from([0xcf, 0xfa, 0xed, 0xfe]))).toBe('mach-o');
    expect(binaryFormatOf(Buffer.from('<!DOCTYPE html>'))).toBeNull();
    expect(bindingAbiOf(Buffer.concat([fakeAddon(115), fakeAddon(150)]))).toBeNull();
    expect(bindingAbiOf(Buffer.from('no symbol here'))).toBeNull();
  });

  it("takes Electron's ABI from its abi_version file, else from node-abi's table", () => {
    expect(electronAbi({ abiVersionText: '150\n', version: '45.5.0' })).toBe(150);
    expect(electronAbi({ abiVersionText: null, version: '45.5.0', nodeAbiLookup: () => '150' })).toBe(150);
    expect(electronAbi({ abiVersionText: 'garbage', version: '99.0.0', nodeAbiLookup: () => { throw new Error('Could not detect abi'); } })).toBeNull();
  });

  it('judges a binding: missing, Node build mislabelled as Electron, another platform, no symbol, right', () => {
    const target = { abi: ELECTRON_ABI, platform: 'linux' as const };
    expect(judgeBinding(null, target)).toEqual({ state: 'missing' });
    expect(judgeBinding(fakeAddon(115), target)).toEqual({ state: 'wrong-abi', found: 115 });
    expect(judgeBinding(fakeAddon(150, Buffer.from('MZ\x90\0', 'latin1')), target)).toEqual({ state: 'wrong-platform', found: 'pe' });
    expect(judgeBinding(Buffer.from('<!DOCTYPE html><p>404</p>'), target)).toEqual({ state: 'wrong-platform', found: 'not a native module' });
    expect(judgeBinding(fakeAddon(150).subarray(0, 40), target)).toEqual({ state: 'unreadable' });
    expect(judgeBinding(fakeAddon(150), target)).toEqual({ state: 'ok' });
    expect(describeBinding({ state: 'wrong-abi', found: 115 }, { abi: 150, electronVersion: '45.5.0', nodeAbi: 115 }))
      .toBe(`${BINDING_PATH} is built for ABI 115 (this Node, not Electron), not Electron 45.5.0 (ABI 150)`);
  });

  it('removes nodedir from the downloads\' environment (it would build against Node\'s headers)', () => {
    expect(childEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

/** A checkout after `npm install` on a fresh machine: electron's package without its binary, better-sqlite3's Node build. */
function freshCheckout({ electronBinary = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-setup-'));
  const electron = join(root, 'node_modules/electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  writeFileSync(join(electron, 'abi_version'), `${ELECTRON_ABI}`);
  if (electronBinary) installFakeElectron(root);
  const sqlite = join(root, 'node_modules/better-sqlite3');
  mkdirSync(join(sqlite, 'build/Release'), { recursive: true });
  mkdirSync(join(sqlite, 'lib'));
  writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(sqlite, 'lib/index.js'), 'module.exports = {};');
  writeFileSync(join(sqlite, 'build/Release/better_sqlite3.node'), fakeAddon(115));
  return root;
}

function installFakeElectron(root: string) {
  mkdirSync(join(root, 'node_modules/electron/dist'), { recursive: true });
  writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron');
  writeFileSync(join(root, 'node_modules/electron/dist/electron'), '#!/bin/sh\n');
}

/** Stub downloads: each call is recorded; `results[i]` decides what call i leaves behind and its exit code. */
function downloads(results: Array<(cwd: string) => number>) {
  const calls: Array<{ command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }> = [];
  const exec: Exec = async (command, args, { cwd, env }) => {
    calls.push({ command, args, cwd, env });
    const result = results[calls.length - 1];
    if (!result) throw new Error(`unexpected download: ${command} ${args.join(' ')}`);
    return result(cwd);
  };
  return { exec, calls };
}
const writesBinding = (abi: number) => (cwd: string) => {
  const out = join(cwd.endsWith('better-sqlite3') ? cwd : join(cwd, 'node_modules/better-sqlite3'), 'build/Release/better_sqlite3.node');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, fakeAddon(abi));
  return 0;
};
const online = async () => null;
const base = { platform: 'linux' as const, arch: 'x64', env: {}, log: () => {} };

describe('setupDesktop (npm start on first run)', () => {
  it('fetches nothing and probes nothing when the binary and a right binding are there', async () => {
    const root = freshCheckout({ electronBinary: true });
    mkdirSync(join(root, 'native/electron'), { recursive: true });
    writeFileSync(join(root, BINDING_PATH), fakeAddon(ELECTRON_ABI));
    const { exec, calls } = downloads([]);
    let probed = false;
    const result = await setupDesktop({ ...base, root, exec, probe: async () => { probed = true; return null; } });
    expect(result).toEqual({ ok: true, binary: join(root, 'node_modules/electron/dist/electron') });
    expect(calls).toEqual([]);
    expect(probed).toBe(false);
  });

  it('offline: one line naming what it could not fetch and why, pointing to npm run web, and no download started', async () => {
    const root = freshCheckout();
    const { exec, calls } = downloads([]);
    const result = await setupDesktop({ ...base, root, exec, probe: async (host) => `${host} unreachable: ENOTFOUND` });
    expect(result).toEqual({
      ok: false,
      line: "ProofDeck: cannot download Electron 45.5.0's binary and better-sqlite3 for Electron 45.5.0 (github.com unreachable: ENOTFOUND) — run `npm run web` for browser mode (same app, same data), or see README \"Desktop app\" for the manual steps.",
    });
    expect(calls).toEqual([]);
  });

  it("fetches Electron's binary with its own install script, then the prebuilt binding for Electron's ABI into native/electron", async () => {
    const root = freshCheckout();
    const { exec, calls } = downloads([() => (installFakeElectron(root), 0), writesBinding(ELECTRON_ABI)]);
    const result = await setupDesktop({ ...base, root, exec, probe: online, env: { npm_config_nodedir: '/usr' } });
    expect(result).toEqual({ ok: true, binary: join(root, 'node_modules/electron/dist/electron') });
    expect(calls[0].args).toEqual([join(root, 'node_modules/electron/install.js')]);
    expect(calls[1].args.join(' ')).toContain('--runtime electron --target 45.5.0 --platform linux --arch x64');
    expect(calls.every((call) => !('npm_config_nodedir' in call.env))).toBe(true);
    expect(bindingAbiOf(readFileSync(join(root, BINDING_PATH)))).toBe(ELECTRON_ABI);
    expect(JSON.parse(readFileSync(join(root, BINDING_NOTE_PATH), 'utf8'))).toMatchObject({ electron: '45.5.0', abi: 150, source: 'prebuilt binary (prebuild-install)' });
    // node_modules keeps its Node build for the tests and browser mode.
    expect(bindingAbiOf(readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')))).toBe(115);
  });

  it('rejects a fetched binary built for Node and builds from source with @electron/rebuild instead', async () => {
    const root = freshCheckout({ electronBinary: true });
    mkdirSync(join(root, 'native/electron'), { recursive: true });
    writeFileSync(join(root, BINDING_PATH), fakeAddon(115)); // the Node build copied by hand: wrong ABI
    const { exec, calls } = downloads([writesBinding(115), writesBinding(ELECTRON_ABI)]);
    const result = await setupDesktop({ ...base, root, exec, probe: online });
    expect(result.ok).toBe(true);
    expect(calls[1].args).toEqual(expect.arrayContaining(['@electron/rebuild@3.7.2', '--build-from-source', '--version', '45.5.0', '--which-module', 'better-sqlite3']));
    expect(bindingAbiOf(readFileSync(join(root, BINDING_PATH)))).toBe(ELECTRON_ABI);
    expect(JSON.parse(readFileSync(join(root, BINDING_NOTE_PATH), 'utf8')).source).toBe('build from source (@electron/rebuild)');
  });

  it('when every way fails: one line with each reason, and the old binding left as it was', async () => {
    const root = freshCheckout({ electronBinary: true });
    const { exec } = downloads([() => 1, () => 127]);
    const result = await setupDesktop({ ...base, root, exec, probe: online });
    expect(result.ok).toBe(false);
    const line = (result as { line: string }).line;
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('prebuilt binary (prebuild-install) failed (exit 1); build from source (@electron/rebuild) failed (exit 127)');
    expect(line).toContain('npm run web');
    expect(existsSync(join(root, BINDING_PATH))).toBe(false);
  });

  it('does not fetch Electron over a user-chosen ELECTRON_OVERRIDE_DIST_PATH that holds none; says so in one line', async () => {
    const root = freshCheckout();
    const { exec, calls } = downloads([]);
    const result = await setupDesktop({ ...base, root, exec, probe: online, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/my-electron' } });
    expect(result).toEqual({ ok: false, line: expect.stringMatching(/^ProofDeck: ELECTRON_OVERRIDE_DIST_PATH \(\/opt\/my-electron\) holds no Electron executable — .*npm run web/) });
    expect(calls).toEqual([]);
  });

  it('behind a proxy it does not probe directly but lets the downloads try', async () => {
    const root = freshCheckout({ electronBinary: true });
    const { exec, calls } = downloads([writesBinding(ELECTRON_ABI)]);
    const result = await setupDesktop({ ...base, root, exec, env: { HTTPS_PROXY: 'http://proxy:3128' }, probe: async () => 'should not be asked' });
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(1);
  });
});

describe('npm start where nothing can be downloaded (run for real)', () => {
  // An unresolvable mirror makes the download host unreachable on any machine; where the desktop app is already
  // complete nothing is fetched and the app would start, so the check only applies to a machine that needs fetching.
  const complete = existsSync(join(repoRoot, 'node_modules/electron/path.txt')) && existsSync(join(repoRoot, BINDING_PATH));
  it.skipIf(complete)('prints one line pointing to npm run web and exits 1, within seconds', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/start.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_MIRROR: 'https://electron-mirror.invalid/', PROOFDECK_NETWORK_TIMEOUT_MS: '3000', HTTPS_PROXY: '', https_proxy: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ProofDeck: cannot download .*\(electron-mirror\.invalid unreachable: .*\) — run `npm run web`/)]);
  });
});
