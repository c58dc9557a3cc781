// The parser's second look: which cells of a scanned page it asks to read again, and how the answers
// mend the document: a lost letter found, a mark run into a value read, a disagreement flagged, a
// reading in the wrong shape or off its row refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from '../../../../shared/document.js';
import { extractFiling } from '../../../../main/form4/extract.js';
import { MARKS_PATTERN, type CellAnswer, type CellLook } from '../../../../main/form4/parse/cell-look.js';
import { applyCellAnswers, cellsToLookAgain, secondLook } from '../../../../main/form4/parse/look-again.js';
import { formPage, ocrDocument, page, type Placement } from './layout-page.js';

const documentOf = (placements: Placement[]): Document => ocrDocument([page(1, placements)]);
/** The form page with the placement matching `where` changed (or dropped, for null). */
const changed = (where: (p: Placement) => boolean, change: (p: Placement) => Placement | null): Placement[] =>
  formPage().flatMap((p) => (where(p) ? [change(p)].filter((c): c is Placement => c !== null) : [p]));
/** The sale row's ownership cell: "D" at x 2030 on the line at y 1060. */
const saleOwnership = (p: Placement) => p.text === 'D' && p.x === 2030 && p.y === 1060;

function answerFor(looks: readonly CellLook[], pick: (look: CellLook) => boolean, answer: CellAnswer): Array<CellAnswer | null> {
  return looks.map((look) => (pick(look) ? answer : null));
}

