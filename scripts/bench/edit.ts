// Edit bench: saving one card in a deck file of 5,000 cards (~4.5 MB), the case tests/unit/edit/badInput.test.ts
// checks for correctness. Printed beside the floor for that save, rewriting the same bytes with writeFileSync in
// the same process, as a ratio. Numbers, not assertions.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProofDeckApp } from '../../main/services/app';
import type { Clock } from '../../main/services/clock';
import { fmt, percentile } from './stats';

const CARDS = 5000;
const SAVES = 7;

function deckText(): string {
  const long = 'x'.repeat(900);
  const cards = Array.from({ length: CARDS }, (_, i) => `## Question ${i}? {#c${i}}\n\nAnswer ${i} ${long}\n`);
  return `---\nid: big\ndeck: Big deck\nversion: 1\n---\n\n${cards.join('\n')}`;
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

export async function benchEdit(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-bench-edit-'));
  try {
    const dataDir = join(root, 'data');
    const builtIn = join(root, 'builtin');
    const userDir = join(dataDir, 'decks');
    mkdirSync(builtIn, { recursive: true });
    mkdirSync(userDir, { recursive: true });
    const path = join(userDir, 'big.md');
    writeFileSync(path, deckText());
    const clock: Clock = { now: () => Date.UTC(2026, 10, 26, 12), utcOffsetMin: () => 0 };
    const app = createProofDeckApp({ dataDir, builtInDeckDir: builtIn, sandboxUrl: 'bench', clock });
    const mb = (readFileSync(path).length / 1e6).toFixed(1);

    const saves: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const draft = { frontMd: `Question 2500, edit ${i}?`, backMd: 'Short.', proofCode: null, proofLang: null, tags: [] };
      const started = performance.now();
      const result = await app.api.saveCard({ deckId: 'big', cardId: 'c2500', draft, baseContentHash: null });
      saves.push(performance.now() - started);
      if (!result.ok) throw new Error(`save ${i} failed: ${JSON.stringify(result)}`);
    }
    app.close();

    // The floor: the file's bytes written back once, nothing parsed, diffed or indexed.
    const bytes = readFileSync(path);
    const writes: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const started = performance.now();
      writeFileSync(join(root, `raw-${i}.md`), bytes);
      writes.push(performance.now() - started);
    }

    console.log(`\n## Edit: one card saved in a ${CARDS.toLocaleString()}-card, ${mb} MB deck file (median of ${SAVES})`);
    const ours = median(saves);
    const raw = median(writes);
    console.log(`${'save one card'.padEnd(34)} ${fmt(ours).padStart(11)}   raw write ${fmt(raw).padStart(11)}   ratio ${(ours / raw).toFixed(2)}×`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
