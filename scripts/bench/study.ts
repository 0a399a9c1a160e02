// Answer + next card under FSRS beside SM-2, in the same run and the same collection (issue 16: FSRS's p95 at most
// 1.5× SM-2's). Half the decks use the default preset (SM-2), half an FSRS preset; answers alternate between a
// session over each half, with grades drawn as a user gives them and the clock moving on, so FSRS's minute steps,
// its learning queue and the day rollover are all in the measured path. Numbers, not assertions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quality, StudyStep } from '../../main/contract/api';
import { createProofDeckApp } from '../../main/services/app';
import type { Clock } from '../../main/services/clock';
import { fmt, percentile, prng } from './stats';

const CARDS = Number(process.env.BENCH_STUDY_CARDS ?? 20_000);
const DECKS = 20;
const ANSWERS = Number(process.env.BENCH_STUDY_ANSWERS ?? 2_000);

function writeDecks(dir: string): void {
  for (let d = 0; d < DECKS; d++) {
    const lines = [`---`, `id: s-${d}`, `deck: Study ${d}`, `version: 1`, `---`, ``];
    for (let i = 0; i < CARDS / DECKS; i++) lines.push(`## 问题 ${d}.${i}：Adam 的 $\\hat m_t$？ {#s${d}-${i}}`, '', `答案 ${i}。`, '');
    writeFileSync(join(dir, `s-${String(d).padStart(2, '0')}.md`), lines.join('\n'));
  }
}

export async function benchStudy(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-bench-study-'));
  const builtIn = join(root, 'builtin');
  mkdirSync(builtIn, { recursive: true });
  writeDecks(builtIn);
  let now = Date.UTC(2026, 10, 26, 12);
  const clock: Clock = { now: () => now, utcOffsetMin: () => 0 };
  const app = createProofDeckApp({ dataDir: join(root, 'data'), builtInDeckDir: builtIn, sandboxUrl: 'bench', clock });
  const half = DECKS / 2;
  const sm2Decks = Array.from({ length: half }, (_, d) => `s-${d}`);
  const fsrsDecks = Array.from({ length: half }, (_, d) => `s-${half + d}`);
  await app.api.updateSettings({ newPerDay: 9_999, reviewsPerDay: 99_999 });
  const fsrs = await app.api.createPreset({ name: 'FSRS', newPerDay: 9_999, reviewsPerDay: 99_999, scheduler: 'fsrs', desiredRetention: 0.9, fsrsWeights: null });
  for (const deckId of fsrsDecks) await app.api.assignPreset({ deckId, presetId: fsrs.id });

  console.log(`\n## Study: answer + next, FSRS beside SM-2 (${CARDS.toLocaleString()} cards, ${ANSWERS.toLocaleString()} answers each)`);
  const random = prng(16);
  const grade = (): Quality => {
    const r = random();
    return r < 0.12 ? 1 : r < 0.25 ? 3 : r < 0.9 ? 4 : 5;
  };
  const sessions = { sm2: { deckId: null, deckIds: sm2Decks }, fsrs: { deckId: null, deckIds: fsrsDecks } };
  const steps: Record<'sm2' | 'fsrs', StudyStep> = {
    sm2: await app.api.nextCard(sessions.sm2),
    fsrs: await app.api.nextCard(sessions.fsrs),
  };
  const latencies = { sm2: [] as number[], fsrs: [] as number[] };
  for (let i = 0; i < ANSWERS; i++) {
    for (const name of ['sm2', 'fsrs'] as const) {
      const card = steps[name].next;
      if (!card) continue;
      const quality = grade();
      const t = performance.now();
      steps[name] = await app.api.answerCard({ ...sessions[name], cardId: card.card.id, quality, version: card.card.state.version, durationMs: 4000 });
      latencies[name].push(performance.now() - t);
    }
    // 20 seconds an answer; every 500 answers, the next study day (reviews come due, steps cross the rollover).
    now += 20_000 + (i % 500 === 499 ? 86_400_000 : 0);
  }
  for (const runs of Object.values(latencies)) runs.sort((a, b) => a - b);
  const p = (name: 'sm2' | 'fsrs', q: number) => percentile(latencies[name], q);
  console.log('answer + next'.padEnd(34), 'SM-2'.padStart(11), 'FSRS'.padStart(11), 'FSRS / SM-2'.padStart(12));
  for (const q of [50, 95]) {
    console.log(`  p${q}`.padEnd(34), fmt(p('sm2', q)).padStart(11), fmt(p('fsrs', q)).padStart(11), `${(p('fsrs', q) / p('sm2', q)).toFixed(2)}×`.padStart(12));
  }
  console.log(`  (${latencies.sm2.length} SM-2 and ${latencies.fsrs.length} FSRS answers; issue bar: FSRS p95 ≤ 1.5× SM-2's)`);
  app.close();
  rmSync(root, { recursive: true, force: true });
}
