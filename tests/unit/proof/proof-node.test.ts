import { describe, expect, it } from 'vitest';
import { runProofInNode, NODE_DEVICE } from '../../../scripts/proof-node';

describe('runProofInNode', () => {
  it('runs a proof on the cpu backend and reports it', async () => {
    const result = await runProofInNode("check.close('2+2', tf.add(2, 2), 4)", 'js');
    expect(result).toMatchObject({ ok: true, backend: 'cpu', device: NODE_DEVICE, error: null });
  });

  it('catches a wrong formula (the point of the mutation tests)', async () => {
    const result = await runProofInNode("check.close('softmax', tf.softmax(tf.tensor1d([1, 2])), [0.5, 0.5])", 'js');
    expect(result.ok).toBe(false);
    expect(result.checks[0].detail).toMatch(/not close/);
  });

  it('frees what one proof leaked before the next runs, after counting it', async () => {
    const first = await runProofInNode("globalThis.__kept = tf.ones([4]); check.true('t', true)", 'js');
    expect(first.leakedTensors).toBe(1);
    const second = await runProofInNode("check.true('t', true)", 'js');
    expect(second.leakedTensors).toBe(0);
  });

  it('times out a never-settling proof', async () => {
    const result = await runProofInNode("check.true('t', true); await new Promise(() => {})", 'js', { timeoutMs: 50 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Timed out/);
  });
});
