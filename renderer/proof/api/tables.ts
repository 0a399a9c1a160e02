// table(tensorOrArray, { title? }): a bounded, JSON-safe snapshot of a tensor or array, row-major.
// Reads at most `maxCells` values so a 10⁸-element tensor costs no more than a small one.

import type { ProofTable } from '../../../main/contract/proof';
import { describeValue, isTensorLike, isTypedNumberArray, nestedShape, type TensorLike } from './values';

type Cell = number | string;

function cellOf(value: unknown): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value); // JSON has no NaN/Infinity
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return describeValue(value, 2).slice(0, 200);
}

/** Rows of `columns` cells from a flat list; the last axis becomes the columns, the others are flattened into rows. */
function toRows(flat: ArrayLike<unknown>, shape: number[], maxCells: number): { rows: Cell[][]; truncated: boolean } {
  const total = shape.reduce((product, dim) => product * dim, 1);
  const columns = shape.length === 0 ? 1 : Math.max(1, shape[shape.length - 1]);
  const shownColumns = Math.min(columns, maxCells);
  const shownRows = Math.min(Math.ceil(total / columns), Math.max(1, Math.floor(maxCells / shownColumns)));
  const rows: Cell[][] = [];
  for (let r = 0; r < shownRows && r * columns < flat.length; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < shownColumns && r * columns + c < flat.length; c++) row.push(cellOf(flat[r * columns + c]));
    rows.push(row);
  }
  return { rows, truncated: shownRows * shownColumns < total };
}

/** The leading slice of a tensor that fits the cap, read without materialising the rest. */
function readTensorPrefix(tensor: TensorLike, maxCells: number): ArrayLike<unknown> {
  const size = tensor.shape.reduce((product, dim) => product * dim, 1);
  if (size <= maxCells) return tensor.dataSync();
  const sliceable = tensor as TensorLike & { reshape?: (shape: number[]) => TensorLike & { dispose(): void }; slice?: unknown };
  if (typeof sliceable.reshape === 'function') {
    const flat = sliceable.reshape([size]) as TensorLike & { slice(begin: number, length: number): TensorLike & { dispose(): void }; dispose(): void };
    try {
      const prefix = flat.slice(0, maxCells);
      try {
        return Array.from(prefix.dataSync());
      } finally {
        prefix.dispose();
      }
    } finally {
      flat.dispose();
    }
  }
  return Array.from(tensor.dataSync()).slice(0, maxCells);
}

/** Flattens a (possibly ragged) nested array, stopping once `maxCells` values are collected. */
function flattenNested(root: unknown, depth: number, maxCells: number, out: unknown[]): void {
  if (out.length >= maxCells) return;
  if (depth > 0 && (Array.isArray(root) || isTypedNumberArray(root))) {
    const items = root as ArrayLike<unknown>;
    for (let i = 0; i < items.length && out.length < maxCells; i++) flattenNested(items[i], depth - 1, maxCells, out);
    return;
  }
  out.push(root);
}

export function makeTable(data: unknown, options: unknown, maxCells: number): ProofTable {
  const title = readTitle(options);
  if (isTensorLike(data)) {
    const shape = Array.from(data.shape, Number);
    return { title, shape, ...toRows(readTensorPrefix(data, maxCells), shape, maxCells) };
  }
  if (isTypedNumberArray(data) || Array.isArray(data)) {
    const shape = nestedShape(data as unknown[]);
    const flat: unknown[] = [];
    flattenNested(data, shape.length, maxCells, flat);
    return { title, shape, ...toRows(flat, shape, maxCells) };
  }
  if (typeof data === 'number' || typeof data === 'string') return { title, shape: [], rows: [[cellOf(data)]], truncated: false };
  throw new TypeError(`table() takes a tensor or an array, got ${describeValue(data, 1)}`);
}

function readTitle(options: unknown): string | null {
  if (options === undefined || options === null) return null;
  if (typeof options !== 'object') throw new TypeError('table(data, { title }) takes an options object as its second argument');
  const title = (options as { title?: unknown }).title;
  if (title === undefined || title === null) return null;
  return String(title).slice(0, 200);
}
