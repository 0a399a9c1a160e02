// The architecture rules bite: the same rule functions architecture.test.ts runs on the repository are run on a
// copy of main/ and renderer/ with a probe file written in each forbidden direction, and each probe has to be
// reported by its rule, while probes that only look like violations (a comment, a string, new Date(ms), a RegExp's
// exec) must not be. The unmodified copy has to report exactly what the repository reports.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLayers } from './architecture/layers';
import {
  checkElectronOnlyInHost,
  checkProofCodeOnlyInSandbox,
  checkPureCore,
  checkRendererThroughContract,
  checkSqlOnlyInStorage,
  checkTransportOnlyInBackend,
} from './architecture/rules';

const repo = join(import.meta.dirname, '../..');

const RULES = {
  layers: checkLayers,
  pure: checkPureCore,
  electron: checkElectronOnlyInHost,
  sql: checkSqlOnlyInStorage,
  renderer: checkRendererThroughContract,
  transport: checkTransportOnlyInBackend,
  sandbox: checkProofCodeOnlyInSandbox,
};
type Rule = keyof typeof RULES;

const runAll = (root: string) => Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [name, rule(root)])) as Record<Rule, string[]>;

/** A file written into the copy, and the lines (rule, text in the line) it must produce. */
interface Probe {
  file: string;
  text: string;
  reports: [Rule, string][];
}

const PROBES: Probe[] = [
  { file: 'main/core/probeStorage.ts', text: "import { openDatabase } from '../storage/database';\nexport { openDatabase };\n", reports: [['layers', 'imports ../storage/database (layer core → layer storage not allowed)']] },
  { file: 'main/core/probeDynamic.ts', text: "export const load = () => import('../storage/database');\n", reports: [['layers', '(layer core → layer storage not allowed)']] },
  { file: 'main/core/probeFs.ts', text: "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport { readFileSync, join };\n", reports: [['layers', 'imports node:fs (core → package node:fs not allowed)'], ['layers', 'imports path (core → package node:path not allowed)']] },
  { file: 'main/core/probeClock.ts', text: 'export const now = (): number => Date.now();\n', reports: [['pure', 'reads the clock (Date.now)']] },
  { file: 'main/core/probeNewDate.ts', text: 'export const today = (): Date => new Date();\n', reports: [['pure', 'reads the clock (new Date())']] },
  {
    file: 'main/core/probeRandom.ts',
    text: 'export const a = (): number => Math.random();\nexport const b = (): string => crypto.randomUUID();\nexport const c = (): number => performance.now();\nexport const d = (): number => globalThis.performance.now();\n',
    reports: [['pure', ':1 reads randomness (Math.random)'], ['pure', ':2 reads randomness (crypto)'], ['pure', ':3 reads the clock (performance)'], ['pure', ':4 reads the clock (performance)']],
  },
  { file: 'main/contract/probeCore.ts', text: "import type { CardSchedule } from '../core/scheduler/types';\nexport type S = CardSchedule;\n", reports: [['layers', '(layer contract → layer core not allowed)']] },
  { file: 'main/contract/probeReexport.ts', text: "export * from '../core/deck';\n", reports: [['layers', 'imports ../core/deck (layer contract → layer core not allowed)']] },
  { file: 'main/contract/probeClock.ts', text: 'export const stamp = (): number => Date.now();\n', reports: [['pure', 'main/contract/probeClock.ts:1 reads the clock']] },
  { file: 'main/storage/probeServices.ts', text: "import { createProofDeckApp } from '../services/app';\nexport { createProofDeckApp };\n", reports: [['layers', '(layer storage → layer services not allowed)']] },
  { file: 'main/services/probeWeb.ts', text: "import { startWebHost } from '../web/server';\nexport { startWebHost };\n", reports: [['layers', '(layer services → layer web not allowed)']] },
  { file: 'main/services/probeElectron.ts', text: "import { app } from 'electron';\nexport { app };\n", reports: [['electron', "imports electron"], ['layers', '(services → package electron not allowed)']] },
  {
    file: 'main/services/probeSql.ts',
    text: [
      "import type { Db } from '../storage/database';",
      'export function run(db: Db, sql: string): unknown {',
      '  db.exec(sql);',
      "  db.pragma('journal_mode');",
      '  const statement = db.prepare(sql);',
      '  return statement.all();',
      '}',
      'export const loose = (db: any, sql: string) => db.prepare(sql);',
      '',
    ].join('\n'),
    reports: [['sql', ':3 runs SQL (db.exec)'], ['sql', ':4 runs SQL (db.pragma)'], ['sql', ':5 runs SQL (db.prepare)'], ['sql', ':8 runs SQL (db.prepare)']],
  },
  { file: 'main/ipc/probeStorage.ts', text: "export { openDatabase } from '../storage/database';\n", reports: [['layers', '(layer ipc → layer storage not allowed)']] },
  { file: 'main/preload2/probe.ts', text: 'export const x = 1;\n', reports: [['layers', 'main/preload2/probe.ts is in no layer']] },
  { file: 'renderer/src/probeMain.ts', text: "import { createProofDeckApp } from '../../main/services/app';\nexport { createProofDeckApp };\n", reports: [['layers', '(layer renderer → layer services not allowed)'], ['renderer', 'imports ../../main/services/app']] },
  { file: 'renderer/src/views/ProbeView.svelte', text: "<p>hi</p>\n<script lang=\"ts\">\n  import { parseDeck } from '../../../main/core/deck';\n  const db = { prepare: (s: string) => s };\n  db.prepare('SELECT 1');\n</script>\n", reports: [['renderer', 'ProbeView.svelte:3 imports ../../../main/core/deck'], ['layers', 'ProbeView.svelte:3 imports ../../../main/core/deck (layer renderer → layer core not allowed)'], ['sql', 'ProbeView.svelte:5 runs SQL']] },
  { file: 'renderer/src/probeNode.ts', text: "import { readFileSync } from 'node:fs';\nimport Database from 'better-sqlite3';\nexport { readFileSync, Database };\n", reports: [['layers', '(renderer → package node:fs not allowed)'], ['layers', '(renderer → package better-sqlite3 not allowed)']] },
  { file: 'renderer/src/probeFetch.ts', text: "export const load = () => fetch('/api/listDecks');\nexport const bridge = () => (window as any).proofdeck;\n", reports: [['transport', ':1 calls fetch'], ['transport', ':2 reads the preload bridge']] },
  { file: 'renderer/src/probeEval.ts', text: "export const f = new Function('return 1');\nexport const g = () => eval('1');\n", reports: [['sandbox', ':1 compiles code (Function)'], ['sandbox', ':2 compiles code (eval)']] },
];

