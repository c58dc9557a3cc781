// Splits a document's lines into the parts of the printed form by their landmarks: the boxes above
// Table I, Table I, Table II, Explanation of Responses, and the remarks and signature block.
import { approximateSubstring, type TextLine } from './tokens.js';

export interface Sections {
  header: TextLine[];
  tableI: TextLine[];
  tableII: TextLine[];
  explanation: TextLine[];
  /**
   * From a "Remarks:" label to the "Signature of Reporting Person" label. Without that label the
   * remarks and signature paragraphs stand at the end of `explanation`, and the footnote reader hands
   * back what is not a footnote.
   */
  closing: TextLine[];
  /** True when the closing part began with a "Remarks:" label. */
  remarksLabelled: boolean;
  /** How many of the form's landmarks were found: a page with few of them is not a Form 4. */
  landmarks: number;
}

function lineHas(line: TextLine, key: string, share = 0.15): boolean {
  return approximateSubstring(line.norm, key, key.length <= 8 ? 0 : Math.floor(key.length * share)) !== null;
}

function findLine(lines: readonly TextLine[], from: number, test: (line: TextLine) => boolean): number {
  for (let i = from; i < lines.length; i += 1) if (test(lines[i]!)) return i;
  return -1;
}

export function splitSections(lines: readonly TextLine[]): Sections {
  const tableI = findLine(lines, 0, (l) => lineHas(l, 'tableinonderivativesecurities'));
  const tableII = findLine(lines, Math.max(tableI, 0), (l) => lineHas(l, 'tableiiderivativesecurities') && !lineHas(l, 'nonderivative'));
  const tablesEnd = Math.max(tableI, tableII, 0);
  const explanation = findLine(lines, tablesEnd, (l) => lineHas(l, 'explanationofresponses'));
  const signature = findLine(lines, Math.max(explanation, tablesEnd), (l) => lineHas(l, 'signatureofreportingperson'));
  const closingFrom = explanation >= 0 ? explanation : tablesEnd;
  const remarks = findLine(lines, closingFrom, (l) => /^remarks/.test(l.norm));
  const end = (index: number) => (index >= 0 ? index : lines.length);
  const slice = (from: number, to: number) => (from < 0 ? [] : lines.slice(from + 1, Math.max(from + 1, to)));
  const remarksBeforeSignature = remarks >= 0 && (signature < 0 || remarks < signature);

  const landmarks = [tableI, tableII, explanation, signature].filter((i) => i >= 0).length
    + (lines.some((l) => lineHas(l, 'nameandaddressofreportingperson')) ? 1 : 0)
    + (lines.some((l) => lineHas(l, 'statementofchangesinbeneficialownership')) ? 1 : 0);

  const headerEnd = tableI >= 0 ? tableI : end(explanation);
  const tableIEnd = [tableII, explanation, signature].find((i) => i > tableI) ?? lines.length;
  const tableIIEnd = [explanation, signature].find((i) => i > tableII) ?? lines.length;
  const explanationEnd = remarksBeforeSignature ? remarks : end(signature);
  return {
    header: lines.slice(0, headerEnd),
    tableI: tableI >= 0 ? slice(tableI, tableIEnd) : [],
    tableII: tableII >= 0 ? slice(tableII, tableIIEnd) : [],
    explanation: explanation >= 0 ? slice(explanation, explanationEnd) : [],
    closing: remarksBeforeSignature ? slice(remarks, end(signature)) : [],
    remarksLabelled: remarksBeforeSignature,
    landmarks,
  };
}
