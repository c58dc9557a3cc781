// A scan's skew: paper laid a degree or two off square on the glass. Tesseract reads a skewed line
// as a line, but not always as one line: across a 2500-pixel page a 1.5° line drifts 65 pixels, and
// Tesseract then breaks it where it drifts ("follo" | "wing"), and cells cut out by position catch
// their neighbours' ink. So a page is measured and turned straight before it is read; the review
// screen shows the straightened page, in the pixels the word boxes use.
import { turnGray, type GrayImage } from './gray-image.js';
import { shadesOf } from './shades.js';

/** Skews searched for, either way: a scanner's feeder keeps paper within a few degrees. */
const MAX_SKEW_DEGREES = 3;
/** Below this a page is left as it is: two pixels of drift across a 300 DPI letter page. */
const NEGLIGIBLE_SKEW_DEGREES = 0.05;
/** The coarse search's copy is about this wide: a tenth of a degree moves its far edge a pixel. */
const COARSE_WIDTH = 600;

/**
 * The angle in degrees the page's lines descend left to right (clockwise skew is positive), from the
 * rows of ink: sheared by the right angle, the form's rules and text lines pile into few rows, so
 * the row counts change most sharply from row to row. Every tenth of a degree is tried on a small
 * copy, then every hundredth around the best on a half-size copy (its rows are shared between
 * neighbours by where a point falls between them, which measures finer than a pixel). A skew too
 * small to matter is 0.
 */
export function measureSkew(image: GrayImage): number {
  const threshold = shadesOf(image).inkBelow;
  const coarse = bestShear(inkPoints(image, Math.max(1, Math.round(image.width / COARSE_WIDTH)), threshold), -MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, 0.1);
  const skew = bestShear(inkPoints(image, 2, threshold), coarse - 0.15, coarse + 0.15, 0.01);
  return Math.abs(skew) < NEGLIGIBLE_SKEW_DEGREES ? 0 : skew;
}

/** The page turned back by its skew of `degrees`, so its lines are level; the corners the turn uncovers are paper. */
export function straighten(image: GrayImage, degrees: number): GrayImage {
  return degrees === 0 ? image : turnGray(image, degrees, shadesOf(image).paper);
}

/** The `step` x `step` blocks that hold ink (their darkest pixel), as block columns and rows. */
function inkPoints(image: GrayImage, step: number, threshold: number): { xs: Int32Array; ys: Int32Array; count: number } {
  const { width, height, data } = image;
  const columns = Math.floor(width / step);
  const darkest = new Uint8Array(columns);
  let xs = new Int32Array(1 << 16);
  let ys = new Int32Array(1 << 16);
  let count = 0;
  for (let row = 0; (row + 1) * step <= height; row += 1) {
    darkest.fill(255);
    for (let y = row * step; y < (row + 1) * step; y += 1) {
      let index = y * width;
      for (let column = 0; column < columns; column += 1) {
        let shade = darkest[column]!;
        for (let k = 0; k < step; k += 1, index += 1) if (data[index]! < shade) shade = data[index]!;
        darkest[column] = shade;
      }
    }
    for (let column = 0; column < columns; column += 1) {
      if (darkest[column]! > threshold) continue;
      if (count === xs.length) {
        xs = grown(xs);
        ys = grown(ys);
      }
      xs[count] = column;
      ys[count] = row;
      count += 1;
    }
  }
  return { xs, ys, count };
}

function grown(values: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(values.length * 2);
  larger.set(values);
  return larger;
}

function bestShear(points: { xs: Int32Array; ys: Int32Array; count: number }, from: number, to: number, step: number): number {
  const { xs, ys, count } = points;
  if (count === 0) return 0;
  let maxX = 0;
  let maxY = 0;
  for (let index = 0; index < count; index += 1) {
    maxX = Math.max(maxX, xs[index]!);
    maxY = Math.max(maxY, ys[index]!);
  }
  const reach = Math.ceil(maxX * Math.tan((Math.max(Math.abs(from), Math.abs(to)) * Math.PI) / 180)) + 2;
  const rows = new Float64Array(Math.ceil(maxY) + 2 * reach + 2);
  let best = 0;
  let bestScore = -1;
  for (let degrees = from; degrees <= to + step / 2; degrees += step) {
    rows.fill(0);
    const slope = Math.tan((degrees * Math.PI) / 180);
    // Each point is shared between the two rows it falls between, so a shear smaller than a row
    // still moves the score smoothly instead of in steps.
    for (let index = 0; index < count; index += 1) {
      const at = ys[index]! - xs[index]! * slope + reach;
      const row = Math.floor(at);
      const share = at - row;
      rows[row]! += 1 - share;
      rows[row + 1]! += share;
    }
    let score = 0;
    for (let row = 1; row < rows.length; row += 1) score += (rows[row]! - rows[row - 1]!) ** 2;
    // Ties go to the smaller turn, so a straight page stays exactly as it is.
    if (score > bestScore || (score === bestScore && Math.abs(degrees) < Math.abs(best))) {
      bestScore = score;
      best = degrees;
    }
  }
  return Math.round(best * 100) / 100;
}
