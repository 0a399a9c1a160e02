#!/usr/bin/env node
// npm run deck:check -- [files or folders…] [--backend cpu|wasm|webgl|webgpu|all] [--json] [--require-proofs]
// The implementation is TypeScript (scripts/deck-check/main.ts), loaded through tsx's ESM hook so that it uses
// the app's own deck parser and proof protocol without a separate build.
import { register } from 'tsx/esm/api';

register();
const { deckCheck } = await import('./deck-check/main.ts');
try {
  process.exitCode = await deckCheck(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`deck:check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
