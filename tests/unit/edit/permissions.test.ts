// File-mode cases need an unprivileged user: root (CI) may write read-only files. As root, the probe is re-run
// through setpriv as `nobody`; without setpriv the test is skipped with the reason printed.
import { describe, expect, it } from 'vitest';
import { canDropPrivileges, runUnprivileged } from '../helpers/unprivileged';

describe('read-only and unreadable deck files (as an unprivileged user)', () => {
  it('refuses writes with a clear message, reports unreadable files, and loses no scheduling', (ctx) => {
    if (!canDropPrivileges()) ctx.skip();
    const { stderr, result } = runUnprivileged('tests/unit/edit/permissionProbe.ts');
    expect(stderr).toBe('');
    expect(result.uid).not.toBe(0);
    expect(result.saveInReadOnlyFolder).toMatch(/Cannot write .*d\.md: EACCES\. The file or its folder is read-only/);
    expect(result.deleteDeckInReadOnlyFolder).toMatch(/EACCES/);
    expect(result.fileUnchanged).toBe(true);
    expect(result.unreadableErrors).toEqual([expect.stringMatching(/cannot read file: EACCES/)]);
    expect(result.repsAfterRestore).toBe(1);
    expect(result.deckCount).toBe(2);
  }, 90_000);
});
