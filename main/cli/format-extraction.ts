// The person-readable form of one extraction for the terminal: the boxes, the tables, the footnotes,
// then findings, then the fields the OCR was unsure of.
import type { Extraction } from '../../shared/extraction.js';
import type { DraftFiling } from '../../shared/model.js';

const show = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value));
const amount = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: 6 }));

function refs(line: { footnoteRefs?: Record<string, string[]> | undefined }): string {
  const ids = [...new Set(Object.values(line.footnoteRefs ?? {}).flat())];
  return ids.length === 0 ? '' : ` (${ids.join(',')})`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()}`);
}

function relationship(owner: DraftFiling['reportingOwners'][number]): string {
  const roles = [
    owner.isDirector ? 'Director' : null,
    owner.isOfficer ? `Officer${owner.officerTitle ? `: ${owner.officerTitle}` : ''}` : null,
    owner.isTenPercentOwner ? '10% Owner' : null,
    owner.isOther ? `Other${owner.otherText ? `: ${owner.otherText}` : ''}` : null,
  ].filter((r) => r !== null);
  return roles.length === 0 ? 'no relationship checked' : roles.join(', ');
}

export function formatExtraction(file: string, extraction: Extraction, threshold: number): string {
  const { filing, findings, confidence, guesses } = extraction;
  const out: string[] = [`== ${file}`];
  out.push(`Form ${filing.documentType}  period ${show(filing.periodOfReport)}${filing.dateOfOriginalSubmission ? `  amends filing of ${filing.dateOfOriginalSubmission}` : ''}`);
  out.push(`Issuer   ${show(filing.issuer.name)} [${show(filing.issuer.tradingSymbol)}]`);
  filing.reportingOwners.forEach((owner) => {
    const address = [owner.street1, owner.street2, [owner.city, owner.state, owner.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    out.push(`Person   ${show(owner.name)} — ${relationship(owner)}${address ? `\n         ${address}` : ''}`);
  });
  if (filing.notSubjectToSection16) out.push('No longer subject to Section 16');
  if (filing.nonDerivative.length > 0) {
    out.push('Table I');
    out.push(...table([
      ['#', 'Title', 'Date', 'Code', 'Amount', 'A/D', 'Price', 'Following', 'D/I', 'Nature'],
      ...filing.nonDerivative.map((l, i) => [String(i), `${show(l.securityTitle)}${refs(l)}`, show(l.transactionDate), show(l.transactionCode), amount(l.shares), show(l.acquiredDisposed), amount(l.pricePerShare), amount(l.sharesOwnedFollowing), show(l.directOrIndirect), show(l.natureOfOwnership)]),
    ]));
  }
  if (filing.derivative.length > 0) {
    out.push('Table II');
    out.push(...table([
      ['#', 'Title', 'Exercise', 'Date', 'Code', '(A)', '(D)', 'Exercisable', 'Expires', 'Underlying', 'Shares', 'Following', 'D/I'],
      ...filing.derivative.map((l, i) => [String(i), `${show(l.securityTitle)}${refs(l)}`, amount(l.conversionOrExercisePrice), show(l.transactionDate), show(l.transactionCode), amount(l.sharesAcquired), amount(l.sharesDisposed), show(l.dateExercisable), show(l.expirationDate), show(l.underlyingTitle), amount(l.underlyingShares), amount(l.sharesOwnedFollowing), show(l.directOrIndirect)]),
    ]));
  }
  filing.footnotes.forEach((f) => out.push(`(${f.id}) ${f.text}`));
  if (filing.remarks) out.push(`Remarks  ${filing.remarks}`);
  filing.signatures.forEach((s) => out.push(`Signed   ${show(s.name)}  ${show(s.date)}`));

  const errors = findings.filter((f) => f.severity === 'error').length;
  out.push(`Findings ${errors} error(s), ${findings.length - errors} warning(s)`);
  findings.forEach((f) => out.push(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(16)} ${f.path}: ${f.message}`));
  const unsure = Object.entries(confidence).filter(([path, c]) => c < threshold || guesses[path] !== undefined);
  const lowest = Object.values(confidence).reduce((min, c) => Math.min(min, c), 100);
  out.push(`Confidence: ${Object.keys(confidence).length} fields read, lowest ${lowest}${unsure.length > 0 ? `; unsure: ${unsure.map(([p, c]) => `${p} ${c}${guesses[p] ? ' (guessed)' : ''}`).join(', ')}` : ''}`);
  return `${out.join('\n')}\n\n`;
}
