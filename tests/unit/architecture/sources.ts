// Reading the app's sources as syntax trees: every rule in this folder works on parsed code, so a word in a
// comment or a string never counts, and every rule takes the repository root as an argument, so the probe test
// can run the same rules over a copy with deliberate violations written into it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** The folders whose code the rules cover. */
export const SOURCE_ROOTS = ['main', 'renderer'];

/** Repo-relative paths (forward slashes) of the .ts and .svelte files under `dir`, declaration files excluded. */
export function sourceFiles(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const path = posix.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(root, path));
    else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function allSourceFiles(root: string): string[] {
  return SOURCE_ROOTS.flatMap((dir) => sourceFiles(root, dir));
}

/**
 * A .svelte file's <script> blocks with everything else blanked out (newlines kept), so positions in the parsed
 * tree are positions in the file and line numbers in reports are right.
 */
export function svelteScripts(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/g)) {
    const start = match.index + match[1].length;
    out += blank(text.slice(last, start)) + match[2];
    last = start + match[2].length;
  }
  return out + blank(text.slice(last));
}

const parsed = new Map<string, ts.SourceFile>();

/** The file's syntax tree (only the <script> blocks of a .svelte file), cached per absolute path and content. */
export function parse(root: string, file: string): ts.SourceFile {
  const full = join(root, file);
  const text = readFileSync(full, 'utf8');
  const key = `${full}\0${text}`;
  let tree = parsed.get(key);
  if (!tree) {
    const code = file.endsWith('.svelte') ? svelteScripts(text) : text;
    tree = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    parsed.set(key, tree);
  }
  return tree;
}

/** Visits every node of the tree, depth first. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

export function lineOf(tree: ts.SourceFile, node: ts.Node): number {
  return tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
}

export interface ImportRef {
  /** The specifier as written, or null for a dynamic import/require of a computed value. */
  spec: string | null;
  line: number;
  typeOnly: boolean;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import 'x'` runs x
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Every module the file refers to: import/export-from, `import x = require()`, import(), require(), `typeof import()`. */
export function importsOf(tree: ts.SourceFile): ImportRef[] {
  const refs: ImportRef[] = [];
  const add = (node: ts.Node, spec: ts.Node | undefined, typeOnly: boolean) =>
    refs.push({ spec: spec && ts.isStringLiteralLike(spec) ? spec.text : null, line: lineOf(tree, node), typeOnly });
  walk(tree, (node) => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node, node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, true);
    else if (ts.isCallExpression(node) && isImportOrRequire(node)) add(node, node.arguments[0], false);
  });
  return refs;
}

function isImportOrRequire(call: ts.CallExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1;
}

/** What an import specifier points at: a file of the repository, a Node builtin or an npm package. */
export type Target = { kind: 'file'; path: string } | { kind: 'package'; name: string };

const BUILTINS = new Set(builtinModules);

/** `node:fs`, `fs`, `fs/promises` → `node:fs…`; `@scope/pkg/deep?url` → `@scope/pkg`; `pkg/deep` → `pkg`. */
export function packageName(spec: string): string {
  const bare = spec.replace(/[?#].*$/, '');
  if (bare.startsWith('node:')) return bare;
  if (BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0])) return `node:${bare}`;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Resolves a specifier written in `fromFile` (repo-relative); relative ones become repo-relative file paths. */
export function resolveImport(root: string, fromFile: string, spec: string): Target {
  if (!spec.startsWith('.') && !spec.startsWith('/')) return { kind: 'package', name: packageName(spec) };
  const bare = spec.replace(/[?#].*$/, '');
  const path = spec.startsWith('/') ? posix.normalize(bare.slice(1)) : posix.normalize(posix.join(posix.dirname(fromFile), bare));
  const candidates = [path, `${path}.ts`, `${path}/index.ts`, path.replace(/\.js$/, '.ts')];
  const found = candidates.find((c) => existsSync(join(root, c)) && statSync(join(root, c)).isFile());
  // A path that does not exist still has a folder, and the folder decides the layer.
  return { kind: 'file', path: found ?? path };
}

