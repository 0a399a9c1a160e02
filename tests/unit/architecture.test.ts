// The layering rules, enforced on the repository: the layer table of tests/unit/architecture/layers.ts over
// resolved imports, a pure core, Electron only in its host, SQL only in storage, the renderer reaching main only
// through the contract, and Electron's security switches left on. architecture-probes.test.ts shows each rule
// reports a violation written into a copy of the tree.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkLayers } from './architecture/layers';
import {
  checkElectronOnlyInHost,
  checkProofCodeOnlyInSandbox,
  checkPureCore,
  checkRendererThroughContract,
  checkSqlOnlyInStorage,
  checkTransportOnlyInBackend,
  codeFacts,
  WINDOW_SECURITY,
} from './architecture/rules';
import { parse, walk } from './architecture/sources';

const root = join(import.meta.dirname, '../..');

describe('layering', () => {
  it('every import goes where the layer table allows', () => {
    expect(checkLayers(root)).toEqual([]);
  });

  it('main/core and main/contract read no clock, no randomness, no process', () => {
    expect(checkPureCore(root)).toEqual([]);
  });

  it('only main/index.ts, main/preload.ts and main/electron/ import electron', () => {
    expect(checkElectronOnlyInHost(root)).toEqual([]);
  });

  it('only main/storage runs SQL', () => {
    expect(checkSqlOnlyInStorage(root)).toEqual([]);
  });

  it('the renderer reaches main only through main/contract', () => {
    expect(checkRendererThroughContract(root)).toEqual([]);
  });

  it('only renderer/src/lib/backend.ts knows the transport', () => {
    expect(checkTransportOnlyInBackend(root)).toEqual([]);
  });

  it('proof code is only compiled inside the sandbox', () => {
    expect(checkProofCodeOnlyInSandbox(root)).toEqual([]);
  });
});

describe('Electron window security', () => {
  const facts = codeFacts(root, 'main/index.ts');
  it.each(WINDOW_SECURITY.map((needle) => [needle]))('main/index.ts keeps %s', (needle) => {
    expect(facts.has(needle)).toBe(true);
  });

  it('the preload exposes one validated invoke and nothing of Node', () => {
    const tree = parse(root, 'main/preload.ts');
    let exposed = 0;
    const forbidden: string[] = [];
    walk(tree, (node) => {
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'exposeInMainWorld') exposed++;
      if (ts.isPropertyAccessExpression(node) && /^ipcRenderer\.(on|once|send|sendSync)$/.test(node.getText(tree))) forbidden.push(node.getText(tree));
      if (ts.isIdentifier(node) && (node.text === 'require' || node.text === 'process')) forbidden.push(node.text);
    });
    expect(exposed).toBe(1);
    expect(forbidden).toEqual([]);
  });
});
