// Both hosts serve the built renderer through one resolver: files inside the build folder, nothing that escapes it.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInside } from '../../../main/hosts/rendererFiles';

let top: string;
let root: string;
beforeEach(() => {
  top = realpathSync(mkdtempSync(join(tmpdir(), 'proofdeck-renderer-')));
  root = join(top, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'a b.js'), '');
  writeFileSync(join(top, 'secret.txt'), 'secret');
  symlinkSync(join(top, 'secret.txt'), join(root, 'assets', 'out.js'));
});
afterEach(() => rmSync(top, { recursive: true, force: true }));

describe('resolveInside (renderer files)', () => {
  it('resolves URL paths to files inside the build, decoding them', () => {
    expect(resolveInside(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it('refuses escapes, symlinks out, folders, missing files and malformed paths', () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/out.js', '/assets', '/', '/missing.js', '/index.html%00', '/%E0%A4%A']) {
      expect(resolveInside(root, path)).toBeNull();
    }
  });
});
