// A plot's text alternative (issue 19): one sentence a screen reader reads instead of the SVG, naming each series
// with its size and range, so a user who cannot see the chart still learns what it shows. Pure: unit-tested.
import type { ProofPlot } from '../../../../main/contract/proof';
import { formatCell } from './format';
import { t } from '../../lib/i18n';

type Num = number | null;
const MAX_NAMED = 6;

function range(values: Num[]): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return t('plotDesc.noValues');
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  return low === high ? t('plotDesc.all', { value: formatCell(low) }) : t('plotDesc.fromTo', { low: formatCell(low), high: formatCell(high) });
}

/** "a, b, c and 2 more": long lists stay short enough to listen to. */
function listed(parts: string[]): string {
  const shown = parts.slice(0, MAX_NAMED);
  const rest = parts.length - shown.length;
  return rest > 0 ? t('plotDesc.andMore', { shown: shown.join('; '), rest }) : shown.join('; ');
}

function seriesText(series: Record<string, Num[]>): string {
  return listed(Object.entries(series).map(([name, values]) => t('plotDesc.series', { name, count: values.length, range: range(values) })));
}

/** What the plot shows, in words; an unknown kind says only its kind and title. */
export function describePlot(plot: ProofPlot): string {
  const spec = plot.spec as Record<string, unknown>;
  switch (plot.kind) {
    case 'line': {
      const x = (spec.x as Num[] | null) ?? null;
      return t('plotDesc.line', { series: seriesText(spec.series as Record<string, Num[]>), x: x ? range(x) : null });
    }
    case 'scatter': {
      const points = spec.points as { x: Num; y: Num; series: string }[];
      const groups = new Set(points.map((p) => p.series)).size;
      return t('plotDesc.scatter', { points: points.length, groups, x: range(points.map((p) => p.x)), y: range(points.map((p) => p.y)) });
    }
    case 'bar': {
      const labels = spec.labels as string[];
      const series = spec.series as Record<string, Num[]>;
      const bars = Object.entries(series).map(([name, values]) => `${name}: ${listed(values.map((v, i) => `${labels[i]} ${v === null ? '—' : formatCell(v)}`)).replaceAll('; ', ', ')}`);
      return t('plotDesc.bar', { bars: listed(bars) });
    }
    case 'histogram':
      return t('plotDesc.histogram', { bins: spec.bins as number, series: seriesText(spec.series as Record<string, Num[]>) });
    case 'heatmap': {
      const data = spec.data as Num[][];
      return t('plotDesc.heatmap', { rows: data.length, cols: data[0]?.length ?? 0, range: range(data.flat()) });
    }
    default:
      return t('plotDesc.other', { kind: plot.kind as string });
  }
}
