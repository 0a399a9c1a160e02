// npm run deck:check: every proof of the given decks, run in real Chromium through the app's own runner and
// sandbox. Exit 2: usage or parse errors (nothing runs); 1: a proof failed (or a card lacks one with
// --require-proofs); 0 otherwise. Never writes to deck files.

import { fileURLToPath } from 'node:url';
import type { ProofBackend } from '../../main/contract/proof';
import type { BackendInfo } from '../../renderer/proof/protocol';
import { parseDeckCheckArgs, USAGE, type BackendArg } from './args';
import { openProofBrowser, type ProofBrowser } from './browser';
import { ensureRendererBuild } from './build';
import { collectDecks, findDeckFiles, type CardToCheck } from './collect';
import { formatTable, noProofRow, resultRow, rowFailed, summarize, type DeckCheckRow } from './report';
import { formatMessage } from '../../main/contract/messages';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const stderr = (line: string) => process.stderr.write(`${line}\n`);

/** `all`: cpu, wasm, webgl (software included) and webgpu only on a hardware adapter. A named one must exist. */
export function backendsToRun(choice: BackendArg, infos: BackendInfo[]): ProofBackend[] | { error: string } {
  const find = (name: ProofBackend) => infos.find((info) => info.backend === name);
  if (choice !== 'all') {
    const info = find(choice);
    return info?.available ? [choice] : { error: `the ${choice} backend is not available in this browser: ${info?.device ?? 'unknown'}` };
  }
  return (['cpu', 'wasm', 'webgl', 'webgpu'] as const).filter((name) => {
    const info = find(name);
    return info?.available && (name !== 'webgpu' || !info.software);
  });
}

/** Per-proof limit; the app's default unless PROOFDECK_PROOF_TIMEOUT_MS says otherwise (tests use it to stay fast). */
function proofTimeoutMs(): number | undefined {
  const value = Number(process.env.PROOFDECK_PROOF_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

async function runAll(browser: ProofBrowser, cards: CardToCheck[], backends: ProofBackend[]): Promise<DeckCheckRow[]> {
  const timeoutMs = proofTimeoutMs();
  const rows = new Map<CardToCheck, DeckCheckRow[]>(cards.map((card) => [card, []]));
  // Backend-major order keeps the sandbox's spare worker on the right backend.
  for (const backend of backends) {
    await browser.warmUp(backend);
    for (const card of cards) {
      if (card.proofCode === null || card.proofLang === null) continue;
      const proof = { code: card.proofCode, lang: card.proofLang, backend, timeoutMs };
      if (card.code === null) {
        rows.get(card)!.push(resultRow(card, await browser.run(proof)));
        continue;
      }
      // A coding card's test must pass the solution and fail the starter.
      rows.get(card)!.push(resultRow(card, await browser.run({ ...proof, subject: card.code.solution }), 'solution'));
      rows.get(card)!.push(resultRow(card, await browser.run({ ...proof, subject: card.code.starter }), 'starter'));
    }
  }
  return cards.flatMap((card) => (card.proofCode === null ? [noProofRow(card)] : rows.get(card)!));
}

export async function deckCheck(argv: string[]): Promise<number> {
  const args = parseDeckCheckArgs(argv);
  if ('error' in args) {
    stderr(`deck:check: ${args.error}\n${USAGE}`);
    return 2;
  }
  const { files, missing } = findDeckFiles(args.targets);
  if (missing.length) {
    for (const target of missing) stderr(`deck:check: ${target}: no such file or folder`);
    stderr(USAGE);
    return 2;
  }
  const decks = collectDecks(files);
  if (decks.errors.length) {
    for (const error of decks.errors) stderr(`${error.file}:${error.line}: ${formatMessage(error)}`);
    if (args.json) process.stdout.write('[]\n');
    return 2;
  }
  if (files.length === 0) stderr(`deck:check: no *.md deck files under ${args.targets.join(', ')}`);
  const withProof = decks.cards.filter((card) => card.proofCode !== null);
  let rows: DeckCheckRow[];
  if (withProof.length === 0) {
    if (args.backend !== 'all') stderr('deck:check: no proofs to run, so the backend was not checked');
    rows = decks.cards.map(noProofRow);
  } else {
    const rendererDir = await ensureRendererBuild(repoRoot, stderr);
    const browser = await openProofBrowser(rendererDir);
    try {
      const backends = backendsToRun(args.backend, await browser.backends());
      if ('error' in backends) {
        stderr(`deck:check: ${backends.error}\n${USAGE}`);
        if (args.json) process.stdout.write('[]\n');
        return 2;
      }
      rows = await runAll(browser, decks.cards, backends);
    } finally {
      await browser.close();
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    if (rows.length) process.stdout.write(`${formatTable(rows)}\n`);
    process.stdout.write(`${summarize(rows)}\n`);
  }
  const failed = rows.some(rowFailed);
  const missingProof = args.requireProofs && rows.some((row) => row.ok === null);
  if (missingProof && !args.json) stderr('deck:check: --require-proofs: some cards have no proof');
  return failed || missingProof ? 1 : 0;
}
