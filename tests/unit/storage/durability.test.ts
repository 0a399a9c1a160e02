import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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
