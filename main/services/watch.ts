// Picks up deck files changed outside the app (an editor, `git pull`) while it runs. Events are debounced:
// editors write a file in several steps, and one re-sync after they settle is enough.
import { existsSync, watch, type FSWatcher } from 'node:fs';

export function watchDeckFolders(folders: readonly string[], onChange: () => void, debounceMs = 300): () => void {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      try {
        onChange();
      } catch (error) {
        process.stderr.write(`ProofDeck: re-reading deck files failed: ${(error as Error).message}\n`);
      }
    }, debounceMs);
  };
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    try {
      watchers.push(watch(folder, { recursive: true }, (_event, name) => {
        if (!name || String(name).toLowerCase().endsWith('.md')) schedule();
      }));
    } catch {
      // Watching is a convenience: without it, changes are picked up at the next start.
    }
  }
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