/** Files that only look like violations: each must be reported by no rule. */
const LOOKALIKES: Probe[] = [
  {
    file: 'main/core/lookalikeClock.ts',
    text: [
      '// Date.now() and new Date() and Math.random() in a comment; performance, crypto and process too.',
      "export const words = 'Date.now() new Date() Math.random() performance crypto process';",
      'export const at = (ms: number): Date => new Date(ms);',
      'export const named = { performance: 1, crypto: 2, now: 3 };',
      'export const read = (o: { crypto: number }) => o.crypto;',
      '',
    ].join('\n'),
    reports: [],
  },
  {
    file: 'main/services/lookalikeSql.ts',
    text: "const PATTERN = /a(b)/;\nexport const first = (s: string) => /x/.exec(s) ?? PATTERN.exec(s);\nexport const text = \"db.prepare('SELECT 1')\";\n",
    reports: [],
  },
];

let copy: string;
let baseline: Record<Rule, string[]>;
let probed: Record<Rule, string[]>;

/** main/, renderer/ and tsconfig.json copied, node_modules linked so the SQL check's types resolve. */
function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'proofdeck-arch-'));
  for (const path of ['main', 'renderer', 'tsconfig.json']) cpSync(join(repo, path), join(dir, path), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function write(root: string, probe: Probe): void {
  mkdirSync(dirname(join(root, probe.file)), { recursive: true });
  writeFileSync(join(root, probe.file), probe.text);
}

beforeAll(() => {
  copy = copyTree();
  baseline = runAll(copy);
  for (const probe of [...PROBES, ...LOOKALIKES]) write(copy, probe);
  probed = runAll(copy);
}, 120_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('the architecture rules on a copy of the tree', () => {
  it('report on the unmodified copy exactly what they report on the repository', () => {
    expect(baseline).toEqual(runAll(repo));
  }, 60_000);

  it.each(PROBES.flatMap((probe) => probe.reports.map(([rule, text]) => [probe.file, rule, text] as const)))(
    '%s is reported by the %s rule: %s',
    (file, rule, text) => {
      const lines = probed[rule].filter((line) => line.startsWith(file));
      expect(lines.some((line) => line.includes(text)), `${rule} reported:\n${lines.join('\n')}`).toBe(true);
    },
  );

  it('report nothing else new: every new line is a probe the table above expects', () => {
    const expected = (rule: Rule, line: string) =>
      PROBES.some((probe) => line.startsWith(probe.file) && probe.reports.some(([r, text]) => r === rule && line.includes(text)));
    const unexpected = (Object.keys(RULES) as Rule[]).flatMap((rule) =>
      probed[rule].filter((line) => !baseline[rule].includes(line) && !expected(rule, line)).map((line) => `${rule}: ${line}`),
    );
    expect(unexpected).toEqual([]);
  });

  it.each(LOOKALIKES.map((probe) => [probe.file]))('%s, which only looks like a violation, is reported by no rule', (file) => {
    const lines = Object.values(probed).flat().filter((line) => line.startsWith(file));
    expect(lines).toEqual([]);
  });
});
