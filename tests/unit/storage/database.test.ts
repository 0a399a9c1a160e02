import { formatMessage } from '../../../main/contract/messages';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../main/storage/backups';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const dbFile = () => join(c.dataDir, 'proofdeck.sqlite');

describe('database safety', () => {
  it('makes one backup a day and keeps the last 7', async () => {
    c = tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    const daily = () => listBackups(join(c.dataDir, 'backups')).filter((b) => b.kind === 'daily');
    expect(daily()).toHaveLength(1);
    c.reopen();
    expect(daily()).toHaveLength(1);
    for (let day = 0; day < 9; day++) {
      c.clock.advanceDays(1);
      c.reopen();
    }
    expect(daily()).toHaveLength(7);
    expect(daily()[0].path).toMatch(/proofdeck-2026-12-05\.sqlite$/);
  });

  it('never overwrites a file that is not SQLite, and offers the backups', async () => {
    c = tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    c.app.close();
    writeFileSync(dbFile(), 'this is not a database, it is a text file the user cares about\n');
    c.reopen();
    const status = await c.app.api.startupStatus();
    expect(status.databaseProblem && formatMessage(status.databaseProblem.message)).toMatch(/not a SQLite database/);
    // Today's backup, and the one taken when the app closed.
    expect(status.databaseProblem?.backups.map((b) => b.kind)).toEqual(['shutdown', 'daily']);
    await expect(c.app.api.overview()).rejects.toThrow(/not a SQLite database/);
    expect(readFileSync(dbFile(), 'utf8')).toMatch(/^this is not a database/);
  });

  it('refuses a database that fails integrity_check, then restores a backup and keeps the damaged file', async () => {
    c = tempCollection({ builtIn: { 'd.md': deckText('d', Array.from({ length: 400 }, (_, i) => ({ id: `c${i}`, q: `Question ${i} ${'x'.repeat(200)}?` }))) } });
    const step = (await c.app.api.nextCard({ deckId: null })).next!;
    await c.app.api.answerCard({ deckId: null, cardId: step.card.id, quality: 4, version: step.card.state.version, durationMs: 1 });
    c.app.close();
    // Corrupt a page in the middle of the file but keep the header, so only integrity_check can tell.
    const bytes = readFileSync(dbFile());
    for (let i = 8192; i < 12288 && i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    writeFileSync(dbFile(), bytes);
    c.reopen();
    const status = await c.app.api.startupStatus();
    expect(status.databaseProblem && formatMessage(status.databaseProblem.message)).toMatch(/integrity|could not be read|malformed/i);
    const damaged = readFileSync(dbFile());
    expect(damaged.equals(bytes)).toBe(true);
    const restored = await c.app.api.restoreBackup({ backup: status.databaseProblem!.backups[0].path });
    expect(restored.databaseProblem).toBeNull();
    expect((await c.app.api.overview()).decks[0].cardCount).toBe(400);
    const aside = readdirSync(c.dataDir).filter((name) => name.includes('.replaced-'));
    expect(aside.length).toBeGreaterThan(0);
    expect(existsSync(join(c.dataDir, aside.find((n) => !n.endsWith('-wal') && !n.endsWith('-shm'))!))).toBe(true);
  });

  it('refuses to restore a path that is not one of its backups', async () => {
    c = tempCollection({});
    await expect(c.app.api.restoreBackup({ backup: '/etc/passwd' })).rejects.toThrow(/Not a known backup/);
  });
});
