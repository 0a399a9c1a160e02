// `npm run web`: browser mode. Prints the URL to open; Ctrl+C stops it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDataDirArgs } from '../config/dataDir';
import { formatMessage } from '../contract/messages';
import { watchDeckFolders } from '../services/watch';
import { startWebHost } from './server';
import { testClockFromEnv } from './testClock';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function parsePort(rest: string[]): number {
  const index = rest.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (index < 0) return Number(process.env.PROOFDECK_PORT ?? 0);
  const value = rest[index].includes('=') ? rest[index].split('=')[1] : rest[index + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a number 0–65535, got ${value}`);
  return port;
}

async function main(): Promise<void> {
  const { dataDir, rest } = parseDataDirArgs(process.argv.slice(2));
  const rendererDir = `${repoRoot}out/renderer`;
  if (!existsSync(`${rendererDir}/index.html`)) throw new Error('The renderer is not built: run `npm run build` (npm run web does it for you).');
  // PROOFDECK_BUILTIN_DECKS lets tests and benches point at their own read-only decks.
  const builtInDeckDir = process.env.PROOFDECK_BUILTIN_DECKS || `${repoRoot}decks`;
  // Tests only (docs/ARCHITECTURE.md "Testing time"): null unless PROOFDECK_TEST_CLOCK=1.
  const testClock = testClockFromEnv(process.env) ?? undefined;
  const host = await startWebHost({ dataDir, builtInDeckDir, rendererDir, port: parsePort(rest), token: process.env.PROOFDECK_TOKEN, testClock });
  if (testClock) process.stderr.write('ProofDeck: TEST CLOCK ON (PROOFDECK_TEST_CLOCK=1): POST /__test/clock moves this host\'s time.\n');
  const stopWatching = watchDeckFolders([builtInDeckDir, `${dataDir}/decks`], () => host.app.sync());
  process.stdout.write(`ProofDeck (browser mode) — data in ${dataDir}\nOpen: ${host.url}\n`);
  // What did not stop the start (a failed backup, a full disk) is also on the home screen.
  for (const warning of (await host.app.api.startupStatus()).warnings) process.stderr.write(`ProofDeck: ${formatMessage(warning)}\n`);
  const stop = async () => {
    stopWatching();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`ProofDeck: ${error.message}\n`);
  process.exit(1);
});
