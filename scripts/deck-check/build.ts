// deck:check, the proof bench and the sandbox spec need the built sandbox, worker and harness page: the shared
// build step (scripts/lib/build.mjs) makes sure they are current.
import { join } from 'node:path';
import { ensureBuilt } from '../lib/build.mjs';

export async function ensureRendererBuild(repoRoot: string, log: (line: string) => void): Promise<string> {
  ensureBuilt({ log });
  return join(repoRoot, 'out/renderer');
}
