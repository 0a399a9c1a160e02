import { describe, expect, it } from 'vitest';
import { failedResult, readHostRequest, readProofResult, readSandboxReply, readWorkerReply } from '../../../renderer/proof/protocol';

const good = { ...failedResult('wasm', 'CPU (wasm SIMD)', 'x'), error: null, ok: true, checks: [{ name: 'a', ok: true, maxAbsError: 0, maxRelError: null, detail: null }] };

describe('proof protocol', () => {
  it('accepts a well-formed result and re-derives ok from the pass rule', () => {
    expect(readProofResult(good)).toEqual(good);
    expect(readProofResult({ ...good, checks: [] })!.ok).toBe(false); // no checks: never a pass
    expect(readProofResult({ ...good, checks: [{ ...good.checks[0], ok: false }] })!.ok).toBe(false);
    expect(readProofResult({ ...good, error: 'boom' })!.ok).toBe(false);
  });

  it('rejects malformed results', () => {
    expect(readProofResult({ ...good, backend: 'tpu' })).toBeNull();
    expect(readProofResult({ ...good, ms: 'fast' })).toBeNull();
    expect(readProofResult({ ...good, logs: [1] })).toBeNull();
    expect(readProofResult({ ...good, checks: [{ name: 'a' }] })).toBeNull();
    expect(readProofResult(null)).toBeNull();
  });

  it('ignores worker messages without the init nonce (a proof cannot forge them)', () => {
    expect(readWorkerReply({ type: 'done', nonce: 'guess', result: good }, 'secret')).toBeNull();
    expect(readWorkerReply({ type: 'done', nonce: 'secret', result: good }, 'secret')).toMatchObject({ type: 'done' });
    expect(readWorkerReply({ type: 'done', nonce: 'secret', result: { ok: true } }, 'secret')).toBeNull();
  });

  it('validates host requests and sandbox replies', () => {
    expect(readHostRequest({ type: 'run', id: 1, code: 'x', lang: 'js', backend: 'auto', timeoutMs: 100 })).toMatchObject({ type: 'run' });
    expect(readHostRequest({ type: 'run', id: 1, code: 'x', lang: 'py', backend: 'auto', timeoutMs: 100 })).toBeNull();
    expect(readHostRequest({ type: 'run', id: 1, code: 'x', lang: 'js', backend: 'auto', timeoutMs: -1 })).toBeNull();
    expect(readHostRequest({ type: 'eval', id: 1 })).toBeNull();
    expect(readSandboxReply({ type: 'hello', protocol: 1 })).toEqual({ type: 'hello', protocol: 1 });
    expect(readSandboxReply({ type: 'hello', protocol: 99 })).toBeNull();
    expect(readSandboxReply({ type: 'result', id: 3, result: { ...good, device: 5 } })).toBeNull();
  });
});
