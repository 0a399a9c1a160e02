// Browse and edit benchmarks at 100,000 cards (issue #6): the latency of each keystroke's query (count + first
// page), two-character Chinese queries included; the cost of (re)reading the in-memory browse index; the
// alternatives for substring search measured in SQLite on the same text (FTS5 trigram and unicode61, LIKE), which
// is why the index is in memory; the time to save one card edit; and the first keystroke after an edit or an
// answer (the index patched from the changed cards).
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowseSort } from '../../main/contract/api';
import { createProofDeckApp } from '../../main/services/app';
import type { Clock } from '../../main/services/clock';
import { fmt, percentile } from './stats';

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const DECKS = 100;
const TOPICS = ['动量', '梯度', '注意力', '归一化', 'momentum', 'gradient', 'attention', 'softmax', 'dropout', 'Adam'];

const pct = percentile;

function timeIt(runs: number, fn: () => void): { p50: number; p95: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1] };
}

function writeDecks(dir: string): void {
  const perDeck = CARDS / DECKS;
  for (let d = 0; d < DECKS; d++) {
    const lines = [`---`, `id: user-${d}`, `deck: User deck ${d}`, `version: 1`, `---`, ``];
    for (let i = 0; i < perDeck; i++) {
      const topic = TOPICS[(d * 7 + i) % TOPICS.length];
      lines.push(
        // Chinese as it is written, without spaces around words (what FTS5's unicode61 tokenizer cannot split).
        `## 第${i}题：${topic}为什么要除以 $\\sqrt{d_k}$？ {#u${d}-${i} tags="t${i % 7} d${d % 5}"}`, '',
        `答案${i}：点积的方差随$d_k$增大，${topic}项除以$\\sqrt{d_k}$让softmax不饱和。This term keeps gradients alive; see eq. (${i}).`, '',
      );
    }
    writeFileSync(join(dir, `user-${String(d).padStart(3, '0')}.md`), lines.join('\n'));
  }
}

/** Each prefix of each query, as typed: what one keystroke asks for. */
const TYPED = ['动量', '注意', 'momentum', 'softmax 梯度', 'deck:"User deck 42" 动量', 'tag:t3 归一', 'is:new 动量', 'proof:fail', 'due:7', 'zzz'];
const prefixes = (query: string) => [...query].map((_, i) => [...query].slice(0, i + 1).join('')).filter((q) => q.trim() !== '');

