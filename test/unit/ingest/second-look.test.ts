// Ingest's second look at cells: rules wiped from a cut, empty cuts and lone bars answered without
// OCR, the rest read in one strip per alphabet, with the whitelist, by the real pool, which then reads
// whole pages as before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GrayImage } from '../../../main/ingest/gray-image.js';
import { OcrPool, type StripRequest } from '../../../main/ingest/ocr-pool.js';
import { decodePngToGray } from '../../../main/ingest/png-decoder.js';
import { splitRaised } from '../../../main/ingest/raised-marks.js';
import { checkboxState, cleanCut, inkOf, loneBar, outlineOf, readCells, wipeRules } from '../../../main/ingest/second-look.js';
import { SAMPLE_LINES, textPng } from './fixtures.js';

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255), dpi: 300 };
}

function fill(image: GrayImage, x: number, y: number, width: number, height: number, shade = 0): GrayImage {
  for (let row = y; row < y + height; row += 1) image.data.fill(shade, row * image.width + x, row * image.width + x + width);
  return image;
}

const darkPixels = (image: GrayImage) => image.data.filter((v) => v < 140).length;

describe('a cut cleaned and weighed', () => {
  it('wipes a cell border (a full-height grey column, a full-width row) and keeps the letter', () => {
    const cut = fill(fill(fill(blank(80, 50), 70, 0, 2, 50, 180), 0, 0, 80, 1, 120), 30, 12, 14, 22);
    const wiped = wipeRules(cut);
    assert.equal(wiped.data[25 * 80 + 70], 255);
    assert.equal(wiped.data[40], 255);
    assert.equal(darkPixels(wiped), 14 * 22);
    assert.deepEqual(inkOf(wiped), { x: 30, y: 12, width: 14, height: 22 });
  });

  it('cleans a damaged cut: grey paper to white, a skewed rule\'s end and specks gone, the letter kept', () => {
    const cut = fill(blank(80, 50), 0, 0, 80, 50, 225);
    fill(cut, 0, 2, 40, 2, 90);
    fill(cut, 40, 3, 40, 2, 90);
    fill(cut, 60, 40, 2, 2, 60);
    fill(cut, 30, 12, 14, 22, 40);
    const clean = cleanCut(cut);
    assert.equal(clean.data[45], 255, 'paper is white');
    assert.deepEqual(inkOf(clean), { x: 30, y: 12, width: 14, height: 22 });
    assert.equal(darkPixels(clean), 14 * 22);
  });

  it('tells a checkbox by the ink in its middle: empty, checked, or not a box at all', () => {
    const outline = (image: GrayImage) => fill(fill(fill(fill(image, 20, 10, 30, 3), 20, 37, 30, 3), 20, 10, 3, 30), 47, 10, 3, 30);
    const empty = outline(blank(80, 50));
    assert.equal(checkboxState(empty, inkOf(empty)!), 'empty');
    const checked = outline(blank(80, 50));
    for (let i = 0; i < 24; i += 1) fill(fill(checked, 23 + i, 13 + i, 2, 1), 46 - i, 13 + i, 2, 1);
    assert.equal(checkboxState(checked, inkOf(checked)!), 'checked');
    const bar = fill(blank(80, 50), 38, 5, 4, 40);
    assert.equal(checkboxState(bar, inkOf(bar)!), null);
  });

  it('weighs a checkbox inside its square, not inside all the ink the cut takes in (the label above it)', () => {
    const outline = (image: GrayImage) => fill(fill(fill(fill(image, 20, 14, 30, 3), 20, 41, 30, 3), 20, 14, 3, 30), 47, 14, 3, 30);
    const labelled = fill(outline(blank(80, 50)), 24, 2, 22, 5);
    assert.equal(checkboxState(labelled, inkOf(labelled)!), 'checked', 'the label\'s strokes and the top of the box count as a mark');
    assert.deepEqual(outlineOf(labelled), { x: 20, y: 14, width: 30, height: 30 });
    assert.equal(checkboxState(labelled, outlineOf(labelled)!), 'empty');
    // A box printed as two brackets has no square: its ink's outline is weighed.
    const brackets = fill(fill(fill(fill(fill(fill(blank(80, 50), 20, 10, 3, 30), 20, 10, 8, 3), 20, 37, 8, 3), 47, 10, 3, 30), 42, 10, 8, 3), 42, 37, 8, 3);
    assert.equal(outlineOf(brackets), null);
  });

  it('calls a few specks no ink at all', () => {
    assert.equal(inkOf(fill(fill(blank(80, 50), 10, 10, 2, 2), 50, 30, 3, 3)), null);
  });

  it('tells a lone upright bar, crisp or faint and blurred, from a letter with a bowl and from a rule\'s end', () => {
    const bar = fill(blank(80, 50), 38, 12, 4, 22);
    assert.deepEqual(loneBar(bar), { x: 38, y: 12, width: 4, height: 22 });
    // A faded stem: its core grey about the ink threshold, broken by lighter pixels, a blurred edge each side.
    const faint = fill(fill(fill(blank(80, 50), 37, 13, 1, 20, 185), 38, 12, 2, 22, 150), 40, 13, 1, 20, 175);
    fill(faint, 38, 16, 2, 3, 120);
    fill(faint, 38, 24, 2, 3, 125);
    assert.deepEqual(inkOf(faint), null, 'too little of it under the ink threshold to count');
    fill(faint, 38, 28, 2, 4, 125);
    assert.equal(inkOf(faint)!.height < 22, true);
    assert.deepEqual(loneBar(faint), { x: 37, y: 12, width: 4, height: 22 }, 'measured at half its darkness: its blurred edge too');
    const d = fill(fill(fill(blank(80, 50), 30, 12, 4, 22), 30, 12, 16, 3), 30, 31, 16, 3);
    fill(d, 44, 12, 4, 22);
    assert.equal(loneBar(d), null);
    const ruleEnd = fill(blank(80, 50), 38, 0, 4, 30);
    assert.equal(loneBar(ruleEnd), null);
    const speckBeside = fill(fill(blank(80, 50), 38, 12, 4, 22), 60, 20, 6, 6);
    assert.equal(loneBar(speckBeside), null, 'not alone');
  });
});

