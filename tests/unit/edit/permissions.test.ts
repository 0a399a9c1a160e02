// File-mode cases need an unprivileged user: root (CI) may write read-only files. As root, the probe is re-run
// through setpriv as `nobody`; without setpriv the test is skipped with the reason printed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

describe('read-only and unreadable deck files (as an unprivileged user)', () => {
  it('refuses writes with a clear message, reports unreadable files, and loses no scheduling', (ctx) => {
    if (isRoot && !setpriv) {
      console.warn('skipped: running as root without setpriv, so file modes cannot be exercised');
      ctx.skip();
    }
    const node = [process.execPath, '--import', 'tsx', join(root, 'tests/unit/edit/permissionProbe.ts')];
    const command = isRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
    const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: '/tmp', TMPDIR: '/tmp' }, timeout: 60_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result.uid).not.toBe(0);
    expect(result.saveInReadOnlyFolder).toMatch(/Cannot write .*d\.md: EACCES\. The file or its folder is read-only/);
    expect(result.deleteDeckInReadOnlyFolder).toMatch(/EACCES/);
    expect(result.fileUnchanged).toBe(true);
    expect(result.unreadableErrors).toEqual([expect.stringMatching(/cannot read file: EACCES/)]);
    expect(result.repsAfterRestore).toBe(1);
    expect(result.deckCount).toBe(2);
  }, 90_000);
});
