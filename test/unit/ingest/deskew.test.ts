import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import { measureSkew, straighten } from '../../../main/ingest/deskew.js';
import { grayFromRgba, type GrayImage } from '../../../main/ingest/gray-image.js';

interface PageDrawing {
  /** Clockwise degrees the paper lies off square. */
  skew: number;
  /** Rows of text drawn from the top; a form page has many, a continuation page a few. */
  rows: number;
  /** Form rules across the page under every other row. */
  rules: boolean;
  /** How much darker the paper gets toward the bottom (a scanner's uneven light). */
  shading?: number;
}

/** A letter page at 300 DPI with rows of text (and rules), turned on the glass by `skew`. */
function scannedPage({ skew, rows, rules, shading = 0 }: PageDrawing): GrayImage {
  const width = 2550;
  const height = 3300;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const paper = context.createLinearGradient(0, 0, 0, height);
  paper.addColorStop(0, 'rgb(240,240,240)');
  paper.addColorStop(1, `rgb(${240 - shading},${240 - shading},${240 - shading})`);
  context.fillStyle = paper;
  context.fillRect(0, 0, width, height);
  context.translate(width / 2, height / 2);
  context.rotate((skew * Math.PI) / 180);
  context.translate(-width / 2, -height / 2);
  context.fillStyle = 'rgb(40,40,40)';
  context.strokeStyle = 'rgb(40,40,40)';
  context.font = '44px serif';
  context.lineWidth = 3;
  for (let row = 0; row < rows; row += 1) {
    const y = 240 + row * 80;
    context.fillText('Class A Common Stock 05/21/2021 J(1) 2,205,293 D $0 By The Founders Fund', 180, y);
    if (rules && row % 2 === 1) {
      context.beginPath();
      context.moveTo(160, y + 24);
      context.lineTo(width - 160, y + 24);
      context.stroke();
    }
  }
  const rgba = context.getImageData(0, 0, width, height).data;
  return grayFromRgba(rgba, width, height, 300);
}

test('the skew of a scanned form is measured to a few hundredths of a degree, either way', () => {
  for (const skew of [1.5, -0.7, 0.3, -1.35, 2.6]) {
    const measured = measureSkew(scannedPage({ skew, rows: 30, rules: true }));
    assert.ok(Math.abs(measured - skew) <= 0.03, `drawn at ${skew}°, measured ${measured}°`);
  }
});

test('a square page measures 0 and is left exactly as it is', () => {
  const page = scannedPage({ skew: 0, rows: 30, rules: true });
  assert.equal(measureSkew(page), 0);
  assert.equal(straighten(page, 0), page);
  // A drift of two pixels across the page is not worth a resampled copy.
  assert.equal(measureSkew(scannedPage({ skew: 0.02, rows: 30, rules: true })), 0);
});

test('a nearly blank page on shaded paper is measured from its few lines of text, not the shading', () => {
  const measured = measureSkew(scannedPage({ skew: -0.4, rows: 4, rules: false, shading: 45 }));
  assert.ok(Math.abs(measured + 0.4) <= 0.03, `measured ${measured}°`);
});

test('straightening takes the measured skew out, and fills the uncovered corners with paper', () => {
  const skewed = scannedPage({ skew: 1.2, rows: 30, rules: true });
  const straight = straighten(skewed, measureSkew(skewed));
  assert.equal(straight.width, skewed.width);
  assert.equal(straight.height, skewed.height);
  assert.equal(straight.dpi, skewed.dpi);
  assert.equal(measureSkew(straight), 0);
  // The top-right corner was off the paper once turned back: it is paper-light, not black.
  assert.ok(straight.data[straight.width - 1]! > 200);
});
