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

/** What is being compiled, as error messages name it: the proof, or a coding card's code under test. */
export type CompiledPart = 'the proof' | 'the code under test';

export function compileProof(code: string, lang: ProofLang, part: CompiledPart = 'the proof'): CompiledProof {
  if (typeof code !== 'string') return { ok: false, error: `${part === 'the proof' ? 'The proof' : 'The code under test'} is not text.` };
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
    if (!position) return { ok: false, error: `Syntax error in ${part}: ${cleaned}` };
    const line = Math.max(1, position.line - 1);
    return { ok: false, error: `Syntax error in ${part} at line ${line}, column ${position.column + 1}: ${cleaned}` };
  }
  const start = transformed.indexOf('{') + 1;
  const end = transformed.lastIndexOf('}');
  if (start <= 0 || end < start) return { ok: false, error: 'The proof could not be compiled.' };
  return { ok: true, body: transformed.slice(start, end) };
}

type ProofFunction = (...scope: unknown[]) => Promise<unknown>;

const API_NAMES: ReadonlySet<string> = new Set(PROOF_SCOPE_NAMES);

/**
 * Builds the callable proof from a compiled body. Sucrase is a lenient parser, so the engine's own parse here
 * catches what it let through; its message has no line, so we say so.
 *
 * `bindings` (a coding card's code under test, by name) are parameters of an outer function and the proof API
 * those of the inner one that holds the body: the API names always mean the API, and the proof's own
 * declarations shadow the user's instead of clashing with them (a `const` may not redeclare a parameter of its
 * own function, but may shadow an outer one).
 */
export function instantiateProof(body: string, bindings: Readonly<Record<string, unknown>> = {}): { ok: true; run: ProofFunction } | { ok: false; error: string } {
  const names = Object.keys(bindings).filter((name) => !API_NAMES.has(name));
  try {
    const outer = new Function(...names, `"use strict";\nreturn async function (${PROOF_SCOPE_NAMES.join(', ')}) {\n"use strict";\n${body}\n};`);
    const run = outer(...names.map((name) => bindings[name])) as ProofFunction;
    return { ok: true, run };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: `Syntax error in the proof: ${message}` };
  }
}

type SubjectFunction = (tf: unknown) => Promise<Record<string, unknown>>;

/**
 * A coding card's code under test as a function of `tf` alone (nothing else of the proof API is in its scope)
 * that runs it and returns its top-level declarations by name, for instantiateProof's `bindings`.
 */
export function instantiateSubject(body: string, names: readonly string[]): { ok: true; run: SubjectFunction } | { ok: false; error: string } {
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => SubjectFunction;
  try {
    return { ok: true, run: new AsyncFunction('tf', `"use strict";\n${body}\nreturn { ${names.join(', ')} };`) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: `Syntax error in the code under test: ${message}` };
  }
}