/**
 * A value cell on a line whose baseline is y 60 (digits 24 high): "12," standing on it, a comma
 * below it, and a raised "(3)" (two brackets and a digit, 14 high, ending at y 46). A dash and a dot
 * stand raised too, but are too short to be a mark's.
 */
function valueWithMark(): GrayImage {
  const cut = blank(200, 90);
  fill(cut, 20, 36, 10, 24);
  fill(cut, 36, 36, 12, 24);
  fill(cut, 52, 56, 3, 9);
  fill(cut, 62, 32, 2, 14);
  fill(cut, 67, 34, 6, 10);
  fill(cut, 76, 32, 2, 14);
  fill(cut, 120, 46, 10, 3);
  fill(cut, 150, 40, 3, 3);
  return cut;
}

describe('footnote marks found by the ink raised above the line', () => {
  it('parts the raised blots of a mark from the rest: the value, its comma, a dash and a dot', () => {
    const cut = valueWithMark();
    const { marks, body } = splitRaised(cut, 60, 24);
    assert.ok(marks);
    assert.deepEqual(marks.box, { x: 60, y: 30, width: 20, height: 18 }, 'the three blots with a margin of 2');
    assert.equal(marks.blots, 3);
    assert.equal(darkPixels(marks.pixels), 2 * 14 + 6 * 10 + 2 * 14);
    assert.equal(darkPixels(body), darkPixels(cut) - darkPixels(marks.pixels), 'the rest, without the mark');
    assert.equal(body.data[40 * 200 + 70], 255);
  });

  it('finds a mark printed grey (a damaged scan) and stands the line where its letters end, not where the page reading put it', () => {
    // The mark's strokes in grey 160, lighter than a letter is read at; the reading's baseline 5 low.
    const cut = fill(fill(blank(200, 90), 20, 36, 10, 24), 36, 36, 12, 24);
    fill(fill(fill(cut, 62, 32, 2, 14, 160), 67, 34, 6, 10, 160), 76, 32, 2, 14, 160);
    const { marks } = splitRaised(cut, 65, 24);
    assert.deepEqual(marks?.box, { x: 60, y: 30, width: 20, height: 18 });
    // Lower still and a letter would look raised against it: the line is taken from the letters.
    const plain = fill(fill(blank(200, 90), 20, 36, 10, 24), 36, 44, 14, 16);
    assert.equal(splitRaised(plain, 66, 24).marks, null, 'an x-height letter is not raised');
  });

  it('takes the mark\'s grey edge out of the rest with it, and keeps the letter\'s own ink beside it', () => {
    const cut = valueWithMark();
    // A blurred scan's soft edge: a ring of light grey around the mark's strokes, lighter than ink.
    fill(cut, 61, 31, 18, 1, 200);
    fill(cut, 61, 46, 18, 1, 200);
    // A letter's stroke, standing on the line, reaches into the mark's margin.
    fill(cut, 60, 36, 1, 24);
    const { body } = splitRaised(cut, 60, 24);
    assert.equal(body.data[31 * 200 + 70], 255, 'the edge over the mark');
    assert.equal(body.data[46 * 200 + 70], 255, 'the edge under it');
    assert.equal(body.data[44 * 200 + 60], 0, 'the letter\'s stroke in the margin');
  });

  it('finds nothing raised over a value printed without a mark, and answers so: no text, no ink', async () => {
    const cut = fill(fill(blank(200, 90), 20, 36, 10, 24), 36, 36, 12, 24);
    assert.deepEqual(splitRaised(cut, 60, 24), { marks: null, body: cut });
    let read = 0;
    const answers = await readCells(cut, [{ box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: '(0123456789)', raised: { baseline: 60, textHeight: 24 } }], async (strips) => {
      read += strips.length;
      return strips.map(() => []);
    });
    assert.deepEqual(answers, [{ text: '', confidence: 100, ink: null }]);
    assert.equal(read, 0, 'without OCR');
  });

  it('reads a value again left of a mark standing in its box, and answers them joined', async () => {
    const image = valueWithMark();
    const seen: string[] = [];
    const [answer] = await readCells(image, [{ box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: '(0123456789)', raised: { baseline: 60, textHeight: 24 }, word: { box: { x: 20, y: 36, width: 60, height: 24 }, alphabet: '0123456789,' } }], async (strips) => {
      seen.push(...strips.map((strip) => strip.parameters.tessedit_char_whitelist!));
      const text = (strip: StripRequest) => ({ '0123456789,': '12,', '0123456789': '3' })[strip.parameters.tessedit_char_whitelist!] ?? '(3)';
      return strips.map((strip) => [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text: text(strip), confidence: 90, bbox: { x0: 20, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }]);
    });
    // The value's word, the mark whole and the mark's digit apart, each at two sizes.
    assert.deepEqual(seen.sort(), ['(0123456789)', '(0123456789)', '0123456789', '0123456789', '0123456789,', '0123456789,']);
    assert.deepEqual(answer, { text: '12,(3)', confidence: 90, ink: { x: 60, y: 30, width: 20, height: 18 } }, 'the marks\' ink: the word keeps its box');
  });

  it('reads a letter and its raised mark apart, and answers them joined', async () => {
    // "S" as a block standing on the baseline at x 20, the mark "(3)" raised beside it.
    const image = fill(fill(fill(fill(blank(200, 90), 20, 36, 16, 24), 40, 32, 2, 14), 45, 34, 6, 10), 54, 32, 2, 14);
    const seen: string[] = [];
    const [answer] = await readCells(image, [{ box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: 'PSA', marksApart: '(0123456789)', raised: { baseline: 60, textHeight: 24 } }], async (strips) => {
      seen.push(...strips.map((strip) => strip.parameters.tessedit_char_whitelist!));
      const text = (strip: StripRequest) => ({ PSA: 'S', '0123456789': '3' })[strip.parameters.tessedit_char_whitelist!] ?? '(3)';
      return strips.map((strip) => [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text: text(strip), confidence: strip.parameters.tessedit_char_whitelist === 'PSA' ? 90 : 85, bbox: { x0: 20, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }]);
    });
    assert.deepEqual(seen.sort(), ['(0123456789)', '(0123456789)', '0123456789', '0123456789', 'PSA', 'PSA']);
    assert.deepEqual(answer, { text: 'S(3)', confidence: 85, ink: { x: 20, y: 30, width: 38, height: 30 } });
    // Raised ink that reads as nothing: the letter comes back alone, unsure.
    const [unread] = await readCells(image, [{ box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: 'PSA', marksApart: '(0123456789)', raised: { baseline: 60, textHeight: 24 } }], async (strips) =>
      strips.map((strip) => (strip.parameters.tessedit_char_whitelist === 'PSA' ? [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text: 'S', confidence: 90, bbox: { x0: 20, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }] : [])));
    assert.equal(unread?.text, 'S');
    assert.ok(unread!.confidence <= 20);
  });

  it('reads the raised ink alone, and leaves a reading with fewer characters than blots unsure', async () => {
    const image = valueWithMark();
    const read = (text: string) => readCells(image, [{ box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: '(0123456789)', raised: { baseline: 60, textHeight: 24 } }], async (strips) => {
      // Only the mark's ink is in the strip: the value's digits were wiped. (Its digit read apart is read as nothing here.)
      const whole = strips.filter((strip) => strip.parameters.tessedit_char_whitelist === '(0123456789)');
      for (const strip of whole) assert.equal(darkPixels(strip.image), (2 * 14 + 6 * 10 + 2 * 14) * (strip.image.dpi! / 300) ** 2);
      return strips.map((strip) => (whole.includes(strip) ? [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text, confidence: 92, bbox: { x0: 20, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }] : []));
    });
    const [sure] = await read('(3)');
    assert.deepEqual(sure, { text: '(3)', confidence: 92, ink: { x: 60, y: 30, width: 20, height: 18 } });
    const [short] = await read('3');
    assert.equal(short?.text, '3');
    assert.ok(short!.confidence <= 20, 'one character read of three blots');
  });

  it('reads a mark printed grey alone in its cell, too faint to count as ink', async () => {
    // "(4)" where an exercise price would be, its strokes grey 160: no pixel of it as dark as ink.
    const image = fill(fill(fill(blank(200, 90), 62, 32, 2, 14, 160), 67, 34, 6, 10, 160), 76, 32, 2, 14, 160);
    assert.equal(inkOf(image), null);
    const read: string[] = [];
    const [answer] = await readCells(image, [{ box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: '(0123456789)', raised: { baseline: 60, textHeight: 24 } }], async (strips) => {
      read.push(...strips.map((strip) => strip.parameters.tessedit_char_whitelist!));
      return strips.map((strip) => [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text: strip.parameters.tessedit_char_whitelist === '0123456789' ? '4' : '(4)', confidence: 88, bbox: { x0: 20, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }]);
    });
    assert.deepEqual(read.sort(), ['(0123456789)', '(0123456789)', '0123456789', '0123456789'], 'the mark read at two sizes, whole and its digit apart');
    assert.deepEqual(answer, { text: '(4)', confidence: 88, ink: { x: 60, y: 30, width: 20, height: 18 } });
  });
  it('keeps a piece of a mark\'s digit too short to stand raised (the flag of a "5"), without counting it a character', () => {
    // "(5)": its bowl (6 x 8) raised, its flag (6 x 3) above the bowl, both inside the brackets' box.
    const cut = fill(fill(fill(fill(blank(200, 90), 20, 36, 10, 24), 62, 32, 2, 14), 67, 37, 6, 8), 76, 32, 2, 14);
    fill(cut, 67, 33, 6, 3);
    const { marks } = splitRaised(cut, 60, 24);
    assert.ok(marks);
    assert.equal(marks.blots, 3, 'the brackets and the bowl');
    assert.equal(marks.parts.length, 4);
    assert.equal(darkPixels(marks.pixels), 2 * 14 + 6 * 8 + 6 * 3 + 2 * 14, 'the flag is in the marks\' ink');
  });

  it('does not take the top of a letter broken apart at the ink\'s darkness for a mark', () => {
    // A grey "2" read as two blots: its arc (12 x 12) ends raised, its foot (12 x 10) stands on the line just below it.
    const cut = fill(fill(fill(blank(200, 90), 20, 36, 10, 24), 40, 34, 12, 12), 40, 50, 12, 10);
    assert.equal(splitRaised(cut, 60, 24).marks, null);
    // The same arc standing beside the letters, with nothing under it, is raised ink (a mark blurred into one blot);
    // a lower piece (12 x 8) is not.
    const beside = fill(fill(blank(200, 90), 20, 36, 10, 24), 40, 34, 12, 12);
    assert.ok(splitRaised(beside, 60, 24).marks);
    assert.equal(splitRaised(fill(fill(blank(200, 90), 20, 36, 10, 24), 40, 36, 12, 8), 60, 24).marks, null);
  });

  it('reads each mark\'s digits apart from its brackets, taken where the whole mark reads unsure', async () => {
    const image = valueWithMark();
    const cell = { box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: '(0123456789)', raised: { baseline: 60, textHeight: 24 } };
    const read = (whole: (strip: StripRequest, size: number) => string, digit: string) =>
      readCells(image, [cell], async (strips) =>
        strips.map((strip, i) => {
          const text = strip.parameters.tessedit_char_whitelist === '0123456789' ? digit : whole(strip, i % 2);
          return [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text, confidence: 90, bbox: { x0: 20, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }];
        }),
      );
    // The whole mark read "9)" and "7)", both thresholds: its digit alone reads 7.
    const [unsure] = await read((_, size) => (size === 0 ? '9)' : '7)'), '7');
    assert.deepEqual(unsure, { text: '(7)', confidence: 90, ink: { x: 60, y: 30, width: 20, height: 18 } });
    // The whole mark read surely: it stands, and in doubt where its digit alone reads another.
    const [agreeing] = await read(() => '(3)', '3');
    assert.deepEqual(agreeing, { text: '(3)', confidence: 90, ink: { x: 60, y: 30, width: 20, height: 18 } });
    const [disputed] = await read(() => '(3)', '8');
    assert.equal(disputed?.text, '(3)');
    assert.ok(disputed!.confidence <= 20);
    // No footnote is numbered 0 or 07: a bracket's stroke read as a digit, and the whole reading stands, unsure.
    for (const digit of ['0', '07']) {
      const [kept] = await read((_, size) => (size === 0 ? '9)' : '7)'), digit);
      assert.ok(kept!.text !== `(${digit})` && kept!.confidence <= 20);
    }
  });

  it('reads two marks side by side digit by digit, and not the digits of brackets run into a digit', async () => {
    // "(1)(2)": brackets 2 x 14, digits 4 x 10 and 6 x 10.
    const two = blank(200, 90);
    for (const [x, width, height, y] of [[62, 2, 14, 32], [66, 4, 10, 34], [72, 2, 14, 32], [78, 2, 14, 32], [82, 6, 10, 34], [90, 2, 14, 32]] as const) fill(two, x, y, width, height);
    const cell = { box: { x: 0, y: 0, width: 200, height: 90 }, alphabet: '(0123456789)', raised: { baseline: 60, textHeight: 24 } };
    const digitStrips: number[] = [];
    const [answer] = await readCells(two, [cell], async (strips) =>
      strips.map((strip) => {
        const digits = strip.parameters.tessedit_char_whitelist === '0123456789';
        if (digits) digitStrips.push(strip.image.height);
        const texts = digits ? ['1', '2'] : ['(1)(2)'];
        const step = strip.image.height / texts.length;
        return [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: texts.map((text, i) => ({ text, confidence: 90, bbox: { x0: 20, y0: step * (i + 0.5) - 5, x1: 60, y1: step * (i + 0.5) + 5 } })) }] }] }];
      }),
    );
    assert.equal(answer?.text, '(1)(2)');
    assert.equal(digitStrips.length, 2, 'the two marks\' digits stacked in one strip, read at two sizes');
    // "(7" run together into one blot, then ")": no digits read apart.
    const merged = fill(fill(blank(200, 90), 62, 32, 10, 14), 76, 32, 2, 14);
    const whitelists: string[] = [];
    await readCells(merged, [cell], async (strips) => {
      whitelists.push(...strips.map((strip) => strip.parameters.tessedit_char_whitelist!));
      return strips.map(() => []);
    });
    assert.ok(whitelists.length > 0);
    assert.ok(whitelists.every((whitelist) => whitelist === '(0123456789)'), 'read whole only');
  });
  it('reads the digits of marks alone in their cut (a mark OCR misread, cut around its word) apart, at the darkness they hold together at', async () => {
    // "(1)(2)" printed grey 160: no pixel as dark as ink; brackets 2 x 14, digits 4 x 10.
    const image = blank(120, 40);
    for (const [x, width, height, y] of [[20, 2, 14, 12], [24, 4, 10, 14], [30, 2, 14, 12], [36, 2, 14, 12], [40, 4, 10, 14], [46, 2, 14, 12]] as const) fill(image, x, y, width, height, 160);
    const cell = { box: { x: 0, y: 0, width: 120, height: 40 }, alphabet: '(0123456789)', keepEdges: true, marksAlone: true };
    const digitStrips: string[] = [];
    const [answer] = await readCells(image, [cell], async (strips) =>
      strips.map((strip, i) => {
        const digits = strip.parameters.tessedit_char_whitelist === '0123456789';
        if (digits) digitStrips.push(strip.thresholding ?? 'otsu');
        // The whole marks read differently at the two sizes; the digits alone read 1 and 2.
        const texts = digits ? ['1', '2'] : [i % 2 === 0 ? '47)' : '(1)(7)'];
        const step = strip.image.height / texts.length;
        return [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: texts.map((text, w) => ({ text, confidence: 80, bbox: { x0: 20, y0: step * (w + 0.5) - 5, x1: 60, y1: step * (w + 0.5) + 5 } })) }] }] }];
      }),
    );
    assert.equal(answer?.text, '(1)(2)');
    assert.deepEqual(digitStrips, ['otsu', 'otsu'], 'the two digits in one strip, at two sizes, agreeing');
    // Blurred, a digit stands as tall as its brackets, but wider: "(2)" as three blots of one height.
    const blurred = fill(fill(fill(blank(120, 40), 20, 12, 4, 16), 27, 12, 8, 15), 38, 12, 4, 16);
    const [two] = await readCells(blurred, [cell], async (strips) =>
      strips.map((strip) => [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text: strip.parameters.tessedit_char_whitelist === '0123456789' ? '2' : '()', confidence: 70, bbox: { x0: 20, y0: strip.image.height / 2 - 5, x1: 60, y1: strip.image.height / 2 + 5 } }] }] }] }]),
    );
    assert.equal(two?.text, '(2)');
    // Without the flag, the cut is read whole only.
    const whole = await readCells(image, [{ ...cell, marksAlone: false }], async (strips) => {
      assert.ok(strips.every((strip) => strip.parameters.tessedit_char_whitelist === '(0123456789)'));
      return strips.map(() => []);
    });
    assert.deepEqual(whole, [null]);
  });
});

