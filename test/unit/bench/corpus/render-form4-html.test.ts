import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutVariant, renderForm4Html, type LayoutVariant } from '../../../../bench/corpus/render-form4-html.js';
import { readEdgarXml } from '../../../../main/form4/edgar/read-edgar-xml.js';
import { filingSchema, type Filing } from '../../../../shared/model.js';

const SHARED = new URL('../../../../../shared/', import.meta.url);
const sharedText = (path: string) => readFileSync(fileURLToPath(new URL(path, SHARED)), 'utf8');
// Seed 000 (Allied Motion, Michael R Winter): a director, a sale and a purchase by IRA, one holding.
const winter = filingSchema.parse(JSON.parse(sharedText('fixtures/seeds/000_0782e1f473a7fa13.expected.json')));

/** The visible text of the HTML: tags dropped, entities of the escaper decoded, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ');
}

/** The labels printed right after a checked box, whichever checkbox style the variant uses. */
function checkedLabels(html: string): string[] {
  const checked = /(?:<span class="box">X<\/span>|<span class="bracket">\[X\]<\/span>)\s*([A-Z10][^<]*)/g;
  return [...html.matchAll(checked)].map((match) => (match[1] ?? '').replace(/\s+/g, ' ').trim());
}

const boxed: LayoutVariant = { ...layoutVariant('boxed'), checkbox: 'boxed', priceStyle: 'as-filed', repeatTableHeaders: true };
const bracketed: LayoutVariant = { ...boxed, checkbox: 'bracketed', priceStyle: 'cents', repeatTableHeaders: false };

