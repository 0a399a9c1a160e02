// While the collection is shown read-only (the disk is full), every API method that could change something is
// refused up front with the reason: an edit must not write its deck file and then fail on the database.
// An allowlist of reads, so that a method added later is refused until someone decides it only reads.
import type { Api, ApiMethod } from '../contract/api';
import { AppError } from '../contract/errors';
import type { Message } from '../contract/messages';

const READS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'startupStatus', 'overview', 'nextCard', 'sessionSummary', 'statistics', 'getSettings', 'proofRuns',
  'previewNotesImport', 'previewNotesImportFile', 'previewNotesImportBatch', 'getCard', 'nextEditUndo', 'browseCards', 'browseIds', 'exportDeck',
  'exportDeckToFolder', 'deckFolders', 'pickPath', 'listMocks', 'mockReport',
]);

export function guardWrites(api: Api, readOnlyReason: () => Message | null): Api {
  const guarded = { ...api } as Record<ApiMethod, (arg: unknown) => Promise<unknown>>;
  for (const method of Object.keys(api) as ApiMethod[]) {
    if (READS.has(method)) continue;
    const call = api[method] as (arg: unknown) => Promise<unknown>;
    guarded[method] = async (arg: unknown) => {
      const reason = readOnlyReason();
      if (reason) throw new AppError(reason);
      return call(arg);
    };
  }
  return guarded as unknown as Api;
}
