// Where a deck sits in the home screen's tree (as in Anki): a deck named `Parent::Child` is placed under `Parent`;
// a deck file in a subfolder of its deck folder is placed under the subfolders (`<deck folder>/book/ch2.md` → under
// `book`). A name with `::` is the whole path: it is not put under its subfolders as well.
import { compareNatural } from './naturalOrder';

export const DECK_PATH_SEPARATOR = '::';

/**
 * The deck's tree path, root first, its last part the deck's own row. `folderPath` is the folder holding the deck
 * file, relative to its deck folder ('' at the top; `/` or `\` separators).
 */
export function deckTreePath(name: string, folderPath: string): string[] {
  const parts = name.split(DECK_PATH_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length > 1) return parts;
  const folders = folderPath.split(/[\\/]+/).map((part) => part.trim()).filter((part) => part && part !== '.');
  return [...folders, parts[0] ?? name];
}

/** Orders tree paths part by part in natural order, a parent before its children. */
export function compareDeckPaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareNatural(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
