// What a document scanner does to a printed page, as pure functions of a grayscale image and a seeded
// random source: skew, uneven illumination and faded toner, optical blur, sensor noise and dust. JPEG
// compression is the last step and lives in jpeg-codec.ts, because it needs the canvas encoder.
import { createRandom, type Random } from './seeded-random.js';
import type { GrayImage } from './gray-image.js';
import { turnGray } from '../../main/ingest/gray-image.js';

export const MAX_SKEW_DEGREES = 1.5;

export interface DamagePlan {
  /** Rotation of the paper on the glass, within ±MAX_SKEW_DEGREES. */
  skewDegrees: number;
  /** Paper shade at its brightest and the darkest toner, 0-255: a scan is never pure black on white. */
  paperShade: number;
  inkShade: number;
  /** How much darker the paper gets toward one edge (0 = even light), and that edge's direction. */
  shadingDepth: number;
  shadingAngle: number;
  /** Gaussian blur in pixels at the given resolution. */
  blurSigma: number;
  /** Standard deviation of per-pixel sensor noise, in gray levels. */
  noiseSigma: number;
  /** Dust specks per page. */
  speckles: number;
  /** The JPEG quality the scanner saves at (0-1). */
  jpegQuality: number;
}

/** Draws one page's damage; the same random state gives the same plan. */
export function planDamage(random: Random, dpi: number): DamagePlan {
  const dpiScale = dpi / 300;
  return {
    skewDegrees: random.between(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES),
    paperShade: random.integer(222, 252),
    inkShade: random.integer(8, 70),
    shadingDepth: random.between(0, 45),
    shadingAngle: random.between(0, 2 * Math.PI),
    blurSigma: random.between(0.35, 1.1) * dpiScale,
    noiseSigma: random.between(2, 11),
    speckles: random.integer(0, 250),
    jpegQuality: random.between(0.35, 0.75),
  };
}

/** Rotates about the centre with bilinear sampling, keeping the page size; uncovered corners get `fill`. */
export function rotateImage(image: GrayImage, degrees: number, fill = 255): GrayImage {
  const turned = turnGray({ ...image, data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length), dpi: null }, degrees, fill);
  return { width: turned.width, height: turned.height, data: new Uint8ClampedArray(turned.data.buffer, turned.data.byteOffset, turned.data.length) };
}

function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const kernel = new Float32Array(radius * 2 + 1);
  let sum = 0;
  for (let offset = -radius; offset <= radius; offset += 1) {
    const weight = Math.exp(-(offset * offset) / (2 * sigma * sigma));
    kernel[offset + radius] = weight;
    sum += weight;
  }
  return kernel.map((weight) => weight / sum);
}

/** Separable Gaussian blur; edges repeat their last pixel. Written row-wise because a 300 DPI page is 8 Mpx. */
export function gaussianBlur(image: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return { ...image, data: image.data.slice() };
  const { width, height, data } = image;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const padded = new Float32Array(width + 2 * radius);
  const horizontal = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) padded[x + radius] = data[row + x]!;
    for (let k = 0; k < radius; k += 1) {
      padded[k] = data[row]!;
      padded[width + radius + k] = data[row + width - 1]!;
    }
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let k = 0; k < kernel.length; k += 1) sum += padded[x + k]! * kernel[k]!;
      horizontal[row + x] = sum;
    }
  }
  const out = new Uint8ClampedArray(width * height);
  const accumulator = new Float32Array(width);
  for (let y = 0; y < height; y += 1) {
    accumulator.fill(0);
    for (let k = -radius; k <= radius; k += 1) {
      const sourceRow = Math.min(height - 1, Math.max(0, y + k)) * width;
      const weight = kernel[k + radius]!;
      for (let x = 0; x < width; x += 1) accumulator[x] = accumulator[x]! + horizontal[sourceRow + x]! * weight;
    }
    out.set(accumulator, y * width);
  }
  return { width, height, data: out };
}

/**
 * Maps black..white onto ink..paper and darkens the paper toward one edge, as a lamp that does not
 * light the page evenly and a toner that is not quite black do.
 */
export function unevenIllumination(
  image: GrayImage,
  plan: Pick<DamagePlan, 'paperShade' | 'inkShade' | 'shadingDepth' | 'shadingAngle'>,
): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(width * height);
  const directionX = Math.cos(plan.shadingAngle);
  const directionY = Math.sin(plan.shadingAngle);
  const reach = Math.abs(directionX) * width + Math.abs(directionY) * height;
  const start = Math.min(0, directionX * width) + Math.min(0, directionY * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // 0 on the brightest edge, 1 on the darkest, squared so the shadow gathers near one side.
      const along = (x * directionX + y * directionY - start) / reach;
      const paper = plan.paperShade - plan.shadingDepth * along * along;
      const level = data[y * width + x]! / 255;
      out[y * width + x] = plan.inkShade + (paper - plan.inkShade) * level;
    }
  }
  return { width, height, data: out };
}

/** Sensor noise (approximately Gaussian) plus dark dust specks of 1-3 pixels. */
export function addNoise(image: GrayImage, random: Random, noiseSigma: number, speckles: number): GrayImage {
  const { width, height } = image;
  const out = image.data.slice();
  // A table of normal deviates indexed by an inline LCG seeded from `random`: one closure call per pixel
  // would double the time of a 300 DPI page for no visible difference.
  const table = new Float32Array(4096);
  for (let index = 0; index < table.length; index += 1) table[index] = random.normal() * noiseSigma;
  let state = Math.floor(random.next() * 4294967296) >>> 0;
  for (let pixel = 0; pixel < out.length; pixel += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[pixel] = out[pixel]! + table[state >>> 20]!;
  }
  for (let speck = 0; speck < speckles; speck += 1) {
    const size = random.integer(1, 3);
    const x0 = random.integer(0, width - size);
    const y0 = random.integer(0, height - size);
    const shade = random.integer(20, 120);
    for (let y = y0; y < y0 + size; y += 1) {
      for (let x = x0; x < x0 + size; x += 1) out[y * width + x] = shade;
    }
  }
  return { width, height, data: out };
}

/** Every damage but JPEG, in the order a scan happens: paper skew, light, optics, sensor. */
export function applyDamage(image: GrayImage, plan: DamagePlan, random: Random): GrayImage {
  const skewed = rotateImage(image, plan.skewDegrees, 255);
  const lit = unevenIllumination(skewed, plan);
  const blurred = gaussianBlur(lit, plan.blurSigma);
  return addNoise(blurred, random, plan.noiseSigma, plan.speckles);
}

/** Plans and applies one page's damage from a seed (e.g. file name and page number). */
export function damagePage(image: GrayImage, seed: string | number, dpi: number): { image: GrayImage; plan: DamagePlan } {
  const random = createRandom(seed);
  const plan = planDamage(random, dpi);
  return { image: applyDamage(image, plan, random), plan };
}
