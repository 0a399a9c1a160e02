// The remembered window: a damaged file never blocks the window, and the window always opens on a display.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SIZE, parseWindowState, placeWindow, serializeWindowState, type Rect, type WindowState } from '../../../main/electron/windowState';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 }; // a 1440×900 screen minus the menu bar
const monitorLeft: Rect = { x: -2560, y: -200, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('round-trips what the app writes', () => {
    const state: WindowState = { bounds: { x: -2400, y: 40, width: 1300, height: 900 }, maximized: true };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it('gives null (the default window) for a missing, half-written, hand-mangled or absurd file', () => {
    for (const text of [
      null, '', '{"bounds":{"x":10,"y":10,"wid', 'null', '[]', '{"bounds":{"x":10,"y":10,"width":800,"height":600}}',
      '{"bounds":{"x":"10","y":10,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":10,"y":10,"width":0,"height":600},"maximized":false}',
      '{"bounds":{"x":10,"y":10,"width":800.5,"height":600},"maximized":false}',
      '{"bounds":{"x":1e300,"y":10,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":10,"y":10,"width":800,"height":-600},"maximized":false}',
    ]) expect(parseWindowState(text), String(text)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(placeWindow(null, [laptop, monitorLeft])).toEqual({ bounds: { x: 170, y: 28, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }, maximized: false });
  });

  it('keeps a window that fits where it was, on a secondary display too', () => {
    const saved = { bounds: { x: -2000, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop, monitorLeft])).toEqual(saved);
  });

  it('centres on the primary display a window left on a monitor that has been unplugged', () => {
    const saved = { bounds: { x: -2000, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { x: 120, y: 38, width: 1200, height: 800 }, maximized: true });
  });

  it('pulls a window hanging off the edge back in, and shrinks one larger than the screen', () => {
    expect(placeWindow({ bounds: { x: 1300, y: 700, width: 1100, height: 820 }, maximized: false }, [laptop]).bounds)
      .toEqual({ x: 340, y: 55, width: 1100, height: 820 });
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: false }, [laptop]).bounds).toEqual(laptop);
  });

  it('always lies wholly inside one display, whatever was saved and whatever the displays', () => {
    const rect = (min: number) => fc.record({
      x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min, max: 8000 }), height: fc.integer({ min, max: 8000 }),
    });
    fc.assert(fc.property(rect(1), fc.array(rect(200), { minLength: 1, maxLength: 3 }), fc.boolean(), (bounds, areas, maximized) => {
      const placed = placeWindow({ bounds, maximized }, areas).bounds;
      expect(areas.some((a) => placed.x >= a.x && placed.y >= a.y && placed.x + placed.width <= a.x + a.width && placed.y + placed.height <= a.y + a.height)).toBe(true);
      expect(placed.width).toBeGreaterThan(0);
    }));
  });
});
