// `indirect-nature`: column 7 (Table I) / 11 (Table II) names the vehicle of an indirect holding, and
// only of an indirect one. A nature beside D is often a D misread from I, or a nature read into the
// wrong line.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { columnName, fieldPath, tableLines, type TableLine } from './lines.js';
import { isBlank, quote } from './values.js';

function lineFinding(line: TableLine): Finding[] {
  const { directOrIndirect: ownership, natureOfOwnership: nature } = line.cells;
  const path = fieldPath(line, 'natureOfOwnership');
  const column = columnName(line, 'natureOfOwnership');
  if (ownership === 'I' && isBlank(nature)) {
    return [finding('indirect-nature', path,
      `${line.label}: ownership is I (indirect) but ${column} is empty: enter how the shares are held (e.g. "By Trust"), or check the D/I.`)];
  }
  if (ownership === 'D' && !isBlank(nature)) {
    return [finding('indirect-nature', path,
      `${line.label}: ownership is D (direct) but ${column} says ${quote(nature)}: check whether the D should be I, or clear the nature.`)];
  }
  return [];
}

export function indirectNatureFindings(filing: DraftFiling): Finding[] {
  return tableLines(filing).flatMap(lineFinding);
}
