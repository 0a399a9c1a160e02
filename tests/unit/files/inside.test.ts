// The one containment rule: real paths on both sides, the root itself counts, `..` and symlinks out do not.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realInside, realTargetInside } from '../../../main/files/inside';

let top: string;
let root: string;
beforeEach(() => {
  // realpath: the temp folder itself may be behind a symlink (/tmp on macOS), which must not matter.
  top = realpathSync(mkdtempSync(join(tmpdir(), 'proofdeck-inside-')));
  root = join(top, 'root');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'sub', 'a.png'), 'a');
  writeFileSync(join(root, '..b.png'), 'b');
  writeFileSync(join(top, 'outside.png'), 'x');
  mkdirSync(join(top, 'root-sibling'));
  writeFileSync(join(top, 'root-sibling', 'c.png'), 'c');
  symlinkSync(join(top, 'outside.png'), join(root, 'link-out.png'));
  symlinkSync(join(root, 'sub', 'a.png'), join(root, 'link-in.png'));
  symlinkSync(top, join(root, 'up'));
});
afterEach(() => rmSync(top, { recursive: true, force: true }));

describe('realInside', () => {
  it('gives the real path of the root and of what is inside it, also through symlinks that stay inside', () => {
    expect(realInside(root, root)).toBe(root);
    expect(realInside(root, 'sub/a.png')).toBe(join(root, 'sub', 'a.png'));
    expect(realInside(root, join(root, 'sub', '..', 'sub', 'a.png'))).toBe(join(root, 'sub', 'a.png'));
    expect(realInside(root, 'link-in.png')).toBe(join(root, 'sub', 'a.png'));
    expect(realInside(root, '..b.png')).toBe(join(root, '..b.png'));
    expect(realInside(join(top, 'up-to-root-missing'), 'x')).toBeNull();
  });

  it('refuses `..`, absolute paths elsewhere, a sibling with the same prefix, symlinks out, and what does not exist', () => {
    expect(realInside(root, '../outside.png')).toBeNull();
    expect(realInside(root, join(top, 'outside.png'))).toBeNull();
    expect(realInside(root, '../root-sibling/c.png')).toBeNull();
    expect(realInside(root, 'link-out.png')).toBeNull();
    expect(realInside(root, 'up/outside.png')).toBeNull();
    expect(realInside(root, 'sub/missing.png')).toBeNull();
  });

  it('takes a root given through a symlink', () => {
    symlinkSync(root, join(top, 'root-link'));
    expect(realInside(join(top, 'root-link'), 'sub/a.png')).toBe(join(root, 'sub', 'a.png'));
    expect(realInside(join(top, 'root-link'), 'link-out.png')).toBeNull();
  });
});

describe('realTargetInside', () => {
  it('places a path that does not exist yet through its nearest existing ancestor', () => {
    expect(realTargetInside(root, 'new/deeper/x.png')).toBe(join(root, 'new', 'deeper', 'x.png'));
    expect(realTargetInside(root, 'sub/a.png')).toBe(join(root, 'sub', 'a.png'));
    expect(realTargetInside(join(root, 'not-yet'), join(root, 'not-yet', 'x.md'))).toBe(join(root, 'not-yet', 'x.md'));
  });

  it('refuses a new path under a symlink out, or above the root', () => {
    expect(realTargetInside(root, 'up/new.png')).toBeNull();
    expect(realTargetInside(root, '../new.png')).toBeNull();
    expect(realTargetInside(join(root, 'not-yet'), join(root, 'x.md'))).toBeNull();
  });
});
