import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { checkClose, checkEqual, checkTrue } from '../../../renderer/proof/api';

describe('check.close', () => {
  it('uses |a − e| ≤ atol + rtol·|e| with the documented defaults', () => {
    expect(checkClose('n', 1 + 1e-5 + 1e-4 * 1 - 1e-9, 1).ok).toBe(true);
    expect(checkClose('n', 1 + 1e-5 + 1e-4 * 1 + 1e-9, 1).ok).toBe(false);
    expect(checkClose('big', 1000.1, 1000).ok).toBe(true); // rtol 1e-4 · 1000 = 0.1
    expect(checkClose('big', 1000.2, 1000).ok).toBe(false);
    expect(checkClose('tol', 1.05, 1, { atol: 0.1 }).ok).toBe(true);
    expect(checkClose('tol', 1.05, 1, { atol: 0, rtol: 0.01 }).ok).toBe(false);
  });

  it('is asymmetric like numpy isclose (rtol scales the expected value)', () => {
    expect(checkClose('a', 0, 1e-5 / (1 - 1e-4) * 1.0001, { atol: 0, rtol: 1 }).ok).toBe(true);
    expect(checkClose('a', 1, 0, { atol: 0, rtol: 1 }).ok).toBe(false);
  });

  it('reports max abs and rel error', () => {
    const c = checkClose('e', [1, 2.5, 4], [1, 2, 4], { atol: 1 });
    expect(c.ok).toBe(true);
    expect(c.maxAbsError).toBeCloseTo(0.5);
    expect(c.maxRelError).toBeCloseTo(0.25);
    expect(c.detail).toBeNull();
  });

  it('never treats NaN as close, and infinities only to the same infinity', () => {
    expect(checkClose('nan', NaN, NaN).ok).toBe(false);
    expect(checkClose('nan', [1, NaN], [1, 2]).ok).toBe(false);
    expect(checkClose('inf', Infinity, Infinity).ok).toBe(true);
    expect(checkClose('inf', -Infinity, -Infinity).ok).toBe(true);
    expect(checkClose('inf', Infinity, -Infinity).ok).toBe(false);
    expect(checkClose('inf', 1e308, Infinity).ok).toBe(false);
    expect(checkClose('inf', Infinity, 1e308, { atol: Number.MAX_VALUE }).ok).toBe(false);
  });

  it('requires equal shapes', () => {
    const c = checkClose('s', [[1, 2, 3]], [1, 2, 3]);
    expect(c.ok).toBe(false);
    expect(c.detail).toMatch(/shape \[1,3\] differs from expected \[3\]/);
    expect(checkClose('s', 1, [1]).ok).toBe(false);
    expect(checkClose('ragged', [[1, 2], [3]], [[1, 2], [3, 4]]).ok).toBe(false);
  });

  it('reads typed arrays and tensors and names the worst element', () => {
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    expect(checkClose('t', t, [[1, 2], [3, 4]]).ok).toBe(true);
    expect(checkClose('typed', new Float32Array([0.1, 0.2]), [0.1, 0.2]).ok).toBe(true);
    const bad = checkClose('t', t, [[1, 2], [3, 5]]);
    expect(bad.ok).toBe(false);
    expect(bad.detail).toMatch(/1 of 4 elements not close; worst at \[1,1\]: actual 4, expected 5/);
    t.dispose();
    const disposed = checkClose('gone', t, [[1, 2], [3, 4]]);
    expect(disposed.ok).toBe(false);
    expect(disposed.detail).toMatch(/could not read/);
  });

  it('fails (never throws) on non-numeric data or bad options', () => {
    expect(checkClose('x', 'a', 1).ok).toBe(false);
    expect(checkClose('x', [1, 'a'], [1, 2]).detail).toMatch(/not a number/);
    expect(checkClose('x', 1, 1, { atol: -1 }).detail).toMatch(/atol must be/);
    expect(checkClose('x', 1, 1, { rtol: NaN }).ok).toBe(false);
  });
});

describe('check.true', () => {
  it('passes only for true', () => {
    expect(checkTrue('t', true).ok).toBe(true);
    for (const value of [1, 'true', {}, [], false, null, undefined]) expect(checkTrue('t', value).ok).toBe(false);
  });
});

describe('check.equal', () => {
  it('compares numbers with ===: 0 equals −0, NaN equals nothing', () => {
    expect(checkEqual('z', 0, -0).ok).toBe(true);
    expect(checkEqual('n', NaN, NaN).ok).toBe(false);
    expect(checkEqual('n', [NaN], [NaN]).ok).toBe(false);
    expect(checkEqual('n', 1, 1 + 1e-12).ok).toBe(false);
  });

  it('compares arrays and typed arrays element-wise with equal lengths', () => {
    expect(checkEqual('a', [1, [2, 3]], [1, [2, 3]]).ok).toBe(true);
    expect(checkEqual('a', new Int32Array([1, 2]), [1, 2]).ok).toBe(true);
    expect(checkEqual('a', [1, 2], [1, 2, 3]).detail).toMatch(/length 2 ≠ expected 3/);
    expect(checkEqual('a', [1, [2, 3]], [1, [2, 4]]).detail).toMatch(/at \[1\]\[1\]: 3 ≠ expected 4/);
  });

  it('compares plain objects by keys in any order', () => {
    expect(checkEqual('o', { a: 1, b: [2] }, { b: [2], a: 1 }).ok).toBe(true);
    expect(checkEqual('o', { a: 1 }, { a: 1, b: 2 }).detail).toMatch(/missing b/);
    expect(checkEqual('o', { a: 'x' }, { a: 'y' }).ok).toBe(false);
  });

  it('compares tensors by shape and values', () => {
    const a = tf.tensor1d([1, 2, 3]);
    expect(checkEqual('t', a, tf.tensor1d([1, 2, 3])).ok).toBe(true);
    expect(checkEqual('t', a, [1, 2, 3]).ok).toBe(true);
    expect(checkEqual('t', a, tf.tensor2d([[1, 2, 3]])).ok).toBe(false);
    expect(checkEqual('t', tf.tensor1d(['a', 'b'], 'string'), ['a', 'b']).ok).toBe(true);
  });

  it('terminates on cycles and does not treat different class instances as equal', () => {
    const x: Record<string, unknown> = { v: 1 };
    x.self = x;
    const y: Record<string, unknown> = { v: 1 };
    y.self = y;
    expect(checkEqual('cyc', x, y).ok).toBe(true);
    expect(checkEqual('map', new Map([[1, 2]]), new Map([[1, 3]])).ok).toBe(false);
  });
});
