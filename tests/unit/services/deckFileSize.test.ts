// A deck file over DECK_FILE_MAX_BYTES is refused from its size alone (stat before read): a 100 MB one-line file
// froze the host, a 704 MB one read as "not UTF-8". Sparse files (truncate) stand in for real big files.
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DECK_FILE_MAX_BYTES } from '../../../main/contract/deck';
import { AppError } from '../../../main/contract/errors';
import { formatMessage } from '../../../main/contract/messages';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

/** A real deck head followed by `size` bytes in all, the rest a hole of NUL bytes (never written to disk). */
function sparseDeck(path: string, size: number): string {
  writeFileSync(path, deckText('huge', [{ id: 'h1', q: 'Huge?' }]));
  truncateSync(path, size);
  return path;
}

describe('deck files too large to load', () => {
  it('a 704 MB deck file is a "too large" file error with its size and the limit; the other decks load', async () => {
    c = tempCollection({ user: { 'small.md': deckText('small', [{ id: 's1', q: 'S?' }]) } });
    const huge = sparseDeck(join(c.userDir, 'huge.md'), 704 * 1024 * 1024);
    c.app.sync();
    const overview = await c.app.api.overview();
    expect(overview.decks.map((d) => d.id)).toEqual(['small']);
    expect(overview.fileErrors).toEqual([{ file: huge, line: 0, code: 'deck.tooLarge', params: { size: 704 * 1024 * 1024, limit: DECK_FILE_MAX_BYTES } }]);
    expect(formatMessage(overview.fileErrors[0])).toBe('too large to load: 704.0 MB, the limit is 25.0 MB (split it into several decks)');
  });

  it('the limit is exact: a file of the limit is read (here: NUL bytes, so binary), one byte more is not', async () => {
    c = tempCollection();
    const atLimit = sparseDeck(join(c.userDir, 'at.md'), DECK_FILE_MAX_BYTES);
    const over = sparseDeck(join(c.userDir, 'over.md'), DECK_FILE_MAX_BYTES + 1);
    c.app.sync();
    const byFile = new Map((await c.app.api.overview()).fileErrors.map((e) => [e.file, e.code]));
    expect(byFile).toEqual(new Map([[atLimit, 'deck.binary'], [over, 'deck.tooLarge']]));
  });

  it('importDeckFile counts UTF-8 bytes: 9,000,000 Chinese characters (27 MB) are refused, nothing written', async () => {
    c = tempCollection();
    const text = deckText('zh', [{ id: 'z1', q: '问题?', a: '中'.repeat(9_000_000) }]);
    expect(text.length).toBeLessThan(DECK_FILE_MAX_BYTES); // Under the schema's character cap: only bytes catch it.
    const refused = await c.app.api.importDeckFile({ fileName: 'zh.md', text }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).problem).toEqual({
      code: 'edit.deckFileTooLarge', params: { fileName: 'zh.md', size: Buffer.byteLength(text), limit: DECK_FILE_MAX_BYTES },
    });
    expect((await c.app.api.overview()).decks).toEqual([]);
  });

  it('a folder import names the too-large file and imports nothing', async () => {
    c = tempCollection();
    const source = join(c.root, 'to-import');
    mkdirSync(source);
    writeFileSync(join(source, 'a.md'), deckText('a', [{ id: 'a1', q: 'A?' }]));
    const huge = sparseDeck(join(source, 'huge.md'), 100 * 1024 * 1024);
    const refused = await c.app.api.importDeckFolder({ path: source }).catch((error: unknown) => error as AppError);
    expect(formatMessage((refused as AppError).problem)).toContain(`${huge}:0: too large to load: 100.0 MB`);
    expect((await c.app.api.overview()).decks).toEqual([]);
  });
});
