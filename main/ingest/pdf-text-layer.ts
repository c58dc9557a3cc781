// A PDF page's text layer turned into document lines, with boxes in the pixels of the page rendered
// at the chosen DPI (origin top left), so text-layer pages and OCR'd pages look alike to the parser.
import type { Box, Line, Word } from '../../shared/document.js';

/** The fields of a pdf.js TextItem this reads. */
export interface TextRun {
  str: string;
  /** Text space to user space: [a, b, c, d, e, f]; includes the font size. */
  transform: number[];
  /** Advance of the whole run in user space units. */
  width: number;
  fontName: string;
}

export interface FontMetrics {
  /** Above the baseline, in font-size units (pdf.js `styles[font].ascent`). */
  ascent: number;
  /** Below the baseline, negative. */
  descent: number;
}

/** When pdf.js knows no metrics for a font: typical Latin values. */
const FALLBACK_METRICS: FontMetrics = { ascent: 0.8, descent: -0.2 };
/**
 * Two runs share a line when their baselines differ by less than this share of the text height.
 * A horizontal gap wider than GAP_SPLIT text heights starts a new line, as Tesseract's layout
 * analysis does between table cells, so both sources give the parser the same kind of lines.
 */
const BASELINE_TOLERANCE = 0.5;
const GAP_SPLIT = 3;

interface PlacedWord {
  word: Word & { box: Box };
  baseline: number;
  size: number;
}

/** The non-space characters on a page; few of them means the page is a scan and needs OCR. */
export function countTextCharacters(runs: readonly Pick<TextRun, 'str'>[]): number {
  return runs.reduce((sum, run) => sum + run.str.replace(/\s/g, '').length, 0);
}

/**
 * @param viewportTransform pdf.js viewport transform (user space -> device pixels, page rotation included)
 */
export function linesFromTextRuns(
  runs: readonly TextRun[],
  metrics: Readonly<Record<string, Partial<FontMetrics>>>,
  viewportTransform: readonly number[],
): Line[] {
  const placed = runs.flatMap((run) => placeWords(run, metrics[run.fontName], viewportTransform));
  placed.sort((left, right) => left.baseline - right.baseline || left.word.box.x - right.word.box.x);

  const rows: PlacedWord[][] = [];
  for (const item of placed) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(item.baseline - first.baseline) < BASELINE_TOLERANCE * Math.min(item.size, first.size)) {
      row.push(item);
    } else {
      rows.push([item]);
    }
  }
  // Baselines within a row differ slightly (superscripts, mixed fonts): order each row left to right.
  return rows.map((row) => row.sort((left, right) => left.word.box.x - right.word.box.x)).flatMap(splitAtGaps).map(toLine);
}

function placeWords(run: TextRun, fontMetrics: Partial<FontMetrics> | undefined, viewport: readonly number[]): PlacedWord[] {
  const [a = 0, b = 0] = run.transform;
  const size = Math.hypot(a, b);
  if (size === 0 || run.str.trim() === '') return [];
  const toDevice = multiply(viewport, run.transform);
  const ascent = fontMetrics?.ascent ?? FALLBACK_METRICS.ascent;
  const descent = fontMetrics?.descent ?? FALLBACK_METRICS.descent;
  // The run's advance in text space; each word gets the share of it its characters take.
  const length = run.width / size;
  const baseline = apply(toDevice, 0, 0);
  const deviceSize = Math.hypot(toDevice[2] ?? 0, toDevice[3] ?? 0);

  const words: PlacedWord[] = [];
  for (const match of run.str.matchAll(/\S+/g)) {
    const start = (match.index / run.str.length) * length;
    const end = ((match.index + match[0].length) / run.str.length) * length;
    const corners = [
      apply(toDevice, start, descent),
      apply(toDevice, end, descent),
      apply(toDevice, start, ascent),
      apply(toDevice, end, ascent),
    ];
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    words.push({ word: { text: match[0], box: roundBox(box), confidence: 100 }, baseline: baseline[1], size: deviceSize });
  }
  return words;
}

function splitAtGaps(row: PlacedWord[]): PlacedWord[][] {
  const pieces: PlacedWord[][] = [];
  for (const item of row) {
    const piece = pieces.at(-1);
    const previous = piece?.at(-1);
    if (piece && previous && item.word.box.x - (previous.word.box.x + previous.word.box.width) <= GAP_SPLIT * Math.max(item.size, previous.size)) {
      piece.push(item);
    } else {
      pieces.push([item]);
    }
  }
  return pieces;
}

function toLine(row: PlacedWord[]): Line {
  const boxes = row.map((item) => item.word.box);
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { words: row.map((item) => item.word), box: { x: left, y: top, width: right - left, height: bottom - top } };
}

function multiply(m1: readonly number[], m2: readonly number[]): number[] {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m1;
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

function apply(m: readonly number[], x: number, y: number): [number, number] {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}

function roundBox(box: Box): Box {
  const round = (value: number) => Math.round(value * 10) / 10;
  return { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
}
