// The layout reading of scanned pages: boxes by their labels' regions, table cells by the columns of
// their headers, rows banded by height, marks in superscript, tilted pages, tables and filings over
// several pages, and every guess left for a `low-confidence` finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFiling } from '../../../../main/form4/extract.js';
import { parseForm4, parseForm4Filings } from '../../../../main/form4/parse/index.js';
import { formPage, headerBlock, ocrDocument, optionLine, page, superscript, tableIIHeader, words, type Placement } from './layout-page.js';

describe('reading a scanned page by its layout', () => {
  const parsed = parseForm4(ocrDocument([page(1, formPage())]));
  const { filing } = parsed;

  it('reads boxes 1 to 6 from their regions', () => {
    const owner = filing.reportingOwners[0]!;
    assert.deepEqual(
      { name: owner.name, street1: owner.street1, street2: owner.street2, city: owner.city, state: owner.state, zip: owner.zip },
      { name: 'DOE JANE A', street1: 'ACME CORP', street2: '100 MAIN ST', city: 'SPRINGFIELD', state: 'IL', zip: '62701' },
    );
    assert.deepEqual(filing.issuer, { name: 'ACME CORP', tradingSymbol: 'ACME' });
    assert.equal(filing.periodOfReport, '2017-05-23');
    assert.equal(filing.dateOfOriginalSubmission, null);
    assert.equal(filing.jointFiling, false);
    assert.equal(filing.notSubjectToSection16, false);
    assert.deepEqual(
      [owner.isDirector, owner.isTenPercentOwner, owner.isOfficer, owner.isOther, owner.officerTitle],
      [true, false, true, false, 'Chief Financial Officer'],
    );
  });

  it('leaves out of an officer title a scrap read a second time inside a word\'s box ("9" inside "Financial")', () => {
    // "Financial" at x 1878 (13 pixels a letter), 117 wide.
    const placements = [...formPage(), { text: '9', x: 1900, y: 584, width: 14, height: 22, confidence: 57 }];
    assert.equal(extractFiling(ocrDocument([page(1, placements)])).filing.reportingOwners[0]!.officerTitle, 'Chief Financial Officer');
    const beside = [...formPage(), { text: '9', x: 2120, y: 580, width: 14, height: 24 }];
    assert.equal(extractFiling(ocrDocument([page(1, beside)])).filing.reportingOwners[0]!.officerTitle, 'Chief Financial Officer 9', 'a word of its own stays');
  });

  it('places Table I\'s columns by the most column numbers that stand in order on the header\'s first row, past a stray digit and a lost number', () => {
    // Column 3's number lost, a stray "7" read on the first row before column 4, and the numbers of
    // "(Instr. 3, 4 and 5)" on the row under it.
    const placements = formPage().flatMap((p) => {
      if (p.y === 900 && p.text === '3.') return [];
      if (p.y === 900 && p.text === 'Securities') return [p, { text: '7', x: 1200, y: 906, height: 20 }];
      return [p];
    }).concat(words('(Instr. 3, 4 and 5)', 1250, 935));
    const line = extractFiling(ocrDocument([page(1, placements)])).filing.nonDerivative[0]!;
    assert.deepEqual([line.transactionCode, line.shares, line.acquiredDisposed, line.pricePerShare, line.sharesOwnedFollowing, line.directOrIndirect], ['S', 1000, 'D', 20.22, 10000, 'D']);
  });

  it('finds Table II\'s (D) column by its sub-header misread ("(B)", "(0)"), and leaves out a digit read again inside a number', () => {
    const line = (disposed: string) => {
      const placements = formPage().flatMap((p) => {
        if (p.text === '(D)' && p.y === 1440) return [{ ...p, text: disposed, x: 1200 }];
        if (p.text === '500' && p.y === 1500 && p.x === 1260) return [{ ...p, x: 1205 }, { ...p, text: '1', x: 1205, width: 10 }];
        return [p];
      });
      const derivative = extractFiling(ocrDocument([page(1, placements)])).filing.derivative[0]!;
      return [derivative.sharesAcquired, derivative.sharesDisposed];
    };
    assert.deepEqual(line('(B)'), [null, 500]);
    assert.deepEqual(line('(0)'), [null, 500]);
  });

  it('reads the Section 16 box read as "1" (an empty square) as empty, not as a lost checked box', () => {
    const placements = formPage().map((p) => (p.y === 300 && p.x === 180 ? { ...p, text: '1', width: 40, height: 41 } : p));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.notSubjectToSection16, false);
    assert.equal(extraction.guesses['notSubjectToSection16'], undefined);
    // The box run into the label's first word: "[Check", "[X]Check".
    const runIn = (box: string) => extractFiling(ocrDocument([page(1, formPage().flatMap((p) => (p.y === 300 && p.x === 180 ? [] : p.y === 300 && p.text === 'Check' ? [{ ...p, text: `${box}Check` }] : [p])))])).filing.notSubjectToSection16;
    assert.equal(runIn('['), false);
    assert.equal(runIn('[X]'), true);
  });

  it('finds "10%" read with a stray digit ("109%"), and takes no speck read inside an option\'s word for its box\'s mark', () => {
    const placements = formPage().flatMap((p) => {
      if (p.y === 480 && p.text === '10%') return [{ ...p, text: '109%' }];
      // "[X] Officer": the box's X lost, and a speck of the word's "i" read before it.
      if (p.y === 520 && p.text === '[X]') return [];
      if (p.y === 520 && p.text === 'Officer') return [{ ...p, text: 'i', x: p.x + 40, height: 4, confidence: 91 }, p];
      return [p];
    });
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    const owner = extraction.filing.reportingOwners[0]!;
    assert.equal(owner.isTenPercentOwner, false);
    assert.equal(extraction.guesses['reportingOwners[0].isTenPercentOwner'], undefined, 'the option was found');
    assert.equal(owner.isOfficer, true);
    assert.match(extraction.guesses['reportingOwners[0].isOfficer'] ?? '', /no checkbox mark could be read; taken as checked/);
  });

  it('reads Table I cells by column, a wrapped title and nature as one cell, a superscript as a mark', () => {
    assert.equal(filing.nonDerivative.length, 2);
    const [sale, holding] = filing.nonDerivative;
    assert.deepEqual(
      [sale!.securityTitle, sale!.transactionDate, sale!.transactionCode, sale!.shares, sale!.acquiredDisposed, sale!.pricePerShare, sale!.sharesOwnedFollowing, sale!.directOrIndirect],
      ['Common Stock', '2017-05-23', 'S', 1000, 'D', 20.22, 10000, 'D'],
    );
    assert.deepEqual(sale!.footnoteRefs, { shares: ['1'] });
    assert.deepEqual(
      [holding!.securityTitle, holding!.transactionDate, holding!.sharesOwnedFollowing, holding!.directOrIndirect, holding!.natureOfOwnership],
      ['Common Stock', null, 3625, 'I', 'By Family Trust'],
    );
  });

  it('reads Table II with (A) and (D) told apart by position', () => {
    const [option] = filing.derivative;
    assert.deepEqual(
      [option!.securityTitle, option!.conversionOrExercisePrice, option!.transactionCode, option!.sharesAcquired, option!.sharesDisposed, option!.expirationDate, option!.underlyingTitle, option!.underlyingShares, option!.pricePerShare, option!.sharesOwnedFollowing],
      ['Stock Option (right to buy)', 10, 'M', null, 500, '2027-05-23', 'Common Stock', 500, 0, 1500],
    );
    assert.deepEqual(option!.footnoteRefs, { dateExercisable: ['2'] });
  });

  it('reads footnotes, remarks and the signature', () => {
    assert.deepEqual(filing.footnotes, [{ id: '1', text: 'Sold under a 10b5-1 plan.' }, { id: '2', text: 'Vests in full on grant.' }]);
    assert.equal(filing.remarks, 'None of note.');
    assert.deepEqual(filing.signatures, [{ name: '/s/ Jane Doe', date: '2017-05-25' }]);
  });

  it('takes a line starting with the next footnote\'s number, its period lost ("2 Vests"), for that footnote, as a guess; other numbers continue the text', () => {
    const footnotesOf = (label: string) => {
      const placements = formPage().flatMap((p) => (p.y === 1780 && p.x === 200 ? [{ ...p, text: label }] : [p]));
      return extractFiling(ocrDocument([page(1, placements)]));
    };
    const lost = footnotesOf('2');
    assert.deepEqual(lost.filing.footnotes, [{ id: '1', text: 'Sold under a 10b5-1 plan.' }, { id: '2', text: 'Vests in full on grant.' }]);
    assert.ok(lost.guesses['footnotes[1].id']);
    const other = footnotesOf('3');
    assert.deepEqual(other.filing.footnotes, [{ id: '1', text: 'Sold under a 10b5-1 plan. 3 Vests in full on grant.' }]);
    const specked = footnotesOf('+2.');
    assert.deepEqual(specked.filing.footnotes.map((f) => f.id), ['1', '2'], 'a speck read before the label ("+2.")');
    assert.ok(specked.guesses['footnotes[1].id']);
  });

  it('takes a line starting with the next footnote\'s label run into its first word ("2.Vests") for that footnote, as a guess', () => {
    const runInto = (label: string) => {
      const placements = formPage().flatMap((p) => (p.y === 1780 && p.text === 'Vests' ? [] : p.y === 1780 && p.x === 200 ? [{ ...p, text: label }] : [p]));
      return extractFiling(ocrDocument([page(1, placements)]));
    };
    const next = runInto('2.Vests');
    assert.deepEqual(next.filing.footnotes, [{ id: '1', text: 'Sold under a 10b5-1 plan.' }, { id: '2', text: 'Vests in full on grant.' }]);
    assert.ok(next.guesses['footnotes[1].id']);
    // Another number, or a number with its decimals, continues the text.
    assert.equal(runInto('3.Vests').filing.footnotes.length, 1);
    assert.equal(runInto('2.5%').filing.footnotes.length, 1);
  });

  it('takes a dash starting a line of numbered footnotes for a speck: the line continues the footnote above', () => {
    const placements = formPage().flatMap((p) => (p.y === 1780 && p.x === 200 ? [{ ...p, text: '-', height: 3 }] : [p]));
    const extraction = extractFiling(ocrDocument([page(1, [...placements, { text: '}', x: 200, y: 1710, height: 24, confidence: 40 }])]));
    assert.deepEqual(extraction.filing.footnotes, [{ id: '1', text: 'Sold under a 10b5-1 plan. Vests in full on grant.' }], 'nor is a brace alone before the first footnote one');
  });

  it('leaves specks read as marks of their own out of a footnote\'s text, but not out of its confidence', () => {
    const placements = formPage().flatMap((p) => {
      if (p.y === 1740 && p.text === 'plan.') return [p, { text: ':', x: p.x + 80, y: 1740, height: 24, confidence: 30 }];
      if (p.y === 1780 && p.text === 'full') return [{ text: '.', x: p.x - 12, y: 1780, height: 24, confidence: 90 }, p];
      return [p];
    });
    const extraction = extractFiling(ocrDocument([page(1, [...placements, { text: ';', x: 200, y: 1710, height: 24, confidence: 20 }])]));
    assert.deepEqual(extraction.filing.footnotes, [{ id: '1', text: 'Sold under a 10b5-1 plan.' }, { id: '2', text: 'Vests in full on grant.' }]);
    assert.ok(extraction.findings.some((f) => f.rule === 'low-confidence' && f.path === 'footnotes[0].text'), 'the unsure speck still flags the footnote it stood in');
  });

  it('mends what specks make of a footnote\'s words: a lone character after its last period, a comma ending it, a period between small words, as a guess', () => {
    const placements = formPage().flatMap((p) => {
      if (p.y === 1740 && p.text === 'Sold') return [{ ...p, text: 'were.sold' }];
      if (p.y === 1740 && p.text === 'plan.') return [{ ...p, text: 'plan,' }];
      if (p.y === 1780 && p.text === 'in') return [{ ...p, text: 'in.' }];
      if (p.y === 1780 && p.text === 'grant.') return [p, { text: 'i', x: p.x + 90, y: 1780, height: 24, confidence: 60 }];
      return [p];
    });
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.deepEqual(extraction.filing.footnotes, [{ id: '1', text: 'were sold under a 10b5-1 plan.' }, { id: '2', text: 'Vests in full on grant.' }]);
    assert.match(extraction.guesses['footnotes[0].text'] ?? '', /comma ending it taken for a period; "were.sold" read as two words/);
    assert.match(extraction.guesses['footnotes[1].text'] ?? '', /"i" after the closing period .*; the period after "in"/);
    const kept = formPage().map((p) => (p.y === 1740 && p.text === 'Sold' ? { ...p, text: 'See.sec.gov' } : p.y === 1780 && p.text === 'Vests' ? { ...p, text: 'i.e.' } : p));
    assert.deepEqual(extractFiling(ocrDocument([page(1, kept)])).filing.footnotes.map((f) => f.text.split(' ')[0]), ['See.sec.gov', 'i.e.']);
  });

  it('reads remarks that run on from the foot of one page to the top of the next in page order', () => {
    const first = formPage().filter((p) => p.y < 2000);
    const second = [...words('And more of note.', 200, 150), ...words('/s/ Jane Doe', 900, 400), ...words('05/25/2017', 2000, 400), ...words('** Signature of Reporting Person', 880, 450, 20), ...words('Date', 2000, 450, 20)];
    const filing = extractFiling(ocrDocument([page(1, first), page(2, second)])).filing;
    assert.equal(filing.remarks, 'None of note. And more of note.');
    assert.deepEqual(filing.signatures, [{ name: '/s/ Jane Doe', date: '2017-05-25' }]);
  });

  it('mends inside footnotes and remarks a number broken after its point ("$5. 24") and a quote no quote closes, as a guess', () => {
    const placements = formPage().flatMap((p) => {
      if (p.y === 1740 && p.text === 'Sold') return words('Sold at $5. 24 under', 236, 1740);
      if (p.y === 1740 && ['under', 'a', '10b5-1'].includes(p.text)) return [];
      if (p.y === 1890 && p.text === 'None') return [{ ...p, text: "'None" }];
      return [p];
    });
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.footnotes[0]!.text, 'Sold at $5.24 under plan.');
    assert.match(extraction.guesses['footnotes[0].text'] ?? '', /"\$5\. 24" read as one number/);
    assert.equal(extraction.filing.remarks, 'None of note.');
    assert.match(extraction.guesses['remarks'] ?? '', /the quote opening "'None", which no quote closes, taken for a speck/);
    const quoted = formPage().map((p) => (p.y === 1890 && p.text === 'None' ? { ...p, text: "'None" } : p.y === 1890 && p.text === 'note.' ? { ...p, text: "note.'" } : p));
    assert.equal(extractFiling(ocrDocument([page(1, quoted)])).filing.remarks, "'None of note.'");
  });

  it('mends inside footnotes a possessive broken at its apostrophe, a cent sign for a c, guillemets, and "L.E." for "L.P." after a name, as a guess', () => {
    const text = (...read: string[]) => {
      const placements = formPage().filter((p) => p.y !== 1740).concat(words(['1.', ...read].join(' '), 200, 1740));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      return { text: extraction.filing.footnotes[0]!.text, guess: extraction.guesses['footnotes[0].text'] ?? '' };
    };
    const mended = text('The', "Issuer'", 's', 'In¢.', '«each', 'Fund,', 'L.E.,', 'and', 'le', 'chat.');
    assert.equal(mended.text, "The Issuer's Inc. each Fund, L.P., and le chat.");
    assert.match(mended.guess, /"Issuer' s" read as one word; "In¢\." read as "Inc\."; "«each" read as "each"; "L\.E\.," read as "L\.P\.,"/);
    assert.equal(text('Prices', 'in', 'cents:', '5¢.').text, 'Prices in cents: 5¢.', 'a cent sign after a digit stays');
  });

  it('keeps each field\'s page, boxes and OCR confidence', () => {
    const source = parsed.sources['derivative[0].sharesDisposed'];
    assert.equal(source?.page, 1);
    assert.deepEqual(source?.boxes, [{ x: 1260, y: 1500, width: 39, height: 24 }]);
    assert.equal(parsed.confidence['derivative[0].sharesDisposed'], 95);
  });

  it('reads a page tilted by 1.5 degrees the same', () => {
    const tilted = parseForm4(ocrDocument([page(1, formPage(), (1.5 * Math.PI) / 180)])).filing;
    assert.deepEqual(tilted, filing);
  });
});

