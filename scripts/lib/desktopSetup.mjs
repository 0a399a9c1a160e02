// What the desktop app needs beyond `npm install`, and how `npm start` gets it: Electron's binary (a download from
// GitHub, not the npm registry) and better-sqlite3 built for Electron's ABI, kept in native/electron/ so that the
// Node build in node_modules keeps serving `npm test` and `npm run web`.
// The decisions (what is missing, which ABI, what to fetch, where it goes, what to say offline) are pure functions;
// `setupDesktop` runs them with the two boundaries injected — `exec` (every download is a child process) and `probe`
// (can the download host be reached) — so tests stub exactly the downloads and use real folders for the rest.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export const BINDING_PATH = 'native/electron/better_sqlite3.node';
/** Beside the binding: which Electron it was made for and how (informational; the ABI check reads the binary). */
export const BINDING_NOTE_PATH = 'native/electron/better_sqlite3.json';
/** Versions that run on Node 20 (@electron/rebuild 4 needs Node 22). */
export const TOOLS = { prebuildInstall: 'prebuild-install@7.1.3', electronRebuild: '@electron/rebuild@3.7.2' };
export const WEB_FALLBACK = 'run `npm run web` for browser mode (same app, same data), or see README "Desktop app" for the manual steps';

/** The executable format each platform loads; a binding of another format was made for another system. */
const FORMAT_BY_PLATFORM = { linux: 'elf', darwin: 'mach-o', win32: 'pe' };

/** 'elf', 'mach-o', 'pe' or null, from the file's magic bytes. */
export function binaryFormatOf(bytes) {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) return 'elf';
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) return 'pe';
  const magic = bytes.readUInt32BE(0);
  // 64- and 32-bit Mach-O in either byte order, and a universal ("fat") binary.
  if ([0xfeedfacf, 0xcffaedfe, 0xfeedface, 0xcefaedfe, 0xcafebabe].includes(magic)) return 'mach-o';
  return null;
}

/**
 * The ABI (NODE_MODULE_VERSION) a native module was compiled for, read from the binary itself: a context-aware
 * addon (better-sqlite3 uses NODE_MODULE_INIT) exports `node_register_module_v<ABI>`, and the runtime looks up
 * exactly its own number. Reading it catches a binding labelled Electron's but built against Node's headers (what
 * a rebuild with `nodedir=/usr` silently does). null when no such symbol is found.
 */
export function bindingAbiOf(bytes) {
  const found = new Set([...bytes.toString('latin1').matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])));
  return found.size === 1 ? [...found][0] : null;
}

/** Electron's ABI: the `abi_version` file its npm package ships, else node-abi's table, else null. */
export function electronAbi({ abiVersionText, version, nodeAbiLookup }) {
  const fromFile = Number.parseInt(String(abiVersionText ?? '').trim(), 10);
  if (Number.isInteger(fromFile) && fromFile > 0) return fromFile;
  try {
    const fromTable = Number(nodeAbiLookup?.(version));
    return Number.isInteger(fromTable) && fromTable > 0 ? fromTable : null;
  } catch {
    return null;
  }
}

/**
 * Whether a binding serves Electron on this platform: { state: 'ok' | 'missing' | 'wrong-platform' | 'unreadable'
 * | 'wrong-abi', found? }. `bytes` is null when there is no file.
 */
export function judgeBinding(bytes, { abi, platform }) {
  if (!bytes) return { state: 'missing' };
  const format = binaryFormatOf(bytes);
  if (format !== FORMAT_BY_PLATFORM[platform]) return { state: 'wrong-platform', found: format ?? 'not a native module' };
  const found = bindingAbiOf(bytes);
  if (found === null) return { state: 'unreadable' };
  return found === abi ? { state: 'ok' } : { state: 'wrong-abi', found };
}

/** A judgement in words, for `dist`'s refusal and setup's log. */
export function describeBinding(judgement, { abi, electronVersion, nodeAbi = Number(process.versions.modules) }) {
  const wanted = `Electron ${electronVersion} (ABI ${abi})`;
  switch (judgement.state) {
    case 'ok': return `${BINDING_PATH} is built for ${wanted}`;
    case 'missing': return `${BINDING_PATH} is missing; it must be better-sqlite3 built for ${wanted}`;
    case 'wrong-platform': return `${BINDING_PATH} is a ${judgement.found} file, not a native module for this system`;
    case 'unreadable': return `${BINDING_PATH} names no ABI (no node_register_module_v<N> symbol); it must be built for ${wanted}`;
    case 'wrong-abi':
      return `${BINDING_PATH} is built for ABI ${judgement.found}${judgement.found === nodeAbi ? ' (this Node, not Electron)' : ''}, not ${wanted}`;
    default: throw new Error(`unknown binding state ${judgement.state}`);
  }
}

