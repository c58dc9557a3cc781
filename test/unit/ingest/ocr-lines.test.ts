// Tesseract's block tree flattened into lines, and the misreadings mended there: the numeral II of
// entity names read as "Il", "IT" or "1I", the "P" of "LP" read as a small "p", underlines read
// into words, straight quotes read as curly ones, and the period of initials a comma crowded out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linesFromOcrBlocks } from '../../../main/ingest/ocr-lines.js';

const block = (texts: string[]) => ({
  paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 500, y1: 30 }, words: texts.map((text, i) => ({ text, confidence: 95, bbox: { x0: i * 100, y0: 0, x1: i * 100 + 80, y1: 30 } })) }] }],
});

test('reads "Il" as the numeral II, left unsure; other words as they are', () => {
  const [line] = linesFromOcrBlocks([block(['Mithril', 'Il', 'LP,', 'SVF', 'Il,', 'Illinois', ' '])]);
  assert.deepEqual(line!.words.map((w) => [w.text, w.confidence]), [['Mithril', 95], ['II', 70], ['LP,', 95], ['SVF', 95], ['II,', 70], ['Illinois', 95]]);
  const [more] = linesFromOcrBlocks([block(['Ventures', 'Ill,', 'Mithril', '[I', 'GP', '("Il', 'LP")', 'I|', 'Ill")'])]);
  assert.deepEqual(more!.words.map((w) => w.text), ['Ventures', 'III,', 'Mithril', 'II', 'GP', '("II', 'LP")', 'II', 'III")']);
  assert.deepEqual(line!.words[1]!.box, { x: 100, y: 0, width: 80, height: 30 });
});

test('reads the small "p" of a capital word as "P" when its ink reaches no lower than the baseline of the words beside it, left unsure', () => {
  // Baseline 1929 ("Stock"); "Lp®" ends there too, where a small p would reach about 6 px lower.
  const word = (text: string, x0: number, y0: number, y1: number) => ({ text, confidence: 90, bbox: { x0, y0, x1: x0 + 60, y1 } });
  const lineOf = (words: ReturnType<typeof word>[]) => ({ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 1900, x1: 2400, y1: 1940 }, words }] }] });
  const [level] = linesFromOcrBlocks([lineOf([word('Stock', 174, 1908, 1929), word('Lp®', 2242, 1903, 1929)])]);
  assert.deepEqual(level!.words.map((w) => [w.text, w.confidence]), [['Stock', 90], ['LP®', 70]]);
  const [descends] = linesFromOcrBlocks([lineOf([word('Stock', 174, 1908, 1929), word('Lp', 2242, 1908, 1935)])]);
  assert.equal(descends!.words[1]!.text, 'Lp', 'a p reaching below the baseline is small');
  const [alone] = linesFromOcrBlocks([lineOf([word('XI,', 2106, 1908, 1933), word('Lp', 2242, 1908, 1929)])]);
  assert.equal(alone!.words[1]!.text, 'Lp', 'no word beside it stands on the baseline alone');
  const [mixed] = linesFromOcrBlocks([lineOf([word('Stock', 174, 1908, 1929), word('Shop', 2242, 1908, 1929)])]);
  assert.equal(mixed!.words[1]!.text, 'Shop', 'only a word of capitals');
});

test('reads the numeral II of an entity name read as "IT" before what names the entity, or with a digit for a stroke, left unsure', () => {
  const [line] = linesFromOcrBlocks([block(['Mithril', 'IT', 'UGP', 'LLC,', 'FUND', '1I-2', 'L.P.'])]);
  assert.deepEqual(line!.words.map((w) => [w.text, w.confidence]), [['Mithril', 95], ['II', 70], ['UGP', 95], ['LLC,', 95], ['FUND', 95], ['II-2', 70], ['L.P.', 95]]);
  const [other] = linesFromOcrBlocks([block(['the', 'IT', 'department'])]);
  assert.equal(other!.words[1]!.text, 'IT', 'IT before anything else stays IT');
});

test('reads an underscore in a word as the underline under a value: a space between words, nothing at an end, left unsure', () => {
  const [line] = linesFromOcrBlocks([block(['(JERSEY)_LIMITED,', 'INC._', '_', 'LLC'])]);
  assert.deepEqual(line!.words.map((w) => [w.text, w.confidence]), [['(JERSEY) LIMITED,', 70], ['INC.', 70], ['LLC', 95]]);
});

test('reads curly quotes as the straight quotes filings print, keeping the confidence', () => {
  const [line] = linesFromOcrBlocks([block(['(“RSU”).', 'Issuer’s', '‘Sponsor’', '("Craft'])]);
  assert.deepEqual(line!.words.map((w) => [w.text, w.confidence]), [['("RSU").', 95], ["Issuer's", 95], ["'Sponsor'", 95], ['("Craft', 95]]);
  // The numeral is mended after the quotes are straightened.
  const [numeral] = linesFromOcrBlocks([block(['“Il”'])]);
  assert.deepEqual(numeral!.words.map((w) => [w.text, w.confidence]), [['"II"', 70]]);
});

test('reads initials before a comma with the period the comma crowded out, left unsure', () => {
  const [line] = linesFromOcrBlocks([block(['Fund,', 'L.P,', 'L.P,,', 'L.P.,,', 'L.P.,', 'U.S,', 'Inc,'])]);
  assert.deepEqual(line!.words.map((w) => [w.text, w.confidence]), [['Fund,', 95], ['L.P.,', 70], ['L.P.,', 70], ['L.P.,', 70], ['L.P.,', 95], ['U.S.,', 70], ['Inc,', 95]]);
});
