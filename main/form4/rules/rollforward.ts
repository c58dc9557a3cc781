// `rollforward`: within one table, each transaction line's amount owned following must be the previous
// line's for the same holding plus what it acquired or minus what it disposed of.
//
// A holding is a security title (case and spacing ignored) held one way: directly, or indirectly
// through one named vehicle. The vehicle is the nature as printed, footnote marks included: filers
// with several trusts or funds write "See Footnote" on each line and name the vehicle in the footnote
// (corpus: RUM, AUR), so "See Footnote (4)" and "See Footnote (6)" are different holdings.
// In Table II the title is not enough either: "Stock Option (right to buy)" at $10 expiring 2027 and at
// $20 expiring 2030, or RSUs vesting on different schedules (ZIP), are separate series each with its
// own following amount, so the exercise price, the two dates of column 6 and their footnote marks are
// part of the holding there.
//
// Lines of other holdings in between do not break a chain (filers interleave direct and trust lines).
// Holding lines (no date, no code) are left out of it: they report a position without a change, so
// there is nothing to roll forward from or to, and on printed forms they follow the transactions.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { amountOf, columnName, directionOf, fieldPath, isTransactionLine, tableLines, type TableLine } from './lines.js';
import { comparableText, finiteNumber, formatAmount, list, record, text } from './values.js';

/** Half the smallest fraction filers print (0.001 share), and far above the error of adding decimals. */
const TOLERANCE = 0.0005;

/** The footnote marks of a cell, in a fixed order. */
function marks(line: TableLine, field: string): string[] {
  return list(record(line.cells.footnoteRefs)[field]).flatMap((id) => text(id) ?? []).sort();
}

function holdingKey(line: TableLine): string | null {
  const { cells } = line;
  const title = comparableText(cells.securityTitle);
  const ownership = cells.directOrIndirect;
  if (title === null || (ownership !== 'D' && ownership !== 'I')) return null;
  const parts: unknown[] = [line.table, title, ownership];
  if (ownership === 'I') {
    parts.push(comparableText(cells.natureOfOwnership), marks(line, 'natureOfOwnership'), marks(line, 'directOrIndirect'));
  }
  if (line.table === 'derivative') {
    parts.push(finiteNumber(cells.conversionOrExercisePrice), marks(line, 'conversionOrExercisePrice'));
    for (const field of ['dateExercisable', 'expirationDate']) parts.push(comparableText(cells[field]), marks(line, field));
  }
  return JSON.stringify(parts);
}

function mismatch(previous: TableLine, line: TableLine): Finding[] {
  const before = finiteNumber(previous.cells.sharesOwnedFollowing);
  const after = finiteNumber(line.cells.sharesOwnedFollowing);
  const amount = amountOf(line);
  const direction = directionOf(line);
  if (before === null || after === null || amount === null || direction === null) return [];
  const expected = direction === 'A' ? before + amount : before - amount;
  if (Math.abs(expected - after) <= TOLERANCE) return [];
  const change = direction === 'A' ? `+ ${formatAmount(amount)} acquired` : `- ${formatAmount(amount)} disposed of`;
  const explained = marks(line, 'sharesOwnedFollowing');
  const footnoteHint = explained.length === 0
    ? ''
    : ` If the amounts are read right, footnote ${explained.map((id) => `(${id})`).join(', ')} on that cell may explain the difference.`;
  return [finding('rollforward', fieldPath(line, 'sharesOwnedFollowing'),
    `${line.label}: ${columnName(line, 'sharesOwnedFollowing')} is ${formatAmount(after)}, but ${previous.label}'s ` +
    `${formatAmount(before)} ${change} gives ${formatAmount(expected)}: check the amounts of both lines against the form.${footnoteHint}`)];
}

export function rollforwardFindings(filing: DraftFiling): Finding[] {
  const lastOfHolding = new Map<string, TableLine>();
  const found: Finding[] = [];
  for (const line of tableLines(filing)) {
    const key = isTransactionLine(line) ? holdingKey(line) : null;
    if (key === null) continue;
    const previous = lastOfHolding.get(key);
    if (previous) found.push(...mismatch(previous, line));
    lastOfHolding.set(key, line);
  }
  return found;
}
