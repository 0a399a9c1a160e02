// plot.line / scatter / bar / histogram / heatmap: validate what the proof passed and turn it into JSON-safe
// specs (plain number arrays, null for NaN/±Infinity) that the app draws with Observable Plot.
// A malformed call throws a TypeError naming the mistake, so the proof fails with a message its author can act on.

import type { ProofPlot } from '../../../main/contract/proof';
import { describeValue, isTensorLike, isTypedNumberArray } from './values';

/** Points per series and series per plot; beyond them a plot is unreadable and costly to send. */
export const MAX_PLOT_POINTS = 20_000;
export const MAX_PLOT_SERIES = 32;
export const MAX_HEATMAP_CELLS = 40_000;

type JsonNumber = number | null;

const jsonNumber = (value: number): JsonNumber => (Number.isFinite(value) ? value : null);

function fail(kind: string, message: string): never {
  throw new TypeError(`plot.${kind}: ${message}`);
}

function record(kind: string, options: unknown): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail(kind, `expected an options object, got ${describeValue(options, 1)}`);
  return options as Record<string, unknown>;
}

function title(kind: string, options: Record<string, unknown>): string {
  const value = options.title;
  if (typeof value !== 'string' || value.trim() === '') fail(kind, 'needs a title (a non-empty string)');
  return value.slice(0, 200);
}

/** A 1-D list of numbers from an array, typed array or 1-D tensor. */
function numbers(kind: string, what: string, value: unknown, maxLength = MAX_PLOT_POINTS): JsonNumber[] {
  let source: ArrayLike<unknown>;
  if (isTensorLike(value)) {
    if (value.shape.length !== 1) fail(kind, `${what} must be a 1-D tensor, got shape [${value.shape.join(',')}]`);
    if (value.shape[0] > maxLength) fail(kind, `${what} has ${value.shape[0]} values; the cap is ${maxLength}`);
    source = value.dataSync();
  } else if (Array.isArray(value) || isTypedNumberArray(value)) {
    source = value as ArrayLike<unknown>;
  } else {
    fail(kind, `${what} must be an array of numbers, got ${describeValue(value, 1)}`);
  }
  if (source.length > maxLength) fail(kind, `${what} has ${source.length} values; the cap is ${maxLength}`);
  const out: JsonNumber[] = new Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const item = source[i];
    if (typeof item !== 'number') fail(kind, `${what}[${i}] is ${describeValue(item, 1)}, not a number`);
    out[i] = jsonNumber(item);
  }
  return out;
}

function seriesMap(kind: string, value: unknown, what = 'series'): Record<string, JsonNumber[]> {
  if (Array.isArray(value) || isTypedNumberArray(value) || isTensorLike(value)) return { [what === 'series' ? 'values' : what]: numbers(kind, what, value) };
  if (typeof value !== 'object' || value === null) fail(kind, `${what} must be an object like { name: [numbers] }`);
  const names = Object.keys(value);
  if (names.length === 0) fail(kind, `${what} is empty`);
  if (names.length > MAX_PLOT_SERIES) fail(kind, `${names.length} series; the cap is ${MAX_PLOT_SERIES}`);
  const out: Record<string, JsonNumber[]> = {};
  for (const name of names) out[name] = numbers(kind, `${what}.${name}`, (value as Record<string, unknown>)[name]);
  return out;
}

