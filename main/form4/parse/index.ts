// parseForm4: the document model in, every field of the Form 4 out, each with its confidence and the
// words it came from. Inputs of every origin (text files, PDF text layers, OCR) come through here:
// words with boxes are read by the layout of the page (layout-*.ts), text without geometry by the
// order of its lines.
import type { Document } from '../../../shared/document.js';
import type { DraftFiling } from '../../../shared/model.js';
import { readClosing, readFootnotes } from './closing.js';
import { readHeader } from './header.js';
import { hasLayout, layoutPages, readLayoutFiling, splitFilings } from './layout-filing.js';
import { Provenance } from './provenance.js';
import { splitSections } from './sections.js';
import { readDerivativeTable, readNonDerivativeTable } from './tables.js';
import { documentLines } from './tokens.js';

export interface ParsedForm4 {
  filing: DraftFiling;
  confidence: Record<string, number>;
  sources: Provenance['sources'];
  guesses: Record<string, string>;
  /** The pages of the document the filing was read from (all of them for a text input). */
  pages: number[];
}

export class NotAForm4Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAForm4Error';
  }
}

/** Fewer of the form's landmarks than this (box 1, the title, the tables, explanation, signature) and it is not a Form 4. */
const MIN_LANDMARKS = 3;

/** The one filing of a document; where it holds several back to back, the first. */
export function parseForm4(document: Document): ParsedForm4 {
  return parseForm4Filings(document)[0]!;
}

/**
 * Every filing of a document, in page order: a scan of several Form 4s back to back is split where
 * a page starts a new form. A document whose layout cannot be read is read as text, as one filing.
 */
export function parseForm4Filings(document: Document): ParsedForm4[] {
  if (hasLayout(document)) {
    const readings = splitFilings(layoutPages(document)).map((pages) => readLayoutFiling(pages));
    if (readings.length > 0 && readings.every((r) => r !== null)) {
      return readings.map((r) => ({ filing: r!.filing, confidence: r!.provenance.confidence, sources: r!.provenance.sources, guesses: r!.provenance.guesses, pages: r!.pages }));
    }
  }
  return [parseText(document)];
}

function parseText(document: Document): ParsedForm4 {
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
  return { filing, confidence: provenance.confidence, sources: provenance.sources, guesses: provenance.guesses, pages: document.pages.map((p) => p.number) };
}
