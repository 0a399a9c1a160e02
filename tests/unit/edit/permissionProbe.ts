// Run by permissions.test.ts as an unprivileged user (root ignores file modes): read-only deck files and folders
// and an unreadable file, against a real collection. Prints one JSON line with what happened.
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deckText, tempCollection } from '../helpers/collection';
import { formatMessage } from '../../../main/contract/messages';

const results: Record<string, unknown> = { uid: process.getuid?.() };
const c = tempCollection({ user: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }, { id: 'b', q: 'B?' }]), 'e.md': deckText('e', [{ id: 'x', q: 'X?' }]) } });
const draft = { frontMd: 'A, edited?', backMd: 'x', proofCode: null, proofLang: null, tags: [] };
const attempt = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
};
try {
  const step = await c.app.api.nextCard({ deckId: null });
  await c.app.api.answerCard({ deckId: null, cardId: 'a', quality: 5, version: step.next!.card.state.version, durationMs: 1 });
  const file = join(c.userDir, 'd.md');
  const before = readFileSync(file, 'utf8');
  // A read-only folder: the atomic write cannot create its temp file.
  chmodSync(c.userDir, 0o555);
  results.saveInReadOnlyFolder = await attempt(() => c.app.api.saveCard({ deckId: 'd', cardId: 'a', draft, baseContentHash: null }));
  results.deleteDeckInReadOnlyFolder = await attempt(() => c.app.api.deleteDeck({ deckId: 'd' }));
  results.fileUnchanged = readFileSync(file, 'utf8') === before;
  chmodSync(c.userDir, 0o755);
  // An unreadable file: the sync reports it, the deck is hidden, its scheduling is kept.
  chmodSync(file, 0o000);
  c.app.sync();
  results.unreadableErrors = (await c.app.api.overview()).fileErrors.map((e) => formatMessage(e));
  chmodSync(file, 0o644);
  c.app.sync();
  results.repsAfterRestore = (await c.app.api.getCard({ cardId: 'a' })).card.state.reps;
  results.deckCount = (await c.app.api.overview()).decks.length;
} finally {
  chmodSync(c.userDir, 0o755);
  c.dispose();
}
process.stdout.write(`${JSON.stringify(results)}\n`);
