// The names the code under test declares at its top level (functions, classes, const — and let/var): what a
// coding card's proof may call by name. Read from Sucrase's tokens, whose identifier roles already know scopes,
// so names inside strings, comments, template literals, regexes and nested blocks are never taken for declarations.
import { parse } from 'sucrase/dist/parser';
import { isTopLevelDeclaration } from 'sucrase/dist/parser/tokenizer';

/**
 * Top-level declared names of plain JavaScript (already transpiled from TS), in source order, each once. Throws
 * Sucrase's SyntaxError on code it cannot parse (compileProof has reported that before this runs).
 */
export function topLevelDeclarations(js: string): string[] {
  const names = new Set<string>();
  for (const token of parse(js, false, false, false).tokens) {
    if (isTopLevelDeclaration(token)) names.add(js.slice(token.start, token.end));
  }
  return [...names];
}
