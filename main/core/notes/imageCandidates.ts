// Where an image written as an absolute path from another machine (`C:\Users\…\x.png`, `H:/…/img/x.png`,
// `file:///Users/…/x.png`, `/Users/bob/Typora/x.png`) may have come along with the notes: the file of the same
// name beside them or in one of their image folders. Pure: the caller lists the folders and checks the files.

/**
 * Folder names Typora, Obsidian, GitHub wikis and course repositories keep pictures in, compared ignoring case.
 * `<notes stem>.assets` (Typora's default) and the folder the path itself names are added per image.
 */
export const IMAGE_FOLDER_NAMES: readonly string[] = [
  'images', 'image', 'img', 'imgs', 'assets', 'asset', 'pic', 'pics', 'picture', 'pictures', 'figures', 'figure',
  'fig', 'figs', 'media', 'photos', 'photo', 'screenshots', 'attachments', '图片',
];

/** A path that names a place on some machine rather than one relative to the notes. */
export function isAbsoluteImagePath(src: string): boolean {
  return /^[a-zA-Z]:[\\/]/.test(src) || /^[\\/]/.test(src) || /^file:/i.test(src);
}

/** The path's parts after the drive or URL scheme, %-decoded when that is valid (`file:` URLs always are). */
function pathParts(src: string): string[] {
  const withoutScheme = src.replace(/^file:(?:\/\/[^/]*)?/i, '').replace(/[?#].*$/, '');
  let decoded = withoutScheme;
  try {
    decoded = decodeURIComponent(withoutScheme);
  } catch {
    // A `%` that is not an escape is part of the name.
  }
  return decoded.split(/[\\/]+/).filter(Boolean);
}

/** A single path part that cannot climb out of the folder it is joined to. */
const isPlainName = (part: string | undefined): part is string =>
  part !== undefined && part !== '.' && part !== '..' && !/[\\/:\0]/.test(part) && part.trim() === part && part !== '';

/**
 * Paths relative to the notes folder (parts joined with `/`) to try, in order, for an absolute image path that
 * does not exist as written. `folders`: the names of the folders beside the notes. Empty for relative paths.
 */
export function fallbackImageCandidates(src: string, notesFileName: string, folders: readonly string[]): string[] {
  if (!isAbsoluteImagePath(src)) return [];
  const parts = pathParts(src);
  const fileName = parts.at(-1);
  if (!isPlainName(fileName)) return [];
  const ownFolder = parts.length >= 2 ? parts.at(-2) : undefined;
  const stem = notesFileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const wanted = [ownFolder, `${stem}.assets`, ...IMAGE_FOLDER_NAMES].filter(isPlainName).map((name) => name.toLowerCase());
  const beside = folders.filter(isPlainName);
  // Ordered by `wanted` (the path's own folder first), each real folder once, spelled as it is on disk.
  const chosen = [...new Set(wanted.flatMap((name) => beside.filter((folder) => folder.toLowerCase() === name)))];
  return [fileName, ...chosen.map((folder) => `${folder}/${fileName}`)];
}
