// The coding-card fixture both the review and the mock specs solve: its deck text, a line only its solution has
// (so a spec can assert the solution is not on the page), and attempts that fail and pass its tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './fixtures';

export const CODING_DECK = readFileSync(join(repoRoot, 'tests/fixtures/coding-review/coding.md'), 'utf8');
export const SOLUTION_LINE = 'tf.sub(x, tf.max(x, -1, true))';
// exp overflows at logits near 1000: NaN rows fail the first two checks, the small-logit one passes.
export const WRONG = 'function softmax(x) { return tf.div(tf.exp(x), tf.sum(tf.exp(x), -1, true)); }';
export const RIGHT = 'function softmax(x) { return tf.softmax(x); }';
