// The one way main/ writes a file: a temp file in the same folder, fsynced, then renamed over the target. A crash
// leaves the old file or the new one, never half of one (a half-written deck would lose cards, a half-copied image
// would be kept forever by the content-named paste). The temp name follows one recognizable pattern, so files of
// exactly this pattern left by a crash can be told from the user's own and removed.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.<name>.proofdeck-<12 hex>.tmp`: the temp files writeFileAtomic and copyFileAtomic make (and remove). */
export const ATOMIC_TEMP_PATTERN = /^\..*\.proofdeck-[0-9a-f]{12}\.tmp$/;

/** Long names are cut: the temp name must stay under the file system's 255-byte limit (50 chars <= 200 bytes). */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path).slice(0, 50)}.proofdeck-${randomBytes(6).toString('hex')}.tmp`);
}

export interface AtomicWriteOptions {
  /** Also fsync the folder after the rename, so the new name itself survives a power cut (not only the data). */
  durable?: boolean;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  replaceVia(path, options, (temp) => {
    // 'wx': the random name never clobbers anything, not even another writer's temp file.
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, data); // Given an fd, it loops until all is written (writeSync may write less).
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}

export interface AtomicCopyOptions extends AtomicWriteOptions {
  /**
   * false refuses (EEXIST) when `to` exists. It is checked just before the rename: a window of microseconds,
   * where link() would close it but is missing on FAT/exFAT drives, where deck folders can live too.
   */
  overwrite?: boolean;
}

export function copyFileAtomic(from: string, to: string, options: AtomicCopyOptions = {}): void {
  replaceVia(to, options, (temp) => {
    copyFileSync(from, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite === false && existsSync(to)) {
      throw Object.assign(new Error(`EEXIST: file already exists, copy '${from}' -> '${to}'`), { code: 'EEXIST', path: to });
    }
  });
}

/** Fills a fresh temp beside `path` with `fill`, renames it over `path`; on any failure the temp is removed. */
function replaceVia(path: string, { durable = false }: AtomicWriteOptions, fill: (temp: string) => void): void {
  const temp = tempPathFor(path);
  try {
    fill(temp);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
  if (durable) fsyncFolder(dirname(path));
}

function fsyncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return; // Windows cannot open a folder as a file; NTFS journals the rename itself.
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems (network, FUSE) refuse to fsync a folder: the data itself is already on disk.
  } finally {
    closeSync(fd);
  }
}
