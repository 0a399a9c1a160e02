// Statistics at 100,000 cards and 1,000,000 answers (issue 15: the screen's data in ≤ 200 ms): the API call that
// the screen makes, for all decks and for one deck, beside the raw SQL of the same aggregates over the reviews rows
// themselves (plain GROUP BYs, no planner hints, nothing folded in JavaScript: what the running totals of migration
// 007 spare), run in the same process on the same file. The history is inserted through the totals' triggers.
// Numbers, not assertions.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProofDeckApp } from '../../main/services/app';
import { studyDay, type Clock } from '../../main/services/clock';
import { createStatsStore } from '../../main/storage/statsStore';
import { fmt, percentile, prng, ratioRow as row } from './stats';

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const DECKS = 100;
const HISTORY_DAYS = 730;
const RUNS = 15;

function writeDecks(dir: string): void {
  const perDeck = CARDS / DECKS;
  for (let d = 0; d < DECKS; d++) {
    const lines = [`---`, `id: bench-${d}`, `deck: Bench ${d}`, `version: 1`, `---`, ``];
    for (let i = 0; i < perDeck; i++) lines.push(`## 问题 ${d}.${i}：$\\sqrt{d_k}$ 的作用？ {#b${d}-${i}}`, '', `答案 ${i}。`, '');
    writeFileSync(join(dir, `bench-${String(d).padStart(3, '0')}.md`), lines.join('\n'));
  }
}

/** A year-and-more of history: each card's answers spread over the last two years, oldest a 'new', some drills. */
function writeHistory(db: Database.Database, today: number): void {
  const random = prng(7);
  const perCard = REVIEWS / CARDS;
  const insert = db.prepare(`INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, prev_ef_milli, prev_reps,
    prev_interval_days, prev_due_day, prev_lapses, prev_queue, prev_drill_day, prev_last_review_at, prev_version,
    new_ef_milli, new_reps, new_interval_days, new_due_day, new_lapses, new_queue, new_drill_day, duration_ms, scheduler)
    VALUES (?, ?, ?, ?, ?, 2500, 1, ?, NULL, 0, 'review', NULL, NULL, 0, 2500, 2, 6, NULL, 0, 'review', NULL, ?, 'sm2')`);
  const state = db.prepare(`UPDATE card_state SET queue = 'review', interval_days = ?, due_day = ?, lapses = ?, reps = 3 WHERE card_id = ?`);
  db.transaction(() => {
    for (let d = 0; d < DECKS; d++)
      for (let i = 0; i < CARDS / DECKS; i++) {
        const card = `b${d}-${i}`;
        const days = Array.from({ length: perCard }, () => today - Math.floor(random() * HISTORY_DAYS)).sort((a, b) => a - b);
        let lapses = 0;
        for (let k = 0; k < perCard; k++) {
          const day = days[k];
          const kind = k === 0 ? 'new' : random() < 0.1 ? 'drill' : 'review';
          const quality = random() < 0.15 ? 1 : 3 + Math.floor(random() * 3);
          if (kind === 'review' && quality < 3) lapses++;
          const interval = k === 0 ? 0 : 1 + Math.floor(random() * 60);
          insert.run(card, day * 86_400_000, day, quality, kind, interval, 2000 + Math.floor(random() * 20_000));
        }
        state.run(1 + Math.floor(random() * 90), today - 10 + Math.floor(random() * 100), lapses, card);
      }
  })();
}

/** The same aggregates as plain SQL, results left unfolded. */
function rawStatistics(db: Database.Database, today: number, deckId: string | null) {
  const inDeck = deckId === null ? '' : `AND card_id IN (SELECT card_id FROM card_state WHERE deck_id = '${deckId}')`;
  const stateDeck = deckId === null ? '' : `AND deck_id = '${deckId}'`;
  const q = (sql: string) => db.prepare(sql).all({ today, from: today - 364 });
  q(`SELECT day, kind, quality, prev_interval_days >= 21, COUNT(*), SUM(duration_ms) FROM reviews WHERE day BETWEEN @from AND @today ${inDeck} GROUP BY 1, 2, 3, 4`);
  q(`SELECT DISTINCT day FROM reviews WHERE day <= @today ${inDeck} ORDER BY day DESC LIMIT 400`);
  if (deckId === null) q(`SELECT s.deck_id, r.day >= @today - 6, r.day >= @today - 29, r.prev_interval_days >= 21, SUM(r.quality >= 3), COUNT(*)
    FROM reviews r JOIN card_state s ON s.card_id = r.card_id WHERE r.kind = 'review' AND r.day BETWEEN @from AND @today GROUP BY 1, 2, 3, 4`);
  q(`SELECT due_day, COUNT(*) FROM card_state WHERE live = 1 AND queue = 'review' AND due_day BETWEEN @today AND @today + 89 ${stateDeck} GROUP BY 1`);
  q(`SELECT COUNT(*) FROM card_state WHERE live = 1 AND queue = 'review' AND due_day < @today ${stateDeck}`);
  q(`SELECT queue, drill_day = @today, interval_days >= 21, COUNT(*) FROM card_state WHERE live = 1 ${stateDeck} GROUP BY 1, 2, 3`);
  q(`SELECT s.card_id, c.front_md, s.lapses FROM card_state s JOIN cards c ON c.id = s.card_id WHERE s.live = 1 ${stateDeck.replace('deck_id', 's.deck_id')} ORDER BY s.lapses DESC LIMIT 20`);
}

