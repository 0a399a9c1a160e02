// Watch bench: how long after a deck file is saved outside the app the re-sync has read it (the watcher's event, the
// 300 ms debounce the app uses, and the sync itself), the way `npm run web` wires it. Atomic replaces (how editors
// and ProofDeck save) beside the baseline of in-place writes with the same watcher, in the same process. A save the
// watcher never reports counts as missed after a deadline. Numbers, not assertions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../main/files/atomicWrite';
import { createProofDeckApp } from '../../main/services/app';
import { watchDeckFolders } from '../../main/services/watch';
import { fmt, percentile } from './stats';

const SAVES = 20;
const MISSED_AFTER_MS = 5_000;

const deckText = (i: number) => `---\nid: w\ndeck: Watched\nversion: 1\n---\n\n## Save ${i}: what does attention compute? {#att}\n\nsoftmax(QKᵀ/√d)·V\n`;

interface Timing {
  ms: number[];
  missed: number;
}

export async function benchWatch(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-bench-watch-'));
  const dataDir = join(root, 'data');
  const builtIn = join(root, 'builtin');
  mkdirSync(join(dataDir, 'decks'), { recursive: true });
  mkdirSync(builtIn);
  const path = join(dataDir, 'decks', 'watched.md');
  writeFileSync(path, deckText(0));
  const app = createProofDeckApp({ dataDir, builtInDeckDir: builtIn, sandboxUrl: 'bench' });
  let synced: (() => void) | null = null;
  const stop = watchDeckFolders([builtIn, join(dataDir, 'decks')], () => {
    app.sync();
    synced?.();
  });
  let n = 0;
  /** Saves with `save`, SAVES times, each timed until the re-sync after it has run. */
  const time = async (save: (path: string, text: string) => void): Promise<Timing> => {
    const timing: Timing = { ms: [], missed: 0 };
    for (let i = 0; i < SAVES; i++) {
      const started = performance.now();
      const done = new Promise<boolean>((resolve) => {
        const deadline = setTimeout(() => resolve(false), MISSED_AFTER_MS);
        synced = () => {
          clearTimeout(deadline);
          resolve(true);
        };
      });
      save(path, deckText(++n));
      if (await done) timing.ms.push(performance.now() - started);
      else timing.missed++;
      synced = null;
    }
    return timing;
  };
  try {
    const inPlace = await time((p, text) => writeFileSync(p, text));
    const replaced = await time((p, text) => writeFileAtomic(p, text));
    console.log(`\n## Watch: outside save → re-sync done (${SAVES} saves each, 300 ms debounce included)`);
    const row = (label: string, t: Timing) => {
      const sorted = [...t.ms].sort((a, b) => a - b);
      return { label, p50: sorted.length ? percentile(sorted, 50) : NaN, p95: sorted.length ? percentile(sorted, 95) : NaN, missed: t.missed };
    };
    const base = row('in-place write (baseline)', inPlace);
    for (const r of [base, row('atomic replace (temp + rename)', replaced)]) {
      const p50 = Number.isNaN(r.p50) ? 'n/a' : fmt(r.p50);
      const p95 = Number.isNaN(r.p95) ? 'n/a' : fmt(r.p95);
      console.log(`${r.label.padEnd(34)} p50 ${p50.padStart(10)}   p95 ${p95.padStart(10)}   missed ${r.missed}/${SAVES}   ratio p50 ${(r.p50 / base.p50).toFixed(2)}×`);
    }
  } finally {
    stop();
    app.close();
    rmSync(root, { recursive: true, force: true });
  }
}
