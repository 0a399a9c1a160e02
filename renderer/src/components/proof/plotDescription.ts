// A plot's text alternative (issue 19): one sentence a screen reader reads instead of the SVG, naming each series
// with its size and range, so a user who cannot see the chart still learns what it shows. Pure: unit-tested.
import type { ProofPlot } from '../../../../main/contract/proof';
import { formatCell } from './format';

type Num = number | null;
const MAX_NAMED = 6;

function range(values: Num[]): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return 'no values';
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  return low === high ? `all ${formatCell(low)}` : `from ${formatCell(low)} to ${formatCell(high)}`;
}

/** "a, b, c and 2 more": long lists stay short enough to listen to. */
function listed(parts: string[]): string {
  const shown = parts.slice(0, MAX_NAMED);
  const rest = parts.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${rest} more` : shown.join('; ');
}

function seriesText(series: Record<string, Num[]>): string {
  return listed(Object.entries(series).map(([name, values]) => `${name}: ${values.length} values ${range(values)}`));
}

/** What the plot shows, in words; an unknown kind says only its kind and title. */
export function describePlot(plot: ProofPlot): string {
  const spec = plot.spec as Record<string, unknown>;
  switch (plot.kind) {
    case 'line': {
      const x = (spec.x as Num[] | null) ?? null;
      return `Line chart. ${seriesText(spec.series as Record<string, Num[]>)}${x ? `; x ${range(x)}` : ''}.`;
    }
    case 'scatter': {
      const points = spec.points as { x: Num; y: Num; series: string }[];
      const groups = new Set(points.map((p) => p.series)).size;
      return `Scatter plot of ${points.length} points in ${groups} series; x ${range(points.map((p) => p.x))}, y ${range(points.map((p) => p.y))}.`;
    }
    case 'bar': {
      const labels = spec.labels as string[];
      const series = spec.series as Record<string, Num[]>;
      const bars = Object.entries(series).map(([name, values]) => `${name}: ${listed(values.map((v, i) => `${labels[i]} ${v === null ? '—' : formatCell(v)}`)).replaceAll('; ', ', ')}`);
      return `Bar chart. ${listed(bars)}.`;
    }
    case 'histogram':
      return `Histogram in ${spec.bins as number} bins. ${seriesText(spec.series as Record<string, Num[]>)}.`;
    case 'heatmap': {
      const data = spec.data as Num[][];
      return `Heatmap of ${data.length} × ${data[0]?.length ?? 0} cells, values ${range(data.flat())}.`;
    }
    default:
      return `A ${plot.kind as string} plot.`;
  }
}