/** What `npm start` must fetch: { electron, binding } booleans. */
export function planSetup({ electronBinaryPresent, binding }) {
  return { electron: !electronBinaryPresent, binding: binding.state !== 'ok' };
}

/** The host the downloads come from (a mirror when the user set one), to probe before starting them. */
export function downloadHost(env) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror;
  try {
    return mirror ? new URL(mirror).hostname : 'github.com';
  } catch {
    return 'github.com';
  }
}

/** A proxy makes a direct connection test meaningless: then the downloads themselves are the test. */
export function usesProxy(env) {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.npm_config_https_proxy || env.npm_config_proxy);
}

/** The things being fetched, in words, for progress and for the one-line failure. */
export function wantedThings(plan, electronVersion) {
  return [plan.electron && `Electron ${electronVersion}'s binary`, plan.binding && `better-sqlite3 for Electron ${electronVersion}`].filter(Boolean);
}

/** The single line `npm start` prints when the downloads cannot happen. */
export function offlineLine({ things, reason }) {
  return `ProofDeck: cannot download ${things.join(' and ')} (${reason}) — ${WEB_FALLBACK}.`;
}

/**
 * The child environment: without `nodedir`, which would make node-gyp build against the system's Node headers
 * and give a Node-ABI binary labelled as Electron's.
 */
export function childEnv(env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) if (/^npm_config_nodedir$/i.test(key)) delete clean[key];
  return clean;
}

/**
 * The ways to get better-sqlite3 for Electron, in order: the prebuilt binary better-sqlite3 publishes for each
 * Electron ABI (seconds), then a build from source with @electron/rebuild (needs a C++ toolchain; minutes). Both run
 * in a staging copy of the package, so node_modules keeps its Node build.
 */
export function bindingAttempts({ electronVersion, platform, arch, stagingDir, prebuildInstallBin, node }) {
  const packageDir = join(stagingDir, 'node_modules/better-sqlite3');
  const prebuildArgs = ['--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch, '--verbose'];
  return [
    {
      name: 'prebuilt binary (prebuild-install)',
      command: prebuildInstallBin ? node : 'npx',
      args: prebuildInstallBin ? [prebuildInstallBin, ...prebuildArgs] : ['--yes', TOOLS.prebuildInstall, ...prebuildArgs],
      cwd: packageDir,
    },
    {
      name: 'build from source (@electron/rebuild)',
      command: 'npx',
      args: ['--yes', TOOLS.electronRebuild, '--force', '--build-from-source', '--which-module', 'better-sqlite3', '--module-dir', stagingDir, '--version', electronVersion, '--arch', arch],
      cwd: stagingDir,
    },
  ];
}

/** Where each attempt leaves its binary. */
export const stagedBinding = (stagingDir) => join(stagingDir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

// ---- The runner: real folders, injected downloads. ----

const readIfExists = (path) => (existsSync(path) ? readFileSync(path) : null);

/** Electron's version, ABI and whether its binary is present, from node_modules/electron. */
export function electronFacts(root, env = process.env, platform = process.platform) {
  const dir = join(root, 'node_modules/electron');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let nodeAbiLookup;
  try {
    const nodeAbi = createRequire(join(root, 'package.json'))('node-abi');
    nodeAbiLookup = (v) => nodeAbi.getAbi(v, 'electron');
  } catch {
    nodeAbiLookup = undefined;
  }
  const abi = electronAbi({ abiVersionText: readIfExists(join(dir, 'abi_version'))?.toString('utf8'), version, nodeAbiLookup });
  return { version, abi, binary: electronBinaryPath(root, env, platform) };
}

/** The Electron executable `npm start` launches, or null when it is not installed. */
export function electronBinaryPath(root, env = process.env, platform = process.platform) {
  const dir = join(root, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const full = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || (platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative && join(dir, 'dist', relative);
  return full && existsSync(full) ? full : null;
}

/** Is the host reachable on 443 within the timeout? Resolves to null (yes) or the reason (no). */
export function probeHost(host, timeoutMs) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port: 443 });
    const done = (reason) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`${host} did not answer within ${Math.round(timeoutMs / 1000)} s`));
    socket.once('connect', () => done(null));
    socket.once('error', (error) => done(`${host} unreachable: ${error.code ?? error.message}`));
  });
}

