// Which layer may import which, as data (the way VS Code's layering lint works), and the check that applies it to
// resolved import paths: relative imports are resolved to a repository path and classified by folder, bare ones are
// packages. A folder named here that does not exist yet simply has no files for its rule to apply to.
import { allSourceFiles, importsOf, parse, resolveImport, type Target } from './sources';

/** Every Node builtin (`node:fs`, `fs/promises`, …). */
export const NODE = 'node:*';

export interface Layer {
  name: string;
  /** Folder prefixes (ending in '/') or single files, repo-relative. */
  paths: string[];
  /** Layers this one may import, besides itself. */
  mayImport: string[];
  /** Packages it may import: a list (NODE for every builtin, 'node:path' for one), or every package but some. */
  packages: string[] | { except: string[] };
}

export const LAYERS: Layer[] = [
  // The types and constants shared by every side; the sandboxed preload bundles it, so it stands alone.
  { name: 'contract', paths: ['main/contract/'], mayImport: [], packages: [] },
  // Pure logic: deck format, notes conversion, scheduling. No IO, so it is tested without a disk or a clock.
  { name: 'core', paths: ['main/core/'], mayImport: ['contract'], packages: ['yaml', 'ts-fsrs'] },
  { name: 'storage', paths: ['main/storage/'], mayImport: ['contract', 'core', 'files'], packages: ['better-sqlite3', NODE] },
  // Thin fs helpers (atomic write, inside-folder check, image types) shared by services and hosts.
  { name: 'files', paths: ['main/files/'], mayImport: ['contract'], packages: [NODE] },
  // Where the data lives (data dir resolution), read by both hosts and by services.
  { name: 'config', paths: ['main/config/'], mayImport: ['contract'], packages: [NODE] },
  // A library added here must be named here. The FSRS optimizer (a native binding) is imported only by the
  // optimizer's worker entry, main/services/optimizerWorker.ts.
  { name: 'services', paths: ['main/services/'], mayImport: ['contract', 'core', 'storage', 'files', 'config'], packages: ['@open-spaced-repetition/binding', NODE] },
  { name: 'ipc', paths: ['main/ipc/'], mayImport: ['contract', 'services'], packages: ['valibot', 'node:path'] },
  // Code both hosts share: CSP, the sandbox's file list.
  { name: 'hosts', paths: ['main/hosts/'], mayImport: ['contract', 'files'], packages: [NODE] },
  { name: 'web', paths: ['main/web/'], mayImport: ['contract', 'services', 'ipc', 'hosts', 'files', 'config'], packages: [NODE] },
  {
    name: 'electron',
    paths: ['main/electron/', 'main/index.ts'],
    mayImport: ['contract', 'services', 'ipc', 'hosts', 'files', 'config'],
    packages: ['electron', NODE],
  },
  // Runs sandboxed in the renderer process: Electron's bridge and the contract, nothing of Node.
  { name: 'preload', paths: ['main/preload.ts'], mayImport: ['contract'], packages: ['electron'] },
  { name: 'cli', paths: ['main/cli/'], mayImport: ['config', 'contract', 'core', 'services'], packages: [NODE] },
  // The contract is pure data (the rules above keep it so), so its constants (API_METHODS, PROOF_BACKENDS) may be
  // imported as values as well as types.
  { name: 'renderer', paths: ['renderer/'], mayImport: ['contract'], packages: { except: ['electron', 'better-sqlite3', NODE] } },
];

const matches = (path: string, prefix: string) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix);

/** The layer a repo-relative path belongs to, or undefined. */
export function layerOf(path: string, layers: Layer[] = LAYERS): Layer | undefined {
  return layers.find((layer) => layer.paths.some((prefix) => matches(path, prefix)));
}

function packageAllowed(name: string, allowed: Layer['packages']): boolean {
  const inList = (list: string[]) =>
    list.some((entry) => (entry === NODE ? name.startsWith('node:') : name === entry || name.startsWith(`${entry}/`)));
  return Array.isArray(allowed) ? inList(allowed) : !inList(allowed.except);
}

/** Why `layer` may not import `target`, or null when it may. */
function violation(layer: Layer, target: Target, layers: Layer[]): string | null {
  if (target.kind === 'package') {
    return packageAllowed(target.name, layer.packages) ? null : `${layer.name} → package ${target.name} not allowed`;
  }
  const to = layerOf(target.path, layers);
  if (!to) return `${layer.name} → ${target.path}, which is in no layer, not allowed`;
  if (to === layer || layer.mayImport.includes(to.name)) return null;
  return `layer ${layer.name} → layer ${to.name} not allowed`;
}

/**
 * One line per import the table forbids (`file:line imports spec (layer a → layer b not allowed)`), plus every
 * source file under main/ that is in no layer: a new folder has to be placed in the table before it is used.
 */
export function checkLayers(root: string, layers: Layer[] = LAYERS): string[] {
  const offenders: string[] = [];
  for (const file of allSourceFiles(root)) {
    const layer = layerOf(file, layers);
    if (!layer) {
      offenders.push(`${file} is in no layer (add its folder to LAYERS in tests/unit/architecture/layers.ts)`);
      continue;
    }
    for (const ref of importsOf(parse(root, file))) {
      if (ref.spec === null) {
        offenders.push(`${file}:${ref.line} imports a computed specifier (a layer must name what it imports)`);
        continue;
      }
      const why = violation(layer, resolveImport(root, file, ref.spec), layers);
      if (why) offenders.push(`${file}:${ref.line} imports ${ref.spec} (${why})`);
    }
  }
  return offenders;
}
