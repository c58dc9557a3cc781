// The text reader: the markup other OCR tools leave becomes plain words with their cells and gaps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTextDocument, unmark } from '../../../main/ingest/text-document.js';

const words = (text: string) => readTextDocument(text).pages[0]!.lines.flatMap((l) => l.words.map((w) => w.text));

describe('readTextDocument', () => {
  it('undoes markdown escapes, entities, emphasis and headings', () => {
    assert.deepEqual(words('## Remarks: \\$20 \\*\\* **Maida** &amp; A\\_B'), ['Remarks:', '$20', '**', 'Maida', '&', 'A_B']);
  });

  it('turns checkboxes into marks and footnote marks in every form into (N)', () => {
    assert.deepEqual(words('<input checked="" type="checkbox"/> Director <input type="checkbox"/> Officer'), ['☒', 'Director', '☐', 'Officer']);
    assert.deepEqual(words('s ⁽¹⁾ 2,192<sup>(2)</sup> 3<sup>12</sup>'), ['s', '(1)', '2,192', '(2)', '3', '(12)']);
  });

  it('keeps table cells (markdown and tabs) and drops separator rows', () => {
    const doc = readTextDocument('| a | b c |\n|---|:--:|\nx\ty');
    const lines = doc.pages[0]!.lines;
    assert.equal(lines.length, 2);
    assert.deepEqual(lines[0]!.words.map((w) => [w.text, w.cell]), [['a', 0], ['b', 1], ['c', 1]]);
    assert.deepEqual(lines[1]!.words.map((w) => [w.text, w.cell]), [['x', 0], ['y', 1]]);
  });

  it('marks the gaps that underlines, line breaks and runs of spaces make', () => {
    const line = readTextDocument('<u>Winter Michael R</u> (Last) <u>C/O ACME</u><u>495 MAIN</u> By<br>ESOP  Trust').pages[0]!.lines[0]!;
    assert.deepEqual(line.words.filter((w) => w.gapBefore).map((w) => w.text), ['(Last)', 'C/O', '495', 'By', 'ESOP', 'Trust']);
  });

  it('gives every word of a text input full confidence and no box', () => {
    for (const word of readTextDocument('Common Stock 2,000').pages[0]!.lines[0]!.words) {
      assert.equal(word.confidence, 100);
      assert.equal(word.box, null);
    }
  });

  it('leaves plain text alone', () => {
    assert.equal(unmark('Common Stock 05/23/2017'), 'Common Stock 05/23/2017');
  });
});
