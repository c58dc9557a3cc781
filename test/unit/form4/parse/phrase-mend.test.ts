// Unsure text cells mended from the filing's own words: the footnotes and the surely read cells of
// other lines. Only unsure words change, the phrase must match closely and alone, and specks go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mendFromPhrases, wordDistance } from '../../../../main/form4/parse/phrase-mend.js';

/** The cell's words, sure (95) but for those listed, read at 40. */
const cell = (text: string, unsure: readonly string[] = []) => text.split(' ').map((word) => ({ text: word, confidence: unsure.includes(word) ? 40 : 95 }));
const footnote = {
  text: 'These shares are held by Sequoia Capital U.S. Venture 2010 Fund, L.P., Sequoia Capital U.S. Venture 2010 Partners Fund (Q), L.P. and Sequoia Grove II.',
  where: 'footnote (6)',
};

describe('mending an unsure text cell from the filing\'s own words', () => {
  it('weighs the marks a scan loses first lightly: case, periods, commas', () => {
    assert.equal(wordDistance('Lp', 'LP'), 0.25);
    assert.equal(wordDistance('LPO', 'L.P.'), 1.5);
    assert.equal(wordDistance('Fund', 'Fund'), 0);
    assert.equal(wordDistance('Stack', 'Stock'), 1);
  });

  it('reads marks run into the last word ("LPO" for "L.P.(6)(7)") as the footnote prints the name, keeping "By"', () => {
    assert.deepEqual(mendFromPhrases(cell('By Sequoia Capital U.S. Venture 2010 Partners Fund (Q), LPO', ['LPO']), [footnote]), {
      text: 'By Sequoia Capital U.S. Venture 2010 Partners Fund (Q), L.P.', where: 'footnote (6)',
    });
    assert.equal(mendFromPhrases(cell('By Sequoia Capital U.S. Venture 2010 Partners Fund QQ), Lp', ['QQ),', 'Lp']), [footnote])?.text,
      'By Sequoia Capital U.S. Venture 2010 Partners Fund (Q), L.P.');
  });

  it('ends the name where the cell does, without the period ending the footnote\'s sentence', () => {
    assert.equal(mendFromPhrases(cell('By Sequoia Grove Il', ['Il']), [footnote])?.text, 'By Sequoia Grove II');
  });

  it('drops a speck read as a sign, where another line reads the title surely', () => {
    assert.equal(mendFromPhrases(cell('¢ Common Stock', ['¢']), [{ text: 'Common Stock', where: 'Table II, line 1' }])?.text, 'Common Stock');
    assert.equal(mendFromPhrases(cell('Class ACommon Stock', ['ACommon']), [{ text: 'Class A Common Stock', where: 'Table I, line 1' }])?.text, 'Class A Common Stock');
  });

  it('never rewrites a sure word, nor drops a digit or a capital: the cell may name what the phrase does not', () => {
    assert.equal(mendFromPhrases(cell('Class B Common Stock', ['Common']), [{ text: 'Class A Common Stock', where: 'Table I, line 1' }]), null);
    assert.equal(mendFromPhrases(cell('By Sequoia Grove 1', []), [footnote]), null);
    assert.equal(mendFromPhrases(cell('By Sequoia Capital U.S. Venture 2010 Fund, L.P. 6', ['6']), [footnote]), null);
  });

  it('reads an unsure numeral of upright strokes as the phrase prints it, a stroke lost or read as a one; not where two numerals fit', () => {
    assert.equal(mendFromPhrases(cell('By Sequoia Grove 1', ['1']), [footnote])?.text, 'By Sequoia Grove II');
    assert.equal(mendFromPhrases(cell('Sequoia Grove I', ['I']), [footnote])?.text, 'Sequoia Grove II');
    const both = { text: 'Held by Sequoia Grove I and by Sequoia Grove II.', where: 'footnote (2)' };
    assert.equal(mendFromPhrases(cell('By Sequoia Grove 1', ['1']), [both]), null);
  });

  it('keeps the letters of an unsure word that could be printed as read: adds periods, raises case, ends it where the mark began', () => {
    const line = (text: string) => [{ text, where: 'Table I, line 1' }];
    assert.equal(mendFromPhrases(cell('See Footnotes', ['Footnotes']), line('See Footnote')), null);
    assert.equal(mendFromPhrases(cell('See Footnote', ['Footnote']), line('See Footnotes')), null);
    assert.equal(mendFromPhrases(cell('By Sequoia Partners XI, LP', ['LP']), line('By Sequoia Partners XI, Lp')), null);
    assert.equal(mendFromPhrases(cell('Sequoia Capital USGF Fund', ['USGF']), line('Sequoia Capital USGEF Fund')), null);
    assert.equal(mendFromPhrases(cell('By Sequoia Partners XI, Lp', ['Lp']), line('By Sequoia Partners XI, LP'))?.text, 'By Sequoia Partners XI, LP');
    assert.equal(mendFromPhrases(cell('By Sequoia Partners XI, LLCW', ['LLCW']), line('By Sequoia Partners XI, LLC'))?.text, 'By Sequoia Partners XI, LLC');
  });

  it('reads an unsure suffix with a letter misread as the phrase prints it; not one that is another suffix as read', () => {
    const fund = [{ text: 'the general partner of Sequoia Capital US/E Expansion Fund I, L.P. and of Sequoia Capital XI Principals Fund, LLC.', where: 'footnote (5)' }];
    assert.equal(mendFromPhrases(cell('Sequoia Capital US/E Expansion Fund I, L.R.', ['L.R.']), fund)?.text, 'Sequoia Capital US/E Expansion Fund I, L.P.');
    assert.equal(mendFromPhrases(cell('By Sequoia Capital XI Principals Fund, LEC', ['LEC']), fund)?.text, 'By Sequoia Capital XI Principals Fund, LLC');
    assert.equal(mendFromPhrases(cell('By Sequoia Capital XE LP', ['XE']), [{ text: 'Sequoia Capital XI, LP', where: 'footnote (2)' }])?.text, 'By Sequoia Capital XI, LP');
    assert.equal(mendFromPhrases(cell('By Sequoia Capital XI Principals Fund, LLP', ['LLP']), fund), null);
    assert.equal(mendFromPhrases(cell('By Sequoia Capital XI Principals Fund, LLC', ['LLC']), [{ text: 'Sequoia Capital XI Principals Fund, Llc', where: 'footnote (2)' }]), null);
  });

  it('leaves a sure cell as read, and one two phrases fit equally well; the closer of two is taken', () => {
    assert.equal(mendFromPhrases(cell('By Sequoia Capital U.S. Venture 2010 Fund, LP'), [footnote]), null);
    const funds = [{ text: 'Growth Fund IV, L.P.', where: 'footnote (1)' }, { text: 'Growth Fund VI, L.P.', where: 'footnote (2)' }];
    assert.equal(mendFromPhrases(cell('Growth Fund V, L.P.', ['V,']), funds), null);
    assert.equal(mendFromPhrases(cell('Growth Fund V1, L.P.', ['V1,']), funds)?.text, 'Growth Fund VI, L.P.');
  });

  it('does not lean on a word or two in common, nor on a phrase that differs too much', () => {
    assert.equal(mendFromPhrases(cell('By LLCY', ['LLCY']), [{ text: 'owned by LLC', where: 'footnote (1)' }]), null);
    assert.equal(mendFromPhrases(cell('By Rivendell One (co', ['(co']), [{ text: 'held by Rivendell One LLC', where: 'footnote (1)' }]), null);
  });
});
