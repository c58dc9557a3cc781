import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replaceSection } from '../../../bench/docs-section.js';

const DOC = ['# Benchmarks', '', '## Store', '', 'store figures', '', '## OCR', '', 'old OCR table', '', '### Notes', '', 'kept notes', '', '## Later', '', 'later text', ''].join('\n');

test('a section is replaced up to the next heading of any level, so its subsections stay', () => {
  const updated = replaceSection(DOC, '## OCR', '## OCR\n\nnew OCR table\n');
  assert.match(updated, /## OCR\n\nnew OCR table\n\n### Notes\n\nkept notes\n\n## Later/);
  assert.doesNotMatch(updated, /old OCR table/);
  assert.match(updated, /## Store\n\nstore figures\n/);
});

test('a missing subsection goes at the end of its parent section; a missing section at the end', () => {
  const withRun = replaceSection(DOC, '### 10-page run', '### 10-page run\n\n42 s\n', '## OCR');
  assert.match(withRun, /kept notes\n\n### 10-page run\n\n42 s\n\n## Later/);
  const again = replaceSection(withRun, '### 10-page run', '### 10-page run\n\n40 s\n', '## OCR');
  assert.equal(again.match(/### 10-page run/g)?.length, 1);
  assert.match(again, /40 s/);
  const appended = replaceSection(DOC, '## Accuracy', '## Accuracy\n\nfigures\n');
  assert.ok(appended.endsWith('later text\n\n## Accuracy\n\nfigures\n'));
});
