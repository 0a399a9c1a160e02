// Run by watch.test.ts as an unprivileged user (root may watch any folder): a deck folder that cannot be watched at
// first (no read permission: EACCES), made readable afterwards. Its parent is not watched, so nothing reports the
// chmod: only the watcher's re-arm timer can find it watchable. Every later save there must be seen. Prints one
// JSON line with what happened.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../main/files/atomicWrite';
import { watchDeckFolders } from '../../../main/services/watch';

const DEADLINE_MS = 15_000;
const results: Record<string, unknown> = { uid: process.getuid?.() };
const root = mkdtempSync(join(tmpdir(), 'proofdeck-watch-rearm-'));
const decks = join(root, 'decks');
let text: string | null = null;

const deckPath = join(decks, 'optim.md');
const read = () => {
  try {
    return readdirSync(decks).includes('optim.md') ? readFileSync(deckPath, 'utf8') : null;
  } catch {
    return null;
  }
};

async function seen(expected: string): Promise<boolean> {
  const started = Date.now();
  while (text !== expected) {
    if (Date.now() - started > DEADLINE_MS) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

mkdirSync(decks, { recursive: true });
chmodSync(decks, 0o000);
try {
  watch(decks).close();
  results.lockedWatch = 'opened';
} catch (error) {
  results.lockedWatch = (error as NodeJS.ErrnoException).code;
}
const stop = watchDeckFolders([decks], () => (text = read()), 50);
try {
  chmodSync(decks, 0o755);
  let picked = 0;
  for (let i = 1; i <= 3; i++) {
    const next = `## Why bias-correct Adam? {#adam}\n\nSave ${i}: the moments start at zero.\n`;
    writeFileAtomic(deckPath, next);
    if (!(await seen(next))) break;
    picked++;
  }
  results.savesPickedUp = picked;
} finally {
  stop();
  chmodSync(decks, 0o755);
  rmSync(root, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
