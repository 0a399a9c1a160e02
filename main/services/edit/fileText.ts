// Reading a file an edit is about to replace: absent is a value (null), anything else unreadable is a refusal.
import { readFileSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import { message } from '../../contract/messages';

/** The error's errno code (EACCES, ENOSPC…), else its message: what a user or a search engine can act on. */
export const errno = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The file's text, or null when it does not exist; any other failure is a refusal that changed nothing. */
export function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError(message('edit.cannotRead', { file: path, reason: errno(error) }));
  }
}
