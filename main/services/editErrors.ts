// Refusals from editing, with a code the API maps onto its error codes and a message the user can act on.
import { readFileSync } from 'node:fs';

export class EditError extends Error {
  constructor(readonly code: 'bad-request' | 'conflict' | 'not-found', message: string) {
    super(message);
    this.name = 'EditError';
  }
}

export const errno = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The file's text, or null when it does not exist; any other failure is a refusal that changed nothing. */
export function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new EditError('conflict', `Cannot read ${path} (${errno(error)}); nothing was changed.`);
  }
}
