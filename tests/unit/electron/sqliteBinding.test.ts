// Which better-sqlite3 build the desktop app loads, from a checkout and from an installed package.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chooseSqliteBinding, sqliteBindingCandidates } from '../../../main/electron/sqliteBinding';

const checkout = { isPackaged: false, resourcesPath: '/usr/lib/electron/resources', appRoot: '/home/ana/proofdeck/', envBinding: undefined };
const installed = { isPackaged: true, resourcesPath: '/opt/ProofDeck/resources', appRoot: '/opt/ProofDeck/resources/app.asar/', envBinding: undefined };

describe('the Electron build of better-sqlite3', () => {
  it('from a checkout: PROOFDECK_SQLITE_BINDING first, then native/electron', () => {
    expect(sqliteBindingCandidates({ ...checkout, envBinding: '/tmp/b.node' })).toEqual(['/tmp/b.node', '/home/ana/proofdeck/native/electron/better_sqlite3.node']);
    expect(chooseSqliteBinding(checkout, (p) => p.endsWith('native/electron/better_sqlite3.node'))).toBe('/home/ana/proofdeck/native/electron/better_sqlite3.node');
    expect(chooseSqliteBinding(checkout, () => false)).toBeUndefined();
  });

  it('from a package: its own resource only — no environment variable can make it load another library', () => {
    const packaged = join('/opt/ProofDeck/resources', 'native', 'better_sqlite3.node');
    expect(sqliteBindingCandidates({ ...installed, envBinding: '/tmp/evil.node' })).toEqual([packaged]);
    expect(chooseSqliteBinding({ ...installed, envBinding: '/tmp/evil.node' }, () => true)).toBe(packaged);
  });

  it('a package without it is a broken installation, said in words for the start-up dialog', () => {
    expect(() => chooseSqliteBinding(installed, () => false)).toThrow(/lacks its database engine .*Reinstall ProofDeck/);
  });
});
