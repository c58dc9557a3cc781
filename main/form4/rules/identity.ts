// Which filings and holdings are "the same" for the store rules: names compared without case,
// punctuation or company suffixes, so `Allied Motion Technologies, Inc.` matches `ALLIED MOTION
// TECHNOLOGIES INC` and `SMITH RICHARD D /CO/` matches `Smith Richard D. (CO)`.
import type { DraftFiling } from '../../../shared/model.js';

const COMPANY_SUFFIXES = new Set(['INC', 'INCORPORATED', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'LTD', 'LIMITED', 'PLC', 'LLC', 'LP', 'NV', 'SA', 'AG']);

export function normalizeName(text: string | null | undefined): string {
  return (text ?? '')
    .toUpperCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

export function issuerKey(filing: DraftFiling): string {
  const words = normalizeName(filing.issuer.name).split(' ').filter((word) => word !== '');
  while (words.length > 1 && COMPANY_SUFFIXES.has(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

/** All reporting owners, in a fixed order, so a joint filing matches however its owners are listed. */
export function personKey(filing: DraftFiling): string {
  return filing.reportingOwners
    .map((owner) => normalizeName(owner.name))
    .sort()
    .join(' + ');
}

export type TableName = 'nonDerivative' | 'derivative';

interface HoldingLine {
  securityTitle: string | null;
  directOrIndirect: 'D' | 'I' | null;
  natureOfOwnership?: string | null;
}

/** A holding: one security held one way (D; or I through the same vehicle), as RULES.md matches them. */
export function holdingKey(table: TableName, line: HoldingLine): string | null {
  if (line.securityTitle === null || line.directOrIndirect === null) return null;
  const ownership = line.directOrIndirect === 'D' ? 'D' : `I:${normalizeName(line.natureOfOwnership)}`;
  return `${table}|${normalizeName(line.securityTitle)}|${ownership}`;
}
