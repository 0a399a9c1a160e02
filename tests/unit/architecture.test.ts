// The layering rules of ARCHITECTURE.md, enforced: pure core and contract, SQL only in storage, the renderer
// reaching main only through the contract, and Electron's security switches left on.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const importsOf = (text: string) => [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);

describe('layering', () => {
  it('main/core and main/contract are pure: no IO, no clock, no randomness', () => {
    const offenders: string[] = [];
    for (const file of [...sources('main/core'), ...sources('main/contract')]) {
      const text = read(file);
      for (const spec of importsOf(text)) {
        if (!spec.startsWith('.') && !['yaml'].includes(spec)) offenders.push(`${file} imports ${spec}`);
      }
      for (const banned of ['Date.now(', 'new Date(', 'Math.random(', 'process.', 'require(']) {
        if (text.includes(banned)) offenders.push(`${file} uses ${banned}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('main/contract imports nothing outside itself (the sandboxed preload bundles it)', () => {
    const offenders = sources('main/contract').flatMap((file) =>
      importsOf(read(file)).filter((spec) => !spec.startsWith('./')).map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only main/storage runs SQL', () => {
    const offenders = [...sources('main'), ...sources('renderer')]
      .filter((file) => !file.startsWith('main/storage/'))
      .filter((file) => /\.(prepare|exec|pragma)\(\s*[`'"]/.test(read(file)) || /from 'better-sqlite3'/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches main only through main/contract', () => {
    const offenders = sources('renderer').flatMap((file) =>
      importsOf(read(file))
        .filter((spec) => spec.includes('/main/') && !/\/main\/contract\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only renderer/src/lib/backend.ts knows the transport', () => {
    const offenders = sources('renderer/src')
      .filter((file) => file !== 'renderer/src/lib/backend.ts')
      .filter((file) => /fetch\(\s*[`'"]\/api|window\.proofdeck|ipcRenderer/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('proof code is only run inside the sandbox', () => {
    // Compiling or executing proof code anywhere else would give it the app's origin.
    const offenders = [...sources('main'), ...sources('renderer/src')]
      .filter((file) => /new Function\(|\beval\(|AsyncFunction/.test(read(file)))
      .map((file) => relative(root, join(root, file)));
    expect(offenders).toEqual([]);
  });
});

describe('Electron window security', () => {
  const main = read('main/index.ts');
  it.each([
    ['contextIsolation: true'],
    ['sandbox: true'],
    ['nodeIntegration: false'],
    ['webSecurity: true'],
    ['setPermissionRequestHandler'],
    ['setPermissionCheckHandler'],
    ["'will-navigate'"],
    ["'will-attach-webview'"],
    ['setWindowOpenHandler'],
    ['isAppFrame(event)'],
  ])('main/index.ts keeps %s', (needle) => {
    expect(main).toContain(needle);
  });

  it('the preload exposes one validated invoke and nothing of Node', () => {
    const preload = read('main/preload.ts');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/ipcRenderer\.(on|send)\b|require\(|process\./);
  });
});
