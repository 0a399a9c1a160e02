import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ATOMIC_TEMP_PATTERN } from '../../../main/files/atomicWrite';
import { createProofDeckApp } from '../../../main/services/app';
import { deckText } from '../helpers/collection';

describe('an acknowledged answer survives kill -9', () => {
  it('every answer the process acknowledged is in the database after SIGKILL', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proofdeck-crash-'));
    const builtIn = join(root, 'builtin');
    const dataDir = join(root, 'data');
    mkdirSync(builtIn);
    writeFileSync(join(builtIn, 'big.md'), deckText('big', Array.from({ length: 5000 }, (_, i) => ({ id: `k${i}`, q: `Q${i}?` }))));
    // Lift the daily new-card limit so the loop runs until killed.
    const seed = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { createProofDeckApp } = await import(${JSON.stringify(join(process.cwd(), 'main/services/app.ts'))});
      const app = createProofDeckApp({ dataDir: ${JSON.stringify(dataDir)}, builtInDeckDir: ${JSON.stringify(builtIn)}, sandboxUrl: 'x' });
      await app.api.updateSettings({ newPerDay: 9999 });
      app.close();`], { stdio: 'inherit' });
    await new Promise((resolve) => seed.on('exit', resolve));

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/crash/answer-loop.ts', dataDir, builtIn], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = 0;
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (const line of buffer.split('\n').slice(0, -1)) {
          const match = /^ack (\d+)$/.exec(line);
          if (match) acked = Number(match[1]);
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
        if (acked >= 300 && !child.killed) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed (acked ${acked})`))));
    });
    const db = new Database(join(dataDir, 'proofdeck.sqlite'));
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM reviews').get() as { n: number };
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    rmSync(root, { recursive: true, force: true });
    expect(integrity).toBe('ok');
    expect(acked).toBeGreaterThanOrEqual(300);
    expect(n).toBeGreaterThanOrEqual(acked);
  }, 60_000);
});

describe('a deck save killed with kill -9', () => {
  /** Starts the save loop and kills it the moment a temp file appears in the folder (a positive signal, no timer). */
  async function killMidSave(deckPath: string): Promise<void> {
    const folder = join(deckPath, '..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/crash/save-loop.ts', deckPath, '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let saves = 0;
    child.stdout!.on('data', (chunk: Buffer) => (saves += chunk.toString().split('saved').length - 1));
    const watcher = watch(folder, (_event, name) => {
      // After the first whole save, so the deck itself exists; kill at once while a temp is being filled.
      if (saves >= 1 && name && ATOMIC_TEMP_PATTERN.test(String(name)) && !child.killed) child.kill('SIGKILL');
    });
    await new Promise<void>((resolve, reject) =>
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`save loop ended without being killed (${saves} saves)`)))));
    watcher.close();
  }

  it('leaves a hidden temp file that the next start removes; the deck loads whole, other temp files stay', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proofdeck-savecrash-'));
    const dataDir = join(root, 'data');
    const decks = join(dataDir, 'decks');
    mkdirSync(decks, { recursive: true });
    mkdirSync(join(root, 'builtin'));
    const others = ['.big.md.swp', '.big.md.tmp', 'big.proofdeck.tmp', '.big.md.proofdeck-12345.tmp', '4913'];
    for (const name of others) writeFileSync(join(decks, name), 'not ours');
    const deckPath = join(decks, 'big.md');
    // The kill can land just after a rename; retry until one lands while a temp is there (the case under test).
    let temps: string[] = [];
    for (let attempt = 0; attempt < 10 && temps.length === 0; attempt++) {
      await killMidSave(deckPath);
      temps = readdirSync(decks).filter((name) => ATOMIC_TEMP_PATTERN.test(name));
    }
    expect(temps.length).toBeGreaterThan(0);
    const app = createProofDeckApp({ dataDir, builtInDeckDir: join(root, 'builtin'), sandboxUrl: 'x' });
    try {
      expect(readdirSync(decks).filter((name) => ATOMIC_TEMP_PATTERN.test(name))).toEqual([]);
      for (const name of others) expect(existsSync(join(decks, name)), name).toBe(true);
      const overview = await app.api.overview();
      expect(overview.fileErrors).toEqual([]);
      const text = readFileSync(deckPath, 'utf8');
      expect(text).toMatch(/round \d+\. x+\n\n$/); // The old save or the new one, whole.
      expect(overview.decks.map((d) => [d.id, d.cardCount])).toEqual([['big', text.split('\n## ').length - 1]]);
    } finally {
      app.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
