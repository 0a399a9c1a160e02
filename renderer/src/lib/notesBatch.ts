// What the batch notes import needs in the page, without a DOM: which uploaded files are notes, and the parent deck
// of a file uploaded from a folder (the same rule the host applies to paths, main/core/notes/batch.ts: the folder
// names joined with `::`, hidden and `*.assets` folders not entered).

const NOTES_FILE = /\.(md|markdown|txt)$/i;
const SKIPPED_FOLDER = (name: string) => name.startsWith('.') || /\.assets$/i.test(name);

/** `webkitRelativePath` of an upload (`book/part/ch2.md`), or '' for a file picked on its own. */
export function isUploadedNotesFile(name: string, relativePath: string): boolean {
  const folders = relativePath.split('/').slice(0, -1);
  return !name.startsWith('.') && NOTES_FILE.test(name) && !folders.some(SKIPPED_FOLDER);
}

/** `book/part/ch2.md` → `book::part`; a file with no folder takes `fallback` (what the user typed), if any. */
export function uploadedParentDeck(relativePath: string, fallback: string): string | undefined {
  const folders = relativePath.split('/').slice(0, -1).map((name) => name.split('::').join(' ').trim()).filter(Boolean);
  if (folders.length) return folders.join('::');
  return fallback.trim() || undefined;
}

/** Notes bytes as text: UTF-8, else GBK (Typora on Chinese Windows), else a lossy UTF-8 the importer explains. */
export function decodeNotesUpload(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // Try the next encoding.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
