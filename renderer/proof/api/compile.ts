// compileProof: proof source (js, or ts transpiled with sucrase) → the body of an async function taking
// (tf, check, log, table, plot). Syntax errors come back as values naming the proof's own line.

import { transform } from 'sucrase';
import type { ProofLang } from '../../../main/contract/deck';
import { PROOF_SCOPE_NAMES } from './context';

export type CompiledProof = { ok: true; body: string } | { ok: false; error: string };

// The proof is parsed inside a wrapper so top-level `await` and `return` are legal; the wrapper adds one line.
const WRAPPER_HEAD = 'async function __proof__() {\n';
const WRAPPER_TAIL = '\n}';

function readPosition(message: string): { line: number; column: number } | null {
  const match = /\((\d+):(\d+)\)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : null;
}

export function compileProof(code: string, lang: ProofLang): CompiledProof {
  if (typeof code !== 'string') return { ok: false, error: 'The proof is not text.' };
  if (lang !== 'js' && lang !== 'ts') return { ok: false, error: `Unknown proof language "${String(lang)}" (use js or ts).` };
  let transformed: string;
  try {
    transformed = transform(WRAPPER_HEAD + code + WRAPPER_TAIL, {
      transforms: lang === 'ts' ? ['typescript'] : [],
      disableESTransforms: true,
      keepUnusedImports: true,
    }).code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = readPosition(message);
    const cleaned = message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    if (!position) return { ok: false, error: `Syntax error in the proof: ${cleaned}` };
    const line = Math.max(1, position.line - 1);
    return { ok: false, error: `Syntax error in the proof at line ${line}, column ${position.column + 1}: ${cleaned}` };
  }
  const start = transformed.indexOf('{') + 1;
  const end = transformed.lastIndexOf('}');
  if (start <= 0 || end < start) return { ok: false, error: 'The proof could not be compiled.' };
  return { ok: true, body: transformed.slice(start, end) };
}

type ProofFunction = (...scope: unknown[]) => Promise<unknown>;

/**
 * Builds the callable proof from a compiled body. Sucrase is a lenient parser, so the engine's own parse here
 * catches what it let through; its message has no line, so we say so.
 */
export function instantiateProof(body: string): { ok: true; run: ProofFunction } | { ok: false; error: string } {
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => ProofFunction;
  try {
    return { ok: true, run: new AsyncFunction(...PROOF_SCOPE_NAMES, `"use strict";\n${body}`) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: `Syntax error in the proof: ${message}` };
  }
}
