// `required`: a box the form requires is empty. Only emptiness is judged here; a filled box whose value
// is not of its kind is the format rule's.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { columnName, fieldPath, isTransactionLine, tableLines, type TableLine } from './lines.js';
import { isBlank, list, record, text } from './values.js';

const RELATIONSHIP_BOXES = ['isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther'] as const;

function ownerFindings(filing: DraftFiling): Finding[] {
  const owners = list(record(filing).reportingOwners).map(record);
  if (owners.length === 0) {
    return [finding('required', 'reportingOwners', 'Box 1 (name of reporting person) is empty: enter the name as printed.')];
  }
  return owners.flatMap((owner, i) => {
    const found: Finding[] = [];
    const who = text(owner.name) ?? `reporting person ${i + 1}`;
    if (isBlank(owner.name)) {
      found.push(finding('required', `reportingOwners[${i}].name`,
        `Box 1: the name of reporting person ${i + 1} is empty: enter it as printed (Last First Middle).`));
    }
    if (!RELATIONSHIP_BOXES.some((box) => owner[box] === true)) {
      found.push(finding('required', `reportingOwners[${i}].isDirector`,
        `Box 5: no relationship is checked for ${who}: check Director, Officer, 10% Owner or Other as marked on the form.`));
    }
    return found;
  });
}

function headerFindings(filing: DraftFiling): Finding[] {
  const draft = record(filing);
  const issuer = record(draft.issuer);
  const found: Finding[] = [];
  if (isBlank(issuer.name)) {
    found.push(finding('required', 'issuer.name', 'Box 2: the issuer name is empty: enter it as printed.'));
  }
  if (isBlank(issuer.tradingSymbol)) {
    found.push(finding('required', 'issuer.tradingSymbol', 'Box 2: the ticker or trading symbol is empty: enter it as printed.'));
  }
  if (isBlank(draft.periodOfReport)) {
    found.push(finding('required', 'periodOfReport', 'Box 3 (date of earliest transaction) is empty: enter it as YYYY-MM-DD.'));
  }
  return found;
}

/** At least one signature with its name and date; a form signed twice needs only one of them complete. */
function signatureFindings(filing: DraftFiling): Finding[] {
  const signatures = list(record(filing).signatures).map(record);
  if (signatures.length === 0) {
    return [finding('required', 'signatures', 'The form is not signed: enter the signature as printed and its date.')];
  }
  if (signatures.some((signature) => !isBlank(signature.name) && !isBlank(signature.date))) return [];
  const started = Math.max(0, signatures.findIndex((signature) => !isBlank(signature.name) || !isBlank(signature.date)));
  const signature = signatures[started] ?? {};
  const found: Finding[] = [];
  if (isBlank(signature.name)) {
    found.push(finding('required', `signatures[${started}].name`, 'The signature is empty: enter the signature of reporting person as printed.'));
  }
  if (isBlank(signature.date)) {
    found.push(finding('required', `signatures[${started}].date`, 'The date of the signature is empty: enter it as YYYY-MM-DD.'));
  }
  return found;
}

function missing(line: TableLine, field: string, why = ''): Finding {
  return finding('required', fieldPath(line, field), `${line.label}: ${columnName(line, field)} is empty${why}: enter it from the form.`);
}

function lineFindings(line: TableLine): Finding[] {
  const { cells } = line;
  const found: Finding[] = [];
  for (const field of ['securityTitle', 'directOrIndirect', 'sharesOwnedFollowing']) {
    if (isBlank(cells[field])) found.push(missing(line, field));
  }
  if (!isTransactionLine(line)) return found;
  const onTransaction = ' on a transaction line';
  for (const field of ['transactionDate', 'transactionCode']) {
    if (isBlank(cells[field])) found.push(missing(line, field, onTransaction));
  }
  if (line.table === 'nonDerivative') {
    if (isBlank(cells.shares)) found.push(missing(line, 'shares', onTransaction));
    if (isBlank(cells.acquiredDisposed)) found.push(missing(line, 'acquiredDisposed', onTransaction));
  } else if (isBlank(cells.sharesAcquired) && isBlank(cells.sharesDisposed)) {
    found.push(finding('required', fieldPath(line, 'sharesAcquired'),
      `${line.label}: column 5 is empty on a transaction line: enter the number under (A) if acquired or under (D) if disposed of.`));
  }
  return found;
}

export function requiredFindings(filing: DraftFiling): Finding[] {
  return [
    ...ownerFindings(filing),
    ...headerFindings(filing),
    ...tableLines(filing).flatMap(lineFindings),
    ...signatureFindings(filing),
  ];
}
