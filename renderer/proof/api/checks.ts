// The three checks of ARCHITECTURE.md "Proofs": close (numpy isclose), true (only `true`), equal (deep).
// Each is a pure function from its arguments to a ProofCheck; none throws.

import type { ProofCheck } from '../../../main/contract/proof';
import { describeError, describeValue, formatNumber, isTensorLike, isTypedNumberArray, readNumeric } from './values';

export const DEFAULT_ATOL = 1e-5;
export const DEFAULT_RTOL = 1e-4;
/** Elements one check may compare; larger data is a failed check, not a frozen worker. */
export const MAX_CHECK_ELEMENTS = 4_000_000;

export interface CloseOptions {
  atol?: number;
  rtol?: number;
}

function failed(name: string, detail: string, maxAbsError: number | null = null, maxRelError: number | null = null): ProofCheck {
  return { name, ok: false, maxAbsError, maxRelError, detail };
}

function readTolerance(options: unknown): { atol: number; rtol: number } | string {
  if (options === undefined || options === null) return { atol: DEFAULT_ATOL, rtol: DEFAULT_RTOL };
  if (typeof options !== 'object') return `options must be an object like { atol: 1e-5, rtol: 1e-4 }, got ${describeValue(options)}`;
  const { atol = DEFAULT_ATOL, rtol = DEFAULT_RTOL } = options as CloseOptions;
  for (const [key, tolerance] of [['atol', atol], ['rtol', rtol]] as const) {
    if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
      return `${key} must be a finite number ≥ 0, got ${describeValue(tolerance)}`;
    }
  }
  return { atol, rtol };
}

const formatShape = (shape: number[]) => `[${shape.join(',')}]`;

function indexAt(flat: number, shape: number[]): string {
  const index: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(flat % shape[axis]);
    flat = Math.floor(flat / shape[axis]);
  }
  return formatShape(index);
}

/** |a − e| ≤ atol + rtol·|e| element-wise; NaN never close; ±Infinity close only to the same infinity. */
export function checkClose(name: string, actual: unknown, expected: unknown, options?: unknown): ProofCheck {
  const tolerance = readTolerance(options);
  if (typeof tolerance === 'string') return failed(name, tolerance);
  const actualData = readNumeric(actual, MAX_CHECK_ELEMENTS);
  if (!actualData.ok) return failed(name, `actual: ${actualData.error}`);
  const expectedData = readNumeric(expected, MAX_CHECK_ELEMENTS);
  if (!expectedData.ok) return failed(name, `expected: ${expectedData.error}`);
  const a = actualData.value;
  const e = expectedData.value;
  if (formatShape(a.shape) !== formatShape(e.shape)) {
    return failed(name, `shape ${formatShape(a.shape)} differs from expected ${formatShape(e.shape)}`);
  }
  let maxAbs: number | null = null;
  let maxRel: number | null = null;
  let mismatches = 0;
  let worst: { index: number; excess: number } | null = null;
  for (let i = 0; i < e.values.length; i++) {
    const av = a.values[i];
    const ev = e.values[i];
    let close: boolean;
    let excess: number;
    if (Number.isFinite(av) && Number.isFinite(ev)) {
      const abs = Math.abs(av - ev);
      maxAbs = maxAbs === null ? abs : Math.max(maxAbs, abs);
      if (ev !== 0) maxRel = maxRel === null ? abs / Math.abs(ev) : Math.max(maxRel, abs / Math.abs(ev));
      excess = abs - (tolerance.atol + tolerance.rtol * Math.abs(ev));
      close = excess <= 0;
    } else {
      // NaN is never close; infinities only to the same infinity.
      close = !Number.isNaN(av) && !Number.isNaN(ev) && av === ev;
      excess = Infinity;
    }
    if (!close && (worst === null || excess > worst.excess)) worst = { index: i, excess };
    if (!close) mismatches++;
  }
  if (mismatches === 0) return { name, ok: true, maxAbsError: maxAbs, maxRelError: maxRel, detail: null };
  const at = worst!.index;
  const where = e.shape.length === 0 ? '' : ` at ${indexAt(at, e.shape)}`;
  const detail =
    `${mismatches} of ${e.values.length} element${e.values.length === 1 ? '' : 's'} not close; worst${where}: ` +
    `actual ${formatNumber(a.values[at])}, expected ${formatNumber(e.values[at])} ` +
    `(tolerance ${formatNumber(tolerance.atol)} + ${formatNumber(tolerance.rtol)}·|expected|)`;
  return failed(name, detail, maxAbs, maxRel);
}

