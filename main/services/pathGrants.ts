// Which paths the renderer may hand the host in the desktop app (issue 11): only those the user chose in the
// system's dialog this session, or typed and then confirmed in a dialog the main process showed. A compromised
// renderer can call the API but cannot show either dialog's answer, so it cannot name /etc or ~/.ssh on its own.
// Grants live in memory (one app run), are scoped by purpose (a folder picked for export is not a deck folder) and
// bounded (the oldest is forgotten first), and compare canonical paths: a symlink swapped after the grant, `..`
// segments or another spelling of the same folder resolve to what the disk holds now.
import { resolve } from 'node:path';
import type { PickPathPurpose } from '../contract/api';
import { realFuturePath } from '../files/inside';

/**
 * Enough for a long session of imports and exports, and for one dialog's pick of every file of a notes batch
 * (MAX_BATCH_FILES, 500) without forgetting the first; a renderer granting itself more cannot happen (the user answers).
 */
export const MAX_PATH_GRANTS = 600;

/** What the system dialog answered: one path, several (a multiple selection), or null when cancelled. */
export type DialogAnswer = string | readonly string[] | null;

/** The purpose each picked path is granted for: files picked together for a notes batch are each a notes file. */
export const grantedPurpose = (purpose: PickPathPurpose): PickPathPurpose => (purpose === 'notes-files' ? 'notes-file' : purpose);

/** The API's answer to pickPath: the first path, and for a multiple selection (`notes-files`) every path. */
export function pickAnswer(purpose: PickPathPurpose, answer: DialogAnswer): { path: string | null; paths?: string[] } {
  const paths = answer === null ? [] : typeof answer === 'string' ? [answer] : [...answer];
  return purpose === 'notes-files' ? { path: paths[0] ?? null, paths } : { path: paths[0] ?? null };
}

/** Grants every picked path of `answer`, for the purpose it was picked for; returns the API's answer. */
export function grantPicked(grants: PathGrants, purpose: PickPathPurpose, answer: DialogAnswer): { path: string | null; paths?: string[] } {
  const picked = pickAnswer(purpose, answer);
  for (const path of picked.paths ?? (picked.path === null ? [] : [picked.path])) grants.grant(path, grantedPurpose(purpose));
  return picked;
}

export interface PathGrants {
  grant(path: string, purpose: PickPathPurpose): void;
  isGranted(path: string, purpose: PickPathPurpose): boolean;
}

export function createPathGrants(max = MAX_PATH_GRANTS): PathGrants {
  // A Map keeps insertion order: the first key is the oldest grant.
  const grants = new Map<string, true>();
  // The path as the disk resolves it now (symlinks and `..` followed; a folder an export will create appended).
  const key = (path: string, purpose: PickPathPurpose) => `${purpose}\0${realFuturePath(resolve(path))}`;
  return {
    grant(path, purpose) {
      const k = key(path, purpose);
      grants.delete(k);
      grants.set(k, true);
      while (grants.size > max) grants.delete(grants.keys().next().value!);
    },
    isGranted: (path, purpose) => grants.has(key(path, purpose)),
  };
}
