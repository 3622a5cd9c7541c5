import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeWindow } from '../../main/electron/placement';

// Work areas: the screen minus the taskbar (Windows: 40 px at the bottom) or panel (UOS: a dock of ~60 px).
const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const fullHd = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 1920, height: 1040 };

describe('where the window opens', () => {
  it('fills the work area of a 1366×768 screen, so its bottom is above the taskbar', () => {
    expect(placeWindow(undefined, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
  });

  it('stays a sensible size, centred, on a large screen', () => {
    expect(placeWindow(undefined, [fullHd], fullHd)).toEqual({ x: 160, y: 20, width: 1600, height: 1000, maximized: false });
  });

  it('reopens where it was left, maximized if it was, on a display that still exists', () => {
    const saved = { x: 2000, y: 50, width: 1400, height: 900, maximized: true };
    expect(placeWindow(saved, [fullHd, rightMonitor], fullHd)).toEqual(saved);
  });

  it('comes back to the primary display when the one it was on is gone', () => {
    const saved = { x: 2000, y: 50, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [fullHd], fullHd)).toEqual({ x: 160, y: 20, width: 1600, height: 1000, maximized: false });
  });

  it('shrinks a remembered size into a smaller work area (a resolution lowered since)', () => {
    const saved = { x: 100, y: 80, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
  });

  it('ignores a remembered place that is not one (a hand-edited or damaged file)', () => {
    for (const saved of [{ x: 'a' }, { x: 0, y: 0, width: 0, height: 10 }, null, { x: Number.NaN, y: 0, width: 1, height: 1 }]) {
      expect(placeWindow(saved as never, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
    }
  });

  it('always lies inside some work area, whatever was remembered', () => {
    const areas = [laptop, { x: 1366, y: -200, width: 1920, height: 1040 }];
    const num = fc.integer({ min: -5000, max: 5000 });
    fc.assert(
      fc.property(num, num, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (x, y, width, height) => {
        const p = placeWindow({ x, y, width, height, maximized: false }, areas, laptop);
        return areas.some((a) => p.x >= a.x && p.y >= a.y && p.x + p.width <= a.x + a.width && p.y + p.height <= a.y + a.height);
      }),
    );
  });
});
