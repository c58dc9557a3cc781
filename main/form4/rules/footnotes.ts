// `footnote-ref` and `footnote-unused`: the cells' footnote marks and the Explanation of Responses must
// match both ways. A mark with no footnote is usually a misread digit; a footnote with no mark is
// usually a mark the OCR missed.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { columnName, fieldPath, tableLines, type TableLine } from './lines.js';
import { list, record, text } from './values.js';

interface FootnoteMark {
  line: TableLine;
  field: string;
  id: string;
}

function footnoteMarks(filing: DraftFiling): FootnoteMark[] {
  return tableLines(filing).flatMap((line) =>
    Object.entries(record(line.cells.footnoteRefs)).flatMap(([field, ids]) =>
      list(ids).flatMap((id) => {
        const mark = text(id);
        return mark === null ? [] : [{ line, field, id: mark }];
      })));
}

function footnoteIds(filing: DraftFiling): Array<string | null> {
  return list(record(filing).footnotes).map((footnote) => text(record(footnote).id));
}

function describeIds(ids: readonly string[]): string {
  return ids.length === 0 ? 'no footnotes' : `only ${ids.map((id) => `(${id})`).join(', ')}`;
}

export function footnoteRefFindings(filing: DraftFiling): Finding[] {
  const known = footnoteIds(filing).filter((id): id is string => id !== null);
  const knownSet = new Set(known);
  return footnoteMarks(filing)
    .filter((mark) => !knownSet.has(mark.id))
    .map((mark) => finding('footnote-ref', fieldPath(mark.line, mark.field),
      `${mark.line.label}: ${columnName(mark.line, mark.field)} refers to footnote (${mark.id}), but the Explanation of ` +
      `Responses has ${describeIds(known)}: check the mark and the footnotes against the form.`));
}

export function footnoteUnusedFindings(filing: DraftFiling): Finding[] {
  const used = new Set(footnoteMarks(filing).map((mark) => mark.id));
  return footnoteIds(filing).flatMap((id, i) =>
    id === null || used.has(id)
      ? []
      : [finding('footnote-unused', `footnotes[${i}]`,
        `Footnote (${id}) is not referred to by any cell: find its mark on the form and attach it to that cell, or check the footnote's number.`)]);
}