describe('reading cells', () => {
  it('reads the cells whose two readings differ again, thresholded by their surroundings, and takes the readings there when they agree', async () => {
    const image = fill(fill(blank(300, 100), 90, 30, 16, 22), 190, 30, 16, 22);
    const calls: StripRequest[][] = [];
    const reply = (texts: (strip: StripRequest, size: number) => string[]) => async (strips: StripRequest[]) => {
      calls.push(strips);
      // One word in the middle of each piece: the pieces of a strip are equally tall, one under the other.
      return strips.map((strip, size) => {
        const words = texts(strip, size % 2);
        const step = strip.image.height / words.length;
        return [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: words.map((text, i) => ({ text, confidence: 90, bbox: { x0: 40, y0: step * (i + 0.5) - 10, x1: 60, y1: step * (i + 0.5) + 10 } })) }] }] }];
      });
    };
    const cells = [{ box: { x: 50, y: 20, width: 100, height: 50 }, alphabet: '(0123456789)' }, { box: { x: 150, y: 20, width: 100, height: 50 }, alphabet: '(0123456789)' }];
    // The first cell reads (4) at one size and (1) at the other with one threshold, (1) at both thresholded locally.
    const settled = await readCells(image, cells, reply((strip, size) => (strip.thresholding === 'local' ? ['(1)'] : [size === 0 ? '(4)' : '(1)', '(2)'])));
    assert.deepEqual(settled.map((a) => [a?.text, a?.confidence]), [['(1)', 90], ['(2)', 90]]);
    assert.deepEqual(calls.map((strips) => strips.map((strip) => strip.thresholding)), [['otsu', 'otsu'], ['local', 'local']]);
    assert.ok(calls[1]![0]!.image.height < calls[0]![0]!.image.height, 'only the unsettled cell is read again');
    // Read differently thresholded locally too, the cell stays unsure, with its first readings.
    calls.length = 0;
    const [unsure] = await readCells(image, cells.slice(0, 1), reply((strip, size) => [strip.thresholding === 'local' ? (size === 0 ? '(7)' : '(8)') : size === 0 ? '(4)' : '(1)']));
    assert.equal(unsure?.text, '(4)');
    assert.ok(unsure!.confidence <= 20);
    // Two readings that agree are not read again.
    calls.length = 0;
    await readCells(image, cells.slice(1), reply(() => ['(2)']));
    assert.equal(calls.length, 1);
  });

  it('answers an empty cell and a lone bar without OCR, and reads the rest in one strip per alphabet', async () => {
    const image = fill(fill(blank(400, 100), 40, 30, 4, 22), 240, 30, 16, 22);
    const calls: StripRequest[][] = [];
    const answers = await readCells(
      image,
      [
        { box: { x: 0, y: 20, width: 100, height: 50 }, alphabet: 'DI', bar: 'I' },
        { box: { x: 100, y: 20, width: 100, height: 50 }, alphabet: 'DI', bar: 'I' },
        { box: { x: 200, y: 20, width: 100, height: 50 }, alphabet: 'AD' },
      ],
      async (strips) => {
        calls.push(strips);
        // One word in the middle of the strip's only piece.
        return strips.map((strip) => [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text: 'A', confidence: 91, bbox: { x0: 40, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }]);
      },
    );
    assert.deepEqual(answers[0], { text: 'I', confidence: 85, ink: { x: 40, y: 30, width: 4, height: 22 } });
    assert.equal(answers[1], null);
    assert.deepEqual(answers[2], { text: 'A', confidence: 91, ink: { x: 240, y: 30, width: 16, height: 22 } });
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.length, 2, 'the strip read at two sizes');
    assert.deepEqual(calls[0]!.map((strip) => strip.parameters.tessedit_char_whitelist), ['AD', 'AD']);
    assert.ok(calls[0]![1]!.image.width > calls[0]![0]!.image.width);
  });

  it('reads a letter printed too faint to count as ink, but not scattered noise nor a faint checkbox', async () => {
    // A letter in grey 160 (no pixel as dark as ink), noise of single grey pixels, and the same letter as a checkbox.
    const image = fill(blank(300, 100), 40, 30, 14, 22, 160);
    for (let x = 105; x < 195; x += 6) for (let y = 25; y < 75; y += 6) fill(image, x, y, 1, 1, 120);
    fill(image, 240, 30, 14, 22, 160);
    const cells = [
      { box: { x: 0, y: 20, width: 100, height: 60 }, alphabet: 'AD' },
      { box: { x: 100, y: 20, width: 100, height: 60 }, alphabet: 'AD' },
      { box: { x: 200, y: 20, width: 100, height: 60 }, alphabet: 'X', shape: 'checkbox' as const },
    ];
    const pieces: number[] = [];
    const answers = await readCells(image, cells, async (strips) => {
      pieces.push(...strips.map((strip) => strip.image.height));
      return strips.map((strip) => [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: [{ text: 'A', confidence: 80, bbox: { x0: 40, y0: strip.image.height / 2 - 10, x1: 60, y1: strip.image.height / 2 + 10 } }] }] }] }]);
    });
    assert.deepEqual(answers[0], { text: 'A', confidence: 80, ink: { x: 40, y: 30, width: 14, height: 22 } });
    assert.equal(answers[1], null, 'noise: no ink, not read');
    assert.equal(answers[2], null, 'a faint checkbox is not answered');
    assert.equal(pieces.length, 2, 'one strip (the faint letter alone), at two sizes');
  });

  it('reads letters and marks with the real pool and its whitelist, then reads whole pages as before', async () => {
    const drawn = { ...decodePngToGray(await textPng(['M(2)      D      S'], { width: 900, fontSize: 40 })), dpi: 300 };
    const pool = new OcrPool({ size: 1, orientation: 'off' });
    try {
      // textPng draws the line's baseline at y 100 from x 50 (ink: "M(2)" x 53-129, "D" 202-225, "S" 297-318).
      const answers = await readCells(
        drawn,
        [
          { box: { x: 40, y: 55, width: 130, height: 55 }, alphabet: 'PSAMDI(0123456789)' },
          { box: { x: 175, y: 55, width: 80, height: 55 }, alphabet: 'DI(0123456789)' },
          { box: { x: 270, y: 55, width: 80, height: 55 }, alphabet: 'PSAMDI(0123456789)' },
        ],
        (strips) => pool.readStrips(strips),
      );
      assert.deepEqual(answers.map((a) => a?.text), ['M(2)', 'D', 'S']);
      // A strip thresholded locally leaves the worker's own thresholding as it was for the page after it.
      const [local] = await pool.readStrips([{ image: drawn, parameters: { tessedit_pageseg_mode: '7' as StripRequest['parameters']['tessedit_pageseg_mode'] }, thresholding: 'local' }]);
      assert.match(local!.flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text)))).join(' '), /D/);
      const page = await pool.read({ ...decodePngToGray(await textPng(SAMPLE_LINES.slice(0, 1))), dpi: null });
      assert.equal(page.lines.map((line) => line.words.map((w) => w.text).join(' ')).join('\n'), SAMPLE_LINES[0]);
    } finally {
      await pool.close();
    }
  });
});
