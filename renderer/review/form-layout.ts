// The review form laid out as the printed Form 4 is: the header boxes 1-6, a group per Table I and
// Table II line, footnotes, remarks and signatures. Every field of the model is shown, filled or not
// (setting an absent optional field creates it); paths the layout does not know go under "Other" so
// nothing the filing holds is hidden. The order here is the Tab order and the order of findings.
import type { DraftFiling } from '../../shared/model.js';

export type FieldInputKind = 'text' | 'multiline' | 'number' | 'date' | 'checkbox' | 'tristate' | 'code' | 'refs';

export interface FieldSpec {
  path: string;
  label: string;
  kind: FieldInputKind;
  /** The allowed values of a 'code' field. */
  options?: readonly string[];
  /** How much of the group's row the input takes. */
  span: 1 | 2 | 3 | 4;
}

export type TableName = 'nonDerivative' | 'derivative';

export interface FieldGroup {
  id: string;
  title: string;
  fields: FieldSpec[];
  /** Set for a Table I/II line (it can be removed). */
  line?: { table: TableName; index: number };
}

const CODES = ['P', 'S', 'V', 'A', 'D', 'F', 'I', 'M', 'C', 'E', 'H', 'O', 'X', 'G', 'L', 'W', 'Z', 'J', 'K', 'U'] as const;

type Column = [name: string, label: string, kind: FieldInputKind, span: FieldSpec['span'], options?: readonly string[]];

const OWNER_ADDRESS: Column[] = [
  ['name', 'Name (Last First Middle)', 'text', 4],
  ['street1', 'Street', 'text', 2],
  ['street2', 'Street (line 2)', 'text', 2],
  ['city', 'City', 'text', 2],
  ['state', 'State', 'text', 1],
  ['zip', 'Zip', 'text', 1],
  ['cik', 'CIK', 'text', 2],
];

const OWNER_RELATIONSHIP: Column[] = [
  ['isDirector', 'Director', 'checkbox', 1],
  ['isTenPercentOwner', '10% owner', 'checkbox', 1],
  ['isOfficer', 'Officer', 'checkbox', 1],
  ['isOther', 'Other', 'checkbox', 1],
  ['officerTitle', 'Officer title', 'text', 2],
  ['otherText', 'Other (specify)', 'text', 2],
];

export const TABLE_COLUMNS: Record<TableName, Column[]> = {
  nonDerivative: [
    ['securityTitle', '1. Title of security', 'text', 4],
    ['transactionDate', '2. Transaction date', 'date', 1],
    ['deemedExecutionDate', '2A. Deemed execution', 'date', 1],
    ['transactionCode', '3. Code', 'code', 1, CODES],
    ['equitySwapInvolved', 'Equity swap', 'checkbox', 1],
    ['shares', '4. Amount', 'number', 1],
    ['acquiredDisposed', '4. (A) or (D)', 'code', 1, ['A', 'D']],
    ['pricePerShare', '4. Price', 'number', 1],
    ['sharesOwnedFollowing', '5. Owned following', 'number', 1],
    ['directOrIndirect', '6. D or I', 'code', 1, ['D', 'I']],
    ['natureOfOwnership', '7. Nature of indirect ownership', 'text', 3],
  ],
  derivative: [
    ['securityTitle', '1. Title of derivative security', 'text', 3],
    ['conversionOrExercisePrice', '2. Conversion / exercise price', 'number', 1],
    ['transactionDate', '3. Transaction date', 'date', 1],
    ['deemedExecutionDate', '3A. Deemed execution', 'date', 1],
    ['transactionCode', '4. Code', 'code', 1, CODES],
    ['equitySwapInvolved', 'Equity swap', 'checkbox', 1],
    ['sharesAcquired', '5. Acquired (A)', 'number', 1],
    ['sharesDisposed', '5. Disposed (D)', 'number', 1],
    ['dateExercisable', '6. Date exercisable', 'date', 1],
    ['expirationDate', '6. Expiration date', 'date', 1],
    ['underlyingTitle', '7. Underlying title', 'text', 2],
    ['underlyingShares', '7. Underlying amount', 'number', 1],
    ['pricePerShare', '8. Price', 'number', 1],
    ['sharesOwnedFollowing', '9. Owned following', 'number', 1],
    ['directOrIndirect', '10. D or I', 'code', 1, ['D', 'I']],
    ['natureOfOwnership', '11. Nature of indirect ownership', 'text', 3],
  ],
};

function specs(prefix: string, columns: readonly Column[]): FieldSpec[] {
  return columns.map(([name, label, kind, span, options]) => ({ path: `${prefix}${name}`, label, kind, span, ...(options === undefined ? {} : { options }) }));
}

function columnLabel(table: TableName, column: string): string {
  const label = TABLE_COLUMNS[table].find(([name]) => name === column)?.[1];
  return label === undefined ? column : label.replace(/^\w+\. /, '');
}

