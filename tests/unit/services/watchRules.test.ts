// The deck watcher's decisions (main/services/watchRules.ts), on the names editors and ProofDeck really produce.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ancestorEventMatters, diffWatches, folderEventAction, nearestExistingAncestor, watchesSubfolder, watchKey } from '../../../main/services/watchRules';

describe('which subfolders are watched', () => {
  it.each([
    ['ml', true],
    ['第二章 卷积网络', true],
    ['transformers.md', true], // a folder named like a file is still a folder
    ['.git', false],
    ['.obsidian', false],
    ['attention.assets', false],
    ['Attention.ASSETS', false],
    ['assets', true],
  ])('%s → %s', (name, watched) => expect(watchesSubfolder(name)).toBe(watched));
});

describe('what an event in a watched folder asks for', () => {
  const resync = { resync: true, rescan: false };
  const rescan = { resync: false, rescan: true };
  const nothing = { resync: false, rescan: false };
  it.each([
    // vim (backupcopy=no): the old file is renamed to a backup, the new one written, the backup removed.
    ['rename', 'attention.md', resync],
    ['change', 'attention.md', resync],
    ['rename', 'attention.md~', rescan],
    ['rename', '4913', rescan],
    ['rename', '.attention.md.swp', nothing],
    ['change', '.attention.md.swx', nothing],
    // JetBrains' safe write and VS Code's atomic save end with a rename onto the deck file.
    ['rename', 'attention.md___jb_tmp___', rescan],
    ['rename', 'Notes.MD', resync],
    // ProofDeck's own temp: its rename onto the deck file reports the deck file.
    ['rename', '.attention.md.proofdeck-0123456789ab.tmp', nothing],
    ['change', '.attention.md.proofdeck-0123456789ab.tmp', nothing],
    // A subfolder made or removed, or the watched folder itself deleted (reported by its own name).
    ['rename', 'chapter 2', rescan],
    ['rename', 'decks', rescan],
    // An image written into a folder: not a deck file, and a 'change' adds or removes no folder.
    ['change', 'diagram.png', nothing],
    ['change', 'chapter 2', nothing],
  ])('%s %s', (event, name, action) => expect(folderEventAction(event, name)).toEqual(action));

  it('an event without a name re-reads and re-lists everything', () => {
    expect(folderEventAction('rename', null)).toEqual({ resync: true, rescan: true });
    expect(folderEventAction('change', '')).toEqual({ resync: true, rescan: true });
  });
});

describe('following a deck folder that is gone', () => {
  const root = join('/home', 'ada', 'notes', 'decks');
  it('waits in the nearest existing ancestor', () => {
    const existing = new Set(['/', '/home', '/home/ada']);
    expect(nearestExistingAncestor(root, (p) => existing.has(p))).toBe('/home/ada');
    expect(nearestExistingAncestor(root, (p) => p === '/' || p === '/home/ada/notes')).toBe('/home/ada/notes');
  });

  it('has nowhere to wait when nothing above exists', () => {
    expect(nearestExistingAncestor(root, () => false)).toBeNull();
  });

  it('only the next component toward the folder matters in the ancestor', () => {
    expect(ancestorEventMatters('/home/ada', root, 'notes')).toBe(true);
    expect(ancestorEventMatters('/home/ada', root, 'decks')).toBe(false);
    expect(ancestorEventMatters('/home/ada', root, '.bash_history')).toBe(false);
    expect(ancestorEventMatters('/home/ada/notes', root, 'decks')).toBe(true);
    expect(ancestorEventMatters('/home/ada', root, null)).toBe(true);
  });
});

describe('keeping watchers in step with the folders', () => {
  it('a folder made again at the same path is a new watch, the old one closed', () => {
    const before = [watchKey('/d', 10), watchKey('/d/ch1', 11)];
    const after = [watchKey('/d', 20), watchKey('/d/ch1', 11), watchKey('/d/ch2', 21)];
    expect(diffWatches(before, after)).toEqual({ open: [watchKey('/d', 20), watchKey('/d/ch2', 21)], close: [watchKey('/d', 10)] });
  });

  it('nothing changes when nothing moved', () => {
    const keys = [watchKey('/d', 1), watchKey('/d/a', 2)];
    expect(diffWatches(keys, [...keys].reverse())).toEqual({ open: [], close: [] });
  });
});
