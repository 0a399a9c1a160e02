import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../main/contract/api';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, errorKind } from '../../../main/contract/errors';
import { formatMessage, type Message } from '../../../main/contract/messages';
import { createDispatcher, toErrorPayload } from '../../../main/ipc/dispatch';
import { API_SCHEMAS } from '../../../main/ipc/schemas';
import { createProofDeckApp } from '../../../main/services/app';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

/** The refusal as a transport sends it: the message, plus its kind and English wording for the assertions. */
async function payloadOf(promise: Promise<unknown>): Promise<{ kind: string; text: string; message: Message }> {
  try {
    await promise;
  } catch (error) {
    const message = toErrorPayload(error);
    expect(JSON.parse(JSON.stringify(message))).toEqual(message); // JSON-safe, as both transports need
    return { kind: errorKind(message.code), text: formatMessage(message), message };
  }
  throw new Error('expected a rejection');
}

describe('validated dispatch (every IPC / HTTP call goes through it)', () => {
  it('has a schema for every contract method', () => {
    expect(Object.keys(API_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  it.each([
    ['unknown method', '__proto__', undefined, /Unknown API method/],
    ['constructor lookup', 'constructor', undefined, /Unknown API method/],
    ['missing argument', 'nextCard', undefined, /Invalid argument for nextCard/],
    ['extra key', 'nextCard', { deckId: null, evil: 1 }, /Invalid argument for nextCard/],
    ['quality out of range', 'answerCard', { deckId: null, cardId: 'a', quality: 7, version: 0, durationMs: 1 }, /quality/],
    ['fractional version', 'answerCard', { deckId: null, cardId: 'a', quality: 4, version: 0.5, durationMs: 1 }, /version/],
    ['NaN duration', 'answerCard', { deckId: null, cardId: 'a', quality: 4, version: 0, durationMs: Number.NaN }, /durationMs/],
    ['several decks with a deck id too', 'nextCard', { deckId: 'd', deckIds: ['d'] }, /deckIds needs deckId null/],
    ['a deck twice in a parent session', 'undoAnswer', { deckId: null, deckIds: ['d', 'd'] }, /each deck once/],
    ['an empty parent session', 'answerCard', { deckId: null, deckIds: [], cardId: 'a', quality: 4, version: 0, durationMs: 1 }, /deckIds/],
    ['string where number', 'updateSettings', { newPerDay: '20' }, /newPerDay/],
    ['unknown setting', 'updateSettings', { nodeIntegration: true }, /Invalid argument/],
    ['a theme that is not system, light or dark', 'updateSettings', { theme: 'sepia' }, /theme/],
    ['huge id', 'proofRuns', { cardId: 'x'.repeat(10_000) }, /cardId/],
    ['a job id that is not a string', 'cancelOptimize', { jobId: 3 }, /Invalid argument for cancelOptimize: jobId/],
    ['unknown dialog purpose', 'pickPath', { purpose: 'anywhere' }, /Invalid argument for pickPath: purpose/],
    ['folder import without a path', 'importDeckFolder', { path: '' }, /Invalid argument for importDeckFolder: path/],
    ['notes file by a relative path', 'previewNotesImportFile', { path: 'notes.md' }, /Invalid argument for previewNotesImportFile: path/],
    ['notes include list with a line 0', 'previewNotesImport', { fileName: 'n.md', text: '# a\nb', includeSections: [0] }, /includeSections/],
  ])('refuses %s with a clear bad-request error', async (_label, method, arg, message) => {
    c = tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    const dispatch = createDispatcher(c.app.api);
    const payload = await payloadOf(dispatch(method, arg));
    expect(payload.kind).toBe('bad-request');
    expect(payload.message.code).toMatch(/^api\./);
    expect(payload.text).toMatch(message);
  });

  it('keeps the theme setting across a restart; system by default', async () => {
    c = tempCollection();
    const dispatch = createDispatcher(c.app.api);
    expect((await c.app.api.getSettings()).theme).toBe('system');
    await dispatch('updateSettings', { theme: 'dark' });
    c.reopen();
    expect((await c.app.api.getSettings()).theme).toBe('dark');
  });

  it('refused calls change nothing', async () => {
    c = tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    const dispatch = createDispatcher(c.app.api);
    await payloadOf(dispatch('answerCard', { deckId: null, cardId: 'a', quality: 9, version: 0, durationMs: 1 }));
    await payloadOf(dispatch('updateSettings', { newPerDay: -1 }));
    expect((await c.app.api.sessionSummary({ since: 0 })).answered).toBe(0);
    expect((await c.app.api.getSettings()).newPerDay).toBe(20);
  });

  it('reports an unusable database as unavailable with its message, for every transport', async () => {
    c = tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    c.app.close();
    writeFileSync(join(c.dataDir, 'proofdeck.sqlite'), 'not a database');
    c.reopen();
    const payload = await payloadOf(createDispatcher(c.app.api)('overview', undefined));
    expect(payload.kind).toBe('unavailable');
    expect(payload.message.code).toBe('db.notSqlite');
    expect(payload.text).toMatch(/not a SQLite database/);
  });

  it('browser mode has no file dialog: pickPath is a bad request that says to type the path', async () => {
    c = tempCollection();
    expect((await c.app.api.startupStatus()).nativeDialogs).toBe(false);
    const payload = await payloadOf(createDispatcher(c.app.api)('pickPath', { purpose: 'import-folder' }));
    expect(payload.kind).toBe('bad-request');
    expect(payload.text).toMatch(/type the full path instead/);
  });

  it('a host with a dialog (Electron) answers pickPath with the chosen path, or null when cancelled', async () => {
    c = tempCollection();
    const asked: string[] = [];
    const answers = ['/home/me/decks', null];
    const app = createProofDeckApp({
      dataDir: join(c.root, 'electron-data'), builtInDeckDir: c.builtInDir, sandboxUrl: 'x',
      pickPath: async (purpose) => {
        asked.push(purpose);
        return answers.shift() ?? null;
      },
    });
    try {
      const dispatch = createDispatcher(app.api);
      expect((await app.api.startupStatus()).nativeDialogs).toBe(true);
      expect(await dispatch('pickPath', { purpose: 'deck-folder' })).toEqual({ path: '/home/me/decks' });
      expect(await dispatch('pickPath', { purpose: 'deck-file' })).toEqual({ path: null });
      expect(asked).toEqual(['deck-folder', 'deck-file']);
    } finally {
      app.close();
    }
  });

  it('passes valid calls through', async () => {
    c = tempCollection({ builtIn: { 'd.md': deckText('d', [{ id: 'a', q: 'A?' }]) } });
    const dispatch = createDispatcher(c.app.api);
    const step = (await dispatch('nextCard', { deckId: 'd' })) as { next: { card: { id: string } } };
    expect(step.next.card.id).toBe('a');
  });
});
