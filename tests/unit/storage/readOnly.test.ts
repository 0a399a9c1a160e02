// A read-only data folder is not a damaged database. File modes need an unprivileged user: as root the probe is
// re-run through setpriv as `nobody` (like tests/unit/edit/permissions.test.ts); without setpriv it is skipped.
import { describe, expect, it } from 'vitest';
import { canDropPrivileges, runUnprivileged } from '../helpers/unprivileged';

describe('a read-only data folder (as an unprivileged user)', () => {
  it('is reported as read-only, with no restore offered, and opens again once writable', (ctx) => {
    if (!canDropPrivileges()) ctx.skip();
    const { stderr, result } = runUnprivileged('tests/unit/storage/readOnlyProbe.ts');
    expect(stderr).toBe('');
    expect(result).toEqual({
      uid: expect.any(Number),
      code: 'db.readOnly', backupsOffered: 0, canStartEmpty: false,
      restore: 'db.readOnly', restoreKind: 'unavailable',
      repsAfterFix: 1,
    });
    expect(result.uid).not.toBe(0);
  }, 90_000);
});