function timed(runs: number, fn: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function timedAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/** Each statement of the store alone (BENCH_PROFILE=1), to see where the time goes. */
function profile(file: string, today: number): void {
  const db = new Database(file, { readonly: true });
  const store = createStatsStore(db);
  const steps: [string, () => unknown][] = [
    ['dayTotals', () => store.dayTotals(null, today - 364, today)],
    ['studiedDays', () => [...store.studiedDays(null, today)].length],
    ['deckRetention', () => store.deckRetention(today)],
    ['dueByDay', () => store.dueByDay(null, today, today + 89)],
    ['overdue', () => store.overdue(null, today)],
    ['cardStates', () => store.cardStates(null, today)],
    ['mostLapsed', () => store.mostLapsed(null)],
    ['dayTotals deck', () => store.dayTotals('bench-3', today - 364, today)],
    ['studiedDays deck', () => [...store.studiedDays('bench-3', today)].length],
  ];
  for (const [name, step] of steps) console.log(`  ${name.padEnd(20)} ${fmt(percentile(timed(5, step), 50)).padStart(11)}`);
  db.close();
}

export async function benchStatistics(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-bench-stats-'));
  const dataDir = join(root, 'data');
  const builtIn = join(root, 'builtin');
  mkdirSync(builtIn, { recursive: true });
  writeDecks(builtIn);
  const now = Date.UTC(2026, 10, 26, 12);
  const clock: Clock = { now: () => now, utcOffsetMin: () => 0 };
  console.log(`\n## Statistics: ${CARDS.toLocaleString()} cards, ${REVIEWS.toLocaleString()} answers over ${HISTORY_DAYS} days`);
  let app = createProofDeckApp({ dataDir, builtInDeckDir: builtIn, sandboxUrl: 'bench', clock });
  const today = studyDay(clock, 4, now);
  app.close();
  const file = join(dataDir, 'proofdeck.sqlite');
  const db = new Database(file);
  let t = performance.now();
  writeHistory(db, today);
  console.log(`(history written in ${fmt(performance.now() - t)}: ${(db.prepare('SELECT COUNT(*) FROM reviews').pluck().get() as number).toLocaleString()} rows)`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  app = createProofDeckApp({ dataDir, builtInDeckDir: builtIn, sandboxUrl: 'bench', clock });
  if (process.env.BENCH_PROFILE) profile(file, today);

  t = performance.now();
  const first = await app.api.statistics({ deckId: null });
  console.log(`first call, all decks (cold statements)`.padEnd(34), fmt(performance.now() - t).padStart(11),
    `  (${first.days.length} days, ${first.answers.toLocaleString()} answers in the year)`);
  const ours = await timedAsync(RUNS, () => app.api.statistics({ deckId: null }));
  // The raw join over every answer of the year takes seconds: three runs say enough.
  const raw = timed(3, () => rawStatistics(db, today, null));
  row('statistics, all decks (p50)', percentile(ours, 50), percentile(raw, 50));
  row('statistics, all decks (p95)', percentile(ours, 95), percentile(raw, 95));
  let deck = 0;
  const oursDeck = await timedAsync(RUNS, () => app.api.statistics({ deckId: `bench-${deck++ % DECKS}` }));
  const rawDeck = timed(RUNS, () => rawStatistics(db, today, `bench-${deck++ % DECKS}`));
  row('statistics, one deck (p50)', percentile(oursDeck, 50), percentile(rawDeck, 50));
  row('statistics, one deck (p95)', percentile(oursDeck, 95), percentile(rawDeck, 95));
  console.log(`(target: the screen's data ≤ 200 ms)`);
  app.close();
  db.close();
  rmSync(root, { recursive: true, force: true });
}
