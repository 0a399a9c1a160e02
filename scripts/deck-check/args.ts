// deck:check's command line, exactly as ARCHITECTURE.md fixes it:
//   [files or folders…] [--backend cpu|wasm|webgl|webgpu|all] [--json] [--require-proofs]

import type { ProofBackend } from '../../main/contract/proof';

export type BackendArg = ProofBackend | 'all';

export interface DeckCheckArgs {
  targets: string[];
  backend: BackendArg;
  json: boolean;
  requireProofs: boolean;
}

export const USAGE = 'usage: npm run deck:check -- [files or folders…] [--backend cpu|wasm|webgl|webgpu|all] [--json] [--require-proofs]';
const BACKEND_ARGS: readonly BackendArg[] = ['cpu', 'wasm', 'webgl', 'webgpu', 'all'];

export function parseDeckCheckArgs(argv: string[]): DeckCheckArgs | { error: string } {
  const args: DeckCheckArgs = { targets: [], backend: 'all', json: false, requireProofs: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--require-proofs') args.requireProofs = true;
    else if (arg === '--backend' || arg.startsWith('--backend=')) {
      const value = arg === '--backend' ? argv[++i] : arg.slice('--backend='.length);
      if (!BACKEND_ARGS.includes(value as BackendArg)) return { error: `--backend must be one of ${BACKEND_ARGS.join(', ')}${value ? `, not "${value}"` : ''}` };
      args.backend = value as BackendArg;
    } else if (arg === '--') continue;
    else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else args.targets.push(arg);
  }
  if (args.targets.length === 0) args.targets.push('decks');
  return args;
}