test('the values of seed 000 appear as printed: dates MM/DD/YYYY, commas, $ prices, footnote marks', () => {
  const html = renderForm4Html(winter, boxed);
  const text = visibleText(html);
  for (const printed of ['Winter Michael R', 'C/O ALLIED MOTION TECHNOLOGIES INC.', '495 COMMERCE DRIVE, SUITE 3',
    'AMHERST NY 14228', 'ALLIED MOTION TECHNOLOGIES INC [ AMOT ]', '05/23/2017', '06/13/2018', '2,000', '14,118',
    '$24.6901', '$48.9715', 'By IRA', 'Susan M. Chiarmonte, attorney-in-fact for Michael R. Winter', '08/29/2019']) {
    assert.ok(text.includes(printed), `printed form shows ${printed}`);
  }
  assert.match(html, /\$24\.6901<sup>\(2\)<\/sup>/, 'the price carries its footnote mark as a superscript');
  assert.match(html, />S<sup>\(1\)<\/sup>/, 'the code carries its footnote mark');
  assert.match(html, />0<sup>\(3\)<\/sup>/, 'a zero balance is printed, with its mark');
  assert.match(html, />I<sup>\(5\)<\/sup>/);
  assert.match(text, /6\. Includes shares purchased in the reporting person's IRA account/);
  assert.deepEqual(checkedLabels(html), ['Director', 'Form filed by One Reporting Person']);
});

test('the form carries the real labels: boxes 1-6, both tables with their column headers, the signature line', () => {
  const text = visibleText(renderForm4Html(winter, bracketed));
  for (const label of ['FORM 4', 'OMB APPROVAL', 'OMB Number: 3235-0287', 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
    '1. Name and Address of Reporting Person', '(Last) (First) (Middle)', '(Street)', '(City) (State) (Zip)',
    '2. Issuer Name and Ticker or Trading Symbol', '3. Date of Earliest Transaction (Month/Day/Year)',
    '4. If Amendment, Date of Original Filed (Month/Day/Year)', '5. Relationship of Reporting Person(s) to Issuer',
    'Director', '10% Owner', 'Officer (give title below)', 'Other (specify below)',
    '6. Individual or Joint/Group Filing', 'Form filed by More than One Reporting Person',
    'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    '1. Title of Security (Instr. 3)', '7. Nature of Indirect Beneficial Ownership (Instr. 4)',
    'Code V Amount (A) or (D) Price', 'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    '2. Conversion or Exercise Price of Derivative Security', 'Date Exercisable Expiration Date Title Amount or Number of Shares',
    '11. Nature of Indirect Beneficial Ownership (Instr. 4)', 'Explanation of Responses:', 'Remarks:',
    '** Signature of Reporting Person Date']) {
    assert.ok(text.includes(label), `form shows "${label}"`);
  }
  assert.ok(!text.includes('Rule 10b5-1(c)'), 'no 10b5-1 box on a form whose aff10b5One is absent');
});

test('Table II line, officer title, 10b5-1 box and cents style (CAO with a 10b5-1 box added)', () => {
  const cao = readEdgarXml(sharedText('corpus/edgar-xml/0001209191-06-055343_CAO.xml'));
  const html = renderForm4Html({ ...cao, aff10b5One: true }, bracketed);
  const text = visibleText(html);
  assert.deepEqual(checkedLabels(html), [
    'Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.',
    'Officer (give title below)',
    'Form filed by One Reporting Person',
  ]);
  assert.ok(text.includes('VP, General Counsel, Secretary'));
  assert.ok(text.includes('$20.00'), 'conversion price padded to cents');
  assert.ok(text.includes('$15.53'));
  assert.ok(text.includes('125,000'));
  assert.ok(text.includes('04/05/2009'), 'expiration date');
  assert.match(html, /<td class="date"><sup>\(3\)<\/sup><\/td>/, 'a date cell with only a footnote shows only the mark');
  assert.ok(text.includes('Executed pursuant to the Limited Power of Attorney'), 'remarks');
});

test('several reporting owners: the first in box 1, each other in its own block, joint filing checked', () => {
  const guts = readEdgarXml(sharedText('corpus/edgar-xml/0000950170-24-012830_GUTS.xml'));
  const html = renderForm4Html(guts, boxed);
  const text = visibleText(html);
  assert.equal(text.match(/1\. Name and Address of Reporting Person/g)?.length, 6);
  assert.equal(text.match(/1\. Relationship of Reporting Person\(s\) to Issuer/g)?.length, 5);
  for (const owner of guts.reportingOwners) assert.ok(text.includes(owner.name), owner.name);
  assert.ok(text.indexOf('Mithril LP') < text.indexOf('Table I'), 'the first owner is in box 1');
  assert.ok(text.indexOf('THIEL PETER') > text.indexOf('Table II'), 'the others follow the tables');
  const checked = checkedLabels(html);
  assert.equal(checked.filter((label) => label === '10% Owner').length, 6);
  assert.ok(checked.includes('Form filed by More than One Reporting Person'));
  assert.ok(!checked.includes('Form filed by One Reporting Person'));
  assert.equal(text.match(/\*\* Signature of Reporting Person Date/g)?.length, 6, 'one signature line each');
});

test('an amendment prints box 4; text is escaped', () => {
  const amended: Filing = {
    ...winter,
    documentType: '4/A',
    dateOfOriginalSubmission: '2019-08-27',
    remarks: 'Shares held <directly> & "jointly"',
  };
  const html = renderForm4Html(amended, boxed);
  assert.match(visibleText(html), /4\. If Amendment, Date of Original Filed \(Month\/Day\/Year\) 08\/27\/2019/);
  assert.ok(!html.includes('<directly>'));
  assert.ok(visibleText(html).includes('Shares held <directly> & "jointly"'));
});

test('layout variants are seeded: the same name gives the same layout, names differ, sizes stay in range', () => {
  assert.deepEqual(layoutVariant('0001209191-06-055343_CAO'), layoutVariant('0001209191-06-055343_CAO'));
  const variants = Array.from({ length: 60 }, (_, index) => layoutVariant(`filing-${index}`));
  assert.ok(new Set(variants.map((variant) => variant.fontFamily)).size >= 4, 'several font families');
  assert.ok(variants.some((variant) => /serif/.test(variant.fontFamily) && !/sans/.test(variant.fontFamily)));
  for (const variant of variants) {
    assert.ok(variant.fontSizePt >= 8 && variant.fontSizePt <= 11, `font ${variant.fontSizePt}pt`);
    assert.ok(variant.tableFontSizePt >= 8 && variant.tableFontSizePt <= variant.fontSizePt);
    assert.equal(variant.tableIColumns.length, 11);
    assert.equal(variant.tableIIColumns.length, 16);
  }
  assert.notDeepEqual(variants[0]?.tableIColumns, variants[1]?.tableIColumns);
  const css = renderForm4Html(winter, variants[0]!);
  assert.ok(css.includes(`font-size: ${variants[0]!.fontSizePt}pt`));
});
