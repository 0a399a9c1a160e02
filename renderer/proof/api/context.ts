// createProofContext: the objects a proof sees (tf, check, log, table, plot) and the pass rule that turns what it
// recorded into a ProofResult. Pure: no DOM, no timers; the caller runs the proof and calls finish() once.

import type { ProofCheck, ProofPlot, ProofResult, ProofTable } from '../../../main/contract/proof';
import { checkClose, checkEqual, checkTrue } from './checks';
import { makePlot, type PlotKind } from './plots';
import { makeTable } from './tables';
import { describeError, describeValue } from './values';

/** The part of tfjs the context itself uses; the proof gets the whole module as `tf`. */
export interface TfForContext {
  memory(): { numTensors: number };
}

export interface ProofContextOptions<Tf extends TfForContext> {
  tf: Tf;
  /** Log lines kept (default 200); later ones are dropped and `logsTruncated` is set. */
  maxLogs?: number;
  /** Characters per log line (default 2000). */
  maxLogChars?: number;
  /** Cells kept per table (default 2000). */
  maxTableCells?: number;
  maxTables?: number;
  maxPlots?: number;
  /** Checks kept in the result (default 500); later ones still count towards `ok`. */
  maxChecks?: number;
}

/** Every check's options may carry `inputs`: what it was run on, shown beside its result. */
export interface CheckInputs {
  inputs?: unknown;
}

export interface ProofCheckApi {
  close(name: string, actual: unknown, expected: unknown, options?: { atol?: number; rtol?: number } & CheckInputs): boolean;
  true(name: string, condition: unknown, options?: CheckInputs): boolean;
  equal(name: string, actual: unknown, expected: unknown, options?: CheckInputs): boolean;
}

/** The `inputs` option as text (tensors and arrays as the log shows them); never throws, like the checks. */
function inputsOf(options: unknown): { inputs?: string } {
  if (typeof options !== 'object' || options === null) return {};
  try {
    if (!('inputs' in options) || options.inputs === undefined) return {};
    return { inputs: describeValue(options.inputs) };
  } catch {
    return { inputs: describeValue(undefined) };
  }
}

export type ProofPlotApi = Record<PlotKind, (options: Record<string, unknown>) => void>;

export interface ProofScope<Tf> {
  tf: Tf;
  check: ProofCheckApi;
  log: (...values: unknown[]) => void;
  table: (data: unknown, options?: { title?: string }) => void;
  plot: ProofPlotApi;
}

/** How the proof ended: normally, by throwing (any value, even undefined), or stopped by the runner. */
export type ProofOutcome = { kind: 'returned' } | { kind: 'threw'; thrown: unknown } | { kind: 'stopped'; reason: string };

export type ProofContextResult = Omit<ProofResult, 'backend' | 'device' | 'ms'>;

export interface ProofContext<Tf> {
  scope: ProofScope<Tf>;
  /** Settles the context (later checks, logs and plots are ignored) and applies the pass rule. Idempotent. */
  finish(outcome?: ProofOutcome | null): ProofContextResult;
}

export const PROOF_SCOPE_NAMES = ['tf', 'check', 'log', 'table', 'plot'] as const;

function safeName(name: unknown): string {
  return typeof name === 'string' ? name.slice(0, 300) : describeValue(name, 1).slice(0, 300);
}

function countTensors(tf: TfForContext): number | null {
  try {
    const count = tf.memory().numTensors;
    return typeof count === 'number' && Number.isFinite(count) ? count : null;
  } catch {
    return null; // the proof may have reset or broken the engine
  }
}

export function createProofContext<Tf extends TfForContext>(options: ProofContextOptions<Tf>): ProofContext<Tf> {
  const { tf, maxLogs = 200, maxLogChars = 2000, maxTableCells = 2000, maxTables = 20, maxPlots = 20, maxChecks = 500 } = options;
  const tensorsAtStart = countTensors(tf) ?? 0;
  const checks: ProofCheck[] = [];
  const logs: string[] = [];
  const tables: ProofTable[] = [];
  const plots: ProofPlot[] = [];
  let droppedChecks = 0;
  let droppedFailures = 0;
  let logsTruncated = false;
  let settled = false;
  let finalResult: ProofContextResult | null = null;

  const record = (check: ProofCheck): boolean => {
    if (settled) return check.ok; // checks after the proof settled are ignored (ARCHITECTURE.md)
    if (checks.length < maxChecks) checks.push(check);
    else {
      droppedChecks++;
      if (!check.ok) droppedFailures++;
    }
    return check.ok;
  };

  const check: ProofCheckApi = {
    close: (name, actual, expected, closeOptions) => record({ ...checkClose(safeName(name), actual, expected, closeOptions), ...inputsOf(closeOptions) }),
    true: (name, condition, trueOptions) => record({ ...checkTrue(safeName(name), condition), ...inputsOf(trueOptions) }),
    equal: (name, actual, expected, equalOptions) => record({ ...checkEqual(safeName(name), actual, expected), ...inputsOf(equalOptions) }),
  };

  const log = (...values: unknown[]): void => {
    if (settled) return;
    if (logs.length >= maxLogs) {
      logsTruncated = true;
      return;
    }
    const line = values.map((value) => describeValue(value)).join(' ');
    logs.push(line.length > maxLogChars ? `${line.slice(0, maxLogChars)}… (${line.length} chars)` : line);
  };

  const table = (data: unknown, tableOptions?: { title?: string }): void => {
    if (settled) return;
    if (tables.length >= maxTables) throw new RangeError(`table(): at most ${maxTables} tables per proof`);
    tables.push(makeTable(data, tableOptions, maxTableCells));
  };

  const plotOf = (kind: PlotKind) => (plotOptions: Record<string, unknown>) => {
    if (settled) return;
    if (plots.length >= maxPlots) throw new RangeError(`plot.${kind}(): at most ${maxPlots} plots per proof`);
    plots.push(makePlot(kind, plotOptions));
  };
  const plot: ProofPlotApi = {
    line: plotOf('line'),
    scatter: plotOf('scatter'),
    bar: plotOf('bar'),
    histogram: plotOf('histogram'),
    heatmap: plotOf('heatmap'),
  };

  const finish = (outcome: ProofOutcome | null = null): ProofContextResult => {
    if (finalResult) return finalResult;
    settled = true;
    const tensorsNow = countTensors(tf);
    const failedChecks = checks.filter((c) => !c.ok).length + droppedFailures;
    const totalChecks = checks.length + droppedChecks;
    let error: string | null = null;
    if (outcome?.kind === 'threw') error = describeError(outcome.thrown);
    else if (outcome?.kind === 'stopped') error = outcome.reason;
    else if (totalChecks === 0) error = 'The proof made no checks: call check.close, check.equal or check.true at least once.';
    if (droppedChecks > 0) logs.push(`(${droppedChecks} more checks were made; ${droppedFailures} of them failed; only the first ${maxChecks} are listed)`);
    finalResult = {
      ok: error === null && failedChecks === 0,
      checks,
      logs,
      tables,
      plots,
      leakedTensors: tensorsNow === null ? 0 : Math.max(0, tensorsNow - tensorsAtStart),
      logsTruncated,
      error,
    };
    return finalResult;
  };

  return { scope: { tf, check, log, table, plot }, finish };
}
