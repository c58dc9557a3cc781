// One filing out of one document: the parser's reading, then every filing-only rule over it.
import type { Document } from '../../shared/document.js';
import type { Extraction } from '../../shared/extraction.js';
import { parseForm4 } from './parse/index.js';
import { checkFiling } from './rules/index.js';

export { NotAForm4Error } from './parse/index.js';

export interface ExtractOptions {
  /** Under this OCR confidence (0-100) a field is flagged `low-confidence`; default 80. */
  lowConfidenceThreshold?: number;
}

export function extractFiling(document: Document, options: ExtractOptions = {}): Extraction {
  const parsed = parseForm4(document);
  const findings = checkFiling(parsed.filing, {
    confidence: parsed.confidence,
    guesses: parsed.guesses,
    ...(options.lowConfidenceThreshold === undefined ? {} : { lowConfidenceThreshold: options.lowConfidenceThreshold }),
  });
  return { ...parsed, findings };
}
