// Proof runner bench: show-to-result latency (median / p95) per backend, warm (a ready worker waiting, as when a
// card is shown after the previous one settled) and cold (the backend's first proof: a worker must start), the
// backend warm-up time, and the runner's overhead against the same proof run directly on a plain page of the same
// browser. Over the shipped proofs (decks/*.md). Prints numbers; asserts nothing.
//
//   npx tsx scripts/bench/proofs.ts [--backends cpu,wasm,webgl] [--max-proofs N]

import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProofBackend, ProofResult } from '../../main/contract/proof';
import { openProofBrowser } from '../deck-check/browser';
import { ensureRendererBuild } from '../deck-check/build';
import { collectDecks, findDeckFiles } from '../deck-check/collect';
import { formatMessage } from '../../main/contract/messages';

export interface BenchProofsOptions {
  decksDir?: string;
  /** Default: every backend available (webgpu only on a hardware adapter). */
  backends?: ProofBackend[];
  /** Proofs per backend for the warm and direct runs (default: all shipped proofs). */
  maxProofs?: number;
  /** Samples for cold runs and warm-up times (default 5). */
  coldSamples?: number;
  log?: (line: string) => void;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const stats = (values: number[]) => `median ${fmt(quantile(values, 0.5))} ms, p95 ${fmt(quantile(values, 0.95))} ms (n=${values.length})`;

export async function benchProofs(options: BenchProofsOptions = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const coldSamples = options.coldSamples ?? 5;
  const { files } = findDeckFiles([options.decksDir ?? `${repoRoot}decks`]);
  const decks = collectDecks(files);
  if (decks.errors.length) throw new Error(`deck errors: ${decks.errors.map((e) => `${e.file}:${e.line}: ${formatMessage(e)}`).join('; ')}`);
  const proofs = decks.cards.filter((card) => card.proofCode !== null).slice(0, options.maxProofs ?? Infinity);
  if (proofs.length === 0) {
    log('proofs bench: no shipped proofs found');
    return;
  }
  const rendererDir = await ensureRendererBuild(repoRoot, (line) => process.stderr.write(`${line}\n`));
  const browser = await openProofBrowser(rendererDir, { allowEval: true });
  try {
    const infos = await browser.backends();
    const backends =
      options.backends ??
      infos.filter((info) => info.available && (info.backend !== 'webgpu' || !info.software)).map((info) => info.backend);
    log(`\n━━ proofs: ${proofs.length} shipped proofs, backends ${backends.join(', ')} ━━`);
    for (const info of infos) log(`  ${info.backend.padEnd(6)} ${info.available ? info.device : `unavailable (${info.device})`}`);
    const timed = (backend: ProofBackend, card: (typeof proofs)[number]) =>
      browser.call<{ wallMs: number; result: ProofResult }>('timedRun', { code: card.proofCode, lang: card.proofLang, backend });
    const other = (backend: ProofBackend): ProofBackend => (backend === 'cpu' ? 'wasm' : 'cpu');

    for (const backend of backends) {
      // Warm-up: a worker for this backend from nothing (tfjs loaded, backend initialised) while another is kept.
      const warmUps: number[] = [];
      for (let i = 0; i < coldSamples; i++) {
        await browser.warmUp(other(backend));
        warmUps.push((await browser.warmUp(backend)).ms);
      }
      // Cold: the first proof after switching to this backend (pays the worker start inside the latency).
      const cold: number[] = [];
      for (let i = 0; i < coldSamples; i++) {
        await browser.warmUp(other(backend));
        cold.push((await timed(backend, proofs[i % proofs.length])).wallMs);
      }
      // Warm: a ready worker is waiting (the app starts one while the user reads the previous card).
      const warm: number[] = [];
      const workerMs: number[] = [];
      let failed = 0;
      for (const card of proofs) {
        await browser.warmUp(backend);
        const { wallMs, result } = await timed(backend, card);
        warm.push(wallMs);
        workerMs.push(result.ms);
        if (!result.ok) failed++;
      }
      // Direct: the same proofs on the harness page's own main thread (first pass untimed: shader/JIT warm-up).
      const direct: number[] = [];
      const directFirst: number[] = [];
      const overheads: number[] = [];
      for (const card of proofs) {
        directFirst.push((await browser.call<{ wallMs: number }>('runDirect', { code: card.proofCode, lang: card.proofLang, backend })).wallMs);
      }
      for (const [index, card] of proofs.entries()) {
        const run = await browser.call<{ ok: boolean; wallMs: number }>('runDirect', { code: card.proofCode, lang: card.proofLang, backend });
        direct.push(run.wallMs);
        overheads.push(warm[index] - run.wallMs);
      }
      log(`\n  ${backend}`);
      log(`    warm-up (worker start, tfjs + backend)    ${stats(warmUps)}`);
      log(`    show→result, cold (first proof)           ${stats(cold)}`);
      log(`    show→result, warm (worker ready)          ${stats(warm)}${failed ? `  [${failed} proofs failed]` : ''}`);
      log(`    proof body inside the worker              ${stats(workerMs)}`);
      log(`    same proofs directly on a plain page      ${stats(direct)}  (first pass, cold JIT/shaders: ${stats(directFirst)})`);
      log(`    runner overhead (warm − direct, per proof) ${stats(overheads)}; ratio of medians ${(quantile(warm, 0.5) / quantile(direct, 0.5)).toFixed(2)}×`);
    }
  } finally {
    await browser.close();
  }
}

function parseCli(argv: string[]): BenchProofsOptions {
  const options: BenchProofsOptions = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--backends') options.backends = argv[++i].split(',') as ProofBackend[];
    else if (argv[i] === '--max-proofs') options.maxProofs = Number(argv[++i]);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchProofs(parseCli(process.argv.slice(2)));
}
