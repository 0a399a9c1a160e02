// The home screen's deck tree: each deck summary gets its tree path (core/deck/deckPath.ts) from its name and the
// subfolder of its file inside its deck folder, and the list comes in tree order, so the renderer never parses paths.
import { dirname, isAbsolute, relative } from 'node:path';
import type { DeckSummary } from '../contract/api';
import { compareDeckPaths, deckTreePath } from '../core/deck';
import type { DeckFolder } from './deckFiles';

/** The folder of `file` relative to the deck folder holding it (the innermost one), or '' when none does. */
export function folderWithinDeckFolder(file: string, folders: readonly Pick<DeckFolder, 'path'>[]): string {
  let best: string | null = null;
  let bestDepth = -1;
  for (const folder of folders) {
    const within = relative(folder.path, dirname(file));
    if (within.startsWith('..') || isAbsolute(within)) continue;
    if (folder.path.length > bestDepth) {
      best = within;
      bestDepth = folder.path.length;
    }
  }
  return best ?? '';
}

/** Adds each deck's tree path and orders the list: built-in decks first (as before), then by path, naturally. */
export function inTreeOrder<T extends Omit<DeckSummary, 'path' | 'due'>>(decks: readonly T[], folders: readonly Pick<DeckFolder, 'path'>[]): (T & { path: string[] })[] {
  return decks
    .map((deck) => ({ ...deck, path: deckTreePath(deck.name, folderWithinDeckFolder(deck.sourcePath, folders)) }))
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || compareDeckPaths(a.path, b.path) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