describe('what the layout reading could only guess', () => {
  it('flags a footnote mark OCR could not read', () => {
    const extraction = extractFiling(ocrDocument([page(1, formPage({ dateExercisableMark: '@' }))]));
    assert.deepEqual(extraction.filing.derivative[0]!.footnoteRefs, { dateExercisable: ['1'] });
    assert.ok(extraction.findings.some((f) => f.rule === 'low-confidence' && f.path === 'derivative[0].footnoteRefs.dateExercisable'));
  });

  it('takes a mark it could not read for the footnote the column\'s sure marks cite, and still flags it', () => {
    const secondOption = optionLine(1600, { price: '$12.00', shares: '300', mark: '@', expiration: '05/23/2028', owned: '1,200' });
    const extraction = extractFiling(ocrDocument([page(1, [...formPage(), ...secondOption])]));
    assert.equal(extraction.filing.derivative.length, 2);
    assert.deepEqual(extraction.filing.derivative[1]!.footnoteRefs, { dateExercisable: ['2'] });
    assert.match(extraction.guesses['derivative[1].footnoteRefs.dateExercisable'] ?? '', /this column's other rows cite/);
    assert.ok(extraction.findings.some((f) => f.rule === 'low-confidence' && f.path === 'derivative[1].footnoteRefs.dateExercisable'));
  });

  it('takes a code read with a scrap after it ("SD", "ct" for "S(1)", "C(1)") for the code, and flags it and its marks', () => {
    const code = (text: string) => {
      const placements = formPage().map((p) => (p.text === 'S' && p.y === 1060 ? { ...p, text } : p));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      const flagged = new Set(extraction.findings.filter((f) => f.rule === 'low-confidence').map((f) => f.path));
      return { code: extraction.filing.nonDerivative[0]!.transactionCode, flagged: ['nonDerivative[0].transactionCode', 'nonDerivative[0].footnoteRefs.transactionCode'].filter((p) => flagged.has(p)) };
    };
    const both = ['nonDerivative[0].transactionCode', 'nonDerivative[0].footnoteRefs.transactionCode'];
    assert.deepEqual(code('SD'), { code: 'S', flagged: both });
    assert.deepEqual(code('ct'), { code: 'C', flagged: both });
    assert.equal(code('F:').code, 'F');
    // No code letter first, or too much after it: nothing is taken.
    assert.equal(code('ed').code, null);
    assert.equal(code('shee').code, null);
  });

  it('gives initials back the last period a mark set close after them took ("L.P®", "L.P(2)"); other words keep their ending', () => {
    const nature = (text: string) => {
      const placements = formPage().map((p) => (p.text === 'Trust' ? { ...p, text } : p));
      return extractFiling(ocrDocument([page(1, placements)])).filing.nonDerivative[1]!;
    };
    assert.equal(nature('L.P®').natureOfOwnership, 'By Family L.P.');
    assert.deepEqual(nature('L.P(2)').footnoteRefs, { natureOfOwnership: ['2'] });
    assert.equal(nature('L.P(2)').natureOfOwnership, 'By Family L.P.');
    assert.equal(nature('LP(2)').natureOfOwnership, 'By Family LP');
    assert.equal(nature('Trust(2)').natureOfOwnership, 'By Family Trust');
  });

  it('reads "Us." inside a name, between capitalized words, as U.S., flagged; "us." ending a phrase stays', () => {
    const nature = (text: string) => {
      const placements = formPage().filter((p) => !(p.x >= 2180 && (p.y === 1110 || p.y === 1145)));
      return extractFiling(ocrDocument([page(1, [...placements, ...words(text, 2180, 1110)])]));
    };
    const name = nature('By Capital Us. Venture Fund');
    assert.equal(name.filing.nonDerivative[1]!.natureOfOwnership, 'By Capital U.S. Venture Fund');
    assert.match(name.guesses['nonDerivative[1].natureOfOwnership'] ?? '', /U\.S\./);
    assert.equal(nature('Held for us. By Trust').filing.nonDerivative[1]!.natureOfOwnership, 'Held for us. By Trust');
  });

  it('reads an unsure nature of ownership as a footnote prints the name, flagged; a sure one stays as read', () => {
    const nature = (text: string, confidence: number) => {
      const placements = formPage().map((p) => (p.text === 'Trust' ? { ...p, text, confidence } : p.text === 'plan.' ? { ...p, text: 'plan, for the Family Trust.' } : p));
      return extractFiling(ocrDocument([page(1, placements)]));
    };
    const unsure = nature('7rust', 40);
    assert.equal(unsure.filing.nonDerivative[1]!.natureOfOwnership, 'By Family Trust');
    assert.match(unsure.guesses['nonDerivative[1].natureOfOwnership'] ?? '', /read "By Family 7rust"; taken as footnote \(1\) prints it/);
    assert.equal(nature('7rust', 95).filing.nonDerivative[1]!.natureOfOwnership, 'By Family 7rust');
  });

  it('takes a mark the filing has no footnote for, whose digits both are, for two marks set close ("(21)" for "(2)(1)"), or for its bracket read as "(1", as a guess', () => {
    const marked = (mark: string) => extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === '(1)' && p.x === 1366 ? { ...p, text: mark } : p)))]));
    const two = marked('(21)');
    assert.deepEqual(two.filing.nonDerivative[0]!.footnoteRefs, { shares: ['2', '1'] });
    assert.match(two.guesses['nonDerivative[0].footnoteRefs.shares'] ?? '', /the filing has no footnote 21: taken as \(2\)\(1\)/);
    const bracket = marked('(12)');
    assert.deepEqual(bracket.filing.nonDerivative[0]!.footnoteRefs, { shares: ['2'] });
    assert.match(bracket.guesses['nonDerivative[0].footnoteRefs.shares'] ?? '', /taken as \(2\), its bracket read as "\(1"/);
    assert.deepEqual(marked('(13)').filing.nonDerivative[0]!.footnoteRefs, { shares: ['13'] }, 'footnote 3 is not the filing\'s either');
  });

  it('takes a speck set where marks stand for no mark, but flags the cell: it may be what the scan left of one', () => {
    const speck = (text: string, size: number) => {
      const placements = formPage().filter((p) => !(p.text === '(1)' && p.x === 1366));
      return extractFiling(ocrDocument([page(1, [...placements, { text, x: 1366, y: 1060, height: size, width: size, confidence: 30 }])]));
    };
    const dot = speck(':', 4);
    assert.deepEqual(dot.filing.nonDerivative[0]!.footnoteRefs, {});
    assert.match(dot.guesses['nonDerivative[0].footnoteRefs.shares'] ?? '', /a speck where footnote marks stand/);
    assert.deepEqual(speck(':', 14).filing.nonDerivative[0]!.footnoteRefs, { shares: ['1'] }, 'a blot the size of a mark is still read as one');
    const digit = speck('3', 4);
    assert.deepEqual(digit.filing.nonDerivative[0]!.footnoteRefs, {}, 'a speck OCR read as a digit is no mark either');
    assert.match(digit.guesses['nonDerivative[0].footnoteRefs.shares'] ?? '', /a speck where footnote marks stand/);
  });

  it('takes the marks a nature of ownership column cites together for a cell whose marks were all guessed', () => {
    const holding = (y: number, mark: string) => [...words('Common Stock', 200, y), ...words('3,625', 1800, y), ...words('I', 2030, y), ...words('By Trust', 2180, y), superscript(mark, 2286, y)];
    const filing = (read: string) => {
      const placements = formPage().map((p) => (p.text === 'Trust' ? { ...p, text: read } : p.text === 'grant.' ? { ...p, text: 'grant to the Family Trust.' } : p));
      return extractFiling(ocrDocument([page(1, [...placements, ...holding(1180, '(1)(2)'), ...holding(1215, '(1)(2)')])]));
    };
    const guessed = filing('Trust®');
    assert.deepEqual(guessed.filing.nonDerivative.map((line) => line.footnoteRefs?.natureOfOwnership), [undefined, ['1', '2'], ['1', '2'], ['1', '2']]);
    assert.match(guessed.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership'] ?? '', /taken as \(1\)\(2\), the marks this column's other rows cite/);
    assert.equal(guessed.guesses['nonDerivative[2].footnoteRefs.natureOfOwnership'], undefined, 'the marks read surely stay sure');
    assert.deepEqual(filing('Trust(1)').filing.nonDerivative[1]!.footnoteRefs?.natureOfOwnership, ['1'], 'a mark read surely is not made the group');
  });

  it('takes the footnote that names a holder for the guessed marks of its nature of ownership', () => {
    const nature = (read: string) => {
      const placements = formPage().map((p) => (p.text === 'Trust' ? { ...p, text: read } : p.text === 'grant.' ? { ...p, text: 'grant to the Family Trust.' } : p));
      return extractFiling(ocrDocument([page(1, placements)]));
    };
    const guessed = nature('Trust®');
    assert.deepEqual(guessed.filing.nonDerivative[1]!.footnoteRefs, { natureOfOwnership: ['2'] });
    assert.match(guessed.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership'] ?? '', /taken as \(2\), the footnote naming "Family Trust"/);
    assert.deepEqual(nature('Trust(1)').filing.nonDerivative[1]!.footnoteRefs, { natureOfOwnership: ['1'] }, 'a mark read surely stays as read');
  });

  it('reads a number a mark ran into as the number and a guessed mark ("$20.22%", "10,0002" or "10,0002)" for "10,000(2)", "$20.22152"), and a number\'s specks as specks', () => {
    const row = (changes: Record<string, string>) => {
      const extraction = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.y === 1060 && changes[p.text] !== undefined ? { ...p, text: changes[p.text]! } : p)))]));
      return { line: extraction.filing.nonDerivative[0]!, guesses: extraction.guesses };
    };
    const percent = row({ '$20.22': '$20.22%' });
    assert.equal(percent.line.pricePerShare, 20.22);
    assert.deepEqual(percent.line.footnoteRefs?.['pricePerShare'], ['1']);
    assert.ok(percent.guesses['nonDerivative[0].footnoteRefs.pricePerShare']);
    const digit = row({ '10,000': '10,0002' });
    assert.equal(digit.line.sharesOwnedFollowing, 10000);
    assert.deepEqual(digit.line.footnoteRefs?.['sharesOwnedFollowing'], ['2']);
    assert.match(digit.guesses['nonDerivative[0].footnoteRefs.sharesOwnedFollowing'] ?? '', /run into "10,0002"; taken as \(2\)/);
    const misread = row({ '10,000': '10,0003' });
    assert.equal(misread.line.sharesOwnedFollowing, 10000, 'the filing has no footnote 3: a misread mark, still taken off');
    assert.match(misread.guesses['nonDerivative[0].footnoteRefs.sharesOwnedFollowing'] ?? '', /run into "10,0003"/);
    const bracketed = row({ '10,000': '10,0002)' });
    assert.equal(bracketed.line.sharesOwnedFollowing, 10000, 'the digits before the closing bracket are the mark');
    assert.deepEqual(bracketed.line.footnoteRefs?.['sharesOwnedFollowing'], ['2']);
    const decimals = row({ '$20.22': '$20.22152' });
    assert.equal(decimals.line.pricePerShare, 20.2215, 'a price of more than four decimals ends in its mark');
    assert.deepEqual(decimals.line.footnoteRefs?.['pricePerShare'], ['2']);
    assert.match(decimals.guesses['nonDerivative[0].footnoteRefs.pricePerShare'] ?? '', /taken as \(2\)/);
    assert.equal(row({ '$20.22': '$20.2215' }).line.pricePerShare, 20.2215, 'four decimals are a price\'s own');
    assert.equal(row({ '$20.22': '$20.221512' }).line.pricePerShare, 20.221512, 'two more may be a misread mark and a digit: left as read');
    for (const specked of ['10,000.', '-10,000', '.10,000', '10;000']) {
      const read = row({ '10,000': specked });
      assert.equal(read.line.sharesOwnedFollowing, 10000, specked);
      assert.match(read.guesses['nonDerivative[0].sharesOwnedFollowing'] ?? '', /taken for the number, the rest for specks/);
    }
  });

  it('reads an entity\'s "LP" and a fund\'s roman numeral read in small letters ("Iv, Lp") in capitals, as a guess', () => {
    const placements = formPage().flatMap((p) => (p.text === 'Trust' ? words('Fund Iv, Lp', p.x, p.y) : [p]));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.nonDerivative[1]!.natureOfOwnership, 'By Family Fund IV, LP');
    assert.match(extraction.guesses['nonDerivative[1].natureOfOwnership'] ?? '', /"Lp" taken for LP/);
  });

  it('takes a quote and a sign ending a cell for a mark OCR ran into the word ("Footnote\'®")', () => {
    const extraction = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === 'Trust' ? { ...p, text: "Trust'®" } : p)))]));
    assert.equal(extraction.filing.nonDerivative[1]!.natureOfOwnership, 'By Family Trust');
    assert.ok(extraction.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership']);
  });

  it('takes a "!" ending a cell for a mark OCR ran into the word ("Footnote!"), as a guess', () => {
    const extraction = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === 'Trust' ? { ...p, text: 'Trust!' } : p)))]));
    assert.equal(extraction.filing.nonDerivative[1]!.natureOfOwnership, 'By Family Trust');
    assert.ok(extraction.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership']);
  });

  it('takes small marks wrapped alone under a nature of ownership for marks, as a guess, however OCR misread them ("©)X2)")', () => {
    const holding = (mark: { text: string; height: number }) => {
      const extraction = extractFiling(ocrDocument([page(1, [...formPage(), { ...mark, x: 2180, y: 1180, confidence: 20 }])]));
      return { line: extraction.filing.nonDerivative[1]!, guesses: extraction.guesses };
    };
    const small = holding({ text: '©)X2)', height: 15 });
    assert.equal(small.line.natureOfOwnership, 'By Family Trust');
    assert.deepEqual(small.line.footnoteRefs, { natureOfOwnership: ['2'] });
    assert.ok(small.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership']);
    const tall = holding({ text: '©)X2)', height: 24 });
    assert.match(tall.line.natureOfOwnership ?? '', /X2/, 'ink as tall as the letters is read as part of the value');
    // Two marks read as two words, the first without its bracket: both are marks, not "1" ending the value.
    const apart = extractFiling(ocrDocument([page(1, [...formPage(), { text: '1)', height: 15, x: 2180, y: 1180, confidence: 20 }, { text: '(2)', height: 15, x: 2215, y: 1180, confidence: 60 }])]));
    assert.equal(apart.filing.nonDerivative[1]!.natureOfOwnership, 'By Family Trust');
    assert.deepEqual(apart.filing.nonDerivative[1]!.footnoteRefs, { natureOfOwnership: ['1', '2'] });
    assert.ok(apart.guesses['nonDerivative[1].footnoteRefs.natureOfOwnership']);
    // A mark run into the last word of the first line comes before the one wrapped below it.
    const runIn = formPage().map((p) => (p.text === 'Trust' && p.y === 1145 ? { ...p, text: 'Trust(1' } : p));
    const both = extractFiling(ocrDocument([page(1, [...runIn, { text: '(2)', height: 15, x: 2180, y: 1180, confidence: 60 }])]));
    assert.deepEqual(both.filing.nonDerivative[1]!.footnoteRefs, { natureOfOwnership: ['1', '2'] });
  });

  const withIssuer = (issuer: string) => extractFiling(ocrDocument([page(1, formPage({ header: { issuer } }))]));

  it('reads the ticker and box 3\'s date when box 3\'s label was misread and its words ran on after the ticker, as guesses', () => {
    const placements = formPage({ header: { issuer: 'ACME CORP [ ACME' } })
      .filter((p) => !(p.y === 530 && p.x >= 900 && p.x < 1700))
      .concat(words('3- Cet of g Eariont ; Thuwaesion ]', 900, 530));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.issuer.tradingSymbol, 'ACME');
    assert.equal(extraction.filing.periodOfReport, '2017-05-23');
    assert.match(extraction.guesses['issuer.tradingSymbol'] ?? '', /first word taken for the ticker/);
    assert.match(extraction.guesses['periodOfReport'] ?? '', /box 3 was not found/);
  });

  it('reads a ticker whose bracket OCR read as a bar beside the rule ("[ FB | ]", "| KTOS ]") or a letter ("L MSFT |"), flagged when a bracket was lost', () => {
    assert.deepEqual(withIssuer('ACME CORP [ ACME | ]').filing.issuer, { name: 'ACME CORP', tradingSymbol: 'ACME' });
    const lost = withIssuer('ACME CORP | ACME ]');
    assert.deepEqual(lost.filing.issuer, { name: 'ACME CORP', tradingSymbol: 'ACME' });
    assert.ok(lost.guesses['issuer.tradingSymbol'], 'the opening bracket was read as a bar');
    const asLetter = withIssuer('ACME CORP L ACME |');
    assert.deepEqual(asLetter.filing.issuer, { name: 'ACME CORP', tradingSymbol: 'ACME' });
    assert.ok(asLetter.guesses['issuer.tradingSymbol'], 'the opening bracket was read as an L');
    assert.deepEqual(withIssuer('ACME L CORP').filing.issuer, { name: 'ACME L CORP', tradingSymbol: null });
    for (const misread of ['ACME CORP II ACME |', 'ACME CORP I ACME |]', 'ACME CORP | ACME 1', 'ACME CORP L ACME | > i', 'ACME CORP ACME ]', 'ACME CORP [ ACME : ]']) {
      const issuer = withIssuer(misread);
      assert.deepEqual(issuer.filing.issuer, { name: 'ACME CORP', tradingSymbol: 'ACME' }, misread);
      assert.ok(issuer.guesses['issuer.tradingSymbol'], misread);
    }
    assert.deepEqual(withIssuer('ACME CORP IACME ]').filing.issuer, { name: 'ACME CORP', tradingSymbol: 'IACME' }, 'a letter glued to the ticker is the ticker\'s');
  });

  it('reads a stroke in a ticker as the I it is ("1ILG"), flagged', () => {
    const stroke = withIssuer('ACME CORP [ 1ILG ]');
    assert.equal(stroke.filing.issuer.tradingSymbol, 'IILG');
    assert.match(stroke.guesses['issuer.tradingSymbol'] ?? '', /a stroke in a ticker taken for an I/);
    assert.equal(withIssuer('ACME CORP [ ACME ]').guesses['issuer.tradingSymbol'], undefined);
  });

  it('reads "Ing," closing an issuer\'s name as "Inc.", as a guess', () => {
    const mended = withIssuer('ACME Holdings, Ing, [ ACME ]');
    assert.equal(mended.filing.issuer.name, 'ACME Holdings, Inc.');
    assert.match(mended.guesses['issuer.name'] ?? '', /"Ing," taken for "Inc."/);
    assert.equal(withIssuer('ACME Inc [ ACME ]').filing.issuer.name, 'ACME Inc', 'an "Inc" printed without its period stays so');
  });

  it('takes a ticker\'s letter that no word of the issuer\'s name holds for its look-alike that one does ("SO" for Square), as a guess', () => {
    const square = withIssuer('Square, Inc. [ SO ]');
    assert.equal(square.filing.issuer.tradingSymbol, 'SQ');
    assert.match(square.guesses['issuer.tradingSymbol'] ?? '', /read as "SO", whose O no word of the issuer's name holds; taken as "SQ"/);
    assert.equal(withIssuer('Block, Inc. [ SO ]').filing.issuer.tradingSymbol, 'SO', 'an O the name holds stays');
    assert.equal(withIssuer('Acme Motors [ XYZ ]').filing.issuer.tradingSymbol, 'XYZ', 'letters with no look-alike stay');
  });

  it('puts back the space EDGAR writes before a company\'s state ("BANCORP/IN/"), as a guess', () => {
    const glued = withIssuer('HORIZON BANCORP/IN/ [ HBNC ]');
    assert.equal(glued.filing.issuer.name, 'HORIZON BANCORP /IN/');
    assert.match(glued.guesses['issuer.name'] ?? '', /a space taken before the state "\/IN\/"/);
    assert.equal(withIssuer('HORIZON BANCORP /IN/ [ HBNC ]').guesses['issuer.name'], undefined);
  });

  it('leaves specks read at the ends of a name, a street or a signature out of it', () => {
    const placements = [...formPage({ header: { owner: ': DOE JANE A ;' } }), { text: ';', x: 870, y: 2000, confidence: 40 }];
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.reportingOwners[0]!.name, 'DOE JANE A');
    assert.equal(extraction.filing.signatures[0]!.name, '/s/ Jane Doe');
    // A sign glued to the last word ("A°"): left out, flagged.
    const glued = extractFiling(ocrDocument([page(1, formPage({ header: { owner: 'DOE JANE A°' } }))]));
    assert.equal(glued.filing.reportingOwners[0]!.name, 'DOE JANE A');
    assert.match(glued.guesses['reportingOwners[0].name'] ?? '', /"A°" read without the sign/);
    // A dot of ink right of the street line, read as a letter: a fraction of the words' height.
    const dot = extractFiling(ocrDocument([page(1, [...formPage(), { text: 'J', x: 700, y: 605, height: 4, width: 4, confidence: 84 }])]));
    assert.equal(dot.filing.reportingOwners[0]!.street2, '100 MAIN ST');
    const letter = extractFiling(ocrDocument([page(1, [...formPage(), { text: 'J', x: 560, y: 600, height: 24, width: 12 }])]));
    assert.equal(letter.filing.reportingOwners[0]!.street2, '100 MAIN ST J', 'a letter as tall as the words stays');
  });

  it('finds a box label among unsure scraps of ink OCR read into it, and reads a date whose slashes were lost ("05, 23 2017"), as a guess', () => {
    const header = headerBlock().flatMap((p) => (p.text === '05/23/2017' ? words('05, 23 2017', 900, 570) : [p]));
    const scraps = [{ text: 'Date', x: 930, y: 536, height: 30, confidence: 20 }, { text: 'zarlie', x: 1010, y: 536, height: 30, confidence: 7 }];
    const extraction = extractFiling(ocrDocument([page(1, [...header, ...scraps, ...formPage().slice(headerBlock().length)])]));
    assert.equal(extraction.filing.periodOfReport, '2017-05-23');
    assert.match(extraction.guesses['periodOfReport'] ?? '', /05, 23 2017/);
  });

  it('reads an officer title without the specks and the scraps of "below)" OCR read around it', () => {
    const title = (text: string) => {
      const placements = formPage().filter((p) => !(p.y === 580 && p.x >= 1800 && p.x < 2200));
      return extractFiling(ocrDocument([page(1, [...placements, ...words(text, 1800, 580)])])).filing.reportingOwners[0]!.officerTitle;
    };
    assert.equal(title(': Chief Legal : Officer'), 'Chief Legal Officer');
    assert.equal(title('ow Chief - Digital Officer —'), 'Chief - Digital Officer', 'a dash inside a title may be printed');
    assert.equal(title('- ow'), null);
    assert.equal(title('|bélow)'), null, 'a bar before it, an accent in it');
    // The labels' ends on a line of their own, under a line of specks.
    const placements = formPage().filter((p) => !(p.y === 580 && p.x >= 1800 && p.x < 2200));
    const lines = [...placements, ...words(':', 1800, 580), ...words('below) below)', 1800, 612)];
    assert.equal(extractFiling(ocrDocument([page(1, lines)])).filing.reportingOwners[0]!.officerTitle, null);
  });

  it('flags the form type when box 4 holds ink that is not a date: a 4/A is told by that date alone', () => {
    const extraction = extractFiling(ocrDocument([page(1, [...formPage(), ...words('0 6/ O7 ~', 900, 720)])]));
    assert.equal(extraction.filing.documentType, '4');
    assert.match(extraction.guesses['documentType'] ?? '', /may be a 4\/A/);
    assert.equal(extractFiling(ocrDocument([page(1, formPage())])).guesses['documentType'], undefined);
  });

  it('reads a code letter read twice, the second small ("Cc"), as the code with no mark', () => {
    const extraction = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === 'S' && p.y === 1060 ? { ...p, text: 'Ss' } : p)))]));
    assert.equal(extraction.filing.nonDerivative[0]!.transactionCode, 'S');
    assert.equal(extraction.filing.nonDerivative[0]!.footnoteRefs?.transactionCode, undefined);
  });

  it('flags a scanned G, which may be a blurred C; other codes and a text layer\'s G are taken as read', () => {
    const withCode = (code: string, confidence: number) =>
      extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === 'S' && p.y === 1060 ? { ...p, text: code, confidence } : p)))]));
    const gift = withCode('G', 95);
    assert.equal(gift.filing.nonDerivative[0]!.transactionCode, 'G');
    assert.match(gift.guesses['nonDerivative[0].transactionCode'] ?? '', /may be a C/);
    assert.equal(withCode('G', 100).guesses['nonDerivative[0].transactionCode'], undefined);
    assert.equal(withCode('S', 95).guesses['nonDerivative[0].transactionCode'], undefined);
  });

  it('takes a code in doubt from the table\'s other lines that go the same way, when they all read one: an unread code any, a scanned G only a C', () => {
    // A second sale under the first (code at x 1080), before the holding line.
    const sale = (first: string, second: string, way = 'D') => {
      const placements = [
        ...formPage().map((p) => (p.text === 'S' && p.y === 1060 ? { ...p, text: first } : p.text === 'D' && p.x === 1470 && p.y === 1060 ? { ...p, text: way } : p)),
        ...words('Common Stock', 200, 1090), ...words('05/24/2017', 600, 1090), { text: second, x: 1080, y: 1090, height: 24, confidence: 70 },
        ...words('500', 1300, 1090), ...words(way, 1470, 1090), ...words('$20.10', 1580, 1090), ...words(way === 'D' ? '9,500' : '10,500', 1800, 1090), ...words('D', 2030, 1090),
      ];
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      return { code: extraction.filing.nonDerivative[1]!.transactionCode, guess: extraction.guesses['nonDerivative[1].transactionCode'] };
    };
    const unread = sale('S', '€');
    assert.equal(unread.code, 'S');
    assert.match(unread.guess ?? '', /taken as S, the code of every other line of the table that disposes of shares/);
    assert.equal(sale('C', 'G', 'A').code, 'C');
    assert.equal(sale('S', 'G').code, 'G', 'a G is a C blurred, never an S');
    assert.equal(sale('J', 'I').code, 'J', 'an I may be a J that lost its hook');
    assert.equal(sale('S', '™').code, 'S', 'the letter read as a mark');
    assert.equal(sale('S', 'L').code, 'S', 'a small acquisition on a line that disposes');
    assert.equal(sale('P', 'L', 'A').code, 'L', 'an acquisition code on a line that acquires stands');
    assert.equal(sale('S', 'I').code, 'I');
    assert.equal(sale('S', '€', 'A').code, null, 'no other line acquires: the sale on an (A) line goes against it');
  });

  it('finds Explanation of Responses when OCR read "Responses:" as a scrap, so its footnotes are not taken for Table II lines', () => {
    const placements = formPage().flatMap((p) => (p.text === 'Responses:' ? [{ ...p, text: 'UBER', confidence: 1 }] : [p]));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.deepEqual(extraction.filing.footnotes.map((f) => f.id), ['1', '2']);
    assert.equal(extraction.filing.derivative.length, 1);
  });

  it('finds box 1\'s hints by a part OCR kept ("(Last)" alone) or with a letter lost ("(Stree)"), and flags a street line lost by the room it left', () => {
    const box1 = (change: (p: Placement) => Placement[]) => {
      const extraction = extractFiling(ocrDocument([page(1, formPage().flatMap(change))]));
      const owner = extraction.filing.reportingOwners[0]!;
      return { streets: [owner.street1, owner.street2, owner.city], guess: extraction.guesses['reportingOwners[0].street2'] ?? '' };
    };
    const parts = box1((p) => (p.y === 480 && p.x < 800 && p.text !== '(Last)' ? [] : p.text === '(Street)' ? [{ ...p, text: '(Stree)' }] : [p]));
    assert.deepEqual(parts.streets, ['ACME CORP', '100 MAIN ST', 'SPRINGFIELD']);
    assert.doesNotMatch(parts.guess, /hints of box 1 could not all be found|street line may not/);
    // One street under the hints: "100 MAIN ST" lost leaves the room it stood in under "ACME CORP".
    const oneStreet = (hintY: number) => box1((p) => (p.y === 600 && p.x < 800 ? [] : p.y === 560 && p.x < 800 ? [{ ...p, y: 510 }] : p.text === '(Street)' ? [{ ...p, y: hintY }] : [p]));
    const lost = oneStreet(590);
    assert.deepEqual(lost.streets, ['ACME CORP', null, 'SPRINGFIELD']);
    assert.match(lost.guess, /a street line may not have been read/);
    assert.doesNotMatch(oneStreet(545).guess, /a street line may not have been read/, 'one street printed');
  });

  it('reads a header date cut in two at a slash, or with the box\'s rule read into it, as a guess', () => {
    const dated = (...pieces: string[]) => {
      const placements = formPage().flatMap((p) => (p.text === '05/23/2017' && p.y === 570 ? pieces.map((text, i) => ({ ...p, text, x: p.x + i * 40 })) : [p]));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      return { date: extraction.filing.periodOfReport, guess: extraction.guesses['periodOfReport'] ?? '' };
    };
    assert.deepEqual(dated('05', '/23/2017'), { date: '2017-05-23', guess: 'printed as "05 /23/2017"; read as one date' });
    assert.deepEqual(dated('~|05/23/2017'), { date: '2017-05-23', guess: 'read as "~|05/23/2017"; 05/23/2017 taken for the date, the rest for specks' });
    assert.equal(dated('05', '23').date, null);
  });

  it('reads three street lines as two streets, one of which wrapped: the line that ran further right ran on', () => {
    const streets = (...lines: string[]) => {
      const placements = formPage().filter((p) => !((p.y === 560 || p.y === 600) && p.x < 800));
      const extraction = extractFiling(ocrDocument([page(1, [...placements, ...lines.flatMap((line, i) => words(line, 200, 550 + i * 30))])]));
      const owner = extraction.filing.reportingOwners[0]!;
      assert.match(extraction.guesses['reportingOwners[0].street1'] ?? '', /3 street lines/);
      return [owner.street1, owner.street2];
    };
    assert.deepEqual(streets('C/O ACME CAPITAL, 2800 SAND HILL', 'ROAD', 'SUITE 101'), ['C/O ACME CAPITAL, 2800 SAND HILL ROAD', 'SUITE 101']);
    assert.deepEqual(streets('C/O ACME', '2800 SAND HILL ROAD, BUILDING 4,', 'SUITE 250'), ['C/O ACME', '2800 SAND HILL ROAD, BUILDING 4, SUITE 250']);
  });

  it('takes a period after a whole word inside a street line or the issuer\'s name for a comma, flagged; short words keep theirs', () => {
    const placements = formPage().filter((p) => !(p.y === 560 && p.x < 800));
    const street = extractFiling(ocrDocument([page(1, [...placements, ...words('100 MAIN AVENUE. FLOOR 11', 200, 560)])]));
    assert.equal(street.filing.reportingOwners[0]!.street1, '100 MAIN AVENUE, FLOOR 11');
    assert.match(street.guesses['reportingOwners[0].street1'] ?? '', /AVENUE\. FLOOR/);
    const barred = extractFiling(ocrDocument([page(1, formPage({ header: { owner: 'DOE JANE |' } }))]));
    assert.equal(barred.filing.reportingOwners[0]!.name, 'DOE JANE |', 'a bar after the last word may be its J');
    assert.match(barred.guesses['reportingOwners[0].name'] ?? '', /a bar read in the name/);
    const short = extractFiling(ocrDocument([page(1, [...placements, ...words('100 MAIN ST. FLOOR 11', 200, 560)])]));
    assert.equal(short.filing.reportingOwners[0]!.street1, '100 MAIN ST. FLOOR 11');
    const issuer = extractFiling(ocrDocument([page(1, formPage({ header: { issuer: 'Natera. Inc. [ NTRA ]' } }))]));
    assert.deepEqual(issuer.filing.issuer, { name: 'Natera, Inc.', tradingSymbol: 'NTRA' });
    assert.match(issuer.guesses['issuer.name'] ?? '', /Natera\. Inc\./);
  });

  it('mends the "C/O" opening a street line and a company\'s "LLC" in it as OCR misreads them ("CIO", "LIC"), flagged', () => {
    const placements = formPage().filter((p) => !(p.y === 560 && p.x < 800));
    const extraction = extractFiling(ocrDocument([page(1, [...placements, ...words('CIO ACME LIC', 200, 560)])]));
    assert.equal(extraction.filing.reportingOwners[0]!.street1, 'C/O ACME LLC');
    assert.match(extraction.guesses['reportingOwners[0].street1'] ?? '', /CIO ACME LIC/);
    assert.equal(extraction.guesses['reportingOwners[0].street2'], undefined, 'a line read as printed is no guess');
  });

  it('mends "C/O." run into the name after it and a quote between a house number and its street, and drops the hint\'s ink after a lone colon, flagged', () => {
    const placements = formPage().filter((p) => !(p.y === 560 && p.x < 800) && !(p.y === 600 && p.x < 800));
    const extraction = extractFiling(ocrDocument([page(1, [...placements, ...words('C/O.ACME CORP', 200, 560), ...words("100'MAIN ST : (St Street)", 200, 600)])]));
    const owner = extraction.filing.reportingOwners[0]!;
    assert.deepEqual([owner.street1, owner.street2], ['C/O ACME CORP', '100 MAIN ST']);
    assert.match(extraction.guesses['reportingOwners[0].street2'] ?? '', /": \(St Street\)" after it taken for the hint's ink/);
    const colonFirst = extractFiling(ocrDocument([page(1, [...placements, ...words('ACME CORP', 200, 560), ...words('100 : MAIN ST', 200, 600)])]));
    assert.equal(colonFirst.filing.reportingOwners[0]!.street2, '100 : MAIN ST', 'a colon after the first word is not the line\'s end');
  });

  it('mends an ordinal whose digit OCR read as a letter in a street line ("SRD FLOOR"), flagged', () => {
    const placements = formPage().filter((p) => !(p.y === 600 && p.x < 800));
    const extraction = extractFiling(ocrDocument([page(1, [...placements, ...words('SRD FLOOR', 200, 600)])]));
    assert.equal(extraction.filing.reportingOwners[0]!.street2, '3RD FLOOR');
    assert.match(extraction.guesses['reportingOwners[0].street2'] ?? '', /read as "SRD FLOOR"; 3RD taken for what OCR misread/);
  });

  it('flags the marks of a date cell that reads as a short unsure word ("oil" for a lone "(2)"), not of one reading "Immediately"', () => {
    const read = (text: string, confidence: number) => {
      const placements = formPage().filter((p) => !(p.y < 1500 && p.x === 1400 && p.text === '(2)'));
      return extractFiling(ocrDocument([page(1, [...placements, { text, x: 1400, y: 1500, height: 24, confidence }])]));
    };
    const misread = read('oil', 37);
    assert.equal(misread.filing.derivative[0]!.footnoteRefs?.dateExercisable, undefined);
    assert.ok(misread.guesses['derivative[0].footnoteRefs.dateExercisable']);
    assert.equal(read('Immediately', 95).guesses['derivative[0].footnoteRefs.dateExercisable'], undefined);
  });

  it('reads a date run in after a neighbour\'s ink, or with a bang after it, as the date, flagged; a lone nought read "of" as 0', () => {
    const read = (changes: Record<string, string>) => {
      const extraction = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.y === 1060 && changes[p.text] !== undefined ? { ...p, text: changes[p.text]! } : p)))]));
      return { line: extraction.filing.nonDerivative[0]!, guesses: extraction.guesses };
    };
    const ranIn = read({ '05/23/2017': '344105/23/2017' });
    assert.equal(ranIn.line.transactionDate, '2017-05-23');
    assert.match(ranIn.guesses['nonDerivative[0].transactionDate'] ?? '', /the date at its end taken/);
    const bang = extractFiling(ocrDocument([page(1, [...formPage(), { text: '!', x: 700, y: 1075, height: 8, confidence: 30 }])]));
    assert.equal(bang.filing.nonDerivative[0]!.transactionDate, '2017-05-23');
    assert.match(bang.guesses['nonDerivative[0].transactionDate'] ?? '', /taken for the date, the rest for specks/);
    assert.equal(read({ '05/23/2017': '3441105/23' }).line.transactionDate, null, 'no whole date at its end');
    const nought = read({ '10,000': 'of' });
    assert.equal(nought.line.sharesOwnedFollowing, 0);
    assert.ok(nought.guesses['nonDerivative[0].sharesOwnedFollowing']);
  });

  it('flags a number that a letter stood in for', () => {
    const placements = formPage().map((p) => (p.text === '10,000' ? { ...p, text: '1O,000' } : p));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.nonDerivative[0]!.sharesOwnedFollowing, 10000);
    assert.ok(extraction.findings.some((f) => f.rule === 'low-confidence' && f.path === 'nonDerivative[0].sharesOwnedFollowing'));
  });
});

