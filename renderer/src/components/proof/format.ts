// Number formatting for the proof panel: short, honest about exact zeros, never "NaN" for a missing value.

export function formatError(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0';
  // An overflowed comparison: symbols, not the words "Infinity" and "NaN" (which no UI language should show).
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  return value < 1e-3 || value >= 1e4 ? value.toExponential(1) : value.toPrecision(2);
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function formatCell(cell: number | string): string {
  if (typeof cell === 'string') return cell;
  if (Number.isInteger(cell)) return String(cell);
  const abs = Math.abs(cell);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? cell.toExponential(3) : String(Number(cell.toPrecision(5)));
}
