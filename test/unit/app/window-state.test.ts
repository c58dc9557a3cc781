import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readWindowState, writeWindowState } from '../../../main/app/window-state-file.js';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, parseWindowState, placeWindow, type Rectangle } from '../../../main/app/window-state.js';

const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rectangle = { x: 1920, y: -200, width: 2560, height: 1400 };

function inside(bounds: { x?: number; y?: number; width: number; height: number }, area: Rectangle): boolean {
  const { x = Number.NaN, y = Number.NaN, width, height } = bounds;
  return x >= area.x && y >= area.y && x + width <= area.x + area.width && y + height <= area.y + area.height;
}

describe('window state', () => {
  test('a saved place that is still on a screen is used as it was', () => {
    const saved = { bounds: { x: 2100, y: 0, width: 1500, height: 1000 }, maximized: true };
    assert.deepEqual(placeWindow(saved, [laptop, rightMonitor]), saved);
  });

  test('no saved state: the default size, centred, shrunk to a small screen', () => {
    assert.deepEqual(placeWindow(null, [laptop]), { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
    assert.deepEqual(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 720 }]), { bounds: { width: 1280, height: 720 }, maximized: false });
  });

  test('a window on a monitor that is gone opens centred on the primary display', () => {
    const saved = { bounds: { x: 2100, y: 0, width: 1500, height: 1000 }, maximized: false };
    assert.deepEqual(placeWindow(saved, [laptop]), { bounds: { width: 1500, height: 1000 }, maximized: false });
  });

  test('a window half off its screen is moved wholly onto the screen that holds most of it', () => {
    const saved = { bounds: { x: 1500, y: 900, width: 1200, height: 800 }, maximized: false };
    const placed = placeWindow(saved, [laptop, rightMonitor]);
    assert.ok(inside(placed.bounds, rightMonitor), JSON.stringify(placed));
    const offTop = placeWindow({ bounds: { x: 100, y: -300, width: 1000, height: 700 }, maximized: false }, [laptop]);
    assert.deepEqual(offTop.bounds, { x: 100, y: 0, width: 1000, height: 700 });
  });

  test('sizes are kept between the minimum and the screen', () => {
    const tiny = placeWindow({ bounds: { x: 10, y: 10, width: 50, height: 40 }, maximized: false }, [laptop]);
    assert.equal(tiny.bounds.width, MIN_WINDOW_SIZE.width);
    assert.equal(tiny.bounds.height, MIN_WINDOW_SIZE.height);
    const huge = placeWindow({ bounds: { x: 0, y: 0, width: 9000, height: 9000 }, maximized: false }, [laptop]);
    assert.deepEqual(huge.bounds, laptop);
  });

  test('anything but a well-formed state is no state', () => {
    const good = { bounds: { x: -5, y: 3, width: 1000, height: 700 }, maximized: false };
    assert.deepEqual(parseWindowState(good), good);
    for (const bad of [null, 'x', [], {}, { ...good, bounds: { ...good.bounds, width: 0 } }, { ...good, bounds: { ...good.bounds, x: 1.5 } }, { ...good, maximized: 'yes' }, { ...good, extra: 1 }, { bounds: { x: 0, y: 0, width: Number.MAX_SAFE_INTEGER, height: 10 }, maximized: false }]) {
      assert.equal(parseWindowState(bad), null, JSON.stringify(bad));
    }
  });

  test('the file round-trips; a missing, damaged or odd file reads as no state', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'form4-window-state-'));
    try {
      const file = join(folder, 'window-state.json');
      assert.equal(readWindowState(file), null);
      const state = { bounds: { x: 40, y: 60, width: 1200, height: 800 }, maximized: true };
      writeWindowState(file, state);
      assert.deepEqual(readWindowState(file), state);
      assert.deepEqual(await readdir(folder), ['window-state.json']);
      await writeFile(file, '{"bounds":');
      assert.equal(readWindowState(file), null);
      await writeFile(file, JSON.stringify({ bounds: 'everywhere', maximized: false }));
      assert.equal(readWindowState(file), null);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('a write that fails is reported, not thrown', (t) => {
    const warned = t.mock.method(console, 'warn', () => undefined);
    writeWindowState(join(tmpdir(), 'no-such-folder-form4', 'deeper', 'window-state.json'), { bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: false });
    assert.equal(warned.mock.callCount(), 1);
    assert.match(String(warned.mock.calls[0]?.arguments[0]), /Could not save the window position/);
  });
});
