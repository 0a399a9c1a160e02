// Issue 11, "Electron": in the desktop app a path-taking method accepts only a path the user picked in the system's
// dialog or typed and confirmed in the main process's dialog, this session, for that purpose. The dialogs are the
// one thing faked here (the user's answers); the app, the dispatcher, the schemas and the folders are real.
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PickPathPurpose } from '../../../main/contract/api';
import type { Message } from '../../../main/contract/messages';
import { createDispatcher, type Dispatch } from '../../../main/ipc/dispatch';
import { createProofDeckApp, type ProofDeckApp } from '../../../main/services/app';
import { createPathGrants } from '../../../main/services/pathGrants';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';
import { refusal } from '../helpers/refusal';

let c: TempCollection;
let desktop: ProofDeckApp | null = null;
afterEach(() => {
  desktop?.close();
  desktop = null;
  c?.dispose();
});


/** What the user answers in the two dialogs, in order; and what the confirmation dialog was asked. */
interface User {
  picks: (string | string[] | null)[];
  confirms: boolean[];
  asked: { path: string; resolved: string; purpose: PickPathPurpose }[];
}

/** The desktop app over a temp collection with a deck folder, a notes file and a folder of decks to import. */
function desktopApp(): { dispatch: Dispatch; user: User; paths: Record<'decks' | 'toImport' | 'notes' | 'exportTo' | 'secret', string> } {
  c = tempCollection({ builtIn: { 'opt.md': deckText('opt', [{ id: 'o-adam', q: 'Adam 的更新公式？' }]) } });
  const paths = {
    decks: join(c.root, 'git', 'ml-decks'),
    toImport: join(c.root, 'Downloads', 'shared decks'),
    notes: join(c.root, 'Typora', '优化器 notes.md'),
    exportTo: join(c.root, 'export', 'not yet made'),
    secret: join(c.root, '.ssh'),
  };
  mkdirSync(paths.decks, { recursive: true });
  writeFileSync(join(paths.decks, 'svm.md'), deckText('svm', [{ id: 'svm-kernel', q: 'Kernel trick?' }]));
  mkdirSync(paths.toImport, { recursive: true });
  writeFileSync(join(paths.toImport, 'rl.md'), deckText('rl', [{ id: 'rl-bellman', q: 'Bellman equation?' }]));
  mkdirSync(join(c.root, 'Typora'));
  writeFileSync(paths.notes, '# 优化器\n\n## Adam\n\nm_t = β₁ m_{t−1} + (1 − β₁) g_t\n');
  mkdirSync(paths.secret);
  writeFileSync(join(paths.secret, 'id_ed25519.md'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
  const user: User = { picks: [], confirms: [], asked: [] };
  desktop = createProofDeckApp({
    dataDir: join(c.root, 'desktop-data'), builtInDeckDir: c.builtInDir, sandboxUrl: 'proofbox://sandbox/sandbox.html', clock: c.clock,
    pickPath: async () => user.picks.shift() ?? null,
    confirmPath: async (request) => {
      user.asked.push(request);
      return user.confirms.shift() ?? false;
    },
  });
  return { dispatch: createDispatcher(desktop.api, { pathGrants: desktop.pathGrants }), user, paths };
}

describe('path grants in the desktop app', () => {
  it('refuses every path-taking method a path no dialog granted, and changes nothing', async () => {
    const { dispatch, paths } = desktopApp();
    const attempts: [string, Record<string, string>][] = [
      ['addDeckFolder', { path: paths.secret }],
      ['importDeckFolder', { path: paths.secret }],
      ['exportDeckToFolder', { deckId: 'opt', folder: paths.secret }],
      ['previewNotesImportFile', { path: join(paths.secret, 'id_ed25519.md') }],
      ['addDeckFolder', { path: '/' }],
      ['previewNotesImportFile', { path: '/etc/passwd' }],
    ];
    for (const [method, arg] of attempts) {
      const problem = await refusal(dispatch(method, arg));
      expect(problem.code, `${method} ${JSON.stringify(arg)}`).toBe('api.pathNotGranted');
      expect(problem.params).toEqual({ method, path: Object.values(arg).at(-1) });
    }
    expect((await desktop!.api.deckFolders()).map((f) => f.kind)).toEqual(['built-in', 'default']);
    expect(readdirSync(paths.secret)).toEqual(['id_ed25519.md']);
    expect(await desktop!.api.nextEditUndo()).toEqual({ label: null });
  });

  it('accepts a path picked in the system dialog, for the purpose it was picked for', async () => {
    const { dispatch, user, paths } = desktopApp();
    user.picks.push(paths.decks);
    expect(await dispatch('pickPath', { purpose: 'deck-folder' })).toEqual({ path: paths.decks });
    const folders = (await dispatch('addDeckFolder', { path: paths.decks })) as { path: string; kind: string }[];
    expect(folders.at(-1)).toMatchObject({ path: paths.decks, kind: 'added' });
    expect((await desktop!.api.overview()).decks.map((d) => d.id).sort()).toEqual(['opt', 'svm']);
  });

  it('several notes files picked in one dialog (notes-files) are each granted for the batch, and nothing else is', async () => {
    const { dispatch, user, paths } = desktopApp();
    const second = join(c!.root, 'Typora', '第十章 notes.md');
    writeFileSync(second, '# 第十章\n\n## RNN\n\n循环\n');
    user.picks.push([paths.notes, second]);
    expect(await dispatch('pickPath', { purpose: 'notes-files' })).toEqual({ path: paths.notes, paths: [paths.notes, second] });
    const { items } = (await dispatch('previewNotesImportBatch', { paths: [paths.notes, second] })) as { items: { preview: unknown }[] };
    expect(items.map((item) => item.preview !== null)).toEqual([true, true]);
    // A file picked for the batch is a notes file, not a deck folder; a file nobody picked stays refused.
    expect((await refusal(dispatch('addDeckFolder', { path: second }))).code).toBe('api.pathNotGranted');
    expect((await refusal(dispatch('previewNotesImportBatch', { paths: [join(paths.secret, 'id_ed25519.md')] }))).code).toBe('api.pathNotGranted');
    expect(await dispatch('pickPath', { purpose: 'notes-files' })).toEqual({ path: null, paths: [] });
  });

  it('a cancelled dialog grants nothing', async () => {
    const { dispatch, paths } = desktopApp();
    expect(await dispatch('pickPath', { purpose: 'import-folder' })).toEqual({ path: null });
    expect((await refusal(dispatch('importDeckFolder', { path: paths.toImport }))).code).toBe('api.pathNotGranted');
  });

  it('accepts a typed path once the user confirms it, and shows where it really leads', async () => {
    const { dispatch, user, paths } = desktopApp();
    const link = join(c.root, 'shortcut to shared decks');
    symlinkSync(paths.toImport, link);
    user.confirms.push(true);
    expect(await dispatch('confirmPath', { path: link, purpose: 'import-folder' })).toEqual({ confirmed: true });
    expect(user.asked).toEqual([{ path: link, resolved: paths.toImport, purpose: 'import-folder' }]);
    const outcome = (await dispatch('importDeckFolder', { path: link })) as { message: Message };
    expect(outcome.message.code).toBe('done.folderImported');
    // The same folder by its real path or another spelling is the same grant.
    const again = (await dispatch('importDeckFolder', { path: join(paths.toImport, '..', 'shared decks') })) as { message: Message };
    expect(again.message.code).toBe('done.folderUnchanged');
  });

  it('a typed export folder that does not exist yet can be confirmed, then exported into', async () => {
    const { dispatch, user, paths } = desktopApp();
    user.confirms.push(true);
    await dispatch('confirmPath', { path: paths.exportTo, purpose: 'export-folder' });
    await dispatch('exportDeckToFolder', { deckId: 'opt', folder: paths.exportTo });
    expect(existsSync(join(paths.exportTo, 'opt.md'))).toBe(true);
  });

  it('refuses a typed path the user declined', async () => {
    const { dispatch, user, paths } = desktopApp();
    user.confirms.push(false);
    expect(await dispatch('confirmPath', { path: paths.secret, purpose: 'deck-folder' })).toEqual({ confirmed: false });
    expect((await refusal(dispatch('addDeckFolder', { path: paths.secret }))).code).toBe('api.pathNotGranted');
  });

  it('a grant for one purpose is not one for another', async () => {
    const { dispatch, user, paths } = desktopApp();
    user.picks.push(paths.decks);
    await dispatch('pickPath', { purpose: 'export-folder' });
    expect((await refusal(dispatch('addDeckFolder', { path: paths.decks }))).code).toBe('api.pathNotGranted');
    expect((await refusal(dispatch('importDeckFolder', { path: paths.decks }))).code).toBe('api.pathNotGranted');
    expect((await dispatch('exportDeckToFolder', { deckId: 'opt', folder: paths.decks })) as object).toHaveProperty('path');
  });

  it('a symlink re-pointed after the grant is not the granted folder any more', async () => {
    const { dispatch, user, paths } = desktopApp();
    const link = join(c.root, 'current decks');
    symlinkSync(paths.decks, link);
    user.confirms.push(true);
    await dispatch('confirmPath', { path: link, purpose: 'deck-folder' });
    rmSync(link);
    symlinkSync(paths.secret, link);
    expect((await refusal(dispatch('addDeckFolder', { path: link }))).code).toBe('api.pathNotGranted');
  });

  it('confirmPath itself still needs a full path', async () => {
    const { dispatch, user } = desktopApp();
    user.confirms.push(true);
    expect((await refusal(dispatch('confirmPath', { path: 'decks', purpose: 'deck-folder' }))).code).toBe('api.invalidArgument');
    expect(user.asked).toEqual([]);
  });
});

describe('grants are per session and bounded', () => {
  it('a restarted app remembers no grant', async () => {
    const { user, paths } = desktopApp();
    user.picks.push(paths.decks);
    await desktop!.api.pickPath({ purpose: 'deck-folder' });
    desktop!.close();
    desktop = createProofDeckApp({ dataDir: join(c.root, 'desktop-data'), builtInDeckDir: c.builtInDir, sandboxUrl: 'x', pickPath: async () => null, confirmPath: async () => false });
    const dispatch = createDispatcher(desktop.api, { pathGrants: desktop.pathGrants });
    expect((await refusal(dispatch('addDeckFolder', { path: paths.decks }))).code).toBe('api.pathNotGranted');
  });

  it('the oldest grant is forgotten first', () => {
    const grants = createPathGrants(3);
    for (const name of ['a', 'b', 'c']) grants.grant(`/home/me/${name}`, 'deck-folder');
    grants.grant('/home/me/a', 'deck-folder'); // used again: now the newest
    grants.grant('/home/me/d', 'deck-folder');
    expect(['a', 'b', 'c', 'd'].filter((name) => grants.isGranted(`/home/me/${name}`, 'deck-folder'))).toEqual(['a', 'c', 'd']);
  });
});

describe('browser mode (no dialog: the user types every path)', () => {
  it('accepts a typed absolute path, and has no confirmation to offer', async () => {
    c = tempCollection();
    const folder = join(c.root, 'typed decks');
    mkdirSync(folder);
    writeFileSync(join(folder, 'svm.md'), deckText('svm', [{ id: 'svm-kernel', q: 'Kernel trick?' }]));
    expect(c.app.pathGrants).toBeNull();
    const dispatch = createDispatcher(c.app.api, { pathGrants: c.app.pathGrants });
    expect(((await dispatch('addDeckFolder', { path: folder })) as unknown[]).length).toBe(3);
    expect((await refusal(dispatch('confirmPath', { path: folder, purpose: 'deck-folder' }))).code).toBe('api.noFileDialog');
  });
});