describe('the cells a scanned page is asked to read again', () => {
  it('asks nothing of the one-letter cells and marks of a page that read surely; only of value cells OCR saw nothing in, of raised ink over values read without a mark, of the checkboxes, and of box 4 left empty', () => {
    const looks = cellsToLookAgain(documentOf(formPage()));
    const dates = looks.filter((look) => look.alphabet === '0123456789/');
    assert.equal(dates.length, 1, 'box 4, empty, looked at for a date OCR lost');
    assert.ok(dates[0]!.box.x >= 880 && dates[0]!.box.y > 680 && dates[0]!.box.y < 760);
    const lost = looks.filter((look) => look.raised === undefined && look.shape !== 'checkbox' && !dates.includes(look));
    const raised = looks.filter((look) => look.raised !== undefined);
    assert.ok(lost.length > 0 && raised.length > 0);
    assert.ok(lost.every((look) => look.alphabet === '0123456789$,./()' && (look.trust ?? 100) <= 30 && look.replaces.length === 0), 'looks for lost values, which come back unsure');
    assert.ok(raised.every((look) => look.alphabet === '(0123456789)' && look.replaces.length === 0 && look.prefix === ''), 'only marks are read over a value, beside it');
    // The sale's amount has its mark "(1)" read: no raised ink is looked for over it.
    assert.ok(!raised.some((look) => look.box.y < 1084 && look.box.y + look.box.height > 1060 && look.box.x <= 1300 && look.box.x + look.box.width >= 1365));
  });

  it('looks for a lost mark over the line its value stands on: the first line of an amount, the last line of a wrapped text', () => {
    const raised = cellsToLookAgain(documentOf(formPage())).filter((look) => look.raised !== undefined);
    // The holding row: "3,625" at x 1800 on the line at y 1110; "By Family" / "Trust" at x 2180, lines at 1110 and 1145.
    const amount = raised.find((look) => look.box.x <= 1800 && look.box.x + look.box.width >= 1865 && look.box.y < 1134 && look.box.y + look.box.height > 1110);
    assert.ok(amount, 'a look over the holding\'s amount');
    assert.ok(Math.abs(amount.raised!.baseline - 1134) <= 1, 'the amount\'s baseline');
    const nature = raised.find((look) => look.box.x <= 2180 && look.box.x + look.box.width >= 2245 && look.box.y < 1169 && look.box.y + look.box.height > 1145);
    assert.ok(nature, 'a look over the last line of the holding\'s nature of ownership');
    assert.ok(Math.abs(nature.raised!.baseline - 1169) <= 1);
    assert.ok(nature.box.y + nature.box.height < 1169 + 24 * 0.5, 'the cut stops short of what is below the line');
  });

  it('looks for a mark lost at the end of a wrapped text whose other marks were read on a line of their own ("Trust(2)" / "(3)")', () => {
    // The holding's nature "By Family" / "Trust" with a mark "(3)" read alone on a third line, at y 1180.
    const withMark = [...formPage(), { text: '(3)', x: 2180, y: 1180, height: 16 }];
    const raised = cellsToLookAgain(documentOf(withMark)).filter((look) => look.raised !== undefined);
    const nature = raised.find((look) => look.box.x <= 2180 && look.box.x + look.box.width >= 2245 && look.box.y < 1169 && look.box.y + look.box.height > 1145);
    assert.ok(nature, 'a look over the line "Trust" stands on');
    assert.ok(Math.abs(nature.raised!.baseline - 1169) <= 1);
    assert.equal(nature.beforeMarks, true);
    // A digit alone read there is a mark whose brackets were lost, taken unsure.
    const { cells, apply } = secondLook(documentOf(withMark.map((p) => (p.text === '(3)' ? { ...p, text: '(1)' } : p))));
    const look = cells.find((c) => c.beforeMarks === true)!;
    const after = extractFiling(apply(cells.map((c) => (c === look ? { text: '2', confidence: 70, ink: { x: 2250, y: 1140, width: 12, height: 14 } } : null))));
    assert.deepEqual(after.filing.nonDerivative[1]!.footnoteRefs?.natureOfOwnership, ['2', '1']);
    assert.ok(after.findings.some((f) => f.path === 'nonDerivative[1].footnoteRefs.natureOfOwnership'));
    // A mark read at the end of the words' line leaves no look there.
    const trust = formPage().find((p) => p.text === 'Trust')!;
    const marked = [...formPage().filter((p) => p !== trust), { ...trust, text: 'Trust(2)' }, { text: '(3)', x: 2180, y: 1180, height: 16 }];
    const none = cellsToLookAgain(documentOf(marked)).filter((look) => look.raised !== undefined && look.box.x <= 2180 && look.box.x + look.box.width >= 2245 && look.box.y < 1169 && look.box.y + look.box.height > 1145);
    assert.equal(none.length, 0);
  });

  it('asks for an ownership cell OCR left empty, over its column on the row\'s line, with D and I only', () => {
    const looks = cellsToLookAgain(documentOf(changed(saleOwnership, () => null))).filter((l) => l.alphabet.startsWith('DI'));
    assert.equal(looks.length, 1);
    const [look] = looks;
    assert.equal(look!.page, 1);
    assert.match(look!.alphabet, /^DI/);
    assert.ok(!/[A-CE-HJ-Z]/.test(look!.alphabet), 'no other letter may be read there');
    // Column 6 starts at the header's x (2000) and ends where column 7 starts (2180); the row's line is at 1060-1084.
    assert.ok(look!.box.x <= 2030 && look!.box.x + look!.box.width >= 2043 && look!.box.x + look!.box.width <= 2180);
    assert.ok(look!.box.y <= 1060 && look!.box.y + look!.box.height >= 1084);
    assert.deepEqual(look!.replaces, []);
  });

  it('asks for a footnote mark run into the value before it, by its raised ink, keeping the value', () => {
    const looks = cellsToLookAgain(documentOf(changed((p) => p.text === 'Trust', (p) => ({ ...p, text: 'Trust®' }))));
    const mark = looks.find((l) => l.prefix !== '');
    assert.ok(mark, 'a look at the mark');
    assert.equal(mark.prefix, 'Trust');
    assert.equal(mark.alphabet, '(0123456789)');
    assert.ok(mark.raised !== undefined && mark.replaces.length === 1, 'the word "Trust®" is rewritten from the raised ink read');
  });

  it('asks for every checkbox, read surely, unsure or not at all, left of its option', () => {
    // (OCR reads a clear "[X]" surely where the box is empty, taking in strokes of the label above.)
    const director = (looks: readonly CellLook[]) => looks.filter((l) => l.shape === 'checkbox' && l.box.y < 500 && l.box.y + l.box.height > 490 && l.box.x < 1752 && l.box.x + l.box.width > 1700);
    const sure = director(cellsToLookAgain(documentOf(formPage())));
    assert.equal(sure.length, 1);
    assert.equal(sure[0]!.firstReading, '[X]');
    const unsure = director(cellsToLookAgain(documentOf(changed((p) => p.text === '[X]' && p.y === 480, (p) => ({ ...p, confidence: 50 })))));
    assert.equal(unsure.length, 1);
    assert.equal(unsure[0]!.firstReading, '[X]');
    // The mark "[X]" stands at x 1700-1739 before "Director" (x 1752): the cut holds it and stops short of the word.
    assert.ok(unsure[0]!.box.x <= 1700 && unsure[0]!.box.x + unsure[0]!.box.width < 1752 && unsure[0]!.box.x + unsure[0]!.box.width > 1739);
    const lost = director(cellsToLookAgain(documentOf(changed((p) => p.text === '[X]' && p.y === 480, () => null))));
    assert.equal(lost.length, 1);
    assert.equal(lost[0]!.firstReading, null);
  });

  it('asks to confirm an unsure date or amount that reads well formed', () => {
    const looks = cellsToLookAgain(documentOf(changed((p) => p.text === '$20.22', (p) => ({ ...p, confidence: 60 })))).filter((l) => l.firstReading === '$20.22');
    assert.equal(looks.length, 1);
    assert.equal(looks[0]!.replaces.length, 1);
  });

  it('is not asked of a text document, which has no page to look at', () => {
    assert.deepEqual(cellsToLookAgain({ origin: 'text', pages: documentOf(formPage()).pages }), []);
  });
});

