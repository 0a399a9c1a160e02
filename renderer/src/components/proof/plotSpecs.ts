// ProofPlot (JSON-safe specs from the proof API) → Observable Plot options. Pure: no DOM, so it is unit-tested.

import * as Plot from '@observablehq/plot';
import type { ProofPlot } from '../../../../main/contract/proof';
import { t } from '../../lib/i18n';

type Num = number | null;
type Rows = Record<string, unknown>[];

function seriesRows(series: Record<string, Num[]>, x: Num[] | null): Rows {
  return Object.entries(series).flatMap(([name, values]) => values.map((y, i) => ({ series: name, x: x ? x[i] : i, y })));
}

/** Options for Plot.plot(); `null` when the spec is not one this version knows (drawn as a note instead). */
export function plotOptions(plot: ProofPlot, width: number): Plot.PlotOptions | null {
  const spec = plot.spec as Record<string, unknown>;
  const base = { width, height: Math.round(Math.min(320, width * 0.6)), style: { background: 'transparent' } } as const;
  switch (plot.kind) {
    case 'line': {
      const rows = seriesRows(spec.series as Record<string, Num[]>, (spec.x as Num[] | null) ?? null).filter((r) => r.y !== null && r.x !== null);
      return {
        ...base,
        y: { type: spec.logY ? 'log' : 'linear', grid: true },
        color: { legend: Object.keys(spec.series as object).length > 1 },
        marks: [Plot.line(rows, { x: 'x', y: 'y', stroke: 'series' })],
      };
    }
    case 'scatter': {
      const points = (spec.points as { x: Num; y: Num; series: string }[]).filter((p) => p.x !== null && p.y !== null);
      const all = spec.points as { x: Num; y: Num }[];
      const links = (spec.links as [number, number][])
        .map(([from, to]) => ({ x1: all[from].x, y1: all[from].y, x2: all[to].x, y2: all[to].y }))
        .filter((l) => l.x1 !== null && l.y1 !== null && l.x2 !== null && l.y2 !== null);
      return {
        ...base,
        grid: true,
        color: { legend: new Set(points.map((p) => p.series)).size > 1 },
        marks: [Plot.link(links, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'currentColor', strokeOpacity: 0.4, markerEnd: 'arrow' }), Plot.dot(points, { x: 'x', y: 'y', fill: 'series', r: 3 })],
      };
    }
    case 'bar': {
      const labels = spec.labels as string[];
      const rows = Object.entries(spec.series as Record<string, Num[]>).flatMap(([name, values]) => values.map((value, i) => ({ label: labels[i], series: name, value })));
      const legend = Object.keys(spec.series as object).length > 1;
      return spec.stacked
        ? { ...base, color: { legend }, x: { domain: labels, label: null }, y: { label: null }, marks: [Plot.barY(rows, { x: 'label', y: 'value', fill: 'series' }), Plot.ruleY([0])] }
        : { ...base, color: { legend }, fx: { domain: labels, label: null }, x: { label: null }, y: { label: null }, marks: [Plot.barY(rows, { fx: 'label', x: 'series', y: 'value', fill: 'series' }), Plot.ruleY([0])] };
    }
    case 'histogram': {
      const rows = Object.entries(spec.series as Record<string, Num[]>).flatMap(([name, values]) => values.filter((v) => v !== null).map((value) => ({ series: name, value })));
      return {
        ...base,
        x: { label: null },
        y: { label: t('plot.frequency') },
        color: { legend: Object.keys(spec.series as object).length > 1 },
        marks: [Plot.rectY(rows, Plot.binX({ y: 'count' }, { x: 'value', fill: 'series', thresholds: spec.bins as number } as Plot.BinXInputs<Plot.RectYOptions>)), Plot.ruleY([0])],
      };
    }
    case 'heatmap': {
      const data = spec.data as Num[][];
      const xLabels = (spec.xLabels as string[] | null) ?? data[0].map((_, i) => String(i));
      const yLabels = (spec.yLabels as string[] | null) ?? data.map((_, i) => String(i));
      const cells = data.flatMap((row, r) => row.map((value, c) => ({ x: xLabels[c], y: yLabels[r], value })));
      return {
        ...base,
        padding: 0,
        x: { domain: xLabels },
        y: { domain: yLabels },
        color: { scheme: 'viridis', legend: true, label: null },
        marks: [Plot.cell(cells, { x: 'x', y: 'y', fill: 'value', inset: 0.5 })],
      };
    }
    default:
      return null;
  }
}
