// A coding card's proof grades the code under test: that code runs first, sees `tf` and nothing else of the proof
// API, and hands its top-level declarations to the proof by name; the API names and the proof's own declarations win.
import { describe, expect, it } from 'vitest';
import { topLevelDeclarations } from '../../../renderer/proof/api/declarations';
import { runProofInNode } from '../../../scripts/proof-node';

const js = (code: string) => ({ code, lang: 'js' as const });

describe('topLevelDeclarations', () => {
  it('finds top-level functions, classes and consts, not names in strings, comments, regexes or nested scopes', () => {
    const code = [
      '// function inComment() {}',
      'const s = "function inString() {}", re = /const inRegex = 1/;',
      'const t = `${(() => { const inTemplate = 1; return inTemplate; })()} function inTemplateText() {}`;',
      'function softmax(x, axis = -1) { const inner = 1; function nested() {} return x; }',
      'class Adam { step() { const q = 2; return q; } }',
      'const { mean, parts: [first] } = { mean: 1, parts: [2] };',
      'if (true) { const blocked = 1; }',
      'for (const i of [1]) {}',
      'async function* gen() {}',
    ].join('\n');
    expect(topLevelDeclarations(code)).toEqual(['s', 're', 't', 'softmax', 'Adam', 'mean', 'first', 'gen']);
  });
});

describe('a proof with code under test', () => {
  it('calls the code under test by name, with the same tf', async () => {
    const subject = js('const scale = 3;\nfunction triple(x) { return tf.mul(x, scale); }\nclass Box { constructor(v) { this.v = v; } }\nconst tfSeen = tf;');
    const result = await runProofInNode(
      "check.close('triples', triple(tf.tensor1d([1, 2])), [3, 6]);\ncheck.true('same tf', tfSeen === tf);\ncheck.equal('class', new Box(2).v, 2);",
      'js', { subject },
    );
    expect(result.error).toBeNull();
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([['triples', true], ['same tf', true], ['class', true]]);
    expect(result.ok).toBe(true);
  });

  it('the code under test sees nothing of the proof API but tf', async () => {
    const subject = js('const seen = [typeof check, typeof log, typeof table, typeof plot, typeof tf];');
    const result = await runProofInNode("check.equal('only tf', seen, ['undefined', 'undefined', 'undefined', 'undefined', 'object']);", 'js', { subject });
    expect(result.checks[0]).toMatchObject({ ok: true });
  });

  it('the API names always mean the API, and the proof\'s own declarations win over the user\'s, without a clash error', async () => {
    const subject = js('function check() { return "user"; }\nconst log = 1;\nconst helper = () => "user";\nconst keep = () => "kept";');
    const result = await runProofInNode(
      "const helper = () => 'proof';\ncheck.equal('proof helper wins', helper(), 'proof');\ncheck.equal('user names still reachable', keep(), 'kept');\ncheck.true('log is the API', typeof log === 'function');",
      'js', { subject },
    );
    expect(result.error).toBeNull();
    expect(result.checks.map((c) => c.ok)).toEqual([true, true, true]);
  });

  it('ts code under test is transpiled; its syntax errors and throws are named as the code under test\'s', async () => {
    const typed = await runProofInNode("check.equal('typed', add(1, 2), 3);", 'js', { subject: { lang: 'ts', code: 'function add(a: number, b: number): number { return a + b; }' } });
    expect(typed.ok).toBe(true);
    const broken = await runProofInNode("check.true('never', true);", 'js', { subject: js('const a = 1;\nconst b = ;\nconst c = 3;') });
    expect(broken.ok).toBe(false);
    expect(broken.error).toMatch(/^Syntax error in the code under test at line 2/);
    const throwing = await runProofInNode("check.true('never', true);", 'js', { subject: js("throw new Error('not implemented');") });
    expect(throwing.ok).toBe(false);
    expect(throwing.error).toBe('The code under test threw: Error: not implemented');
  });

  it('a starter that leaves a function unimplemented fails its checks', async () => {
    const starter = js('function softmax(x) {\n  // TODO: subtract the max, exponentiate, normalize\n}');
    const result = await runProofInNode("check.close('sums to 1', tf.sum(softmax(tf.tensor1d([1, 2]))), 1);", 'js', { subject: starter });
    expect(result.ok).toBe(false);
  });

  it('the code under test shares the proof\'s deadline', async () => {
    const result = await runProofInNode("check.true('never', true);", 'js', { subject: js('await new Promise(() => {});'), timeoutMs: 50 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Timed out/);
  });

  it('a check\'s inputs are shown beside its result', async () => {
    const result = await runProofInNode(
      "check.close('sum', tf.add(1, 2), 3, { inputs: { a: 1, b: [2, 3] } });\ncheck.true('t', true, { inputs: 'logits [1000, 1001]' });\ncheck.equal('e', 1, 1);",
      'js',
    );
    expect(result.checks.map((c) => c.inputs)).toEqual(['{a: 1, b: [2, 3]}', 'logits [1000, 1001]', undefined]);
  });
});