describe('OCR damage the layout reading mends or flags', () => {
  it('splits a price and a date OCR ran together across a cell border, as a guess', () => {
    const placements = formPage().filter((p) => !(p.y === 1500 && (p.text === '$10.00' || p.text === '05/23/2017')));
    placements.push({ text: '$10.00(05/23/2017', x: 520, y: 1500 });
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    const [option] = extraction.filing.derivative;
    assert.deepEqual([option!.conversionOrExercisePrice, option!.transactionDate], [10, '2017-05-23']);
    const flagged = new Set(extraction.findings.map((f) => f.path));
    assert.ok(flagged.has('derivative[0].conversionOrExercisePrice') && flagged.has('derivative[0].transactionDate'));
    // With nothing between them, the date takes a two-digit month ("$1205/23/2017": $12, not $120 and 5/23/2017).
    const bare = formPage().filter((p) => !(p.y === 1500 && (p.text === '$10.00' || p.text === '05/23/2017')));
    bare.push({ text: '$1205/23/2017', x: 520, y: 1500, width: 210 });
    const [joined] = extractFiling(ocrDocument([page(1, bare)])).filing.derivative;
    assert.deepEqual([joined!.conversionOrExercisePrice, joined!.transactionDate], [12, '2017-05-23']);
    // The price's mark misread between them ("%)" for "(3)"): a mark of the price, its digits unread.
    const marked = formPage().filter((p) => !(p.y === 1500 && (p.text === '$10.00' || p.text === '05/23/2017')));
    marked.push({ text: '$10%)05/23/2017', x: 520, y: 1500, width: 220 });
    const read = extractFiling(ocrDocument([page(1, marked)]));
    const [withMark] = read.filing.derivative;
    assert.deepEqual([withMark!.conversionOrExercisePrice, withMark!.transactionDate, withMark!.footnoteRefs?.conversionOrExercisePrice], [10, '2017-05-23', ['1']]);
    assert.match(read.guesses['derivative[0].footnoteRefs.conversionOrExercisePrice'] ?? '', /run in between the price and the date/);
  });

  it('reads a date whose cell border OCR took in as a "1" or a bracket ("109/24/2018") without it, and no mark', () => {
    for (const border of ['1', '(']) {
      const placements = formPage().map((p) => (p.y === 1500 && p.text === '05/23/2017' ? { ...p, text: `${border}05/23/2017`, x: p.x - 8 } : p));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      const [option] = extraction.filing.derivative;
      assert.equal(option!.transactionDate, '2017-05-23', border);
      assert.equal(option!.footnoteRefs?.transactionDate, undefined, border);
      assert.equal(extraction.guesses['derivative[0].footnoteRefs.transactionDate'], undefined, border);
    }
  });

  it('gives a mark OCR ran into the amount before it, over the border it did not read ("500)\"" for "500 | (2)"), to its own cell, as a guess', () => {
    // Option line at y 1500: the amount at x 1260, the mark of the empty date exercisable at x 1400.
    const placements = formPage()
      .filter((p) => !(p.y === 1494 && p.x === 1400))
      .map((p) => (p.y === 1500 && p.x === 1260 ? { ...p, text: '500)"', width: 120 } : p));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    const [option] = extraction.filing.derivative;
    assert.equal(option!.sharesDisposed, 500);
    // Its digits unread, the mark is the date exercisable's, which footnote a guess (the second look reads it).
    assert.deepEqual(Object.keys(option!.footnoteRefs ?? {}), ['dateExercisable']);
    assert.match(extraction.guesses['derivative[0].footnoteRefs.dateExercisable'] ?? '', /ran into the amount before it/);
    // An amount whose mark ends its word a little past the border keeps it.
    const near = formPage().map((p) => (p.y === 1500 && p.x === 1260 ? { ...p, text: '500®', width: 70 } : p));
    assert.equal(extractFiling(ocrDocument([page(1, near)])).filing.derivative[0]!.sharesDisposed, 500);
  });

  it('gives marks alone in the first part of a transaction date\'s cell to the exercise price before it, printed as a mark alone ("(2)")', () => {
    // Option line at y 1500: no price at x 470, no transaction date at x 620; a mark at x 650, a little into the date's column.
    const placements = formPage()
      .filter((p) => !(p.y === 1500 && (p.x === 470 || p.x === 620)))
      .concat(superscript('(2)', 650, 1500));
    const [option] = extractFiling(ocrDocument([page(1, placements)])).filing.derivative;
    assert.deepEqual(option!.footnoteRefs?.conversionOrExercisePrice, ['2']);
    assert.equal(option!.footnoteRefs?.transactionDate, undefined);
    // Further into the date's column, where a date's own mark would stand after it, it stays there.
    const far = formPage().filter((p) => !(p.y === 1500 && (p.x === 470 || p.x === 620))).concat(superscript('(2)', 740, 1500));
    assert.deepEqual(extractFiling(ocrDocument([page(1, far)])).filing.derivative[0]!.footnoteRefs?.transactionDate, ['2']);
  });

  it('takes small letters alone in a date\'s cell for a misread mark ("od" for "(4)"), as a guess, and a speck there for no date', () => {
    // Option line at y 1500: the empty date exercisable's mark at x 1400.
    const misread = formPage().map((p) => (p.y === 1494 && p.x === 1400 ? { ...p, text: 'od' } : p));
    const extraction = extractFiling(ocrDocument([page(1, misread)]));
    const [option] = extraction.filing.derivative;
    assert.equal(option!.dateExercisable, null);
    assert.deepEqual(Object.keys(option!.footnoteRefs ?? {}), ['dateExercisable']);
    assert.ok(extraction.guesses['derivative[0].footnoteRefs.dateExercisable']);
    const speck = formPage().map((p) => (p.y === 1494 && p.x === 1400 ? { ...p, text: 'i', height: 3, width: 3 } : p));
    const specked = extractFiling(ocrDocument([page(1, speck)]));
    assert.equal(specked.filing.derivative[0]!.dateExercisable, null);
    assert.equal(specked.filing.derivative[0]!.footnoteRefs?.dateExercisable, undefined);
  });

  it('reads a date with a speck after its year ("05/23/2017,") as the date, flagged', () => {
    const placements = formPage().map((p) => (p.y === 1060 && p.text === '05/23/2017' ? { ...p, text: '05/23/2017,' } : p));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.nonDerivative[0]!.transactionDate, '2017-05-23');
    assert.match(extraction.guesses['nonDerivative[0].transactionDate'] ?? '', /taken for the date, the rest for specks/);
  });

  it('gives a lone (A) or (D) printed close to its amount to its own column when the sub-header that places it was lost', () => {
    const placements = formPage()
      .filter((p) => !(p.y >= 1000 && p.y <= 1035 && ['(A)', 'or', '(D)'].includes(p.text)))
      .map((p) => (p.text === 'D' && p.x === 1470 ? { ...p, x: 1392 } : p));
    const [sale] = extractFiling(ocrDocument([page(1, placements)])).filing.nonDerivative;
    assert.deepEqual([sale!.shares, sale!.acquiredDisposed, sale!.pricePerShare], [1000, 'D', 20.22]);
  });

  it('gives a lone code letter that lands before the amount, and a "D." after it, to their own empty columns', () => {
    const placements = formPage()
      .filter((p) => !(p.y >= 1000 && p.y <= 1035 && ['(A)', 'or', '(D)'].includes(p.text)))
      .map((p) => (p.text === 'S' && p.y === 1060 ? { ...p, x: 1250 } : p.text === 'D' && p.x === 1470 ? { ...p, x: 1392, text: 'D.' } : p));
    const [sale] = extractFiling(ocrDocument([page(1, placements)])).filing.nonDerivative;
    assert.deepEqual([sale!.transactionCode, sale!.shares, sale!.acquiredDisposed], ['S', 1000, 'D']);
  });

  it('gives a mark alone at the start of a cell, left of where its header begins, to the amount or price before it', () => {
    // A holding of options whose price is only a footnote: the mark, set at the price cell's right
    // edge, centred a few pixels past where the date column was placed (its header "3." at 620).
    const holding = (markX: number) => [...words('Stock Option', 200, 1600), superscript('(2)', markX, 1600), ...words('Common', 1650, 1600), ...words('1,200', 2080, 1600), ...words('D', 2230, 1600)];
    const refs = (markX: number) => extractFiling(ocrDocument([page(1, [...formPage(), ...holding(markX)])])).filing.derivative[1]!.footnoteRefs;
    assert.deepEqual(refs(594), { conversionOrExercisePrice: ['2'] });
    // A little into the date's column too (a date cell holds no mark alone: the date's mark follows it).
    assert.deepEqual(refs(625), { conversionOrExercisePrice: ['2'] });
    // Past the first part of the date's column, it is the date's.
    assert.deepEqual(refs(720), { transactionDate: ['2'] });
  });

  it('reads a number of shares with three decimals as thousands whose comma was read as a period, flagged, unless the form prints fractions of a share', () => {
    const holding = (owned: string, sold = '1,000') => {
      const placements = formPage().map((p) => (p.text === '3,625' ? { ...p, text: owned } : p.text === '1,000' ? { ...p, text: sold } : p));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      return { owned: extraction.filing.nonDerivative[1]!.sharesOwnedFollowing, flagged: extraction.findings.some((f) => f.path === 'nonDerivative[1].sharesOwnedFollowing') };
    };
    assert.deepEqual(holding('27.418'), { owned: 27418, flagged: true }, 'every other number of shares is whole');
    assert.deepEqual(holding('27.418', '1,000.5'), { owned: 27.418, flagged: true }, 'the form prints a fraction elsewhere');
    assert.deepEqual(holding('27.418', '12.500'), { owned: 27418, flagged: true }, 'a fraction in the same shape proves nothing');
    assert.deepEqual(holding('27.418', '1,000.5000'), { owned: 27418, flagged: true }, 'nor four decimals, a price\'s precision');
    assert.deepEqual(holding('27,418'), { owned: 27418, flagged: false });
    assert.deepEqual(holding('27.4185'), { owned: 27.4185, flagged: false });
  });

  it('reads "See Footnote(s)" in a nature of ownership as OCR misreads it, scraps after it left, flagged', () => {
    const nature = (...read: string[]) => {
      const placements = formPage().flatMap((p) => (p.x >= 2180 && (p.y === 1110 || p.y === 1145) ? [] : [p])).concat(read.flatMap((w, i) => words(w, 2180 + i * 120, 1110)));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      return { nature: extraction.filing.nonDerivative[1]!.natureOfOwnership, guess: extraction.guesses['nonDerivative[1].natureOfOwnership'] ?? '' };
    };
    const misread = nature('See', 'Foomotes');
    assert.equal(misread.nature, 'See Footnotes');
    assert.match(misread.guess, /read "See Foomotes"; taken as "See Footnotes"/);
    assert.equal(nature('See:', "Footnote'®", ':').nature, 'See Footnote');
    assert.deepEqual(nature('See', 'Footnote'), { nature: 'See Footnote', guess: '' });
    assert.equal(nature('See', 'Footnote', 'Trust').nature, 'See Footnote Trust', 'a word after it is no scrap');
  });

  it('reads a price whose dollar sign was read as an s ("so" for "$0"), flagged', () => {
    const extraction = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === '$20.22' ? { ...p, text: 'so' } : p)))]));
    assert.equal(extraction.filing.nonDerivative[0]!.pricePerShare, 0);
    assert.match(extraction.guesses['nonDerivative[0].pricePerShare'] ?? '', /letters taken for look-alike digits \(\$0\)/);
  });

  it('takes one character in an amount\'s cell that is a speck or a stroke taller than the line for no value', () => {
    const price = (change: Partial<Placement>) => {
      const placements = formPage().map((p) => (p.text === '$10.00' && p.y === 1500 ? { ...p, ...change } : p));
      return extractFiling(ocrDocument([page(1, placements)])).filing.derivative[0]!.conversionOrExercisePrice;
    };
    assert.equal(price({ text: '1', y: 1492, height: 40, width: 10 }), null, 'the cell\'s border');
    assert.equal(price({ text: '3', height: 4, width: 4 }), null, 'a dot');
    assert.equal(price({ text: '7', width: 12 }), 7);
  });

  it('takes a transaction date read as no date for the one date the tables print elsewhere whose digits it holds in order, flagged', () => {
    const dated = (read: string) => {
      const placements = formPage().map((p) => (p.text === '05/23/2017' && p.x === 620 ? { ...p, text: read } : p));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      return { date: extraction.filing.derivative[0]!.transactionDate, guess: extraction.guesses['derivative[0].transactionDate'] };
    };
    const slashes = dated('0572312017');
    assert.equal(slashes.date, '2017-05-23', 'its slashes read as a 7 and a 1');
    assert.match(slashes.guess ?? '', /taken as 2017-05-23, a date the tables print on another line/);
    assert.equal(dated('lo5/23/2017').date, '2017-05-23');
    assert.equal(dated('0672412017').date, null, 'no date the tables print');
  });

  it('reads a number of shares in two words, thousands and three digits, as one whose stop was lost, flagged', () => {
    const split = (...pieces: string[]) => {
      const placements = formPage().flatMap((p) => (p.text === '3,625' ? pieces.map((text, i) => ({ ...p, text, x: p.x + i * 90 })) : [p]));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      return { owned: extraction.filing.nonDerivative[1]!.sharesOwnedFollowing, guess: extraction.guesses['nonDerivative[1].sharesOwnedFollowing'] };
    };
    const lost = split('4,444', '444');
    assert.equal(lost.owned, 4444.444);
    assert.match(lost.guess ?? '', /the stop between them lost \(or 4,444,444, a comma\)/);
    assert.equal(split('4,444', '44').owned, null, 'no group of three after it');
  });

  it('reads a number grouped in thousands out of a rule read before it and a misread mark after it, and flags the mark', () => {
    const holding = (owned: string) => {
      const extraction = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === '3,625' ? { ...p, text: owned } : p)))]));
      return { owned: extraction.filing.nonDerivative[1]!.sharesOwnedFollowing, mark: extraction.guesses['nonDerivative[1].footnoteRefs.sharesOwnedFollowing'] };
    };
    const marked = holding('2,279,826]®');
    assert.equal(marked.owned, 2279826);
    assert.match(marked.mark ?? '', /a footnote mark in it may have been misread/);
    assert.deepEqual(holding('|628,553'), { owned: 628553, mark: undefined });
    // Ungrouped, a scrap may be a digit misread: no number is made up.
    assert.equal(holding('2279826]®').owned, null);
    assert.equal(holding('2,279,82]').owned, null);
    // A price in dollars and cents, likewise.
    const price = extractFiling(ocrDocument([page(1, formPage().map((p) => (p.text === '$20.22' ? { ...p, text: '[$20.2245@W' } : p)))]));
    assert.equal(price.filing.nonDerivative[0]!.pricePerShare, 20.2245);
    assert.match(price.guesses['nonDerivative[0].footnoteRefs.pricePerShare'] ?? '', /a footnote mark in it may have been misread/);
  });

  it('takes a date cell that reads a short word, however surely, as empty and flags it: no date is printed so', () => {
    const placements = [...formPage(), ...words('W', 1360, 1500)];
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.derivative[0]!.dateExercisable, null);
    assert.match(extraction.guesses['derivative[0].dateExercisable'] ?? '', /which is no date: taken as empty/);
    assert.ok(extraction.findings.some((f) => f.path === 'derivative[0].dateExercisable'));
  });

  it('flags a class or series named without its letter ("Class Common Stock")', () => {
    const placements = [...formPage().map((p) => (p.text === 'Common' && p.y === 1110 ? { ...p, x: 280 } : p)), ...words('Class', 200, 1110)];
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.nonDerivative[1]!.securityTitle, 'Class Common Stock');
    assert.ok(extraction.findings.some((f) => f.path === 'nonDerivative[1].securityTitle'));
    assert.ok(!extractFiling(ocrDocument([page(1, formPage())])).findings.some((f) => f.path === 'nonDerivative[1].securityTitle'));
  });

  it('takes a security title\'s small first letter for its capital, flagged ("class A")', () => {
    const placements = formPage().map((p) => (p.text === 'Common' && p.y === 1110 ? { ...p, text: 'common' } : p));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.nonDerivative[1]!.securityTitle, 'Common Stock');
    assert.match(extraction.guesses['nonDerivative[1].securityTitle'] ?? '', /read as "common Stock"; its first letter taken for a capital/);
  });

  it('takes a checkbox whose mark OCR dropped as checked, and flags it', () => {
    const placements = formPage().filter((p) => !(p.text === '[X]' && p.y === 480));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.reportingOwners[0]!.isDirector, true);
    assert.ok(extraction.findings.some((f) => f.path === 'reportingOwners[0].isDirector'));
  });

  it('flags Table II as a whole when its title was not found', () => {
    const placements = formPage().filter((p) => !(p.y === 1250));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.ok(extraction.findings.some((f) => f.rule === 'low-confidence' && f.path === 'derivative'));
  });

  it('keeps the words of a line together when OCR boxed one with its underline or read a rule beside them', () => {
    const placements = formPage().map((p) => (p.text === 'SPRINGFIELD' ? { ...p, height: 56 } : p.text === '(Last)' ? { ...p, y: 462, height: 38 } : p));
    placements.push({ text: '|', x: 700, y: 676, height: 60 });
    const owner = parseForm4(ocrDocument([page(1, placements)])).filing.reportingOwners[0]!;
    assert.deepEqual([owner.name, owner.street1, owner.street2, owner.city, owner.state, owner.zip], ['DOE JANE A', 'ACME CORP', '100 MAIN ST', 'SPRINGFIELD', 'IL', '62701']);
  });

  it('reads an address abroad as EDGAR writes it: the country code after the city, the postal code after it', () => {
    const placements = formPage().flatMap((p) => (p.y === 680 && p.x < 900 ? (p.text === 'SPRINGFIELD' ? words('LONDON, X0 W1K 3JP', 200, 680) : []) : [p]));
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    const owner = extraction.filing.reportingOwners[0]!;
    assert.deepEqual([owner.city, owner.state, owner.zip], ['LONDON,', 'X0', 'W1K 3JP']);
    // RULES.md asks for a US state or territory code: the code abroad is read, and left for the analyst.
    assert.ok(extraction.findings.some((f) => f.rule === 'format' && f.path === 'reportingOwners[0].state'));
  });

  it('takes an O read in a code abroad for its zero, where a comma or a postal code no US zip shows the place is abroad; Missouri stays', () => {
    const place = (line: string) => {
      const placements = formPage().flatMap((p) => (p.y === 680 && p.x < 900 ? (p.text === 'SPRINGFIELD' ? words(line, 200, 680) : []) : [p]));
      const extraction = extractFiling(ocrDocument([page(1, placements)]));
      const owner = extraction.filing.reportingOwners[0]!;
      return { place: [owner.city, owner.state, owner.zip], guess: extraction.guesses['reportingOwners[0].state'] };
    };
    const tokyo = place('MINATO-KU TOKYO MO 105-7537');
    assert.deepEqual(tokyo.place, ['MINATO-KU TOKYO', 'M0', '105-7537']);
    assert.match(tokyo.guess ?? '', /read as "MO"; taken as EDGAR's code "M0"/);
    assert.deepEqual(place('CAPITAGREEN, UO 048926').place, ['CAPITAGREEN,', 'U0', '048926']);
    assert.deepEqual(place('ST. LOUIS MO 63101').place, ['ST. LOUIS', 'MO', '63101']);
    assert.deepEqual(place('ST. LOUIS, MO 63101').place, ['ST. LOUIS,', 'MO', '63101']);
  });

  it('mends the "/s/" of an electronic signature OCR read as "Isl", and flags it; specks after the name are dropped', () => {
    const placements = formPage().map((p) => (p.text === '/s/' ? { ...p, text: 'Isl' } : p));
    placements.push({ text: ':', x: 1120, y: 2000 });
    const extraction = extractFiling(ocrDocument([page(1, placements)]));
    assert.equal(extraction.filing.signatures[0]!.name, '/s/ Jane Doe');
    assert.ok(extraction.findings.some((f) => f.rule === 'low-confidence' && f.path === 'signatures[0].name'));
  });

  it('keeps the order OCR read two words in when it boxed one over the other', () => {
    // "C/O ACME CORP" with ACME's box starting left of C/O; "Common Stock" with Common's box over Stock.
    const placements = formPage().flatMap((p) => (p.text === 'ACME' && p.y === 560 ? [{ ...p, text: 'C/O', x: 215 }, { ...p, x: 200, width: 110 }]
      : p.text === 'CORP' && p.y === 560 ? [{ ...p, x: 320 }] : p.text === 'Common' && p.y === 1060 ? [{ ...p, width: 260 }] : [p]));
    const { filing } = parseForm4(ocrDocument([page(1, placements)]));
    assert.equal(filing.reportingOwners[0]!.street1, 'C/O ACME CORP');
    assert.equal(filing.nonDerivative[0]!.securityTitle, 'Common Stock');
  });

  it('reads a D or I set high by a skew as the letter, not as a footnote mark', () => {
    const placements = formPage().map((p) => (p.text === 'D' && p.x === 2030 && p.y === 1060 ? { ...p, y: 1054, height: 20 } : p));
    const [sale] = parseForm4(ocrDocument([page(1, placements)])).filing.nonDerivative;
    assert.equal(sale!.directOrIndirect, 'D');
    assert.equal(sale!.footnoteRefs?.directOrIndirect, undefined);
  });

  it('reads an ownership cell\'s stroke ("1", "l") as I and its nought as D, flagged; other ink by whether a nature of ownership is printed', () => {
    const read = (d: string, i: string) => {
      const placements = formPage().map((p) => (p.x === 2030 && p.y === 1060 ? { ...p, text: d } : p.x === 2030 && p.y === 1110 ? { ...p, text: i } : p));
      return extractFiling(ocrDocument([page(1, placements)]));
    };
    const mended = read('0', '1');
    assert.deepEqual(mended.filing.nonDerivative.map((line) => line.directOrIndirect), ['D', 'I']);
    assert.match(mended.guesses['nonDerivative[0].directOrIndirect'] ?? '', /taken for D/);
    assert.match(mended.guesses['nonDerivative[1].directOrIndirect'] ?? '', /taken for I/);
    assert.equal(mended.filing.nonDerivative[1]!.footnoteRefs?.directOrIndirect, undefined);
    assert.equal(read('D', 'l.').filing.nonDerivative[1]!.directOrIndirect, 'I');
    const unread = read('68', 'Is');
    assert.deepEqual(unread.filing.nonDerivative.map((line) => line.directOrIndirect), ['D', 'I'], 'the holding names its trust');
    assert.match(unread.guesses['nonDerivative[0].directOrIndirect'] ?? '', /taken as D, as no nature of ownership is printed/);
    assert.match(unread.guesses['nonDerivative[1].directOrIndirect'] ?? '', /taken as I, as a nature of ownership is printed/);
  });

  it('keeps a raised short word of letters as a word, not a footnote mark', () => {
    const placements = formPage().map((p) => (p.text === 'to' && p.y === 1535 ? { ...p, y: 1530, height: 19 } : p));
    const { filing } = parseForm4(ocrDocument([page(1, placements)]));
    assert.equal(filing.derivative[0]!.securityTitle, 'Stock Option (right to buy)');
    assert.deepEqual(filing.derivative[0]!.footnoteRefs, { dateExercisable: ['2'] });
  });
});

