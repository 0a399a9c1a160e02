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

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds each deck's tree path and orders the list: built-in decks first, in the order of their numbered files
 * (1-transformer.md, 2-optimizers.md…: the notes' chapter order, which their names do not sort into), then the
 * user's decks by path, naturally.
 */
export function inTreeOrder<T extends Omit<DeckSummary, 'path' | 'due'>>(decks: readonly T[], folders: readonly Pick<DeckFolder, 'path'>[]): (T & { path: string[] })[] {
  return decks
    .map((deck) => ({ ...deck, path: deckTreePath(deck.name, folderWithinDeckFolder(deck.sourcePath, folders)) }))
    .sort((a, b) =>
      Number(b.builtIn) - Number(a.builtIn) ||
      (a.builtIn && b.builtIn ? byText(a.sourcePath, b.sourcePath) : compareDeckPaths(a.path, b.path)) ||
      byText(a.id, b.id));
}