/** Passes only for the value `true`: a truthy number or string is a mistake worth reporting. */
export function checkTrue(name: string, condition: unknown): ProofCheck {
  if (condition === true) return { name, ok: true, maxAbsError: null, maxRelError: null, detail: null };
  const hint = isTensorLike(condition) ? ' (a tensor: read it with .dataSync()[0] or compare with check.close)' : '';
  return failed(name, `expected true, got ${describeValue(condition, 1)}${hint}`);
}

interface EqualState {
  maxAbs: number | null;
  seen: WeakMap<object, Set<object>>;
}

/** Deep equality: numbers by ===, arrays/typed arrays element-wise, plain objects by keys, tensors by shape+values. */
export function checkEqual(name: string, actual: unknown, expected: unknown): ProofCheck {
  const state: EqualState = { maxAbs: null, seen: new WeakMap() };
  let difference: string | null;
  try {
    difference = findDifference(actual, expected, '', state);
  } catch (error) {
    difference = `could not compare: ${describeError(error)}`;
  }
  if (difference === null) return { name, ok: true, maxAbsError: state.maxAbs, maxRelError: null, detail: null };
  return failed(name, difference, state.maxAbs);
}

function isArrayLikeValue(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || isTypedNumberArray(value) || value instanceof BigInt64Array || value instanceof BigUint64Array;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function tensorAsNested(tensor: { shape: number[]; arraySync?: () => unknown; dataSync(): ArrayLike<unknown> }): unknown {
  const size = tensor.shape.reduce((product, dim) => product * dim, 1);
  if (size > MAX_CHECK_ELEMENTS) throw new Error(`a tensor of ${size} elements is more than a check may compare`);
  if (typeof tensor.arraySync === 'function') return tensor.arraySync();
  const data = Array.from(tensor.dataSync());
  return tensor.shape.length === 0 ? data[0] : data;
}

function findDifference(actual: unknown, expected: unknown, path: string, state: EqualState): string | null {
  const at = path || 'the top level';
  if (isTensorLike(actual)) actual = tensorAsNested(actual);
  if (isTensorLike(expected)) expected = tensorAsNested(expected);
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Number.isFinite(actual) && Number.isFinite(expected)) {
      const abs = Math.abs(actual - expected);
      state.maxAbs = state.maxAbs === null ? abs : Math.max(state.maxAbs, abs);
    }
    // === already treats 0 and −0 as equal and NaN as unequal to everything, as the contract wants.
    return actual === expected ? null : `at ${at}: ${formatNumber(actual)} ≠ expected ${formatNumber(expected)}`;
  }
  if (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null) {
    return actual === expected ? null : `at ${at}: ${describeValue(actual, 1)} ≠ expected ${describeValue(expected, 1)}`;
  }
  if (actual === expected && !isArrayLikeValue(actual)) return null;
  if (alreadyCompared(actual, expected, state)) return null;
  if (isArrayLikeValue(actual) && isArrayLikeValue(expected)) {
    if (actual.length !== expected.length) return `at ${at}: length ${actual.length} ≠ expected ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const difference = findDifference(actual[i], expected[i], `${path}[${i}]`, state);
      if (difference) return difference;
    }
    return null;
  }
  if (isPlainObject(actual) && isPlainObject(expected)) {
    const actualKeys = Object.keys(actual).sort();
    const expectedKeys = Object.keys(expected).sort();
    const missing = expectedKeys.filter((key) => !Object.hasOwn(actual, key));
    const extra = actualKeys.filter((key) => !Object.hasOwn(expected, key));
    if (missing.length || extra.length) {
      return `at ${at}: keys differ${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unexpected ${extra.join(', ')}` : ''}`;
    }
    for (const key of expectedKeys) {
      const difference = findDifference(actual[key], expected[key], `${path}.${key}`, state);
      if (difference) return difference;
    }
    return null;
  }
  return `at ${at}: ${describeValue(actual, 1)} ≠ expected ${describeValue(expected, 1)} (different kinds of value)`;
}

/** Guards against cycles: a pair already under comparison is assumed equal (the first difference wins elsewhere). */
function alreadyCompared(actual: object, expected: object, state: EqualState): boolean {
  let partners = state.seen.get(actual);
  if (!partners) state.seen.set(actual, (partners = new Set()));
  if (partners.has(expected)) return true;
  partners.add(expected);
  return false;
}
