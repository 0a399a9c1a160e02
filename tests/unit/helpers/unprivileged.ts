// File modes only bite an unprivileged user: as root, a probe script is re-run through setpriv as `nobody`; as root
// without setpriv the test is skipped with a message. The probe prints its result as JSON on its last line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

/** False (after saying why) when file modes cannot be exercised here. */
export function canDropPrivileges(): boolean {
  if (isRoot && !setpriv) console.warn('skipped: running as root without setpriv, so file modes cannot be exercised');
  return !isRoot || setpriv !== undefined;
}

/** Runs `probe` (a path from the repository root) as an unprivileged user; its stderr and last stdout line as JSON. */
export function runUnprivileged(probe: string): { stderr: string; result: Record<string, unknown> } {
  const node = [process.execPath, '--import', 'tsx', join(root, probe)];
  const command = isRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: '/tmp', TMPDIR: '/tmp' }, timeout: 60_000 });
  return { stderr: run.stderr, result: JSON.parse(run.stdout.trim().split('\n').at(-1)!) };
}
