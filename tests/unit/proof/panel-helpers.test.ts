import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { executeProof } from '../../../renderer/proof/api';
import { plotOptions } from '../../../renderer/src/components/proof/plotSpecs';
import { describePlot } from '../../../renderer/src/components/proof/plotDescription';
import { ProofResultCache } from '../../../renderer/src/components/proof/proofResultCache';
import { formatError } from '../../../renderer/src/components/proof/format';
import type { ProofRunner } from '../../../renderer/proof/host/runner';
import type { ProofResult } from '../../../main/contract/proof';

async function plotsOf(code: string) {
  const result = await executeProof({ tf, code: `${code}; check.true('t', true)`, lang: 'js', now: () => 0 });
  expect(result.error).toBeNull();
  return result.plots;
}

describe('plotOptions', () => {
  it('maps each plot kind to Observable Plot marks', async () => {
    const plots = await plotsOf(`
      plot.line({ title: 'l', series: { a: [1, NaN, 3], b: [2, 2, 2] }, logY: true });
      plot.scatter({ title: 's', points: [[0, 0], [1, 1], [2, 0]], links: [[0, 1], [0, 2]] });
      plot.bar({ title: 'b', labels: ['x', 'y'], series: { s: [1, 2], t: [3, 4] }, stacked: true });
      plot.histogram({ title: 'h', series: { a: [1, 2, 2, 3] }, bins: 4 });
      plot.heatmap({ title: 'm', data: [[1, 2], [3, 4]], xLabels: ['a', 'b'] })`);
    const [line, scatter, bar, histogram, heatmap] = plots.map((plot) => plotOptions(plot, 400)!);
    expect(line.y).toMatchObject({ type: 'log' });
    const lineData = (line.marks![0] as unknown as { data: unknown[] }).data;
    expect(lineData).toHaveLength(5); // the NaN (null) point is left out, not drawn as 0
    expect((scatter.marks![0] as unknown as { data: unknown[] }).data).toHaveLength(2);
    expect(bar.marks).toHaveLength(2);
    expect(histogram.marks).toHaveLength(2);
    // Axis and legend labels come from the UI language, never from the spec's English field names.
    expect(histogram.y).toMatchObject({ label: 'Frequency' });
    expect([histogram.x, bar.x, bar.y, heatmap.color]).toEqual(Array(4).fill(expect.objectContaining({ label: null })));
    expect(heatmap.x).toMatchObject({ domain: ['a', 'b'] });
    expect(heatmap.y).toMatchObject({ domain: ['0', '1'] });
  });

  it('returns null for an unknown kind', () => {
    expect(plotOptions({ kind: 'pie' as never, title: 'x', spec: {} }, 300)).toBeNull();
  });
});

describe('describePlot', () => {
  it('words each kind of plot with its series, sizes and ranges (the text alternative of the SVG)', async () => {
    const plots = await plotsOf(`
      plot.line({ title: 'l', x: [0, 1, 2], series: { loss: [3, NaN, 0.5], flat: [2, 2, 2] } });
      plot.scatter({ title: 's', points: [[0, 0], [1, 1], [2, -1]], links: [] });
      plot.bar({ title: 'b', labels: ['x', 'y'], series: { s: [1, 2.5] } });
      plot.histogram({ title: 'h', series: { a: [1, 2, 2, 3] }, bins: 4 });
      plot.heatmap({ title: 'm', data: [[1, 2, 3], [4, 5, 6]] })`);
    expect(plots.map(describePlot)).toEqual([
      'Line chart. loss: 3 values from 0.5 to 3; flat: 3 values all 2; x from 0 to 2.',
      'Scatter plot of 3 points in 1 series; x from 0 to 2, y from -1 to 1.',
      'Bar chart. s: x 1, y 2.5.',
      'Histogram in 4 bins. a: 4 values from 1 to 3.',
      'Heatmap of 2 × 3 cells, values from 1 to 6.',
    ]);
  });

  it('keeps a long list of series short', () => {
    const series = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i}`, [i]]));
    expect(describePlot({ kind: 'line', title: 't', spec: { series, x: null } })).toMatch(/s5: 1 values all 5; and 3 more\.$/);
  });
});

describe('ProofResultCache', () => {
  const fakeResult = (n: number) => ({ ok: true, ms: n }) as unknown as ProofResult;
  function fakeRunner() {
    let calls = 0;
    const runner = { run: async () => fakeResult(++calls), backends: async () => [], warmUp: async () => ({ backend: null, ms: 0, error: null }), dispose() {} } as ProofRunner;
    return { runner, calls: () => calls };
  }

  it('reuses the run started when the card was shown, per content hash and backend', async () => {
    const { runner, calls } = fakeRunner();
    const cache = new ProofResultCache(runner);
    const key = { cardId: 'c', contentHash: 'h1', backend: 'auto' as const };
    cache.prefetch(key, { code: 'x', lang: 'js' });
    expect((await cache.run(key, { code: 'x', lang: 'js' })).ms).toBe(1);
    expect(calls()).toBe(1);
    await cache.run({ ...key, contentHash: 'h2' }, { code: 'y', lang: 'js' });
    await cache.run({ ...key, backend: 'cpu' }, { code: 'x', lang: 'js' });
    expect(calls()).toBe(3);
    expect((await cache.run(key, { code: 'x', lang: 'js' }, { force: true })).ms).toBe(4);
  });

  it('is bounded, dropping the least recently used', async () => {
    const { runner } = fakeRunner();
    const cache = new ProofResultCache(runner, 2);
    const key = (cardId: string) => ({ cardId, contentHash: 'h', backend: 'auto' as const });
    await cache.run(key('a'), { code: '', lang: 'js' });
    await cache.run(key('b'), { code: '', lang: 'js' });
    await cache.run(key('a'), { code: '', lang: 'js' });
    await cache.run(key('c'), { code: '', lang: 'js' });
    expect([cache.has(key('a')), cache.has(key('b')), cache.has(key('c'))]).toEqual([true, false, true]);
  });
});

describe('formatError', () => {
  it('is short and shows exact zeros and missing values plainly', () => {
    expect([formatError(null), formatError(0), formatError(2.3e-7), formatError(0.25)]).toEqual(['—', '0', '2.3e-7', '0.25']);
    expect([formatError(Infinity), formatError(NaN)]).toEqual(['∞', '—']);
  });
});
