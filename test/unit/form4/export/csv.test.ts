import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Filing } from '../../../../shared/model.js';
import { CSV_COLUMNS, toCsv } from '../../../../main/form4/export/csv.js';
import { sampleFiling, seedFilings } from '../../../support/export-samples.js';

/** An RFC 4180 reader, strict enough to catch a writer that breaks the format: records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let at = 0;
  while (at < text.length) {
    if (text[at] === '"' && field === '') {
      at += 1;
      for (;;) {
        const quote = text.indexOf('"', at);
        assert.ok(quote >= 0, 'unterminated quoted field');
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at += 1;
      }
      assert.ok(text[at] === ',' || text.startsWith('\r\n', at), `a quoted field must end at a comma or CRLF (offset ${at})`);
      continue;
    }
    if (text[at] === ',') {
      fields.push(field);
      field = '';
      at += 1;
    } else if (text.startsWith('\r\n', at)) {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      at += 2;
    } else {
      assert.ok(!['"', '\r', '\n'].includes(text[at]!), `bare ${JSON.stringify(text[at])} outside quotes at offset ${at}`);
      field += text[at];
      at += 1;
    }
  }
  assert.equal(field + fields.join(''), '', 'the last record ends in CRLF');
  return records;
}

function rowsAsObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, CSV_COLUMNS);
  return rows.map((row) => {
    assert.equal(row.length, CSV_COLUMNS.length, 'every record has every column');
    return Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, row[index]!]));
  });
}

function noLines(): Filing {
  return { ...sampleFiling(), nonDerivative: [], derivative: [], footnotes: [], remarks: null, aff10b5One: true, signatures: [] };
}

describe('toCsv', () => {
  test('the header row gives the documented column order', () => {
    const [header] = parseCsv(toCsv([]));
    assert.deepEqual(header, CSV_COLUMNS);
    assert.deepEqual(CSV_COLUMNS.slice(0, 4), ['filing', 'documentType', 'periodOfReport', 'dateOfOriginalSubmission']);
    assert.ok(CSV_COLUMNS.indexOf('table') > CSV_COLUMNS.indexOf('footnotes'), 'line columns follow the filing columns');
    assert.equal(CSV_COLUMNS.at(-1), 'footnoteRefs');
    assert.equal(new Set(CSV_COLUMNS).size, CSV_COLUMNS.length);
    assert.equal(toCsv([]), `${CSV_COLUMNS.join(',')}\r\n`);
  });

  test('one row per Table I and Table II line, in form order, with the filing columns on each', () => {
    const rows = rowsAsObjects(toCsv([sampleFiling()]));
    assert.deepEqual(rows.map((row) => [row['table'], row['line'], row['securityTitle']]), [
      ['I', '1', 'Common Stock'],
      ['I', '2', 'Common Stock'],
      ['II', '1', 'Stock Option (right to buy)'],
      ['II', '2', 'Restricted Stock Units'],
    ]);
    for (const row of rows) {
      assert.equal(row['filing'], '1');
      assert.equal(row['issuerTradingSymbol'], 'ACME');
      assert.equal(row['reportingOwnerName'], "O'Neil Pat Q");
      assert.equal(row['isOfficer'], 'true');
      assert.equal(row['isDirector'], 'false');
      assert.equal(row['otherReportingOwners'], 'Acme Family Holdings LLC');
      assert.equal(row['signatureDate'], '2024-03-05');
      assert.equal(row['aff10b5One'], '', 'an unknown box is blank');
    }
    const [sale, holding, option] = rows;
    assert.deepEqual([sale!['transactionCode'], sale!['shares'], sale!['acquiredDisposed'], sale!['pricePerShare']], ['S', '1500', 'D', '10.2575']);
    assert.deepEqual([holding!['transactionDate'], holding!['transactionCode'], holding!['natureOfOwnership']], ['', '', 'By Trust']);
    assert.deepEqual([option!['conversionOrExercisePrice'], option!['sharesDisposed'], option!['sharesAcquired'], option!['shares']], ['4.5', '1500', '', '']);
  });

  test('a filing with no lines still gets one row, its line columns empty', () => {
    const rows = rowsAsObjects(toCsv([sampleFiling(), noLines()]));
    assert.equal(rows.length, 5);
    const last = rows[4]!;
    assert.equal(last['filing'], '2');
    assert.equal(last['aff10b5One'], 'true');
    assert.equal(last['signatureName'], '');
    for (const column of ['table', 'line', 'securityTitle', 'sharesOwnedFollowing', 'footnoteRefs']) assert.equal(last[column], '', column);
  });

  test('commas, double quotes, CR and LF are quoted; quotes doubled; text reads back exactly', () => {
    const filing = sampleFiling();
    const csv = toCsv([filing]);
    assert.ok(csv.includes(',"Acme & Sons, ""Holdings"" <Inc>",'), 'comma and quotes: quoted, quotes doubled');
    assert.ok(csv.includes(',Common Stock,'), 'plain text is not quoted');
    const row = rowsAsObjects(csv)[0]!;
    assert.equal(row['issuerName'], filing.issuer.name);
    assert.equal(row['remarks'], filing.remarks, 'CRLF inside remarks survives');
    assert.equal(row['footnotes'], filing.footnotes.map((footnote) => `(${footnote.id}) ${footnote.text}`).join('\n'));
    assert.ok(row['footnotes']!.includes('"O\'Neil Family" Trust,\nof which'), 'a footnote with quotes, a comma and a newline');
    assert.equal(row['street1'], undefined, 'the address is not a column');
  });

  test('footnote references are listed field by field in column order', () => {
    const filing = sampleFiling();
    filing.nonDerivative[0]!.footnoteRefs = { pricePerShare: ['2'], transactionCode: ['1', '3'], zzCustom: ['4'], directOrIndirect: [] };
    const rows = rowsAsObjects(toCsv([filing]));
    assert.equal(rows[0]!['footnoteRefs'], 'transactionCode:1,3;pricePerShare:2;zzCustom:4');
    assert.equal(rows[3]!['footnoteRefs'], 'conversionOrExercisePrice:5;dateExercisable:5;expirationDate:5');
  });

  test('the seeds: one row per line, every record CRLF-terminated', () => {
    const seeds = seedFilings().map((seed) => seed.filing);
    const csv = toCsv(seeds);
    const rows = rowsAsObjects(csv);
    assert.equal(rows.length, seeds.reduce((sum, seed) => sum + Math.max(1, seed.nonDerivative.length + seed.derivative.length), 0));
    assert.equal(csv.split('\r\n').length - 1, csv.match(/\r\n/g)?.length);
    assert.equal(toCsv(seeds), csv, 'deterministic');
  });
});