function optionalBoolean(kind: string, options: Record<string, unknown>, key: string): boolean {
  const value = options[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(kind, `${key} must be true or false`);
  return value;
}

function labels(kind: string, what: string, value: unknown, length: number): string[] {
  if (!Array.isArray(value)) fail(kind, `${what} must be an array of strings`);
  if (value.length !== length) fail(kind, `${what} has ${value.length} entries; expected ${length}`);
  return value.map((label) => (typeof label === 'string' || typeof label === 'number' ? String(label).slice(0, 100) : fail(kind, `${what} must hold strings`)));
}

function linePlot(options: Record<string, unknown>): ProofPlot {
  const series = seriesMap('line', options.series);
  const lengths = new Set(Object.values(series).map((values) => values.length));
  const x = options.x === undefined ? null : numbers('line', 'x', options.x);
  if (x) for (const [name, values] of Object.entries(series)) if (values.length !== x.length) fail('line', `series.${name} has ${values.length} values but x has ${x.length}`);
  if (!x && lengths.size > 1) fail('line', 'the series have different lengths; pass x or make them equal');
  return { kind: 'line', title: title('line', options), spec: { x, series, logY: optionalBoolean('line', options, 'logY') } };
}

interface ScatterPoint {
  x: JsonNumber;
  y: JsonNumber;
  series: string;
}

function pointList(value: unknown, series: string): ScatterPoint[] {
  if (!Array.isArray(value)) fail('scatter', `points must be an array of [x, y] pairs or {x, y} objects`);
  if (value.length > MAX_PLOT_POINTS) fail('scatter', `${value.length} points; the cap is ${MAX_PLOT_POINTS}`);
  return value.map((point, i) => {
    const pair = Array.isArray(point) ? point : typeof point === 'object' && point !== null ? [(point as { x?: unknown }).x, (point as { y?: unknown }).y] : [];
    if (typeof pair[0] !== 'number' || typeof pair[1] !== 'number') fail('scatter', `point ${i} of ${series} is not [x, y] numbers`);
    return { x: jsonNumber(pair[0]), y: jsonNumber(pair[1]), series };
  });
}

/** links: true connects consecutive points of each series (a trajectory); [[i, j], …] joins points by index (a tree). */
function scatterPlot(options: Record<string, unknown>): ProofPlot {
  const points: ScatterPoint[] = [];
  if (options.points !== undefined) points.push(...pointList(options.points, 'points'));
  if (options.series !== undefined) {
    if (typeof options.series !== 'object' || options.series === null) fail('scatter', 'series must be an object like { name: [[x, y], …] }');
    const names = Object.keys(options.series);
    if (names.length > MAX_PLOT_SERIES) fail('scatter', `${names.length} series; the cap is ${MAX_PLOT_SERIES}`);
    for (const name of names) points.push(...pointList((options.series as Record<string, unknown>)[name], name));
  }
  if (points.length === 0) fail('scatter', 'needs points or series');
  if (points.length > MAX_PLOT_POINTS) fail('scatter', `${points.length} points; the cap is ${MAX_PLOT_POINTS}`);
  let links: [number, number][] = [];
  if (options.links === true) {
    for (let i = 1; i < points.length; i++) if (points[i].series === points[i - 1].series) links.push([i - 1, i]);
  } else if (options.links !== undefined && options.links !== false) {
    if (!Array.isArray(options.links)) fail('scatter', 'links must be true (trajectories) or an array of [from, to] point indices');
    links = options.links.map((link, i) => {
      if (!Array.isArray(link) || !Number.isInteger(link[0]) || !Number.isInteger(link[1]) || link[0] < 0 || link[1] < 0 || link[0] >= points.length || link[1] >= points.length) {
        fail('scatter', `link ${i} must be [from, to] indices below ${points.length}`);
      }
      return [link[0], link[1]] as [number, number];
    });
  }
  return { kind: 'scatter', title: title('scatter', options), spec: { points, links } };
}

function barPlot(options: Record<string, unknown>): ProofPlot {
  const series = seriesMap('bar', options.series);
  const lengths = Object.values(series).map((values) => values.length);
  const barLabels = labels('bar', 'labels', options.labels, lengths[0]);
  if (lengths.some((length) => length !== barLabels.length)) fail('bar', 'every series needs one value per label');
  return { kind: 'bar', title: title('bar', options), spec: { labels: barLabels, series, stacked: optionalBoolean('bar', options, 'stacked') } };
}

function histogramPlot(options: Record<string, unknown>): ProofPlot {
  const series = seriesMap('histogram', options.series);
  const bins = options.bins ?? 20;
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 1 || bins > 500) fail('histogram', 'bins must be an integer from 1 to 500');
  return { kind: 'histogram', title: title('histogram', options), spec: { series, bins } };
}

function heatmapPlot(options: Record<string, unknown>): ProofPlot {
  let rows: unknown = options.data;
  if (isTensorLike(rows)) {
    if (rows.shape.length !== 2) fail('heatmap', `data must be 2-D, got shape [${rows.shape.join(',')}]`);
    if (rows.shape[0] * rows.shape[1] > MAX_HEATMAP_CELLS) fail('heatmap', `data has ${rows.shape[0] * rows.shape[1]} cells; the cap is ${MAX_HEATMAP_CELLS}`);
    const [height, width] = rows.shape;
    const flat = Array.from(rows.dataSync());
    rows = Array.from({ length: height }, (_, r) => flat.slice(r * width, (r + 1) * width));
  }
  if (!Array.isArray(rows) || rows.length === 0) fail('heatmap', 'data must be a non-empty 2-D array or tensor');
  const data = rows.map((row, r) => numbers('heatmap', `data[${r}]`, row, MAX_HEATMAP_CELLS));
  const width = data[0].length;
  if (data.some((row) => row.length !== width)) fail('heatmap', 'every row of data must have the same length');
  if (data.length * width > MAX_HEATMAP_CELLS) fail('heatmap', `data has ${data.length * width} cells; the cap is ${MAX_HEATMAP_CELLS}`);
  const xLabels = options.xLabels === undefined ? null : labels('heatmap', 'xLabels', options.xLabels, width);
  const yLabels = options.yLabels === undefined ? null : labels('heatmap', 'yLabels', options.yLabels, data.length);
  return { kind: 'heatmap', title: title('heatmap', options), spec: { data, xLabels, yLabels } };
}

const BUILDERS = { line: linePlot, scatter: scatterPlot, bar: barPlot, histogram: histogramPlot, heatmap: heatmapPlot } as const;

export type PlotKind = keyof typeof BUILDERS;

export function makePlot(kind: PlotKind, options: unknown): ProofPlot {
  return BUILDERS[kind](record(kind, options));
}