describe('filings over several pages', () => {
  const continued = [
    ...tableIIHeader(200),
    ...words('Warrants', 200, 360),
    ...words('$5.00', 470, 360),
    ...words('2,000', 2080, 360),
    ...words('D', 2230, 360),
    ...words('Explanation of Responses:', 200, 500),
    ...words('1. Held by the reporting person.', 200, 540),
    ...words('** Signature of Reporting Person', 880, 700, 20),
  ];
  const first = formPage().filter((p) => p.y < 1650);

  it('reads a table continued on the next page (its header repeated) as one table', () => {
    const parsed = parseForm4(ocrDocument([page(1, first), page(2, continued)]));
    assert.deepEqual(parsed.filing.derivative.map((d) => [d.securityTitle, d.sharesOwnedFollowing]), [['Stock Option (right to buy)', 1500], ['Warrants', 2000]]);
    assert.deepEqual(parsed.filing.footnotes, [{ id: '1', text: 'Held by the reporting person.' }]);
    assert.deepEqual(parsed.pages, [1, 2]);
    assert.equal(parsed.sources['derivative[1].sharesOwnedFollowing']?.page, 2);
  });

  it('splits filings printed back to back where a page starts a new form', () => {
    const second = formPage().map((p) => (p.text === 'DOE' ? { ...p, text: 'ROE' } : p));
    const filings = parseForm4Filings(ocrDocument([page(1, formPage()), page(2, second)]));
    assert.deepEqual(filings.map((f) => [f.filing.reportingOwners[0]!.name, f.pages]), [['DOE JANE A', [1]], ['ROE JANE A', [2]]]);
  });

  it('reads the reporting persons printed after Table II', () => {
    const other = [
      ...words('1. Name and Address of Reporting Person*', 200, 1600),
      ...words('1. Relationship of Reporting Person(s) to Issuer', 1300, 1600),
      ...words('ROE RICHARD', 200, 1640),
      ...words('[] Director', 1300, 1640),
      ...words('[X] 10% Owner', 1650, 1640),
      ...words('(Last) (First) (Middle)', 200, 1680, 20),
      ...words('[] Officer (give title below)', 1300, 1680),
      ...words('[] Other (specify below)', 1650, 1680),
      ...words('1 ROAD', 200, 1720),
      ...words('(Street)', 200, 1760, 20),
      ...words('DOVER DE 19901', 200, 1800),
      ...words('(City) (State) (Zip)', 200, 1840, 20),
    ];
    const shifted = formPage().map((p) => (p.y >= 1650 ? { ...p, y: p.y + 300 } : p));
    const joint = headerBlock({ joint: true });
    const placements = [...joint, ...shifted.filter((p) => p.y >= 850), ...other];
    const { filing } = parseForm4(ocrDocument([page(1, placements)]));
    assert.equal(filing.reportingOwners.length, 2);
    const second = filing.reportingOwners[1]!;
    assert.deepEqual(
      [second.name, second.street1, second.city, second.state, second.zip, second.isDirector, second.isTenPercentOwner],
      ['ROE RICHARD', '1 ROAD', 'DOVER', 'DE', '19901', false, true],
    );
    assert.equal(filing.jointFiling, true);
  });
});
