// Filings as the JSON array `form4 export --format json` writes: each item exactly form4.schema.json.
// Each filing is checked with the schema first, so a filing edited into an invalid shape stops the
// export instead of producing a file that other tools would reject.
import { filingSchema, type Filing } from '../../../shared/model.js';
import { fieldPath } from './field-path.js';
import { orderedFootnoteRefs } from './line-fields.js';

/** The schema fixes every key order but that of `footnoteRefs`, a record: order it by column too. */
function withOrderedFootnoteRefs(filing: Filing): Filing {
  const order = <Line extends { footnoteRefs?: Record<string, string[]> | undefined }>(line: Line): Line =>
    line.footnoteRefs === undefined ? line : { ...line, footnoteRefs: orderedFootnoteRefs(line.footnoteRefs) };
  return { ...filing, nonDerivative: filing.nonDerivative.map(order), derivative: filing.derivative.map(order) };
}

/**
 * The filings as pretty-printed JSON (two-space indent) ending in a newline. Keys come in the schema's
 * order, footnoteRefs in column order, whatever order the objects had, so equal filings give equal
 * text. Throws naming the first filing, by its 0-based index, that does not match the schema, with
 * each offending path.
 */
export function toJson(filings: readonly Filing[]): string {
  const checked = filings.map((filing, index) => {
    const parsed = filingSchema.safeParse(filing);
    if (parsed.success) return withOrderedFootnoteRefs(parsed.data);
    const issues = parsed.error.issues.map((issue) => `${fieldPath(issue.path) || '(filing)'}: ${issue.message}`).join('; ');
    throw new Error(`filing ${index} does not match form4.schema.json: ${issues}`);
  });
  return `${JSON.stringify(checked, null, 2)}\n`;
}
