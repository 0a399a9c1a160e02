// Completion for the proof API's names (ARCHITECTURE.md "Proofs"): what a proof can call besides tfjs.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';

export const PROOF_API_COMPLETIONS: Completion[] = [
  { label: 'tf', type: 'namespace', info: '@tensorflow/tfjs 4.22' },
  { label: 'check.close', type: 'function', detail: '(name, actual, expected, { atol, rtol })', info: 'Passes when every element is within tolerance.' },
  { label: 'check.true', type: 'function', detail: '(name, condition, detail?)' },
  { label: 'check.equal', type: 'function', detail: '(name, actual, expected)' },
  { label: 'log', type: 'function', detail: '(...values)', info: 'A line in the proof log.' },
  { label: 'table', type: 'function', detail: '(tensorOrArray, title?)' },
  { label: 'plot.line', type: 'function', detail: '({ title, series: { name: number[] } })' },
  { label: 'plot.scatter', type: 'function', detail: '({ title, points })' },
  { label: 'plot.bar', type: 'function', detail: '({ title, values })' },
  { label: 'plot.histogram', type: 'function', detail: '({ title, values, bins })' },
  { label: 'plot.heatmap', type: 'function', detail: '({ title, matrix })' },
];

/** Completes `tf`, `check.…`, `plot.…`, `log`, `table` from the word (with dots) before the cursor. */
export function proofApiCompletions(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/[\w.]+/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  return { from: word.from, options: PROOF_API_COMPLETIONS, validFor: /^[\w.]*$/ };
}
