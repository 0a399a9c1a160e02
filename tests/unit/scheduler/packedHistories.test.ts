// Histories packed into typed arrays for the scheduler worker (core packedHistories.ts) come back as the same data,
// so the worker's replay is the replay of the histories the main thread read.
import { describe, expect, it } from 'vitest';
import { packedBuffers, packHistories, unpackHistories } from '../../../main/core/scheduler';
import { fsrsCurveHistories, sm2CurveHistories } from './synthetic';

describe('packHistories', () => {
  it('round-trips histories exactly, cards with no answers and none at all included', () => {
    const histories = [...fsrsCurveHistories(30, 2), { cardId: 'empty', answers: [] }, ...sm2CurveHistories(10, 3)];
    const packed = packHistories(histories);
    expect(packed.quality.length).toBe(histories.reduce((n, h) => n + h.answers.length, 0));
    expect(unpackHistories(structuredClone(packed, { transfer: packedBuffers(packed) }))).toEqual(histories);
    expect(unpackHistories(packHistories([]))).toEqual([]);
  });
});