export async function benchBrowse(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-bench-browse-'));
  try {
    const dataDir = join(root, 'data');
    const userDir = join(dataDir, 'decks');
    mkdirSync(userDir, { recursive: true });
    writeDecks(userDir);
    const now = Date.UTC(2026, 10, 26, 12);
    const clock: Clock = { now: () => now, utcOffsetMin: () => 0 };
    console.log(`\n## Browse and edit: ${CARDS.toLocaleString()} cards in ${DECKS} user deck files`);
    let t = performance.now();
    const app = createProofDeckApp({ dataDir, builtInDeckDir: join(root, 'none'), sandboxUrl: 'bench', clock });
    console.log(`load (parse + sync)  ${fmt(performance.now() - t)}`);

    t = performance.now();
    await app.api.browseCards({ query: '', sort: 'deck', descending: false, offset: 0, limit: 100 });
    console.log(`open browse (read the browse index, sort by deck)  ${fmt(performance.now() - t)}`);
    t = performance.now();
    await app.api.browseCards({ query: '', sort: 'question', descending: false, offset: 0, limit: 100 });
    console.log(`first sort by question (collated, then cached)     ${fmt(performance.now() - t)}`);
    t = performance.now();
    await app.api.browseCards({ query: '', sort: 'due', descending: false, offset: 0, limit: 100 });
    console.log(`first sort by due (then cached)                    ${fmt(performance.now() - t)}`);
    const sorts: BrowseSort[] = ['deck', 'due'];
    let all: number[] = [];
    let chinese2: number[] = [];
    console.log(`\nper keystroke (count + first 100 rows), each prefix as typed then re-run 4 times; target p95 ≤ 50 ms`);
    for (const query of TYPED) {
      for (const sort of sorts) {
        const times: number[] = [];
        let total = 0;
        for (const prefix of prefixes(query)) {
          for (let run = 0; run < 5; run++) {
            const t0 = performance.now();
            total = (await app.api.browseCards({ query: prefix, sort, descending: false, offset: 0, limit: 100 })).total;
            times.push(performance.now() - t0);
          }
        }
        times.sort((a, b) => a - b);
        all = all.concat(times);
        if (/^[\u4e00-\u9fff]{2}$/.test(query)) chinese2 = chinese2.concat(times);
        console.log(`  ${JSON.stringify(query).padEnd(28)} sort ${sort.padEnd(5)} p50 ${fmt(pct(times, 50)).padStart(9)}  p95 ${fmt(pct(times, 95)).padStart(9)}  (${total} matches at the full query)`);
      }
    }
    all.sort((a, b) => a - b);
    chinese2.sort((a, b) => a - b);
    console.log(`all keystrokes: p50 ${fmt(pct(all, 50))}  p95 ${fmt(pct(all, 95))}  max ${fmt(all[all.length - 1])}`);
    console.log(`two-character Chinese (动量, 注意): p95 ${fmt(pct(chinese2, 95))}`);
    const deep = timeIt(5, () => void app.api.browseCards({ query: '', sort: 'deck', descending: false, offset: CARDS - 200, limit: 100 }));
    console.log(`scroll to the end (offset ${CARDS - 200}): p95 ${fmt(deep.p95)}`);

    // The alternatives for substring search, on the same text, in a scratch database.
    const scratch = new Database(join(root, 'scratch.sqlite'));
    scratch.exec(`CREATE TABLE t (text TEXT); CREATE VIRTUAL TABLE tri USING fts5(text, tokenize = 'trigram'); CREATE VIRTUAL TABLE uni USING fts5(text);`);
    const source = new Database(join(dataDir, 'proofdeck.sqlite'), { readonly: true });
    const texts = source.prepare(`SELECT front_md || char(10) || back_md FROM cards`).pluck().all() as string[];
    const full = source.prepare(`SELECT COUNT(*) FROM cards WHERE front_md LIKE '%动量%' OR back_md LIKE '%动量%'`).pluck();
    const ins = [scratch.prepare(`INSERT INTO t VALUES (?)`), scratch.prepare(`INSERT INTO tri VALUES (?)`), scratch.prepare(`INSERT INTO uni VALUES (?)`)];
    scratch.transaction(() => texts.forEach((text) => ins.forEach((s) => s.run(text))))();
    const count = (sql: string) => { const s = scratch.prepare(sql).pluck(); return () => void s.get(); };
    console.log(`\nthe same search in SQLite instead of the in-memory index — 动量 alone (COUNT), p95 of 10:`);
    const report = (label: string, fn: () => void, note = '') => console.log(`  ${label.padEnd(44)} ${fmt(timeIt(10, fn).p95).padStart(9)} ${note}`);
    report('LIKE over a narrow question+answer table', count(`SELECT COUNT(*) FROM t WHERE text LIKE '%动量%'`));
    report('LIKE over cards.front_md/back_md', () => void full.get());
    report('FTS5 trigram MATCH 动量', () => { try { scratch.prepare(`SELECT COUNT(*) FROM tri WHERE tri MATCH '动量'`).pluck().get(); } catch { /* below 3 chars */ } },
      `→ ${scratch.prepare(`SELECT COUNT(*) FROM tri WHERE tri MATCH '"动量"'`).pluck().get()} matches (trigram needs ≥ 3 characters)`);
    report('FTS5 trigram LIKE %动量% (falls back to a scan)', count(`SELECT COUNT(*) FROM tri WHERE text LIKE '%动量%'`));
    report('FTS5 unicode61 MATCH 动量', count(`SELECT COUNT(*) FROM uni WHERE uni MATCH '动量'`),
      `→ ${scratch.prepare(`SELECT COUNT(*) FROM uni WHERE uni MATCH '动量'`).pluck().get()} matches of ${scratch.prepare(`SELECT COUNT(*) FROM t WHERE text LIKE '%动量%'`).pluck().get()} (no word breaks in Chinese)`);
    report('FTS5 trigram MATCH 注意力 (3 chars)', count(`SELECT COUNT(*) FROM tri WHERE tri MATCH '注意力'`));
    source.close();
    scratch.close();

    // Time to save one edit: validate, write the 1,000-card file atomically, reconcile that deck.
    const saveTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const cardId = `u7-${(i * 13) % (CARDS / DECKS)}`;
      const { card } = await app.api.getCard({ cardId });
      const t0 = performance.now();
      const result = await app.api.saveCard({ deckId: 'user-7', cardId, draft: { frontMd: `${card.frontMd} (edited ${i})`, backMd: card.backMd, proofCode: null, proofLang: null, tags: card.tags }, baseContentHash: card.contentHash });
      saveTimes.push(performance.now() - t0);
      if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.errors)}`);
    }
    saveTimes.sort((a, b) => a - b);
    console.log(`\nsave one card edit (file of ${CARDS / DECKS} cards, collection of ${CARDS}): p50 ${fmt(pct(saveTimes, 50))}  p95 ${fmt(pct(saveTimes, 95))}; target ≤ 20 ms`);

    // The first keystroke after a change: the index is patched from the changed cards (a full read costs the
    // "open browse" time above). Sorted by question and by due, so the moved entries' places are found too.
    const keystroke = (sort: BrowseSort) => app.api.browseCards({ query: '动量', sort, descending: false, offset: 0, limit: 100 });
    const afterEdit: number[] = [];
    const afterAnswer: number[] = [];
    for (let i = 0; i < 20; i++) {
      const cardId = `u9-${i}`;
      const { card } = await app.api.getCard({ cardId });
      await app.api.saveCard({ deckId: 'user-9', cardId, draft: { frontMd: `Renamed ${i}: ${card.frontMd}`, backMd: card.backMd, proofCode: null, proofLang: null, tags: [...card.tags, 'edited'] }, baseContentHash: card.contentHash });
      let t0 = performance.now();
      await keystroke(i % 2 ? 'question' : 'deck');
      afterEdit.push(performance.now() - t0);
      const step = await app.api.nextCard({ deckId: null });
      if (!step.next) break;
      await app.api.answerCard({ deckId: null, cardId: step.next.card.id, quality: 4, version: step.next.card.state.version, durationMs: 1000 });
      t0 = performance.now();
      await keystroke('due');
      afterAnswer.push(performance.now() - t0);
    }
    afterEdit.sort((a, b) => a - b);
    afterAnswer.sort((a, b) => a - b);
    const stats = app.browseStats();
    console.log(`first keystroke after one edit:   p50 ${fmt(pct(afterEdit, 50))}  p95 ${fmt(pct(afterEdit, 95))}`);
    console.log(`first keystroke after one answer: p50 ${fmt(pct(afterAnswer, 50))}  p95 ${fmt(pct(afterAnswer, 95))}`);
    console.log(`browse index: ${stats.fullReads} full read(s), ${stats.patches} patches (the saves above included)`);
    app.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
