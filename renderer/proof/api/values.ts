// Reading proof values without trusting them: tensors (anything with `dataSync` and `shape`), nested arrays,
// typed arrays and numbers become { shape, values }; anything can be described as a short string, even objects
// whose toString throws. No DOM, no tfjs import: this runs in Node, a Worker or a page.

/** The part of a tfjs Tensor the proof API reads. Duck-typed so hostile look-alikes fail gracefully. */
export interface TensorLike {
  shape: number[];
  dtype?: string;
  size?: number;
  dataSync(): ArrayLike<number | string | boolean>;
  arraySync?(): unknown;
  isDisposed?: boolean;
}

export interface NumericData {
  shape: number[];
  values: ArrayLike<number>;
}

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

export function isTensorLike(value: unknown): value is TensorLike {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const candidate = value as Partial<TensorLike>;
    return typeof candidate.dataSync === 'function' && Array.isArray(candidate.shape);
  } catch {
    return false;
  }
}

export function isTypedNumberArray(value: unknown): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && !isBigIntArray(value);
}

function isBigIntArray(value: unknown): boolean {
  return value instanceof BigInt64Array || value instanceof BigUint64Array;
}

/** Reads a number, nested array, typed array or tensor as a flat row-major array with its shape. */
export function readNumeric(value: unknown, maxElements: number): Read<NumericData> {
  try {
    if (typeof value === 'number') return { ok: true, value: { shape: [], values: [value] } };
    if (typeof value === 'boolean') return { ok: false, error: `got a boolean (${value}), not a number` };
    if (isTensorLike(value)) return readTensor(value, maxElements);
    if (isTypedNumberArray(value)) {
      if (value.length > maxElements) return tooBig(value.length, maxElements);
      return { ok: true, value: { shape: [value.length], values: Array.from(value) } };
    }
    if (Array.isArray(value)) return readNestedArray(value, maxElements);
    return { ok: false, error: `expected a number, array, typed array or tensor, got ${describeValue(value)}` };
  } catch (error) {
    return { ok: false, error: `could not read the value: ${describeError(error)}` };
  }
}

function tooBig(count: number, maxElements: number): Read<NumericData> {
  return { ok: false, error: `${count} elements is more than the ${maxElements} a check may compare` };
}

function readTensor(tensor: TensorLike, maxElements: number): Read<NumericData> {
  const shape = Array.from(tensor.shape, Number);
  const size = shape.reduce((product, dim) => product * dim, 1);
  if (size > maxElements) return tooBig(size, maxElements);
  if (tensor.dtype === 'string') return { ok: false, error: 'a string tensor is not numeric' };
  const data = tensor.dataSync();
  const values = Array.from(data, (element) => (typeof element === 'boolean' ? Number(element) : (element as number)));
  if (values.some((element) => typeof element !== 'number')) return { ok: false, error: 'a tensor element is not a number' };
  return { ok: true, value: { shape, values } };
}

/** The shape of a nested array, read down its first elements (ragged arrays are caught by the reader). */
export function nestedShape(root: unknown[]): number[] {
  const shape: number[] = [];
  for (let level: unknown = root; Array.isArray(level) || isTypedNumberArray(level); ) {
    const items = level as ArrayLike<unknown>;
    shape.push(items.length);
    if (items.length === 0) break;
    level = items[0];
  }
  return shape;
}

