// Field paths as a person finds them on the printed form: `nonDerivative[1].sharesOwnedFollowing` is
// "Table I line 2, column 5 (amount owned following)". Used where a rule reports paths it did not
// choose itself (low-confidence reports whatever the parser filled).
import { columnOf, tableLabel, type TableName } from './lines.js';

const HEADER: Readonly<Record<string, string>> = {
  documentType: 'Document type (4 or 4/A)',
  periodOfReport: 'Box 3 (date of earliest transaction)',
  dateOfOriginalSubmission: 'Box 4 (date of original filing)',
  notSubjectToSection16: 'The "no longer subject to Section 16" box',
  aff10b5One: 'The Rule 10b5-1(c) box',
  'issuer.name': 'Box 2 (issuer name)',
  'issuer.tradingSymbol': 'Box 2 (ticker or trading symbol)',
  jointFiling: 'Box 6 (individual or joint filing)',
  remarks: 'Remarks',
};

const OWNER_FIELD: Readonly<Record<string, string>> = {
  name: 'Box 1 (name)',
  street1: 'Box 1 (street)',
  street2: 'Box 1 (street, second line)',
  city: 'Box 1 (city)',
  state: 'Box 1 (state)',
  zip: 'Box 1 (zip)',
  isDirector: 'Box 5 (Director)',
  isOfficer: 'Box 5 (Officer)',
  isTenPercentOwner: 'Box 5 (10% Owner)',
  isOther: 'Box 5 (Other)',
  officerTitle: 'Box 5 (officer title)',
  otherText: 'Box 5 (other, specify)',
};

const LINE_FIELD = /^(nonDerivative|derivative)\[(\d+)\]\.(\w+)$/;
const OWNER = /^reportingOwners\[(\d+)\]\.(\w+)$/;
const SIGNATURE = /^signatures\[(\d+)\]\.(name|date)$/;
const FOOTNOTE = /^footnotes\[(\d+)\](?:\.(?:text|id))?$/;

/** The printed box or column a path points at, or the path itself when it names nothing printed. */
export function describeFieldPath(path: string): string {
  const header = HEADER[path];
  if (header !== undefined) return header;
  const line = LINE_FIELD.exec(path);
  if (line) {
    const table = line[1] as TableName;
    const column = columnOf(table, line[3] ?? '');
    return column === undefined ? path : `${tableLabel(table)} line ${Number(line[2]) + 1}, ${column}`;
  }
  const owner = OWNER.exec(path);
  if (owner) {
    const box = OWNER_FIELD[owner[2] ?? ''];
    return box === undefined ? path : `${box} of reporting person ${Number(owner[1]) + 1}`;
  }
  const signature = SIGNATURE.exec(path);
  if (signature) return `Signature ${Number(signature[1]) + 1} (${signature[2] === 'date' ? 'date' : 'name'})`;
  const footnote = FOOTNOTE.exec(path);
  if (footnote) return `Explanation of Responses, footnote ${Number(footnote[1]) + 1} in order`;
  return path;
}
