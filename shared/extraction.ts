// What extracting one filing yields: the filing, its findings, and per field how sure the reading is
// and where on the page it came from. `form4 extract --json` prints {filing, findings, confidence}.
import type { FieldSource } from './document.js';
import type { Finding } from './findings.js';
import type { DraftFiling } from './model.js';

/** A field path in the JSON shape of the filing, e.g. `nonDerivative[1].sharesOwnedFollowing`. */
export type FieldPath = string;

export interface Extraction {
  filing: DraftFiling;
  findings: Finding[];
  /** 0-100 per field path that the parser filled from the input. */
  confidence: Record<FieldPath, number>;
  /** Where each field's value came from. */
  sources: Record<FieldPath, FieldSource>;
  /** Fields the parser had to guess (damaged layout), with why: each becomes a `low-confidence` finding. */
  guesses: Record<FieldPath, string>;
}