/** The footnote marks a line carries, one field per cell that has some (from the paths present). */
function refSpecs(table: TableName, index: number, paths: readonly string[]): FieldSpec[] {
  const prefix = `${table}[${index}].footnoteRefs.`;
  return paths
    .filter((path) => path.startsWith(prefix) && /^\w+$/.test(path.slice(prefix.length)))
    .map((path) => ({ path, label: `Footnotes: ${columnLabel(table, path.slice(prefix.length))}`, kind: 'refs' as const, span: 1 as const }));
}

/** The columns of a table line that can take footnote marks, for the "add a mark" choice. */
export function footnoteColumns(table: TableName): Array<{ name: string; label: string }> {
  return TABLE_COLUMNS[table].map(([name]) => ({ name, label: columnLabel(table, name) }));
}

/** A field the filing holds (FilingView.fields). */
export interface PresentField {
  path: string;
  value: unknown;
}

export function formLayout(document: DraftFiling, present: readonly PresentField[]): FieldGroup[] {
  const presentPaths = present.map((field) => field.path);
  const owners = Math.max(1, document.reportingOwners.length);
  const ownerTitle = (box: string, index: number): string => (owners > 1 ? `${box} (${index + 1} of ${owners})` : box);
  const groups: FieldGroup[] = [
    {
      id: 'form',
      title: 'Form',
      fields: [
        { path: 'documentType', label: 'Form type', kind: 'code', options: ['4', '4/A'], span: 1 },
        { path: 'notSubjectToSection16', label: 'No longer subject to Section 16', kind: 'checkbox', span: 2 },
        { path: 'aff10b5One', label: 'Rule 10b5-1(c)', kind: 'tristate', span: 1 },
      ],
    },
  ];
  for (let index = 0; index < owners; index += 1) {
    groups.push({ id: `box1-${index}`, title: ownerTitle('1. Name and address of reporting person', index), fields: specs(`reportingOwners[${index}].`, OWNER_ADDRESS) });
  }
  groups.push(
    {
      id: 'box2',
      title: '2. Issuer name and ticker',
      fields: [
        { path: 'issuer.name', label: 'Issuer name', kind: 'text', span: 2 },
        { path: 'issuer.tradingSymbol', label: 'Ticker', kind: 'text', span: 1 },
        { path: 'issuer.cik', label: 'CIK', kind: 'text', span: 1 },
      ],
    },
    {
      id: 'box3-4',
      title: '3. Date of earliest transaction · 4. If amendment, date original filed',
      fields: [
        { path: 'periodOfReport', label: '3. Earliest transaction', kind: 'date', span: 2 },
        { path: 'dateOfOriginalSubmission', label: '4. Original filed', kind: 'date', span: 2 },
      ],
    },
  );
  for (let index = 0; index < owners; index += 1) {
    groups.push({ id: `box5-${index}`, title: ownerTitle('5. Relationship to issuer', index), fields: specs(`reportingOwners[${index}].`, OWNER_RELATIONSHIP) });
  }
  groups.push({ id: 'box6', title: '6. Individual or joint filing', fields: [{ path: 'jointFiling', label: 'Filed by more than one reporting person', kind: 'checkbox', span: 4 }] });
  for (const [table, name] of [['nonDerivative', 'Table I'], ['derivative', 'Table II']] as const) {
    document[table].forEach((_line, index) => {
      groups.push({
        id: `${table}-${index}`,
        title: `${name} · line ${index + 1}`,
        line: { table, index },
        fields: [...specs(`${table}[${index}].`, TABLE_COLUMNS[table]), ...refSpecs(table, index, presentPaths)],
      });
    });
  }
  groups.push({
    id: 'footnotes',
    title: 'Footnotes',
    fields: document.footnotes.flatMap((_note, index): FieldSpec[] => [
      { path: `footnotes[${index}].id`, label: 'Mark', kind: 'text', span: 1 },
      { path: `footnotes[${index}].text`, label: 'Text', kind: 'multiline', span: 3 },
    ]),
  });
  groups.push({ id: 'remarks', title: 'Remarks', fields: [{ path: 'remarks', label: 'Remarks', kind: 'multiline', span: 4 }] });
  groups.push({
    id: 'signatures',
    title: 'Signature',
    fields: document.signatures.flatMap((_signature, index): FieldSpec[] => [
      { path: `signatures[${index}].name`, label: 'Signature of reporting person', kind: 'text', span: 3 },
      { path: `signatures[${index}].date`, label: 'Date', kind: 'date', span: 1 },
    ]),
  });
  const laidOut = new Set(groups.flatMap((group) => group.fields.map((field) => field.path)));
  // An empty list (no Table II lines, no footnotes) comes as a leaf of its own: it is not a field.
  const other = present.filter((field) => !laidOut.has(field.path) && !(Array.isArray(field.value) && field.value.length === 0));
  if (other.length > 0) groups.push({ id: 'other', title: 'Other', fields: other.map((field) => ({ path: field.path, label: field.path, kind: 'text', span: 4 })) });
  return groups;
}

/** Every field path of the layout in order: the order of Tab and of findings. */
export function fieldOrder(groups: readonly FieldGroup[]): string[] {
  return groups.flatMap((group) => group.fields.map((field) => field.path));
}
