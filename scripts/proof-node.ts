// Runs deck proofs on tfjs's cpu backend inside Node: a quick loop for deck authors and the engine of the
// deck-content mutation tests. NOT a sandbox: proofs share this process's globals and a synchronous endless
// loop cannot be interrupted here (the deadline covers never-settling promises only). Untrusted decks go
// through `npm run deck:check`, which uses the app's sandbox in Chromium.
//
//   npx tsx scripts/proof-node.ts <deck.md|dir>… [--card id] [--json]

import * as tf from '@tensorflow/tfjs';
import { pathToFileURL } from 'node:url';
import type { CodeBlock, ProofLang } from '../main/contract/deck';
import type { ProofResult } from '../main/contract/proof';
import { DEFAULT_PROOF_TIMEOUT_MS, executeProof } from '../renderer/proof/api';
import { collectDecks, findDeckFiles } from './deck-check/collect';
import { formatMessage } from '../main/contract/messages';

export const NODE_DEVICE = 'CPU (JavaScript, Node)';

let tfReady: Promise<void> | null = null;

function prepareTf(): Promise<void> {
  tfReady ??= (async () => {
    tf.enableProdMode(); // also silences tfjs's "install tfjs-node" banner
    await tf.setBackend('cpu');
    await tf.ready();
  })();
  return tfReady;
}

export interface NodeProofOptions {
  timeoutMs?: number;
  maxLogs?: number;
  /** A coding card's code under test, run before the proof. */
  subject?: CodeBlock;
}

/** Runs one proof on the cpu backend; tensors and variables it leaves behind are counted, then freed. */
export async function runProofInNode(code: string, lang: ProofLang, options: NodeProofOptions = {}): Promise<ProofResult> {
  await prepareTf();
  tf.engine().startScope();
  try {
    const executed = await executeProof({
      tf,
      code,
      lang,
      subject: options.subject,
      timeoutMs: options.timeoutMs ?? DEFAULT_PROOF_TIMEOUT_MS,
      maxLogs: options.maxLogs,
      now: () => performance.now(),
    });
    return { ...executed, backend: 'cpu', device: NODE_DEVICE };
  } finally {
    try {
      tf.engine().endScope();
      tf.disposeVariables();
    } catch {
      // a proof that reset the engine leaves no scope to end; the next run starts a fresh one
    }
  }
}

interface CliArgs {
  targets: string[];
  card: string | null;
  json: boolean;
}

function parseArgs(argv: string[]): CliArgs | string {
  const args: CliArgs = { targets: [], card: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--card') {
      const value = argv[++i];
      if (!value) return '--card needs a card id';
      args.card = value;
    } else if (arg.startsWith('--card=')) args.card = arg.slice('--card='.length);
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else args.targets.push(arg);
  }
  if (args.targets.length === 0) return 'give at least one deck file or folder';
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`proof-node: ${args}\nusage: npx tsx scripts/proof-node.ts <deck.md|dir>… [--card id] [--json]\n`);
    return 2;
  }
  const { files, missing } = findDeckFiles(args.targets);
  for (const target of missing) process.stderr.write(`${target}: no such file or folder\n`);
  if (missing.length) return 2;
  const decks = collectDecks(files);
  for (const error of decks.errors) process.stderr.write(`${error.file}:${error.line}: ${formatMessage(error)}\n`);
  if (decks.errors.length) {
    if (args.json) process.stdout.write('[]\n');
    return 2;
  }
  const selected = decks.cards.filter((card) => args.card === null || card.card === args.card);
  if (args.card !== null && selected.length === 0) {
    process.stderr.write(`proof-node: no card with id ${args.card}\n`);
    return 2;
  }
  const rows = [];
  let failed = false;
  for (const card of selected) {
    if (card.proofCode === null || card.proofLang === null) {
      rows.push({ file: card.file, deck: card.deck, card: card.card, ok: null, error: null, result: null });
      if (!args.json) process.stdout.write(`-    ${card.deck} ${card.card}: no proof\n`);
      continue;
    }
    const result = await runProofInNode(card.proofCode, card.proofLang);
    failed ||= !result.ok;
    rows.push({ file: card.file, deck: card.deck, card: card.card, ok: result.ok, error: result.error, result });
    if (!args.json) {
      const passed = result.checks.filter((c) => c.ok).length;
      process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${card.deck} ${card.card}: ${passed}/${result.checks.length} checks, ${result.ms.toFixed(1)} ms`);
      process.stdout.write(result.leakedTensors ? `, ${result.leakedTensors} leaked tensors\n` : '\n');
      if (!result.ok) {
        if (result.error) process.stdout.write(`     ${result.error}\n`);
        for (const check of result.checks.filter((c) => !c.ok)) process.stdout.write(`     ✗ ${check.name}: ${check.detail}\n`);
      }
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Exit only once stdout has drained: a piped --json report is larger than the pipe buffer.
  main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
}