describe('the answers, applied', () => {
  it('puts marks found in a value cell OCR saw nothing in on the field, flagged', () => {
    const document = documentOf(changed((p) => p.text === '(2)' && p.y < 1500, () => null));
    const before = extractFiling(document);
    assert.equal(before.filing.derivative[0]!.footnoteRefs?.dateExercisable, undefined);
    const { cells, apply } = secondLook(document);
    const lost = (c: CellLook) => c.alphabet === '0123456789$,./()' && c.box.x < 1400 && c.box.x + c.box.width > 1410 && c.box.y < 1500 && c.box.y + c.box.height > 1490;
    assert.equal(cells.filter(lost).length, 1, 'the date-exercisable cell of the option row');
    assert.equal(cells.find(lost)!.marksAlone, true, 'its digits read apart, should it hold marks alone');
    const after = extractFiling(apply(answerFor(cells, lost, { text: '(2)', confidence: 95, ink: { x: 1400, y: 1494, width: 39, height: 16 } })));
    assert.deepEqual(after.filing.derivative[0]!.footnoteRefs, { dateExercisable: ['2'] });
    assert.ok(after.findings.some((f) => f.rule === 'low-confidence' && f.path === 'derivative[0].footnoteRefs.dateExercisable'));
  });

  it('fills an ownership cell OCR lost with the letter read, at the ink read', () => {
    const document = documentOf(changed(saleOwnership, () => null));
    const before = extractFiling(document);
    assert.equal(before.filing.nonDerivative[0]!.directOrIndirect, 'D');
    assert.match(before.guesses['nonDerivative[0].directOrIndirect'] ?? '', /not read; taken as D/, 'lost, guessed');
    assert.equal(before.sources['nonDerivative[0].directOrIndirect'], undefined);
    const { cells, apply } = secondLook(document);
    const mended = apply(answerFor(cells, (c) => c.alphabet.startsWith('DI'), { text: 'D', confidence: 92, ink: { x: 2031, y: 1061, width: 16, height: 22 } }));
    const extraction = extractFiling(mended);
    assert.equal(extraction.filing.nonDerivative[0]!.directOrIndirect, 'D');
    assert.deepEqual(extraction.sources['nonDerivative[0].directOrIndirect']?.boxes, [{ x: 2031, y: 1061, width: 16, height: 22 }]);
    assert.equal(extraction.confidence['nonDerivative[0].directOrIndirect'], 92);
  });

  it('reads the digits of a mark run into a value; the value stays as sure as its first reading', () => {
    const document = documentOf(changed((p) => p.text === 'Trust', (p) => ({ ...p, text: 'Trust®', confidence: 70 })));
    const before = extractFiling(document);
    assert.ok(before.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership'], 'the mark is a guess before');
    const { cells, apply } = secondLook(document);
    const after = extractFiling(apply(answerFor(cells, (l) => l.prefix === 'Trust', { text: '(2)', confidence: 95, ink: null })));
    const holding = after.filing.nonDerivative[1]!;
    assert.equal(holding.natureOfOwnership, 'By Family Trust');
    assert.deepEqual(holding.footnoteRefs, { natureOfOwnership: ['2'] });
    assert.equal(after.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership'], undefined);
    assert.equal(after.confidence['nonDerivative[1].natureOfOwnership'], 70);
  });

  it('reads a mark run into a wrapped nature of ownership on the word\'s own line, keeping the mark wrapped below it ("Trust®" / "2")', () => {
    const document = documentOf([...changed((p) => p.text === 'Trust', (p) => ({ ...p, text: 'Trust®' })), { text: '2', x: 2180, y: 1180, height: 24, confidence: 90 }]);
    const before = extractFiling(document);
    assert.deepEqual(before.filing.nonDerivative[1]!.footnoteRefs?.natureOfOwnership, ['1', '2'], 'the wrapped "2" is a mark, and the run-in one before it a guess');
    assert.ok(before.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership']?.includes('read as "2"'));
    const { cells, apply } = secondLook(document);
    const mark = cells.find((c) => c.prefix === 'Trust');
    assert.ok(mark?.raised, 'the run-in mark is looked for although another mark stands in the cell');
    assert.ok(Math.abs(mark.raised.baseline - 1169) <= 1, 'on the line "Trust®" stands on, not the last one');
    const after = extractFiling(apply(answerFor(cells, (c) => c === mark, { text: '(1)', confidence: 95, ink: null })));
    assert.equal(after.filing.nonDerivative[1]!.natureOfOwnership, 'By Family Trust');
    assert.deepEqual(after.filing.nonDerivative[1]!.footnoteRefs?.natureOfOwnership, ['1', '2']);
  });

  it('adds a mark found raised over a value read without one, as sure as its two readings', () => {
    const document = documentOf(changed((p) => p.text === '(1)' && p.y < 1500, () => null));
    assert.equal(extractFiling(document).filing.nonDerivative[0]!.footnoteRefs?.shares, undefined);
    const { cells, apply } = secondLook(document);
    const overAmount = (c: CellLook) => c.raised !== undefined && c.box.x <= 1300 && c.box.x + c.box.width >= 1365 && c.box.y < 1084 && c.box.y + c.box.height > 1060;
    assert.equal(cells.filter(overAmount).length, 1);
    const after = extractFiling(apply(answerFor(cells, overAmount, { text: '(1)', confidence: 93, ink: { x: 1366, y: 1055, width: 39, height: 16 } })));
    const sale = after.filing.nonDerivative[0]!;
    assert.equal(sale.shares, 1000);
    assert.deepEqual(sale.footnoteRefs, { shares: ['1'] });
    assert.deepEqual(after.sources['nonDerivative[0].footnoteRefs.shares']?.boxes, [{ x: 1366, y: 1055, width: 39, height: 16 }]);
    assert.ok(!after.findings.some((f) => f.path.startsWith('nonDerivative[0].')), 'nothing left to check on the sale');
  });

  it('takes a mark found raised in its own cell over one guessed from a stray character glued to the next cell\'s date', () => {
    const placements = formPage().filter((p) => !(p.text === '$10.00' && p.y === 1500)).map((p) => (p.text === '05/23/2017' && p.y === 1500 ? { ...p, text: '@105/23/2017', x: 590 } : p));
    const document = documentOf(placements);
    const before = extractFiling(document).filing.derivative[0]!;
    assert.deepEqual(before.footnoteRefs?.conversionOrExercisePrice, ['1'], 'the "@1" taken for a mark, as a guess');
    const { cells, apply } = secondLook(document);
    const overPrice = (c: CellLook) => c.raised !== undefined && c.replaces.length === 0 && c.box.x <= 480 && c.box.x + c.box.width >= 600 && c.box.y < 1524 && c.box.y + c.box.height > 1500;
    assert.equal(cells.filter(overPrice).length, 1);
    const after = extractFiling(apply(answerFor(cells, overPrice, { text: '(2)', confidence: 94, ink: { x: 592, y: 1494, width: 20, height: 16 } })));
    const option = after.filing.derivative[0]!;
    assert.equal(option.transactionDate, '2017-05-23');
    assert.deepEqual(option.footnoteRefs?.conversionOrExercisePrice, ['2']);
    // Raised ink read without its closing bracket, too faint to stand raised ("(2"): taken, unsure.
    const faint = extractFiling(apply(answerFor(cells, overPrice, { text: '(2', confidence: 94, ink: { x: 592, y: 1494, width: 14, height: 16 } })));
    assert.deepEqual(faint.filing.derivative[0]!.footnoteRefs?.conversionOrExercisePrice, ['2']);
    assert.ok(faint.findings.some((f) => f.path === 'derivative[0].footnoteRefs.conversionOrExercisePrice'));
  });

  it('looks for the mark of a price run together with the next cell\'s date ("$10.00%)05/23/2017")', () => {
    const run = { text: '$10.00%)05/23/2017', x: 500, y: 1500, width: 250 };
    const placements = formPage().filter((p) => !(p.y === 1500 && (p.text === '$10.00' || p.text === '05/23/2017'))).concat([run]);
    const document = documentOf(placements);
    const before = extractFiling(document).filing.derivative[0]!;
    assert.equal(before.conversionOrExercisePrice, 10);
    assert.match(extractFiling(document).guesses['derivative[0].footnoteRefs.conversionOrExercisePrice'] ?? '', /run in between the price and the date/);
    const { cells, apply } = secondLook(document);
    const overPrice = (c: CellLook) => c.raised !== undefined && c.replaces.length === 0 && c.box.x <= 480 && c.box.x + c.box.width >= 600 && c.box.y < 1524 && c.box.y + c.box.height > 1500;
    assert.equal(cells.filter(overPrice).length, 1, 'the price\'s raised ink is looked at although the price was read');
    const after = extractFiling(apply(answerFor(cells, overPrice, { text: '(3)', confidence: 92, ink: { x: 560, y: 1494, width: 20, height: 16 } })));
    assert.equal(after.filing.derivative[0]!.conversionOrExercisePrice, 10);
    assert.equal(after.filing.derivative[0]!.transactionDate, '2017-05-23');
    assert.deepEqual(after.filing.derivative[0]!.footnoteRefs?.conversionOrExercisePrice, ['3']);
  });

  it('drops a mark guessed from a stray letter after a code when no raised ink stands beside it, leaving the code and its marks to check', () => {
    const document = documentOf(changed((p) => p.text === 'S' && p.y === 1060, (p) => ({ ...p, text: 'Sc', confidence: 90 })));
    assert.deepEqual(extractFiling(document).filing.nonDerivative[0]!.footnoteRefs?.transactionCode, ['1']);
    const { cells, apply } = secondLook(document);
    const code = (c: CellLook) => c.marksApart !== undefined && c.box.x <= 1080 && c.box.x + c.box.width >= 1093 && c.box.y < 1084;
    assert.equal(cells.filter(code).length, 1);
    const after = extractFiling(apply(answerFor(cells, code, { text: 'S', confidence: 93, ink: { x: 1080, y: 1060, width: 13, height: 24 } })));
    const sale = after.filing.nonDerivative[0]!;
    assert.equal(sale.transactionCode, 'S');
    assert.equal(sale.footnoteRefs?.transactionCode, undefined);
    const flagged = new Set(after.findings.map((f) => f.path));
    assert.ok(flagged.has('nonDerivative[0].transactionCode') && flagged.has('nonDerivative[0].footnoteRefs.transactionCode'));
  });

  it('takes a code read where the page reading saw only a sign ("©" for "C") for the code, and the sign for no mark', () => {
    const document = documentOf(changed((p) => p.text === 'S' && p.y === 1060, (p) => ({ ...p, text: '©', confidence: 60 })));
    const before = extractFiling(document).filing.nonDerivative[0]!;
    assert.deepEqual([before.transactionCode, before.footnoteRefs?.transactionCode], [null, ['1']]);
    const { cells, apply } = secondLook(document);
    const code = (c: CellLook) => c.marksApart !== undefined && c.box.x <= 1080 && c.box.x + c.box.width >= 1093 && c.box.y < 1084;
    const after = extractFiling(apply(answerFor(cells, code, { text: 'S', confidence: 93, ink: { x: 1080, y: 1060, width: 13, height: 24 } })));
    assert.equal(after.filing.nonDerivative[0]!.transactionCode, 'S');
    assert.equal(after.filing.nonDerivative[0]!.footnoteRefs?.transactionCode, undefined);
  });

  it('takes back a mark\'s digits the page reading ran into its value when only the bracket was lost ("1,0001)" for "1,000(1)"), left unsure', () => {
    const placements = formPage().filter((p) => !(p.text === '(1)' && p.y < 1500)).map((p) => (p.text === '1,000' ? { ...p, text: '1,0001)' } : p));
    const document = documentOf(placements);
    const { cells, apply } = secondLook(document);
    const mark = cells.find((c) => c.prefix === '1,0001');
    assert.ok(mark?.markDigitsEndPrefix, 'the value may end in the mark\'s digits');
    const after = extractFiling(apply(cells.map((c) => (c === mark ? { text: '(1)', confidence: 94, ink: { x: 1366, y: 1055, width: 39, height: 16 } } : null))));
    const sale = after.filing.nonDerivative[0]!;
    assert.deepEqual([sale.shares, sale.footnoteRefs?.shares], [1000, ['1']]);
    assert.ok(after.findings.some((f) => f.rule === 'low-confidence' && f.path === 'nonDerivative[0].shares'));
  });

  it('drops a mark guessed from the end of an amount\'s word ("1,0001") when no raised ink stands there, leaving the amount unsure', () => {
    const placements = formPage().filter((p) => !(p.text === '(1)' && p.y < 1500)).map((p) => (p.text === '1,000' ? { ...p, text: '1,0001' } : p));
    const document = documentOf(placements);
    assert.deepEqual(extractFiling(document).filing.nonDerivative[0]!.footnoteRefs?.shares, ['1'], 'the page reading guesses the mark');
    const { cells, apply } = secondLook(document);
    const look = cells.find((c) => c.unmarked !== undefined);
    assert.equal(look?.unmarked, '1,000');
    const nothing = extractFiling(apply(cells.map((c) => (c === look ? { text: '', confidence: 100, ink: null } : null))));
    const sale = nothing.filing.nonDerivative[0]!;
    assert.deepEqual([sale.shares, sale.footnoteRefs?.shares], [1000, undefined]);
    assert.ok(nothing.findings.some((f) => f.rule === 'low-confidence' && f.path === 'nonDerivative[0].shares'));
    // A mark read there keeps it; no answer (raised ink not read) leaves the guess.
    const read = extractFiling(apply(cells.map((c) => (c === look ? { text: '(2)', confidence: 90, ink: { x: 1370, y: 1055, width: 39, height: 16 } } : null))));
    assert.deepEqual(read.filing.nonDerivative[0]!.footnoteRefs?.shares, ['2']);
    assert.deepEqual(extractFiling(apply(cells.map(() => null))).filing.nonDerivative[0]!.footnoteRefs?.shares, ['1']);
  });

  it('reads a value again left of a mark run onto its end ("1000(1)" read "10001"), taken only as the start of the first reading', () => {
    const placements = formPage().filter((p) => !(p.text === '(1)' && p.y < 1500)).map((p) => (p.text === '1,000' ? { ...p, text: '10001', width: 105 } : p));
    const document = documentOf(placements);
    const { cells, apply } = secondLook(document);
    const look = cells.find((c) => c.word !== undefined && c.box.x <= 1300 && c.box.x + c.box.width >= 1405 && c.box.y < 1084);
    assert.ok(look, 'a raised look that may read the amount again');
    const answered = (text: string) => extractFiling(apply(cells.map((c) => (c === look ? { text, confidence: 93, ink: { x: 1366, y: 1055, width: 39, height: 16 } } : null))));
    const mended = answered('1000(1)');
    assert.deepEqual([mended.filing.nonDerivative[0]!.shares, mended.filing.nonDerivative[0]!.footnoteRefs?.shares], [1000, ['1']]);
    assert.ok(mended.findings.some((f) => f.rule === 'low-confidence' && f.path === 'nonDerivative[0].shares'));
    // A second reading that is no start of the first is not taken; the mark still is.
    const kept = answered('7000(1)');
    assert.deepEqual([kept.filing.nonDerivative[0]!.shares, kept.filing.nonDerivative[0]!.footnoteRefs?.shares], [10001, ['1']]);
  });

  it('takes a run-in mark whose opening bracket the cut halved ("2)") as unsure, and nothing else in that shape', () => {
    const document = documentOf(changed((p) => p.text === 'Trust', (p) => ({ ...p, text: 'Trust®' })));
    const { cells, apply } = secondLook(document);
    const extract = (text: string) => extractFiling(apply(answerFor(cells, (l) => l.prefix === 'Trust', { text, confidence: 90, ink: null })));
    const halved = extract('2)');
    assert.deepEqual(halved.filing.nonDerivative[1]!.footnoteRefs, { natureOfOwnership: ['2'] });
    assert.ok(halved.findings.some((f) => f.rule === 'low-confidence' && f.path === 'nonDerivative[1].footnoteRefs.natureOfOwnership'), 'more marks may have been cut off: flagged');
    assert.deepEqual(extract('e2)').filing.nonDerivative[1]!.footnoteRefs, extractFiling(document).filing.nonDerivative[1]!.footnoteRefs);
  });

  it('takes a mark looked at alone ("@" on the page) read without a bracket ("2)") as unsure', () => {
    const document = ocrDocument([page(1, formPage({ dateExercisableMark: '@' }))]);
    const { cells, apply } = secondLook(document);
    const isMark = (look: CellLook) => look.pattern === MARKS_PATTERN && look.box.x > 1300 && look.box.x < 1450 && look.box.y > 1450 && look.box.y < 1520;
    assert.equal(cells.filter(isMark).length, 1);
    const extract = (text: string) => extractFiling(apply(answerFor(cells, isMark, { text, confidence: 90, ink: { x: 1400, y: 1494, width: 20, height: 16 } })));
    const halved = extract('2)');
    assert.deepEqual(halved.filing.derivative[0]!.footnoteRefs?.dateExercisable, ['2']);
    assert.ok(halved.findings.some((f) => f.rule === 'low-confidence' && f.path === 'derivative[0].footnoteRefs.dateExercisable'));
    assert.deepEqual(extract('e2)').filing.derivative[0]!.footnoteRefs, extractFiling(document).filing.derivative[0]!.footnoteRefs, 'no mark in that shape');
  });

  it('finds a header date OCR lost whole by a look at its box, flagged', () => {
    const document = documentOf(changed((p) => p.text === '05/23/2017' && p.y === 570, () => null));
    assert.equal(extractFiling(document).filing.periodOfReport, null);
    const { cells, apply } = secondLook(document);
    const box3 = (look: CellLook) => look.alphabet === '0123456789/' && look.box.y < 600;
    assert.equal(cells.filter(box3).length, 1);
    const found = extractFiling(apply(answerFor(cells, box3, { text: '05/23/2017', confidence: 90, ink: { x: 900, y: 570, width: 130, height: 24 } })));
    assert.equal(found.filing.periodOfReport, '2017-05-23');
    assert.ok(found.findings.some((f) => f.rule === 'low-confidence' && f.path === 'periodOfReport'));
  });

  it('tells a checkbox OCR lost by its ink, and makes an unsure one that agrees sure', () => {
    const lostMark = documentOf(changed((p) => p.text === '[X]' && p.y === 480, () => null));
    assert.ok(extractFiling(lostMark).guesses['reportingOwners[0].isDirector'], 'no mark read: a guess');
    const lost = secondLook(lostMark);
    const empty = extractFiling(lost.apply(answerFor(lost.cells, (l) => l.shape === 'checkbox', { text: '[]', confidence: 95, ink: { x: 1702, y: 482, width: 30, height: 22 } })));
    assert.equal(empty.filing.reportingOwners[0]!.isDirector, false);
    assert.equal(empty.guesses['reportingOwners[0].isDirector'], undefined);

    const unsureMark = documentOf(changed((p) => p.text === '[X]' && p.y === 480, (p) => ({ ...p, confidence: 50 })));
    const unsure = secondLook(unsureMark);
    const confirmed = extractFiling(unsure.apply(answerFor(unsure.cells, (l) => l.shape === 'checkbox', { text: '[X]', confidence: 95, ink: null })));
    assert.equal(confirmed.filing.reportingOwners[0]!.isDirector, true);
    assert.ok(!confirmed.findings.some((f) => f.path === 'reportingOwners[0].isDirector'));
  });

  it('finds the 10% owner box whose words OCR lost in the Director\'s row, over Other\'s box, and tells it by its ink', () => {
    // "[] 10% Owner" read as one scrap right of where its box stands.
    const scrambled = documentOf([...changed((p) => p.y === 480 && p.x >= 2050, () => null), { text: 'CRC', x: 2114, y: 483, height: 24, confidence: 40 }]);
    const before = extractFiling(scrambled);
    assert.equal(before.filing.reportingOwners[0]!.isTenPercentOwner, true);
    assert.match(before.guesses['reportingOwners[0].isTenPercentOwner'] ?? '', /the option's words were not read; its box found in the Director's row/);
    const { cells, apply } = secondLook(scrambled);
    const box = (l: CellLook) => l.shape === 'checkbox' && l.box.y < 500 && l.box.x > 1900 && l.box.x < 2089;
    assert.equal(cells.filter(box).length, 1);
    const after = extractFiling(apply(answerFor(cells, box, { text: '[]', confidence: 95, ink: { x: 2052, y: 482, width: 30, height: 22 } })));
    assert.equal(after.filing.reportingOwners[0]!.isTenPercentOwner, false);
  });

  it('keeps an unsure first reading the second look disagrees with, and flags it', () => {
    const document = documentOf(changed(saleOwnership, (p) => ({ ...p, confidence: 60 })));
    const { cells, apply } = secondLook(document);
    assert.equal(cells.find((c) => c.alphabet.startsWith('DI'))?.firstReading, 'D');
    const extraction = extractFiling(apply(answerFor(cells, (c) => c.alphabet.startsWith('DI'), { text: 'I', confidence: 96, ink: { x: 2033, y: 1061, width: 3, height: 22 } })));
    assert.equal(extraction.filing.nonDerivative[0]!.directOrIndirect, 'D');
    assert.ok(extraction.findings.some((f) => f.rule === 'low-confidence' && f.path === 'nonDerivative[0].directOrIndirect'));
  });

  it('takes a sure second reading grouped in thousands over a first that ran a stroke onto the number\'s end ("100001" for "10,000"), left unsure', () => {
    const document = documentOf(changed((p) => p.text === '10,000' && p.y === 1060, (p) => ({ ...p, text: '100001', confidence: 60 })));
    const { cells, apply } = secondLook(document);
    const confirm = (c: CellLook) => c.firstReading === '100001';
    assert.equal(cells.filter(confirm).length, 1);
    const read = (text: string, confidence: number) => extractFiling(apply(answerFor(cells, confirm, { text, confidence, ink: { x: 1800, y: 1062, width: 70, height: 22 } })));
    const taken = read('10,000', 95);
    assert.equal(taken.filing.nonDerivative[0]!.sharesOwnedFollowing, 10000);
    assert.ok(taken.confidence['nonDerivative[0].sharesOwnedFollowing']! <= 60, 'left unsure');
    // Not sure enough, or not the first reading's start: the first reading stays, flagged.
    for (const [text, confidence] of [['10,000', 70], ['10,002', 95]] as const) {
      const kept = read(text, confidence);
      assert.equal(kept.filing.nonDerivative[0]!.sharesOwnedFollowing, 100001);
      assert.ok(kept.confidence['nonDerivative[0].sharesOwnedFollowing']! <= 20);
    }
  });

  it('makes an unsure first reading the second look agrees with sure', () => {
    const document = documentOf(changed(saleOwnership, (p) => ({ ...p, confidence: 60 })));
    const { cells, apply } = secondLook(document);
    const extraction = extractFiling(apply(answerFor(cells, (c) => c.alphabet.startsWith('DI'), { text: 'D', confidence: 93, ink: null })));
    assert.equal(extraction.confidence['nonDerivative[0].directOrIndirect'], 93);
  });

  it('refuses a reading in a shape the cell cannot hold, and one whose ink stands off the row', () => {
    const document = documentOf(changed(saleOwnership, () => null));
    const cells = cellsToLookAgain(document);
    const ownership = (c: CellLook) => c.alphabet.startsWith('DI');
    const wrongShape = applyCellAnswers(document, cells, answerFor(cells, ownership, { text: 'DI', confidence: 90, ink: null }));
    const offRow = applyCellAnswers(document, cells, answerFor(cells, ownership, { text: 'I', confidence: 90, ink: { x: 2031, y: 1110, width: 3, height: 22 } }));
    assert.deepEqual(wrongShape, document);
    assert.deepEqual(offRow, document);
  });
});
