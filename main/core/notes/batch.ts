// Several notes files imported at once (a folder, or files given together): each becomes its own deck, named
// `<folder>::<chapter>` so the home screen's tree groups them under their folder. <folder> is the name of the
// folder given (then its subfolders, each a level deeper), or for files given one by one the name of the folder
// each file is in. One file given alone keeps its plain name, as before.
import { DECK_PATH_SEPARATOR } from '../deck';

/** Notes files a batch takes: Markdown and plain text. */
const NOTES_FILE = /\.(md|markdown|txt)$/i;

export function isNotesFileName(name: string): boolean {
  return !name.startsWith('.') && NOTES_FILE.test(name);
}

/** Folders a batch does not enter: hidden ones and the image folders decks and Typora keep (`x.assets`). */
export function isSkippedNotesFolder(name: string): boolean {
  return name.startsWith('.') || /\.assets$/i.test(name);
}

/** The parent deck name for a notes file: its folder names, outermost first, joined with `::`. */
export function notesParentDeck(folderNames: readonly string[]): string | undefined {
  const parts = folderNames.map((name) => name.split(DECK_PATH_SEPARATOR).join(' ').trim()).filter(Boolean);
  return parts.length ? parts.join(DECK_PATH_SEPARATOR) : undefined;
}

/** `parent::chapter`, or the chapter alone when there is no parent. */
export function joinDeckName(parent: string | undefined, chapter: string): string {
  return parent ? `${parent}${DECK_PATH_SEPARATOR}${chapter}` : chapter;
}
