// Where the window opens: where it was last closed, if that still lies on a screen. The saved state is
// a small JSON file a person (or a changed monitor layout) may have left in any shape, so it is
// validated, and the window is kept wholly on the display that held most of it. Pure: the screens'
// work areas are passed in.
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** Where to open: no x/y means centred on the primary display (Electron's default). */
export interface Placement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
/** Below this the review screen's page and form no longer fit side by side. */
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

const coordinate = z.number().int().min(-1_000_000).max(1_000_000);
const length = z.number().int().min(1).max(1_000_000);
const windowStateSchema = z.strictObject({
  bounds: z.strictObject({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

/** The saved state, or null when it is not one (then the window opens at its default place). */
export function parseWindowState(value: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** `workAreas`: every display's work area, the primary first. */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): Placement {
  const primary = workAreas[0];
  if (saved === null || primary === undefined) {
    const size = primary === undefined ? { ...DEFAULT_WINDOW_SIZE } : fitSize(DEFAULT_WINDOW_SIZE, primary);
    return { bounds: size, maximized: false };
  }
  const display = mostOverlapping(saved.bounds, workAreas);
  if (display === null) return { bounds: fitSize(saved.bounds, primary), maximized: saved.maximized };
  const { width, height } = fitSize(saved.bounds, display);
  return {
    bounds: {
      x: clamp(saved.bounds.x, display.x, display.x + display.width - width),
      y: clamp(saved.bounds.y, display.y, display.y + display.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

/** The size, no smaller than the minimum and no larger than the work area. */
function fitSize(size: { width: number; height: number }, area: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height),
  };
}

function mostOverlapping(bounds: Rectangle, areas: readonly Rectangle[]): Rectangle | null {
  let best: Rectangle | null = null;
  let bestOverlap = 0;
  for (const area of areas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  return best;
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
