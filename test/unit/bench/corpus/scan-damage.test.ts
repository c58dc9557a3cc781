import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankImage, type GrayImage } from '../../../../bench/corpus/gray-image.js';
import {
  MAX_SKEW_DEGREES,
  addNoise,
  damagePage,
  gaussianBlur,
  planDamage,
  rotateImage,
  unevenIllumination,
} from '../../../../bench/corpus/scan-damage.js';
import { createRandom } from '../../../../bench/corpus/seeded-random.js';

function withDot(width: number, height: number, x: number, y: number): GrayImage {
  const image = blankImage(width, height);
  image.data[y * width + x] = 0;
  return image;
}

function darkest(image: GrayImage): { x: number; y: number; shade: number } {
  let best = { x: -1, y: -1, shade: 256 };
  image.data.forEach((shade, index) => {
    if (shade < best.shade) best = { x: index % image.width, y: Math.floor(index / image.width), shade };
  });
  return best;
}

const mean = (image: GrayImage) => image.data.reduce((sum, shade) => sum + shade, 0) / image.data.length;

test('damage plans are deterministic for a seed and keep the skew within ±1.5°', () => {
  assert.deepEqual(planDamage(createRandom('a#page1'), 300), planDamage(createRandom('a#page1'), 300));
  assert.notDeepEqual(planDamage(createRandom('a#page1'), 300), planDamage(createRandom('a#page2'), 300));
  const skews = Array.from({ length: 500 }, (_, index) => planDamage(createRandom(`filing ${index}`), 200).skewDegrees);
  assert.ok(skews.every((skew) => Math.abs(skew) <= MAX_SKEW_DEGREES), 'every skew within bounds');
  assert.ok(Math.max(...skews) > 1 && Math.min(...skews) < -1, 'both directions, near the bound');
  const plan = planDamage(createRandom('q'), 200);
  assert.ok(plan.jpegQuality > 0 && plan.jpegQuality < 1);
  assert.ok(plan.inkShade < plan.paperShade);
});

test('rotation turns about the centre: a dot 10 px right of it goes 10 px up or down at 90°', () => {
  const image = withDot(41, 41, 40, 20);
  assert.deepEqual(rotateImage(image, 0).data, image.data, '0° changes nothing');
  const turned = darkest(rotateImage(withDot(41, 41, 30, 20), 90));
  assert.equal(turned.x, 20);
  assert.equal(Math.abs(turned.y - 20), 10);
  assert.ok(turned.shade < 5);
  const skewed = rotateImage(withDot(201, 201, 200, 100), 1.5, 255);
  assert.equal(skewed.data[0], 255, 'uncovered corners are filled with white');
});

test('blur spreads a dot and keeps the page brightness', () => {
  const dot = withDot(21, 21, 10, 10);
  const blurred = gaussianBlur(dot, 1);
  assert.ok(blurred.data[10 * 21 + 10]! > 100, 'the dot is lighter');
  assert.ok(blurred.data[10 * 21 + 11]! < 255, 'its neighbour is darker');
  assert.ok(Math.abs(mean(blurred) - mean(dot)) < 0.5);
  assert.deepEqual(gaussianBlur(dot, 0).data, dot.data);
});

test('illumination maps black to the ink shade and white to the paper, darker toward one edge', () => {
  const image = blankImage(100, 10);
  image.data[0] = 0;
  const lit = unevenIllumination(image, { paperShade: 240, inkShade: 30, shadingDepth: 40, shadingAngle: 0 });
  assert.equal(lit.data[0], 30, 'black becomes the toner shade');
  assert.equal(lit.data[1], 240, 'white at the bright edge becomes the paper shade');
  assert.ok(lit.data[99]! <= 201 && lit.data[99]! >= 199, 'the far edge is shadingDepth darker');
});

test('noise is the same for the same seed and different for another', () => {
  const image = blankImage(64, 64, 128);
  const first = addNoise(image, createRandom(7), 8, 5);
  assert.deepEqual(first.data, addNoise(image, createRandom(7), 8, 5).data);
  assert.notDeepEqual(first.data, addNoise(image, createRandom(8), 8, 5).data);
  assert.ok(Math.abs(mean(first) - 128) < 3, 'noise has no bias to speak of');
  assert.ok(first.data.some((shade) => shade !== 128));
});

test('a whole page of damage is deterministic for a seed', () => {
  const page = blankImage(120, 160);
  for (let x = 20; x < 100; x += 1) page.data[80 * 120 + x] = 0;
  const once = damagePage(page, 'x.xml#page1', 300);
  const again = damagePage(page, 'x.xml#page1', 300);
  assert.deepEqual(once.plan, again.plan);
  assert.deepEqual(once.image.data, again.image.data);
  assert.notDeepEqual(once.image.data, damagePage(page, 'x.xml#page2', 300).image.data);
  assert.ok(Math.abs(once.plan.skewDegrees) <= MAX_SKEW_DEGREES);
  assert.equal(once.image.width, 120);
  assert.equal(once.image.height, 160);
});
