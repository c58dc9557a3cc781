// `amendment`: box 4 dates the filing a 4/A amends, which must come before the amendment is signed;
// and a 4/A without box 4 does not say what it amends.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { isRealIsoDate } from '../calendar.js';
import { isBlank, list, record } from './values.js';

export function amendmentFindings(filing: DraftFiling): Finding[] {
  const draft = record(filing);
  const original = draft.dateOfOriginalSubmission;
  if (isBlank(original)) {
    return draft.documentType === '4/A'
      ? [finding('amendment', 'dateOfOriginalSubmission',
        'The form is an amendment (4/A) but box 4 (date of original filing) is empty: enter the date of the filing it amends.')]
      : [];
  }
  if (!isRealIsoDate(original)) return [];
  const signed = list(draft.signatures).map((signature) => record(signature).date).filter(isRealIsoDate);
  if (signed.length === 0) return [];
  const firstSigned = signed.reduce((earliest, date) => (date < earliest ? date : earliest));
  if (original < firstSigned) return [];
  return [finding('amendment', 'dateOfOriginalSubmission',
    `Box 4 (date of original filing) is ${original}, not before the amendment was signed on ${firstSigned}: ` +
    'an amendment comes after the filing it amends; check both dates against the form.')];
}
