// The architecture rules other than the layer table, each a function from a repository root to offender lines
// (`file:line what`), all on syntax trees or types, never on text: a comment or a string can neither break nor
// satisfy a rule.
import { join } from 'node:path';
import ts from 'typescript';
import { allSourceFiles, importsOf, lineOf, parse, resolveImport, sourceFiles, walk } from './sources';

const PURE = ['main/contract', 'main/core'];

/** `Date`, or `globalThis.Date` / `window.Date`. */
const isDate = (node: ts.Expression) => (ts.isIdentifier(node) ? node.text === 'Date' : ts.isPropertyAccessExpression(node) && node.name.text === 'Date');

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/** True where an identifier is a name being declared or a property name, not a value being read. */
function isNameOnly(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === id && !(ts.isIdentifier(parent.expression) && GLOBAL_OBJECTS.has(parent.expression.text));
  const named = parent as ts.Node & { name?: ts.Node };
  if (named.name === id && !ts.isShorthandPropertyAssignment(parent)) return true;
  return ts.isQualifiedName(parent) || ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent);
}

/** What a node of pure code reads from the outside world (clock, randomness, process), or null. */
function impurity(node: ts.Node): string | null {
  if (ts.isPropertyAccessExpression(node)) {
    if (node.name.text === 'now' && isDate(node.expression)) return 'reads the clock (Date.now)';
    if (node.name.text === 'random' && ts.isIdentifier(node.expression) && node.expression.text === 'Math') return 'reads randomness (Math.random)';
  }
  if (ts.isNewExpression(node) && isDate(node.expression) && !node.arguments?.length) return 'reads the clock (new Date())';
  if (ts.isCallExpression(node) && isDate(node.expression)) return 'reads the clock (Date())';
  if (ts.isIdentifier(node) && !isNameOnly(node)) {
    if (node.text === 'performance') return 'reads the clock (performance)';
    if (node.text === 'crypto') return 'reads randomness (crypto)';
    if (node.text === 'process') return 'reads the process (process)';
  }
  return null;
}

/** main/core and main/contract read no clock, no randomness and no process state: the caller passes them in. */
export function checkPureCore(root: string): string[] {
  const offenders: string[] = [];
  for (const file of PURE.flatMap((dir) => sourceFiles(root, dir))) {
    const tree = parse(root, file);
    walk(tree, (node) => {
      const why = impurity(node);
      if (why) offenders.push(`${file}:${lineOf(tree, node)} ${why}`);
    });
  }
  return offenders;
}

const ELECTRON_HOSTS = (file: string) => file === 'main/index.ts' || file === 'main/preload.ts' || file.startsWith('main/electron/');

/** Only the Electron host imports electron: the web host, services and the renderer run without it. */
export function checkElectronOnlyInHost(root: string): string[] {
  return allSourceFiles(root)
    .filter((file) => !ELECTRON_HOSTS(file))
    .flatMap((file) =>
      importsOf(parse(root, file))
        .filter((ref) => ref.spec !== null && /^electron(\/|$)/.test(ref.spec))
        .map((ref) => `${file}:${ref.line} imports ${ref.spec}`),
    );
}

/** The renderer reaches main only through main/contract (by resolved path, so `../../../main/x` counts). */
export function checkRendererThroughContract(root: string): string[] {
  return sourceFiles(root, 'renderer').flatMap((file) =>
    importsOf(parse(root, file)).flatMap((ref) => {
      if (ref.spec === null) return [];
      const target = resolveImport(root, file, ref.spec);
      const intoMain = target.kind === 'file' && target.path.startsWith('main/') && !target.path.startsWith('main/contract/');
      return intoMain ? [`${file}:${ref.line} imports ${ref.spec}`] : [];
    }),
  );
}

/** What in a renderer/src node talks to the host directly, or null. */
function transportUse(node: ts.Node): string | null {
  if (ts.isIdentifier(node) && !isNameOnly(node) && node.text === 'ipcRenderer') return 'uses ipcRenderer';
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'proofdeck') return 'reads the preload bridge (.proofdeck)';
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && GLOBAL_OBJECTS.has(callee.expression.getText()) ? callee.name.text : '';
    // Electron serves no HTTP API, so any fetch from the UI would only work in browser mode.
    if (name === 'fetch') return 'calls fetch';
  }
  return null;
}

/** Only renderer/src/lib/backend.ts knows whether it talks to the preload bridge or to the web host's /api. */
export function checkTransportOnlyInBackend(root: string): string[] {
  const offenders: string[] = [];
  for (const file of sourceFiles(root, 'renderer/src').filter((f) => f !== 'renderer/src/lib/backend.ts')) {
    const tree = parse(root, file);
    walk(tree, (node) => {
      const why = transportUse(node);
      if (why) offenders.push(`${file}:${lineOf(tree, node)} ${why}`);
    });
  }
  return offenders;
}

