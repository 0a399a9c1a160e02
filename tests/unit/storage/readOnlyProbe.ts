// Run by readOnly.test.ts as an unprivileged user (root ignores file modes): a collection whose data folder is
// made read-only between two starts. Prints one JSON line with what happened.
import { chmodSync } from 'node:fs';
import { tempCollection, deckText } from '../helpers/collection';

const results: Record<string, unknown> = { uid: process.getuid?.() };
const c = tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
try {
  const step = await c.app.api.nextCard({ deckId: null });
  await c.app.api.answerCard({ deckId: null, cardId: 'a', quality: 5, version: step.next!.card.state.version, durationMs: 1 });
  c.app.close();
  chmodSync(c.dataDir, 0o555);
  c.reopen();
  const { databaseProblem } = await c.app.api.startupStatus();
  results.code = databaseProblem?.message.code;
  results.backupsOffered = databaseProblem?.backups.length;
  results.canStartEmpty = databaseProblem?.canStartEmpty;
  try {
    await c.app.api.restoreBackup({ backup: `${c.dataDir}/backups/proofdeck-2026-11-26.sqlite` });
    results.restore = 'ok';
  } catch (error) {
    results.restore = (error as { problem?: { code: string }; kind?: string }).problem?.code;
    results.restoreKind = (error as { kind?: string }).kind;
  }
  chmodSync(c.dataDir, 0o755);
  c.reopen();
  results.repsAfterFix = (await c.app.api.getCard({ cardId: 'a' })).card.state.reps;
} finally {
  chmodSync(c.dataDir, 0o755);
  c.dispose();
}
process.stdout.write(`${JSON.stringify(results)}\n`);
