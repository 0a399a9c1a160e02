// Which file of the built renderer a URL path names, for both hosts: only files inside the build folder, by the
// one containment rule of main/files/inside.ts (no `..`, no symlink out).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { realInside } from '../files/inside';

/** Resolves a URL path inside `root`, or null if it escapes it (`..`, symlinks out) or does not exist. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const real = realInside(root, join(root, decoded));
  return real && statSync(real).isFile() ? real : null;
}
