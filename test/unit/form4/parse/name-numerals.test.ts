// A fund's numeral read as ones ("Craft Ventures 11") is read as the numeral where the filing prints
// the same name with it elsewhere, stroke for stroke, and left unsure; a number printed as such stays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from '../../../../shared/document.js';
import { withNameNumerals } from '../../../../main/form4/parse/name-numerals.js';

const documentOf = (...lines: string[]): Document => ({
  origin: 'ocr',
  pages: [{ number: 1, width: 2550, height: 3300, lines: lines.map((text, i) => ({ words: text.split(' ').map((w, j) => ({ text: w, box: { x: j * 100, y: i * 40, width: 90, height: 30 }, confidence: 95 })), box: null })) }],
});
const textOf = (document: Document) => document.pages[0]!.lines.map((line) => line.words.map((w) => w.text).join(' '));

describe('numerals of names read as ones', () => {
  it('reads "11" and "111" as II and III where the filing prints the name with them', () => {
    const read = withNameNumerals(documentOf(
      'These sales were effected by Craft Ventures II, L.P. ("Craft Ventures 11") and Craft Ventures III, L.P.',
      '("Craft Ventures 111"). Craft GP III is the general partner of ll LP and of Mithril II LP.',
    ));
    assert.deepEqual(textOf(read), [
      'These sales were effected by Craft Ventures II, L.P. ("Craft Ventures II") and Craft Ventures III, L.P.',
      '("Craft Ventures III"). Craft GP III is the general partner of II LP and of Mithril II LP.',
    ]);
    const mended = read.pages[0]!.lines[0]!.words.find((w) => w.text === 'II")')!;
    assert.ok(mended.confidence < 80, 'left unsure');
  });

  it('reads the ones of "V1" and "X1" as the I of VI and XI where the filing prints the name with them', () => {
    const read = withNameNumerals(documentOf(
      'By The Founders Fund V1 Principals Fund, LP',
      'held by The Founders Fund VI Principals Fund, LP and by Sequoia Capital XI, LP',
      'By Sequoia Capital X1, LP and by Suite X1 Holdings',
    ));
    assert.deepEqual(textOf(read), [
      'By The Founders Fund VI Principals Fund, LP',
      'held by The Founders Fund VI Principals Fund, LP and by Sequoia Capital XI, LP',
      'By Sequoia Capital XI, LP and by Suite X1 Holdings',
    ]);
  });

  it('reads a lone "I" or one as II only where the filing prints the name with II on both sides of it', () => {
    const read = withNameNumerals(documentOf(
      'Mithril I UGP LLC',
      'Mithril II UGP LLC ("UGP II") is the general partner of Mithril II GP LP',
      'Fund I LP and Mithril I LP',
      'SoftBank Vision Fund 1-2 L.P.\'s investments; SoftBank Vision Fund II-2 L.P. is the sole',
    ));
    assert.deepEqual(textOf(read), [
      'Mithril II UGP LLC',
      'Mithril II UGP LLC ("UGP II") is the general partner of Mithril II GP LP',
      'Fund I LP and Mithril I LP',
      'SoftBank Vision Fund II-2 L.P.\'s investments; SoftBank Vision Fund II-2 L.P. is the sole',
    ]);
    assert.ok(read.pages[0]!.lines[0]!.words[1]!.confidence < 80, 'left unsure');
  });

  it('leaves a number the filing never prints as a numeral, and a page with no numeral at all', () => {
    const document = documentOf('215 PARK AVENUE, FLOOR 11', 'Held by Fund II, L.P. and by Suite 11 Holdings');
    assert.deepEqual(textOf(withNameNumerals(document)), ['215 PARK AVENUE, FLOOR 11', 'Held by Fund II, L.P. and by Suite 11 Holdings']);
    const plain = documentOf('Craft Ventures 11');
    assert.equal(withNameNumerals(plain), plain);
  });
});
