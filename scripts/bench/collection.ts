// Collection benchmarks at 100,000 cards: import, today's queue, answer + next card. Each is printed beside the
// same operation done as raw SQL in the same process, as a ratio. Numbers, not assertions.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProofDeckApp } from '../../main/services/app';
import type { Clock } from '../../main/services/clock';
import { studyDay } from '../../main/services/clock';
import { fmt, percentile, prng, ratioRow as row } from './stats';

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const DECKS = 100;
const ANSWERS = 2000;

function writeDecks(dir: string): void {
  const perDeck = CARDS / DECKS;
  for (let d = 0; d < DECKS; d++) {
    const lines = [`---`, `id: bench-${d}`, `deck: Bench ${d}`, `version: 1`, `---`, ``];
    for (let i = 0; i < perDeck; i++) {
      const id = `b${d}-${i}`;
      lines.push(`## 问题 ${d}.${i}：$\\sqrt{d_k}$ 的作用？ {#${id} tags="bench t${i % 7}"}`, '', `答案 ${i}：方差 $d_k$ → 1。`, '');
    }
    writeFileSync(join(dir, `bench-${String(d).padStart(3, '0')}.md`), lines.join('\n'));
  }
}

export async function benchCollection(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-bench-'));
  const dataDir = join(root, 'data');
  const builtIn = join(root, 'builtin');
  mkdirSync(builtIn, { recursive: true });
  writeDecks(builtIn);
  let now = Date.UTC(2026, 10, 26, 12);
  const clock: Clock = { now: () => now, utcOffsetMin: () => 0 };

  console.log(`\n## Collection: ${CARDS.toLocaleString()} cards in ${DECKS} deck files`);
  // Import: parse every file and reconcile with an empty database.
  let t = performance.now();
  const app = createProofDeckApp({ dataDir, builtInDeckDir: builtIn, sandboxUrl: 'bench', clock });
  const importMs = performance.now() - t;

  // Raw baseline: the same rows inserted with prepared statements in one transaction, nothing parsed.
  const rawDb = new Database(join(root, 'raw.sqlite'));
  rawDb.pragma('journal_mode = WAL');
  rawDb.pragma('synchronous = NORMAL');
  rawDb.exec(`CREATE TABLE cards (id TEXT PRIMARY KEY, deck_id TEXT, position INTEGER, front_md TEXT, back_md TEXT, tags TEXT, content_hash TEXT);
    CREATE TABLE card_state (card_id TEXT PRIMARY KEY, ef_milli INTEGER DEFAULT 2500, reps INTEGER DEFAULT 0, interval_days INTEGER DEFAULT 0,
      due_day INTEGER, queue TEXT DEFAULT 'new', drill_day INTEGER, version INTEGER DEFAULT 0);
    CREATE INDEX raw_due ON card_state (queue, due_day);
    CREATE TABLE reviews (id INTEGER PRIMARY KEY, card_id TEXT, quality INTEGER, at INTEGER);`);
  t = performance.now();
  const insCard = rawDb.prepare(`INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insState = rawDb.prepare(`INSERT INTO card_state (card_id) VALUES (?)`);
  rawDb.transaction(() => {
    for (let d = 0; d < DECKS; d++)
      for (let i = 0; i < CARDS / DECKS; i++) {
        insCard.run(`b${d}-${i}`, `bench-${d}`, i, `问题 ${d}.${i}`, `答案 ${i}`, 'bench', 'h');
        insState.run(`b${d}-${i}`);
      }
  })();
  const rawImportMs = performance.now() - t;
  row('import (parse + sync)', importMs, rawImportMs);

  // Give the collection a realistic shape: 40% reviewed, due over the past and next 60 days.
  const db = new Database(join(dataDir, 'proofdeck.sqlite'));
  const today = studyDay(clock, 4, now);
  const random = prng(42);
  const setState = db.prepare(`UPDATE card_state SET queue = 'review', reps = 3, interval_days = 10, ef_milli = 2500, due_day = ? WHERE card_id = ?`);
  const setRaw = rawDb.prepare(`UPDATE card_state SET queue = 'review', reps = 3, interval_days = 10, due_day = ? WHERE card_id = ?`);
  db.transaction(() => rawDb.transaction(() => {
    for (let d = 0; d < DECKS; d++)
      for (let i = 0; i < CARDS / DECKS; i++) {
        if (random() < 0.4) {
          const due = today - 60 + Math.floor(random() * 120);
          setState.run(due, `b${d}-${i}`);
          setRaw.run(due, `b${d}-${i}`);
        }
      }
  })())();
  db.close();
  // Default daily limits (20 new, 200 reviews), as a user has them; answers below lift them to keep going.

  // Today's queue: counts plus the first card, for all decks.
  const queueRuns: number[] = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await app.api.nextCard({ deckId: null });
    queueRuns.push(performance.now() - t);
  }
  const rawCount = rawDb.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM card_state WHERE queue = 'review' AND due_day <= ? LIMIT 99999)`).pluck();
  const rawFirst = rawDb.prepare(`SELECT c.* FROM card_state s JOIN cards c ON c.id = s.card_id WHERE s.queue = 'review' AND s.due_day <= ? ORDER BY s.due_day LIMIT 1`);
  const rawQueueRuns: number[] = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    rawCount.get(today);
    rawFirst.get(today);
    rawQueueRuns.push(performance.now() - t);
  }
  const deckRuns: number[] = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await app.api.nextCard({ deckId: `bench-${i % DECKS}` });
    deckRuns.push(performance.now() - t);
  }
  for (const runs of [queueRuns, rawQueueRuns, deckRuns]) runs.sort((a, b) => a - b);
  row("today's queue, all decks (p50)", percentile(queueRuns, 50), percentile(rawQueueRuns, 50));
  row("today's queue, all decks (p95)", percentile(queueRuns, 95), percentile(rawQueueRuns, 95));
  row("today's queue, one deck (p50)", percentile(deckRuns, 50), percentile(rawQueueRuns, 50));
  let overviewMs = performance.now();
  await app.api.overview();
  overviewMs = performance.now() - overviewMs;
  console.log(`home screen overview (${DECKS} decks)`.padEnd(34), fmt(overviewMs).padStart(11));
  // Answer + next card, as the renderer calls it: first a day at the default limits (the session a user has),
  // then with the limits lifted so every answer also counts a backlog of thousands of due cards.
  const rawAnswer = rawDb.prepare(`UPDATE card_state SET reps = reps + 1, interval_days = 25, due_day = ?, version = version + 1 WHERE card_id = ?`);
  const rawLog = rawDb.prepare(`INSERT INTO reviews (card_id, quality, at) VALUES (?, 4, ?)`);
  const rawCountCapped = (cap: number) => rawDb.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM card_state WHERE queue = 'review' AND due_day <= ? LIMIT ${cap})`).pluck();
  async function answerPhase(label: string, answers: number, cap: number) {
    const latencies: number[] = [];
    let step = await app.api.nextCard({ deckId: null });
    for (let i = 0; i < answers && step.next; i++) {
      const card = step.next;
      t = performance.now();
      step = await app.api.answerCard({ deckId: null, cardId: card.card.id, quality: 4, version: card.card.state.version, durationMs: 1 });
      latencies.push(performance.now() - t);
    }
    const count = rawCountCapped(cap);
    const rawLatencies: number[] = [];
    for (let i = 0; i < latencies.length; i++) {
      t = performance.now();
      const next = rawFirst.get(today) as { id: string } | undefined;
      if (!next) break;
      rawDb.transaction(() => {
        rawAnswer.run(today + 25, next.id);
        rawLog.run(next.id, now);
      })();
      count.get(today);
      rawLatencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    rawLatencies.sort((a, b) => a - b);
    row(`answer + next, ${label} p50`, percentile(latencies, 50), percentile(rawLatencies, 50));
    row(`answer + next, ${label} p95`, percentile(latencies, 95), percentile(rawLatencies, 95));
    console.log(`  (${latencies.length} answers)`);
  }
  await answerPhase('default limits', 220, 200);
  await app.api.updateSettings({ reviewsPerDay: 9_999, newPerDay: 9_999 });
  await answerPhase('backlog of 10k', ANSWERS, 9_999);
  console.log(`(targets: answer + next ≤ 1 ms p95 and ≤ 3× raw SQL; queue ≤ 20 ms; import ≤ 5 s)`);

  app.close();
  rawDb.close();
  rmSync(root, { recursive: true, force: true });
}
