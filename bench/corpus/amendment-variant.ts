// The corpus has no amendments (4/A); these variants make some. An amendment reprints the filing with
// box 4 filled with the date the original was filed, and is itself signed later than that. The original
// is taken as filed on the day it was signed, which is never before the earliest transaction.
import type { Filing } from '../../shared/model.js';
import type { Random } from './seeded-random.js';

const DAY_MS = 86_400_000;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function amendmentVariant(filing: Filing, random: Random): Filing {
  const period = dayOf(filing.periodOfReport);
  const signedDays = filing.signatures
    .map((signature) => (signature.date ? dayOf(signature.date) : Number.NaN))
    .filter((time) => Number.isFinite(time));
  // A Form 4 is due two business days after the transaction: an undated original is put there.
  const original = Math.max(period, signedDays.length > 0 ? Math.min(...signedDays) : period + 2 * DAY_MS);
  const amendedOn = original + random.integer(1, 30) * DAY_MS;
  return {
    ...filing,
    documentType: '4/A',
    dateOfOriginalSubmission: isoDay(original),
    signatures: filing.signatures.map((signature) => ({ ...signature, date: isoDay(amendedOn) })),
  };
}
