// One filing out of one document: the parser's reading, then every filing-only rule over it. A scan
// of several filings back to back gives one extraction per filing (extractFilings).
import type { Document } from '../../shared/document.js';
import type { Extraction } from '../../shared/extraction.js';
import { parseForm4Filings, type ParsedForm4 } from './parse/index.js';
import { checkFiling } from './rules/index.js';

export { NotAForm4Error } from './parse/index.js';

export interface ExtractOptions {
  /** Under this OCR confidence (0-100) a field is flagged `low-confidence`; default 80. */
  lowConfidenceThreshold?: number;
}

/** The document's (first) filing. */
export function extractFiling(document: Document, options: ExtractOptions = {}): Extraction {
  return extractFilings(document, options)[0]!;
}

/** Every filing of the document in page order, each with `pages`: where in the document it was read. */
export function extractFilings(document: Document, options: ExtractOptions = {}): Array<Extraction & { pages: number[] }> {
  return parseForm4Filings(document).map((parsed) => check(parsed, options));
}

function check({ pages, ...parsed }: ParsedForm4, options: ExtractOptions): Extraction & { pages: number[] } {
  const findings = checkFiling(parsed.filing, {
    confidence: parsed.confidence,
    guesses: parsed.guesses,
    ...(options.lowConfidenceThreshold === undefined ? {} : { lowConfidenceThreshold: options.lowConfidenceThreshold }),
  });
  return { ...parsed, findings, pages };
}
