// parseForm4: the document model in, every field of the Form 4 out, each with its confidence and the
// words it came from. Inputs of every origin (text files, PDF text layers, OCR) come through here.
import type { Document } from '../../../shared/document.js';
import type { DraftFiling } from '../../../shared/model.js';
import { readClosing, readFootnotes } from './closing.js';
import { readHeader } from './header.js';
import { Provenance } from './provenance.js';
import { splitSections } from './sections.js';
import { readDerivativeTable, readNonDerivativeTable } from './tables.js';
import { documentLines } from './tokens.js';

export interface ParsedForm4 {
  filing: DraftFiling;
  confidence: Record<string, number>;
  sources: Provenance['sources'];
  guesses: Record<string, string>;
}

export class NotAForm4Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAForm4Error';
  }
}

/** Fewer of the form's landmarks than this (box 1, the title, the tables, explanation, signature) and it is not a Form 4. */
const MIN_LANDMARKS = 3;

export function parseForm4(document: Document): ParsedForm4 {
  const lines = documentLines(document);
  const sections = splitSections(lines);
  if (sections.landmarks < MIN_LANDMARKS) {
    throw new NotAForm4Error(`not a Form 4: found ${sections.landmarks} of the form's landmarks (box 1, title, Table I, Table II, explanation, signature)`);
  }
  const provenance = new Provenance();
  const header = readHeader(sections.header.flatMap((l) => l.tokens), provenance);
  const nonDerivative = readNonDerivativeTable(sections.tableI, provenance);
  const derivative = readDerivativeTable(sections.tableII, provenance);
  const explanation = readFootnotes(sections.explanation, provenance);
  const closing = readClosing(sections.remarksLabelled ? sections.closing : explanation.rest, provenance);
  const filing: DraftFiling = {
    documentType: header.dateOfOriginalSubmission ? '4/A' : '4',
    ...header,
    nonDerivative,
    derivative,
    footnotes: explanation.footnotes,
    ...closing,
  };
  return { filing, confidence: provenance.confidence, sources: provenance.sources, guesses: provenance.guesses };
}