function readNestedArray(root: unknown[], maxElements: number): Read<NumericData> {
  const shape = nestedShape(root);
  const size = shape.reduce((product, dim) => product * dim, 1);
  if (size > maxElements) return tooBig(size, maxElements);
  const values: number[] = [];
  const walk = (node: unknown, depth: number, path: number[]): string | null => {
    if (depth === shape.length) {
      if (typeof node === 'number') {
        values.push(node);
        return null;
      }
      if (isTensorLike(node)) return `element [${path.join(',')}] is a tensor inside an array; pass the tensor itself`;
      return `element [${path.join(',')}] is ${describeValue(node)}, not a number (ragged or non-numeric array)`;
    }
    if (!Array.isArray(node) && !isTypedNumberArray(node)) return `ragged array at [${path.join(',')}]: expected length ${shape[depth]}`;
    const items = node as ArrayLike<unknown>;
    if (items.length !== shape[depth]) return `ragged array at [${path.join(',')}]: length ${items.length}, expected ${shape[depth]}`;
    for (let i = 0; i < items.length; i++) {
      const problem = walk(items[i], depth + 1, [...path, i]);
      if (problem) return problem;
    }
    return null;
  };
  const problem = walk(root, 0, []);
  return problem ? { ok: false, error: problem } : { ok: true, value: { shape, values } };
}

/** Formats a number the way a reader wants it in a check detail: short, exact enough, with the sign of zero. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return Number.isFinite(value) ? value.toPrecision(7).replace(/\.?0+(e|$)/, '$1') : String(value);
}

const MAX_DESCRIPTION_CHARS = 2000;
const UNPRINTABLE = '[unprintable value]';

/** A one-line, bounded description of any value; never throws (hostile getters, toString, Proxies). */
export function describeValue(value: unknown, depth = 0): string {
  try {
    return clip(describeUnsafe(value, depth, new WeakSet()));
  } catch {
    return UNPRINTABLE;
  }
}

function clip(text: string): string {
  return text.length > MAX_DESCRIPTION_CHARS ? `${text.slice(0, MAX_DESCRIPTION_CHARS)}… (${text.length} chars)` : text;
}

function describeUnsafe(value: unknown, depth: number, seen: WeakSet<object>): string {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : JSON.stringify(value);
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[circular]';
  seen.add(object);
  if (isTensorLike(object)) return describeTensor(object);
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (depth >= 3) return Array.isArray(object) ? '[…]' : '{…}';
  if (Array.isArray(object) || isTypedNumberArray(object)) {
    const items = object as ArrayLike<unknown>;
    const shown = Array.from({ length: Math.min(items.length, 20) }, (_, i) => describeUnsafe(items[i], depth + 1, seen));
    return `[${shown.join(', ')}${items.length > 20 ? `, … ${items.length - 20} more` : ''}]`;
  }
  const keys = Object.keys(object).slice(0, 20);
  const entries = keys.map((key) => `${key}: ${describeUnsafe((object as Record<string, unknown>)[key], depth + 1, seen)}`);
  return `{${entries.join(', ')}}`;
}

function describeTensor(tensor: TensorLike): string {
  const shape = `[${tensor.shape.join(',')}]`;
  if (tensor.isDisposed) return `Tensor ${shape} (disposed)`;
  const size = tensor.shape.reduce((product, dim) => product * dim, 1);
  if (size > 64) return `Tensor ${tensor.dtype ?? ''} ${shape} (${size} values)`;
  const values = Array.from(tensor.dataSync(), (v) => (typeof v === 'number' ? formatNumber(v) : String(v)));
  return `Tensor ${shape} [${values.join(', ')}]`;
}

/** The message of a thrown value of any kind: Error, string, number, undefined, an object whose toString throws. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) {
      const name = safeString(error.name) || 'Error';
      const message = safeString(error.message);
      return clip(message ? `${name}: ${message}` : name);
    }
  } catch {
    return 'an Error whose name or message cannot be read';
  }
  if (error === undefined) return 'threw undefined';
  if (error === null) return 'threw null';
  if (typeof error === 'string') return clip(`threw ${JSON.stringify(error)}`);
  try {
    if (typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      return clip(`threw an object: ${(error as { message: string }).message}`);
    }
  } catch {
    // a throwing getter: fall through to the generic description
  }
  const description = describeValue(error, 1);
  return description === UNPRINTABLE ? 'threw a value that cannot be printed (its toString or getters throw)' : `threw ${description}`;
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
