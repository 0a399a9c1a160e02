// A read-only data folder is not a damaged database. File modes need an unprivileged user: as root the probe is
// re-run through setpriv as `nobody` (like tests/unit/edit/permissions.test.ts); without setpriv it is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

describe('a read-only data folder (as an unprivileged user)', () => {
  it('is reported as read-only, with no restore offered, and opens again once writable', (ctx) => {
    if (isRoot && !setpriv) {
      console.warn('skipped: running as root without setpriv, so file modes cannot be exercised');
      ctx.skip();
    }
    const node = [process.execPath, '--import', 'tsx', join(root, 'tests/unit/storage/readOnlyProbe.ts')];
    const command = isRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
    const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: '/tmp', TMPDIR: '/tmp' }, timeout: 60_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result).toEqual({
      uid: expect.any(Number),
      code: 'db.readOnly', backupsOffered: 0, canStartEmpty: false,
      restore: 'db.readOnly', restoreKind: 'unavailable',
      repsAfterFix: 1,
    });
    expect(result.uid).not.toBe(0);
  }, 90_000);
});
