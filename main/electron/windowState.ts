// The window's size and position across restarts: parsed defensively from a small JSON in the data dir (a hand
// edit or a half-written file must not keep the window from opening) and placed on a display that exists now (a
// monitor unplugged since, or a resolution lowered, must not leave the window off-screen). Pure; tested under Node.

export interface Rect { x: number; y: number; width: number; height: number }
export interface WindowState { bounds: Rect; maximized: boolean }

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1100, height: 820 };
export const MIN_SIZE = { width: 480, height: 360 };
/** Larger than any display (8K is 7680 wide): a bigger number is not a window size but a corrupt file. */
const MAX_EXTENT = 20_000;

const isCoordinate = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= MAX_EXTENT;
const isExtent = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= MAX_EXTENT;

/** The saved state, or null when the text is absent or not a valid state (then the window opens at its default). */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isExtent(width) || !isExtent(height)) return null;
  return { bounds: { x, y, width, height }, maximized };
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify(state)}\n`;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Where the window opens: the saved bounds moved and shrunk to lie wholly inside the work area of the display they
 * overlap most; on the primary display, centred, when they overlap none (or nothing was saved).
 * `workAreas` are the displays' work areas (without task bars), the primary one first.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  if (!saved) return { bounds: centred(DEFAULT_SIZE, primary), maximized: false };
  const best = workAreas.reduce<{ area: Rect; overlap: number } | null>((top, area) => {
    const overlap = overlapArea(saved.bounds, area);
    return overlap > (top?.overlap ?? 0) ? { area, overlap } : top;
  }, null);
  if (!best) return { bounds: centred(saved.bounds, primary), maximized: saved.maximized };
  const { area } = best;
  const width = clamp(saved.bounds.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(saved.bounds.height, Math.min(MIN_SIZE.height, area.height), area.height);
  const x = clamp(saved.bounds.x, area.x, area.x + area.width - width);
  const y = clamp(saved.bounds.y, area.y, area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}
