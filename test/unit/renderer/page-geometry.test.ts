import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boxAt, displayBox, neighbourPage, fitWidthScale, imageTransform, needsFullImage, nextRotation, pagePoint, scrollToBox, shownSize, stepZoom, zoomAround, type Rotation } from '../../../renderer/review/page-geometry.js';
import { unionBox } from '../../../shared/boxes.js';

const page = { width: 2550, height: 3300 };
const box = { x: 100, y: 200, width: 300, height: 50 };

/** Where CSS puts page point (x, y) with imageTransform: the transforms applied right to left. */
function cssPoint(point: { x: number; y: number }, rotation: Rotation, scale: number): { x: number; y: number } {
  const x = point.x * scale;
  const y = point.y * scale;
  const width = page.width * scale;
  const height = page.height * scale;
  if (rotation === 90) return { x: height - y, y: x };
  if (rotation === 180) return { x: width - x, y: height - y };
  if (rotation === 270) return { x: y, y: width - x };
  return { x, y };
}

describe('displayBox', () => {
  it('scales a box by the zoom', () => {
    assert.deepEqual(displayBox(box, page, 0.5, 0), { x: 50, y: 100, width: 150, height: 25 });
  });

  it('turns a box with the image, staying inside the shown page', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      const shown = displayBox(box, page, 0.25, rotation);
      const size = shownSize(page, 0.25, rotation);
      assert.ok(shown.x >= 0 && shown.y >= 0 && shown.x + shown.width <= size.width && shown.y + shown.height <= size.height, `rotation ${rotation}`);
      // The box's corners land where the CSS transform of the image puts them.
      const corners = [cssPoint({ x: box.x, y: box.y }, rotation, 0.25), cssPoint({ x: box.x + box.width, y: box.y + box.height }, rotation, 0.25)];
      assert.equal(Math.min(...corners.map((corner) => corner.x)), shown.x, `x at ${rotation}`);
      assert.equal(Math.min(...corners.map((corner) => corner.y)), shown.y, `y at ${rotation}`);
    }
  });

  it('names the matching CSS transform', () => {
    assert.equal(imageTransform(page, 0.5, 0), 'none');
    assert.equal(imageTransform(page, 0.5, 90), 'translate(1650px, 0px) rotate(90deg)');
    assert.equal(nextRotation(270), 0);
  });
});

describe('the word under the pointer', () => {
  it('finds the page point under a shown point at every rotation, the way displayBox shows it', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      const shown = displayBox(box, page, 0.25, rotation);
      const centre = pagePoint({ x: shown.x + shown.width / 2, y: shown.y + shown.height / 2 }, page, 0.25, rotation);
      assert.deepEqual(centre, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, `rotation ${rotation}`);
    }
  });

  it('takes the box holding the point, the smallest where boxes overlap, none between them', () => {
    const words = [box, { x: 450, y: 200, width: 80, height: 50 }, { x: 90, y: 190, width: 600, height: 80 }];
    assert.equal(boxAt(words, { x: 460, y: 210 }), 1);
    assert.equal(boxAt(words, { x: 120, y: 220 }), 0);
    assert.equal(boxAt(words, { x: 420, y: 220 }), 2);
    assert.equal(boxAt(words, { x: 10, y: 10 }), null);
    assert.equal(boxAt([], { x: 10, y: 10 }), null);
  });
});

describe('which image shows the page', () => {
  it('is the display copy fitted to the width, and the full image once zoomed in past what the copy holds', () => {
    const fit = fitWidthScale(700, page, 0);
    assert.equal(needsFullImage(fit, 1), false, `fit to a 700 px viewer (${fit.toFixed(2)})`);
    assert.equal(needsFullImage(fit, 2), false, 'and on a screen of two device pixels per CSS pixel');
    assert.equal(needsFullImage(0.5, 1), false, 'at 50% the copy is shown pixel for pixel');
    assert.equal(needsFullImage(0.75, 1), true);
    assert.equal(needsFullImage(1, 1), true);
    assert.equal(needsFullImage(0.5, 2), true, 'half the page pixels on a dense screen');
  });
});

describe('zoom and scroll', () => {
  it('fits the turned page to the width', () => {
    assert.equal(fitWidthScale(1275, page, 0), 0.5);
    assert.equal(fitWidthScale(1650, page, 90), 0.5);
    assert.ok(stepZoom(4, 1) <= 4);
  });

  it('unites boxes', () => {
    assert.deepEqual(unionBox([box, { x: 50, y: 300, width: 10, height: 10 }]), { x: 50, y: 200, width: 350, height: 110 });
    assert.equal(unionBox([]), null);
  });

  it('scrolls only when the box is out of view', () => {
    assert.deepEqual(scrollToBox({ x: 100, y: 100, width: 50, height: 20 }, { left: 0, top: 0 }, { width: 500, height: 500 }), { left: 0, top: 0 });
    assert.deepEqual(scrollToBox({ x: 100, y: 1000, width: 50, height: 20 }, { left: 0, top: 0 }, { width: 500, height: 500 }), { left: 0, top: 760 });
  });

  it('keeps the point under the cursor when zooming', () => {
    assert.deepEqual(zoomAround({ x: 100, y: 100 }, { left: 100, top: 0 }, 1, 2), { left: 300, top: 100 });
  });
});

describe('stepping through a filing\'s own pages', () => {
  it('steps within pages 2 to 4 of the file, and stops at either end', () => {
    const pages = [{ number: 2 }, { number: 3 }, { number: 4 }];
    assert.equal(neighbourPage(pages, 2, 1), 3);
    assert.equal(neighbourPage(pages, 4, 1), null);
    assert.equal(neighbourPage(pages, 2, -1), null);
    assert.equal(neighbourPage(pages, 4, -1), 3);
    assert.equal(neighbourPage(pages, 1, 1), 2, 'from a page not the filing\'s, forward goes to its first');
  });
});
