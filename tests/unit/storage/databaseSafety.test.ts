// The database is never silently replaced: a lost file with backups beside it is a choice for the user, a backup
// that fails is a warning, backups are also taken at shutdown and before a restore, and a restore rescues the
// answers the damaged file still holds beyond the backup.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Quality } from '../../../main/contract/api';
import { listBackups } from '../../../main/storage/backups';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const dbFile = () => join(c.dataDir, 'proofdeck.sqlite');
const backups = () => listBackups(join(c.dataDir, 'backups'));

/** Damages a leaf page of `cards` in the middle of the file: integrity_check fails, `reviews` still reads. */
function damageCardsLeafPage(): void {
  const probe = new Database(dbFile(), { readonly: true });
  const pages = probe.prepare(`SELECT pageno FROM dbstat WHERE name = 'cards' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  const bytes = readFileSync(dbFile());
  const page = pages[Math.floor(pages.length / 2)];
  for (let i = (page - 1) * pageSize + 8; i < page * pageSize; i++) bytes[i] = (i * 13) & 0xff;
  writeFileSync(dbFile(), bytes);
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function answer(cardId: string, quality: Quality) {
  const { version } = (await c.app.api.getCard({ cardId })).card.state;
  await c.app.api.answerCard({ deckId: null, cardId, quality, version, durationMs: 1500 });
  c.clock.advanceMs(60_000);
}

const threeCards = () => tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }, { id: 'c', q: 'C?' }]) } });

describe('a missing or empty database with backups beside it', () => {
  it('is a problem, not a fresh collection: the app offers the latest backup, which brings the answers back', async () => {
    c = threeCards();
    await answer('a', 4);
    c.app.close();
    writeFileSync(dbFile(), '');
    c.reopen();
    const { databaseProblem } = await c.app.api.startupStatus();
    expect(databaseProblem?.message.code).toBe('db.missing');
    expect(databaseProblem?.canStartEmpty).toBe(true);
    expect(databaseProblem?.backups.map((b) => b.kind)).toEqual(['shutdown', 'daily']);
    await expect(c.app.api.overview()).rejects.toMatchObject({ problem: { code: 'db.missing' } });
    const restored = await c.app.api.restoreBackup({ backup: databaseProblem!.backups[0].path });
    expect(restored.databaseProblem).toBeNull();
    expect((await c.app.api.getCard({ cardId: 'a' })).card.state.reps).toBe(1);
  });

  it('starts empty only when asked, and leaves every backup as it was', async () => {
    c = threeCards();
    await answer('a', 4);
    c.app.close();
    rmSync(dbFile());
    const before = backups().map((b) => [b.path, sha(b.path)]);
    c.reopen();
    expect((await c.app.api.startupStatus()).databaseProblem?.message.code).toBe('db.missing');
    const status = await c.app.api.startEmpty();
    expect(status.databaseProblem).toBeNull();
    expect((await c.app.api.getCard({ cardId: 'a' })).card.state.reps).toBe(0);
    expect(backups().map((b) => [b.path, sha(b.path)])).toEqual(before);
    // The new collection is not "lost" at the next start.
    c.reopen();
    expect((await c.app.api.startupStatus()).databaseProblem).toBeNull();
  });

  it('counts a -wal file left beside a missing database as a sign of a collection', async () => {
    c = threeCards();
    c.app.close();
    rmSync(join(c.dataDir, 'backups'), { recursive: true });
    rmSync(dbFile());
    writeFileSync(`${dbFile()}-wal`, Buffer.alloc(4096, 7));
    c.reopen();
    const { databaseProblem } = await c.app.api.startupStatus();
    expect(databaseProblem?.message).toEqual({ code: 'db.missing', params: { path: dbFile(), backups: 0, wal: true } });
  });

  it('refuses to start empty over an open, healthy collection', async () => {
    c = threeCards();
    await expect(c.app.api.startEmpty()).rejects.toMatchObject({ problem: { code: 'db.noProblem' } });
  });
});

describe('backups', () => {
  it('a backup that cannot be written is a warning: the collection opens and takes answers', async () => {
    c = threeCards();
    c.app.close();
    rmSync(join(c.dataDir, 'backups'), { recursive: true });
    // Not a folder: even root cannot make a backup inside it.
    writeFileSync(join(c.dataDir, 'backups'), 'a file where the backups folder should be\n');
    c.clock.advanceDays(1);
    c.reopen();
    const status = await c.app.api.startupStatus();
    expect(status.databaseProblem).toBeNull();
    expect(status.warnings.map((w) => w.code)).toEqual(['db.backupFailed']);
    await answer('a', 4);
    expect((await c.app.api.getCard({ cardId: 'a' })).card.state.reps).toBe(1);
    expect(c.app.close()?.code).toBe('db.backupFailed');
  });

  it('are taken at shutdown and before a restore, named apart from the daily one, newest first, 3 of each kept', async () => {
    c = threeCards();
    for (let i = 0; i < 5; i++) {
      c.clock.advanceMs(1000);
      c.reopen();
    }
    expect(backups().filter((b) => b.kind === 'shutdown')).toHaveLength(3);
    c.clock.advanceMs(1000);
    const daily = backups().find((b) => b.kind === 'daily')!;
    await c.app.api.restoreBackup({ backup: daily.path });
    const list = backups();
    expect(list.map((b) => b.kind)).toEqual(['before-restore', 'shutdown', 'shutdown', 'shutdown', 'daily']);
    expect(list[0].path).toMatch(/proofdeck-before-restore-2026-11-26T12-00-06-000Z\.sqlite$/);
    expect(list[1].path).toMatch(/proofdeck-shutdown-2026-11-26T12-00-05-000Z\.sqlite$/);
    expect(list[4].path).toMatch(/proofdeck-2026-11-26\.sqlite$/);
  });
});

describe('a restore rescues the answers the damaged file holds beyond the backup', () => {
  it('copies the newer reviews, rebuilds their cards, and skips (and counts) cards the backup lacks', async () => {
    const cards = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, q: `Question ${i} ${'x'.repeat(200)}?` }));
    c = tempCollection({ builtIn: { 'd.md': deckText('d', cards) } });
    await answer('c0', 4);
    await answer('c1', 1);
    c.clock.advanceMs(1000);
    c.reopen();
    const backup = backups()[0];
    expect(backup.kind).toBe('shutdown');
    // After the backup: a card answered three times (drilled twice, then passed), two more cards, and a card of a
    // deck the backup does not know.
    await answer('c1', 1);
    await answer('c1', 4);
    await answer('c2', 3);
    await answer('c3', 5);
    await answer('c5', 1);
    await answer('c5', 2);
    await answer('c5', 4);
    c.writeUserDeck('new.md', deckText('new', [{ id: 'n1', q: 'New?' }]));
    c.app.sync();
    await answer('n1', 4);
    const expected = await Promise.all(['c0', 'c1', 'c2', 'c3', 'c5'].map(async (id) => (await c.app.api.getCard({ cardId: id })).card.state));
    c.app.close();
    // A crash would have left no shutdown backup: only the older one is there.
    rmSync(backups()[0].path);
    expect(backups()[0].path).toBe(backup.path);
    damageCardsLeafPage();

    c.reopen();
    const { databaseProblem } = await c.app.api.startupStatus();
    expect(databaseProblem?.message.code).toMatch(/db\.(integrity|unreadable)/);
    const status = await c.app.api.restoreBackup({ backup: backup.path });
    expect(status.databaseProblem).toBeNull();
    expect(status.restored).toEqual({ backup: backup.path, rescued: 7, skipped: 1 });
    const after = await Promise.all(['c0', 'c1', 'c2', 'c3', 'c5'].map(async (id) => (await c.app.api.getCard({ cardId: id })).card.state));
    expect(after).toEqual(expected);
    expect((await c.app.api.getCard({ cardId: 'n1' })).card.state.reps).toBe(0);
    expect((await c.app.api.sessionSummary({ since: 0 })).answered).toBe(9);
  });

  it('rescues FSRS answers with their FSRS state: steps due at an instant, stability and phase', async () => {
    const cards = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, q: `Question ${i} ${'x'.repeat(200)}?` }));
    c = tempCollection({ builtIn: { 'd.md': deckText('d', cards) } });
    const preset = await c.app.api.createPreset({ name: 'FSRS', newPerDay: 20, reviewsPerDay: 200, scheduler: 'fsrs', desiredRetention: 0.9, fsrsWeights: null });
    await c.app.api.assignPreset({ deckId: 'd', presetId: preset.id });
    await answer('c0', 4);
    c.clock.advanceMs(1000);
    c.reopen();
    const backup = backups()[0];
    c.clock.advanceMs(10 * 60_000);
    await answer('c0', 4);
    await answer('c1', 1);
    await answer('c2', 5);
    const columns = `card_id, scheduler, reps, interval_days, due_day, queue, fsrs_stability, fsrs_difficulty, fsrs_phase, fsrs_step, due_at, last_review_day`;
    const statesNow = () => {
      const db = new Database(dbFile(), { readonly: true });
      try {
        return db.prepare(`SELECT ${columns} FROM card_state WHERE card_id IN ('c0', 'c1', 'c2') ORDER BY card_id`).all();
      } finally {
        db.close();
      }
    };
    c.app.close();
    const expected = statesNow();
    expect(expected.map((r) => (r as { fsrs_phase: string }).fsrs_phase)).toEqual(['review', 'learning', 'review']);
    rmSync(backups()[0].path);
    expect(backups()[0].path).toBe(backup.path);
    damageCardsLeafPage();
    c.reopen();
    const status = await c.app.api.restoreBackup({ backup: backup.path });
    expect(status.restored).toEqual({ backup: backup.path, rescued: 3, skipped: 0 });
    c.app.close();
    expect(statesNow()).toEqual(expected);
    c.reopen();
  });
});
