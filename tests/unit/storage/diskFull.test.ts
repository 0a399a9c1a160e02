// A full disk: the collection still opens, read-only, and every change is refused with a clear reason. Needs a
// small tmpfs, so it runs as root only (skipped otherwise, with the reason printed); the mount is always removed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProofDeckApp } from '../../../main/services/app';
import { deckText, TestClock } from '../helpers/collection';

const isRoot = process.getuid?.() === 0;

function fillDisk(dir: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
      throw error;
    }
  }
  // Small writes still fit in a partly filled block: fill to the byte.
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `crumb-${i}`), Buffer.alloc(512, 1));
    } catch {
      break;
    }
  }
}

describe('a full disk', () => {
  it('opens the collection read-only and refuses answers and edits with db.diskFull', async (ctx) => {
    if (!isRoot) {
      console.warn('skipped: mounting a small tmpfs needs root');
      ctx.skip();
    }
    const root = mkdtempSync(join(tmpdir(), 'proofdeck-full-'));
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', root], { encoding: 'utf8' });
    if (mount.status !== 0) {
      rmSync(root, { recursive: true, force: true });
      console.warn(`skipped: cannot mount a tmpfs (${mount.stderr.trim()})`);
      ctx.skip();
    }
    try {
      const builtIn = join(root, 'builtin');
      const dataDir = join(root, 'data');
      mkdirSync(builtIn);
      mkdirSync(join(dataDir, 'decks'), { recursive: true });
      writeFileSync(join(builtIn, 'd.md'), deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }]));
      const clock = new TestClock();
      const open = () => createProofDeckApp({ dataDir, builtInDeckDir: builtIn, sandboxUrl: 'x', clock });
      let app = open();
      const step = (await app.api.nextCard({ deckId: null })).next!;
      await app.api.answerCard({ deckId: null, cardId: 'a', quality: 4, version: step.card.state.version, durationMs: 1 });
      app.close();
      fillDisk(root);
      clock.advanceDays(1);
      app = open();
      try {
        const status = await app.api.startupStatus();
        expect(status.databaseProblem).toBeNull();
        expect(status.readOnly).toBe(true);
        expect(status.warnings.map((w) => w.code)).toContain('db.diskFull');
        const overview = await app.api.overview();
        expect(overview.decks.map((d) => d.cardCount)).toEqual([2]);
        const card = (await app.api.getCard({ cardId: 'a' })).card;
        expect(card.state.reps).toBe(1);
        const next = (await app.api.nextCard({ deckId: null })).next!;
        await expect(app.api.answerCard({ deckId: null, cardId: next.card.id, quality: 4, version: next.card.state.version, durationMs: 1 }))
          .rejects.toMatchObject({ problem: { code: 'db.diskFull' }, kind: 'unavailable' });
        await expect(app.api.updateSettings({ newPerDay: 5 })).rejects.toMatchObject({ problem: { code: 'db.diskFull' } });
        await expect(app.api.createDeck({ name: 'X' })).rejects.toMatchObject({ problem: { code: 'db.diskFull' } });
      } finally {
        expect(app.close()).toBeNull();
      }
    } finally {
      spawnSync('umount', [root]);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