/** Compiling code from a string anywhere but the proof sandbox would run proof code with the app's origin. */
export function checkProofCodeOnlyInSandbox(root: string): string[] {
  const offenders: string[] = [];
  for (const file of [...sourceFiles(root, 'main'), ...sourceFiles(root, 'renderer/src')]) {
    const tree = parse(root, file);
    walk(tree, (node) => {
      const callee = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression : null;
      if (callee && ts.isIdentifier(callee) && (callee.text === 'eval' || callee.text === 'Function')) {
        offenders.push(`${file}:${lineOf(tree, node)} compiles code (${callee.text})`);
      }
      if (ts.isIdentifier(node) && node.text === 'AsyncFunction' && !isNameOnly(node)) offenders.push(`${file}:${lineOf(tree, node)} uses AsyncFunction`);
    });
  }
  return offenders;
}

const SQL_METHODS = new Set(['prepare', 'exec', 'pragma']);

/** `x.prepare(…)`, `x.exec(…)`, `x.pragma(…)`: the receiver x, or null. */
function sqlCallReceiver(node: ts.Node): ts.Expression | null {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null;
  return SQL_METHODS.has(node.expression.name.text) ? node.expression.expression : null;
}

/** True when the type is (or may be) better-sqlite3's: declared in its typings, or any/unknown (could be anything). */
function isDatabaseType(type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  if (type.isUnionOrIntersection()) return type.types.some(isDatabaseType);
  const symbol = type.aliasSymbol ?? type.getSymbol();
  return !!symbol?.declarations?.some((d) => /[\\/]better-sqlite3[\\/]/.test(d.getSourceFile().fileName));
}

/** The compiler options the SQL check type-checks with: the project's own, so types resolve as in `tsc`. */
function compilerOptions(root: string): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root).options;
  return { ...options, noEmit: true, skipLibCheck: true, types: ['node'] };
}

/** The `.prepare/.exec/.pragma(…)` calls in a tree. */
function sqlLikeCalls(tree: ts.SourceFile): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  walk(tree, (node) => {
    if (sqlCallReceiver(node)) calls.push(node as ts.CallExpression);
  });
  return calls;
}

/**
 * SQL runs only in main/storage: every `.prepare/.exec/.pragma(…)` call outside it, whatever its argument (a
 * literal, a variable, a template), is reported when its receiver's type is better-sqlite3's (or any/unknown), as
 * the TypeScript checker sees it, so `/re/.exec(s)` and `PATTERN.exec(s)` (RegExp) are not. Only the files with
 * such a call are type-checked (with what they import): the whole tree would take 3-4 times as long. A .svelte
 * script is not in the program, so there only a regex literal receiver is let through.
 */
export function checkSqlOnlyInStorage(root: string): string[] {
  const files = allSourceFiles(root).filter((file) => !file.startsWith('main/storage/') && sqlLikeCalls(parse(root, file)).length > 0);
  const tsFiles = files.filter((file) => file.endsWith('.ts'));
  const program = ts.createProgram({ rootNames: tsFiles.map((f) => join(root, f)), options: compilerOptions(root) });
  const checker = program.getTypeChecker();
  const offenders: string[] = [];
  for (const file of files) {
    const typed = file.endsWith('.ts');
    const tree = typed ? program.getSourceFile(join(root, file)) : parse(root, file);
    if (!tree) throw new Error(`${file} is not in the type-checked program`);
    for (const call of sqlLikeCalls(tree)) {
      const access = call.expression as ts.PropertyAccessExpression;
      const receiver = access.expression;
      const isSql = typed ? isDatabaseType(checker.getTypeAtLocation(receiver)) : !ts.isRegularExpressionLiteral(receiver);
      if (isSql) offenders.push(`${file}:${lineOf(tree, call)} runs SQL (${receiver.getText(tree)}.${access.name.text})`);
    }
  }
  return offenders;
}

/** The window security switches and navigation guards main/index.ts must keep, as they appear in code. */
export const WINDOW_SECURITY = [
  'contextIsolation: true',
  'sandbox: true',
  'nodeIntegration: false',
  'webSecurity: true',
  'setPermissionRequestHandler',
  'setPermissionCheckHandler',
  "'will-navigate'",
  "'will-attach-webview'",
  'setWindowOpenHandler',
  'isAppFrame(event)',
];

/**
 * What a file says in code, as the needles above are written: `key: value` property assignments, 'quoted'
 * string literals, calls `f(args)` and member/identifier names; a needle in a comment is not found.
 */
export function codeFacts(root: string, file: string): Set<string> {
  const tree = parse(root, file);
  const facts = new Set<string>();
  walk(tree, (node) => {
    if (ts.isPropertyAssignment(node)) facts.add(`${node.name.getText(tree)}: ${node.initializer.getText(tree)}`);
    else if (ts.isStringLiteralLike(node)) facts.add(`'${node.text}'`);
    else if (ts.isCallExpression(node)) facts.add(node.getText(tree));
    else if (ts.isIdentifier(node)) facts.add(node.text);
  });
  return facts;
}
