import type { Rectangle } from 'electron';
import type { ShellState } from './shell-state';

/** Where the window opens: remembered size and place if they still fit a display, else sized to the work area. */
export type Placement = Rectangle & { maximized: boolean };

// Wider than this a register's table only gets emptier; on a large monitor the window stays a sensible size.
const LARGEST = { width: 1600, height: 1000 };
export const SMALLEST = { width: 1024, height: 700 };

const overlap = (a: Rectangle, b: Rectangle) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

function isRect(r: unknown): r is Rectangle & { maximized?: unknown } {
  const o = r as Record<string, unknown> | null;
  return !!o && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(o[k])) && (o.width as number) > 0 && (o.height as number) > 0;
}

/**
 * The work area is the display minus the taskbar (Windows), panel or dock (UOS, Kylin): a 1366×768 window on a
 * 1366×768 screen has its bottom under the taskbar. A remembered place is used only on a display that still
 * exists and holds the window's title bar (a second monitor unplugged, a resolution lowered: the window would
 * open out of reach), and is shrunk to that display's work area.
 */
export function placeWindow(saved: ShellState['window'], workAreas: readonly Rectangle[], primary: Rectangle): Placement {
  if (isRect(saved)) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
    const home = workAreas.find((area) => overlap(titleBar, area) >= Math.min(titleBar.width, 200) * 40 * 0.5);
    if (home) {
      const width = Math.min(saved.width, home.width);
      const height = Math.min(saved.height, home.height);
      const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
      const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
      return { x, y, width, height, maximized: saved.maximized === true };
    }
  }
  const width = Math.min(primary.width, LARGEST.width);
  const height = Math.min(primary.height, LARGEST.height);
  return {
    x: primary.x + Math.floor((primary.width - width) / 2),
    y: primary.y + Math.floor((primary.height - height) / 2),
    width,
    height,
    maximized: false,
  };
}
