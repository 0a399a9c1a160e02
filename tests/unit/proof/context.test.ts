import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { compileProof, createProofContext, executeProof } from '../../../renderer/proof/api';

const now = () => performance.now();

async function run(code: string, extra: Partial<Parameters<typeof executeProof>[0]> = {}) {
  return executeProof({ tf, code, lang: 'js', now, timeoutMs: 2000, ...extra });
}

describe('pass rule', () => {
  it('passes when it finishes, made a check, and all checks passed', async () => {
    const result = await run("check.close('sum', tf.add(1, 2), 3); check.true('t', true);");
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.name)).toEqual(['sum', 't']);
  });

  it('fails with no checks, with one failed check, or when it throws after passing checks', async () => {
    const none = await run('log(1)');
    expect(none.ok).toBe(false);
    expect(none.error).toMatch(/no checks/);
    expect((await run("check.true('a', true); check.true('b', false)")).ok).toBe(false);
    const threw = await run("check.true('a', true); throw new RangeError('boom')");
    expect(threw.ok).toBe(false);
    expect(threw.error).toBe('RangeError: boom');
  });

  it('describes non-Error throws, including undefined and objects whose toString throws', async () => {
    expect((await run("check.true('a', true); throw undefined")).error).toBe('threw undefined');
    expect((await run("check.true('a', true); throw 42")).error).toBe('threw 42');
    const nasty = await run("check.true('a', true); throw { toString() { throw new Error('no') }, get message() { throw 1 } }");
    expect(nasty.ok).toBe(false);
    expect(typeof nasty.error).toBe('string');
  });

  it('supports top-level await and return', async () => {
    const result = await run("const v = await Promise.resolve(2); check.equal('v', v, 2); return 5;");
    expect(result.ok).toBe(true);
  });

  it('ignores checks made after the proof settled', async () => {
    // The proof leaves a promise on globalThis that settles once its late check has been made (or has thrown),
    // so the test waits for the late check itself, not for a guessed delay.
    const marker = globalThis as { lateCheckMade?: Promise<void> };
    const result = await run(
      "check.true('now', true); globalThis.lateCheckMade = new Promise((done) => setTimeout(() => { try { check.true('late', false); } finally { done(); } }, 1));",
    );
    expect(result.ok).toBe(true);
    expect(marker.lateCheckMade).toBeInstanceOf(Promise);
    await marker.lateCheckMade;
    delete marker.lateCheckMade;
    expect(result.checks.map((c) => c.name)).toEqual(['now']);
  });

  it('times out a promise that never settles', async () => {
    const result = await run("check.true('a', true); await new Promise(() => {});", { timeoutMs: 50 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Timed out after 50 ms/);
  });
});

describe('logs, tables, plots, leaks', () => {
  it('caps logs and says so', async () => {
    const result = await run("for (let i = 0; i < 1000; i++) log('line', i); check.true('a', true)", { maxLogs: 10 });
    expect(result.logs).toHaveLength(10);
    expect(result.logs[3]).toBe('line 3');
    expect(result.logsTruncated).toBe(true);
    expect(result.ok).toBe(true);
  });

  it('formats tensors and unprintable objects in logs', async () => {
    const result = await run("log(tf.tensor1d([1, 2])); log({ toString() { throw 1 } }); check.true('a', true)");
    expect(result.logs[0]).toBe('Tensor [2] [1, 2]');
    expect(result.logs).toHaveLength(2);
  });

  it('makes bounded tables from tensors and arrays', async () => {
    const result = await run("table(tf.ones([100, 100]), { title: 'big' }); table([[1, 2], [3, 4]]); check.true('a', true)", {
      maxTableCells: 500,
    });
    const [big, small] = result.tables;
    expect(big.title).toBe('big');
    expect(big.shape).toEqual([100, 100]);
    expect(big.rows).toHaveLength(5);
    expect(big.truncated).toBe(true);
    expect(small.rows).toEqual([[1, 2], [3, 4]]);
    expect(small.truncated).toBe(false);
    expect(result.leakedTensors).toBe(1); // tf.ones itself; the table's own reshape/slice are disposed
  });

  it('validates plots and makes them JSON-safe', async () => {
    const ok = await run(`
      plot.line({ title: 'loss', series: { a: [1, NaN, 3], b: new Float32Array([1, 2, 3]) }, logY: true });
      plot.scatter({ title: 'path', series: { gd: [[0, 0], [1, 1]] }, links: true });
      plot.bar({ title: 'b', labels: ['x', 'y'], series: { s: [1, 2] } });
      plot.histogram({ title: 'h', series: [1, 2, 2, 3], bins: 3 });
      plot.heatmap({ title: 'm', data: tf.eye(2) });
      check.true('a', true)`);
    expect(ok.error).toBeNull();
    expect(ok.plots.map((p) => p.kind)).toEqual(['line', 'scatter', 'bar', 'histogram', 'heatmap']);
    expect(ok.plots[0].spec.series).toEqual({ a: [1, null, 3], b: [1, 2, 3] });
    expect(ok.plots[1].spec.links).toEqual([[0, 1]]);
    expect(JSON.parse(JSON.stringify(ok.plots))).toEqual(ok.plots);
    const bad = await run("check.true('a', true); plot.bar({ title: 'b', labels: ['x'], series: { s: [1, 2] } })");
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/TypeError: plot.bar: labels has 1 entries; expected 2/);
    expect((await run("check.true('a', true); plot.line({ series: { a: [1] } })")).error).toMatch(/needs a title/);
  });

  it('counts leaked tensors without failing the proof', async () => {
    const result = await run("const kept = tf.ones([3]); tf.tidy(() => { tf.zeros([2]); }); check.true('a', true)");
    expect(result.ok).toBe(true);
    expect(result.leakedTensors).toBe(1);
  });

  it('finish is idempotent and settles the context', () => {
    const context = createProofContext({ tf });
    context.scope.check.true('a', true);
    const first = context.finish();
    context.scope.check.true('late', false);
    context.scope.log('late');
    expect(context.finish()).toBe(first);
    expect(first.checks).toHaveLength(1);
    expect(first.logs).toHaveLength(0);
  });
});

describe('compileProof', () => {
  it('transpiles TypeScript', () => {
    const compiled = compileProof('const n: number = 2;\ncheck.equal("n", n, 2);', 'ts');
    expect(compiled.ok).toBe(true);
  });

  it('reports the line of a syntax error', () => {
    const compiled = compileProof('const a = 1;\nconst b = ;\n', 'js');
    expect(compiled).toEqual({ ok: false, error: expect.stringMatching(/line 2, column \d+/) });
    const ts = compileProof('const a: number = 1;\n\nfoo(', 'ts');
    expect(ts.ok).toBe(false);
    if (!ts.ok) expect(ts.error).toMatch(/line \d/);
  });

  it('a syntax error fails the proof with that message', async () => {
    const result = await run('check.true("a", true);\nlet = = 1');
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Syntax error in the proof at line 2/);
  });
});