function stageBetterSqlite(root) {
  const stagingDir = mkdtempSync(join(tmpdir(), 'proofdeck-electron-sqlite-'));
  const source = join(root, 'node_modules/better-sqlite3');
  // The package without its Node build, so a leftover Node binary can never pass for the result.
  cpSync(source, join(stagingDir, 'node_modules/better-sqlite3'), { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  writeFileSync(join(stagingDir, 'package.json'), JSON.stringify({ name: 'proofdeck-electron-sqlite', private: true, dependencies: { 'better-sqlite3': version } }));
  return stagingDir;
}

/** Copies the verified binding into native/electron/ (rename, so a half-copied file is never seen) with its note. */
function installBinding(root, from, note) {
  const target = join(root, BINDING_PATH);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(from, `${target}.partial`);
  renameSync(`${target}.partial`, target);
  writeFileSync(join(root, BINDING_NOTE_PATH), `${JSON.stringify(note, null, 2)}\n`);
}

/**
 * Makes the desktop app startable: fetches what is missing. Resolves to { ok: true, binary } or { ok: false, line }
 * where `line` is the one line to print. `exec(command, args, { cwd, env })` resolves to the exit code.
 */
export async function setupDesktop({ root, platform = process.platform, arch = process.arch, env = process.env, exec, probe = probeHost, log, timeoutMs = 10_000 }) {
  const electron = electronFacts(root, env, platform);
  if (!electron.abi) return { ok: false, line: `ProofDeck: cannot tell Electron ${electron.version}'s ABI (no abi_version file, no node-abi) — ${WEB_FALLBACK}.` };
  const binding = judgeBinding(readIfExists(join(root, BINDING_PATH)), { abi: electron.abi, platform });
  const plan = planSetup({ electronBinaryPresent: Boolean(electron.binary), binding });
  // The user's own Electron: fetching ours would not put it where they pointed.
  if (plan.electron && env.ELECTRON_OVERRIDE_DIST_PATH) return { ok: false, line: `ProofDeck: ELECTRON_OVERRIDE_DIST_PATH (${env.ELECTRON_OVERRIDE_DIST_PATH}) holds no Electron executable — fix or unset it, or ${WEB_FALLBACK}.` };
  if (!plan.electron && !plan.binding) return { ok: true, binary: electron.binary };
  const things = wantedThings(plan, electron.version);
  if (!usesProxy(env)) {
    const unreachable = await probe(downloadHost(env), timeoutMs);
    if (unreachable) return { ok: false, line: offlineLine({ things, reason: unreachable }) };
  }
  const spawnEnv = childEnv(env);
  if (plan.electron) {
    log(`ProofDeck: fetching Electron ${electron.version}'s binary (about 100 MB, once)…`);
    const code = await exec(process.execPath, [join(root, 'node_modules/electron/install.js')], { cwd: root, env: spawnEnv });
    const binary = electronBinaryPath(root, env, platform);
    if (code !== 0 || !binary) return { ok: false, line: offlineLine({ things, reason: `Electron's install script failed (exit ${code}), see above` }) };
    electron.binary = binary;
  }
  if (plan.binding) {
    log(`ProofDeck: ${describeBinding(binding, { abi: electron.abi, electronVersion: electron.version })}; fetching it…`);
    const failure = await fetchBinding({ root, platform, arch, electron, exec, env: spawnEnv, log });
    if (failure) return { ok: false, line: offlineLine({ things: [`better-sqlite3 for Electron ${electron.version}`], reason: failure }) };
  }
  return { ok: true, binary: electron.binary };
}

async function fetchBinding({ root, platform, arch, electron, exec, env, log }) {
  const stagingDir = stageBetterSqlite(root);
  const reasons = [];
  try {
    const prebuildInstallBin = resolvePrebuildInstall(root);
    for (const attempt of bindingAttempts({ electronVersion: electron.version, platform, arch, stagingDir, prebuildInstallBin, node: process.execPath })) {
      log(`ProofDeck: better-sqlite3 for Electron — ${attempt.name}…`);
      const code = await exec(attempt.command, attempt.args, { cwd: attempt.cwd, env });
      const judgement = judgeBinding(readIfExists(stagedBinding(stagingDir)), { abi: electron.abi, platform });
      if (code === 0 && judgement.state === 'ok') {
        installBinding(root, stagedBinding(stagingDir), { electron: electron.version, abi: electron.abi, platform, arch, source: attempt.name });
        log(`ProofDeck: ${BINDING_PATH} ready (Electron ${electron.version}, ABI ${electron.abi}).`);
        return null;
      }
      reasons.push(code !== 0 ? `${attempt.name} failed (exit ${code})` : `${attempt.name}: ${describeBinding(judgement, { abi: electron.abi, electronVersion: electron.version })}`);
    }
    return reasons.join('; ');
  } finally {
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

function resolvePrebuildInstall(root) {
  try {
    return createRequire(join(root, 'node_modules/better-sqlite3/package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
}
