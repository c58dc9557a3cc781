// A scanned filing read by the layout of its pages: the landmarks split the pages into the parts of
// the form (boxes, Table I, Table II, the other reporting persons, explanation, remarks, signatures),
// in page order, so a table or the footnotes running on to the next page stay one part. A document
// holding several filings back to back is split where a page starts a new form (its title or box 2).
import type { Document } from '../../../shared/document.js';
import type { DraftFiling } from '../../../shared/model.js';
import { readFootnotes, remarksText } from './closing.js';
import { placeWords, textHeight, textLines, visualLines, wordsIn, type Placed } from './layout-geometry.js';
import { readLayoutHeader, readNameAndAddress, readRelationship } from './layout-header.js';
import { pageLayout, type Landmark, type LandmarkName, type PageLayout } from './layout-landmarks.js';
import type { CellLook } from './cell-look.js';
import { tableLooks } from './layout-table-looks.js';
import { readLayoutTables, type TablePart } from './layout-tables.js';
import { withNameNumerals } from './name-numerals.js';
import { Provenance } from './provenance.js';
import { withoutEdgeSpecks } from './tokens.js';
import { readDate } from './values.js';

export interface LayoutReading {
  filing: DraftFiling;
  provenance: Provenance;
  /** The pages (1-based numbers in the source) the filing was read from. */
  pages: number[];
}

/** Whether the document's words carry boxes to read the layout from (a scan or a PDF text layer). */
export function hasLayout(document: Document): boolean {
  let boxed = 0;
  let total = 0;
  for (const page of document.pages) for (const line of page.lines) for (const word of line.words) {
    total += 1;
    if (word.box !== null) boxed += 1;
  }
  return total > 0 && boxed >= total * 0.9;
}

export function layoutPages(document: Document): PageLayout[] {
  let lineOffset = 0;
  return withNameNumerals(document).pages.map((page) => {
    const words = placeWords(page, lineOffset);
    lineOffset += page.lines.length;
    return pageLayout(page.number, words, page.width, page.height);
  });
}

/** Pages grouped into filings: a page with the form's title or box 2 starts one. */
export function splitFilings(pages: readonly PageLayout[]): PageLayout[][] {
  const filings: PageLayout[][] = [];
  for (const page of pages) {
    const starts = page.find('title') !== null || page.find('box2') !== null;
    if (starts || filings.length === 0) filings.push([page]);
    else filings[filings.length - 1]!.push(page);
  }
  return filings;
}

interface Marker {
  name: LandmarkName;
  at: Landmark;
  pageIndex: number;
}

const SECTION_MARKERS: LandmarkName[] = ['tableI', 'tableII', 'box1', 'explanation', 'remarks', 'signature', 'finePrint'];

/** Every section landmark of the filing in reading order (page, then height on the page). */
function markersOf(pages: readonly PageLayout[]): Marker[] {
  const markers: Marker[] = [];
  pages.forEach((page, pageIndex) => {
    for (const name of SECTION_MARKERS) for (const at of page.findAll(name)) markers.push({ name, at, pageIndex });
  });
  return markers.sort((a, b) => a.pageIndex - b.pageIndex || a.at.top - b.at.top);
}

/** The words from a marker to the next marker (over page breaks), page by page. */
function sectionParts(pages: readonly PageLayout[], markers: readonly Marker[], from: Marker): Placed[][] {
  const index = markers.indexOf(from);
  const next = markers[index + 1];
  const parts: Placed[][] = [];
  const lastPage = next?.pageIndex ?? pages.length - 1;
  for (let p = from.pageIndex; p <= lastPage; p += 1) {
    const page = pages[p]!;
    const top = p === from.pageIndex ? from.at.bottom + 1 : -Infinity;
    const bottom = next !== undefined && p === next.pageIndex ? next.at.top - 1 : Infinity;
    parts.push(wordsIn(page.words, { left: -Infinity, right: Infinity, top, bottom }));
  }
  return parts;
}

/** The tables' parts page by page, and the footnotes their marks refer to. */
function tablesOf(pages: readonly PageLayout[], markers: readonly Marker[], provenance: Provenance) {
  const first = pages[0]!;
  const height = textHeight(first.words);
  const explanation = markers.find((m) => m.name === 'explanation');
  const footnoteLines = explanation === undefined ? [] : sectionParts(pages, markers, explanation).flatMap((words) => textLines(visualLines(words), height));
  const footnotes = readFootnotes(footnoteLines, provenance).footnotes;
  const tableParts = (name: LandmarkName): TablePart[] => {
    const marker = markers.find((m) => m.name === name);
    return marker === undefined ? [] : sectionParts(pages, markers, marker).map((words) => ({ words, textHeight: textHeight(words.length > 10 ? words : first.words) }));
  };
  return { explanation, footnotes, ids: footnotes.map((f) => f.id), tableIParts: tableParts('tableI'), tableIIParts: tableParts('tableII') };
}

/** The cells of a filing worth a second, closer look (cell-look.ts): its checkboxes and table cells. */
export function layoutLooks(pages: readonly PageLayout[]): CellLook[] {
  const looks: CellLook[] = [];
  readLayoutFiling(pages, looks);
  const { ids, tableIParts, tableIIParts } = tablesOf(pages, markersOf(pages), new Provenance());
  return [...looks, ...tableLooks(tableIParts, 'I', ids), ...tableLooks(tableIIParts, 'II', ids)];
}

/** The filing read from its pages; `looks`, when given, collects the checkboxes worth a second look. */
export function readLayoutFiling(pages: readonly PageLayout[], looks?: CellLook[]): LayoutReading | null {
  const first = pages[0]!;
  const provenance = new Provenance();
  const markers = markersOf(pages);
  const tableI = markers.find((m) => m.name === 'tableI');
  const tableII = markers.find((m) => m.name === 'tableII');
  if (tableI === undefined && tableII === undefined) return null;
  const height = textHeight(first.words);
  const headerBottom = (tableI ?? tableII)!.pageIndex === 0 ? (tableI ?? tableII)!.at.top : first.height;
  const header = readLayoutHeader(first, headerBottom, height, provenance, looks);
  if (header === null) return null;

  const { explanation, footnotes, tableIParts, tableIIParts } = tablesOf(pages, markers, provenance);
  const { nonDerivative, derivative } = readLayoutTables({ I: tableIParts, II: tableIIParts }, footnotes, provenance);
  const explanationParts = explanation === undefined ? [] : sectionParts(pages, markers, explanation);
  checkFootnotesComplete(footnotes, [...nonDerivative, ...derivative], explanationParts, height, provenance);

  // A section whose title OCR lost was read as part of the one before it: everything it holds is in doubt.
  const lost = (name: LandmarkName) => !markers.some((m) => m.name === name);
  if (lost('tableI')) provenance.guess('nonDerivative', 'the title of Table I could not be found; its lines may be missing or misplaced');
  if (lost('tableII')) provenance.guess('derivative', 'the title of Table II could not be found; its lines may be missing or misplaced');
  if (lost('explanation')) provenance.guess('footnotes', 'the explanation of responses could not be found; footnotes may be missing');
  if (lost('signature')) provenance.guess('signatures', 'the signature label could not be found; the signature may be missing');
  // A 4/A is told by its box 4 date alone, so a box 4 in doubt puts the form type in doubt.
  if (provenance.guesses['dateOfOriginalSubmission'] !== undefined) provenance.guess('documentType', 'box 4 (date of the original filing) could not be read for sure; this may be a 4/A');
  const owners = [header.owner, ...readOtherOwners(pages, markers, height, provenance, looks)];
  const closing = readLayoutClosing(pages, markers, height, provenance);
  const filing: DraftFiling = {
    documentType: header.dateOfOriginalSubmission ? '4/A' : '4',
    periodOfReport: header.periodOfReport,
    dateOfOriginalSubmission: header.dateOfOriginalSubmission,
    notSubjectToSection16: header.notSubjectToSection16,
    aff10b5One: header.aff10b5One,
    issuer: header.issuer,
    reportingOwners: owners,
    jointFiling: header.jointFiling || owners.length > 1,
    nonDerivative,
    derivative,
    footnotes,
    ...closing,
  };
  return { filing, provenance, pages: pages.map((p) => p.page) };
}

/**
 * Footnotes OCR lost leave traces: a number skipped, a mark in the tables with no footnote, or a
 * stretch of the explanation with no words where lines were printed. Any of them and the footnotes
 * as a whole are a guess.
 */
function checkFootnotesComplete(
  footnotes: DraftFiling['footnotes'],
  lines: ReadonlyArray<{ footnoteRefs?: Record<string, string[]> | undefined }>,
  parts: readonly Placed[][],
  height: number,
  provenance: Provenance,
): void {
  const ids = new Set(footnotes.map((f) => f.id));
  const numbered = footnotes.every((f, i) => f.id === String(i + 1));
  const referenced = lines.flatMap((l) => Object.values(l.footnoteRefs ?? {}).flat());
  const unknown = [...new Set(referenced.filter((id) => !ids.has(id)))];
  const gap = parts.some((words) => {
    const rows = visualLines(words);
    return rows.some((row, i) => i > 0 && row.top - rows[i - 1]!.bottom > height * 3);
  });
  const why = !numbered ? 'the footnotes are not numbered 1, 2, 3...; one may have been lost'
    : unknown.length > 0 ? `footnote ${unknown.join(', ')} is referenced in the tables but could not be read`
    : gap ? 'part of the explanation of responses could not be read' : null;
  if (why !== null) provenance.guess('footnotes', why);
}

/** The reporting persons after the first: a name-and-address block beside a relationship block, below Table II. */
function readOtherOwners(pages: readonly PageLayout[], markers: readonly Marker[], height: number, provenance: Provenance, looks?: CellLook[]): DraftFiling['reportingOwners'] {
  const tableII = markers.find((m) => m.name === 'tableII' || m.name === 'tableI');
  const blocks = markers.filter((m) => m.name === 'box1' && tableII !== undefined && markers.indexOf(m) > markers.indexOf(tableII));
  return blocks.map((block, index) => {
    const page = pages[block.pageIndex]!;
    const next = markers[markers.indexOf(block) + 1];
    const bottom = next !== undefined && next.pageIndex === block.pageIndex ? next.at.top : page.height;
    const relationship = page.findAll('box5').find((l) => Math.abs(l.top - block.at.top) < height * 2);
    const split = relationship?.left ?? page.width / 2;
    const path = `reportingOwners[${index + 1}]`;
    const pad = height * 0.5;
    const address = readNameAndAddress(wordsIn(page.words, { left: block.at.left - pad, right: split - pad, top: block.at.bottom, bottom }), path, provenance);
    const relation = readRelationship(wordsIn(page.words, { left: split - pad, right: Infinity, top: (relationship ?? block.at).bottom, bottom }), path, height, provenance, looks);
    if (relationship === undefined) provenance.guess(`${path}.isDirector`, 'the relationship block of this reporting person was not found');
    return { ...address, ...relation };
  });
}

/** "/s/" as OCR misreads it: a bar, bracket or slash, an s, and a bar, l, t, 1, ! or slash. */
const SLASH_S = /^[/|[(Il]s[/|!1lIt)\]]$/;

/**
 * Remarks (from their label to the first signature) and signatures: the line over each "Signature
 * of Reporting Person" label holds the name and, on its right, the date.
 */
function readLayoutClosing(pages: readonly PageLayout[], markers: readonly Marker[], height: number, provenance: Provenance): Pick<DraftFiling, 'remarks' | 'signatures'> {
  const signatureLabels = markers.filter((m) => m.name === 'signature');
  const signatures: DraftFiling['signatures'] = [];
  const signatureTops: Array<{ pageIndex: number; top: number }> = [];
  signatureLabels.forEach((label, index) => {
    const page = pages[label.pageIndex]!;
    const previous = signatureLabels[index - 1];
    const top = previous !== undefined && previous.pageIndex === label.pageIndex ? previous.at.bottom + 1 : label.at.top - height * 15;
    const above = visualLines(wordsIn(page.words, { left: -Infinity, right: Infinity, top, bottom: label.at.top - 1 }));
    // The signature is the block of lines right above the label: a long name wraps upwards.
    let start = above.length - 1;
    while (start > 0 && above[start]!.top - above[start - 1]!.bottom < height * 0.8) start -= 1;
    const lines = above.slice(Math.max(start, 0));
    const tokens = lines.flatMap((l) => l.words.map((w) => w.token));
    const date = [...tokens].reverse().find((t) => readDate(t.text) !== null);
    // The "/s/" of an electronic signature, which OCR reads "Isl", "Is!" or "[sl": mended, as a guess.
    const slashed = tokens.filter((t) => t !== date && SLASH_S.test(t.text) && t.text !== '/s/');
    // Specks about the name (a damaged scan's dots and dashes, read as ":" or "_") are no part of it.
    const name = withoutEdgeSpecks(tokens.filter((t) => t !== date).map((t) => (slashed.includes(t) ? { ...t, text: '/s/' } : t)), `signatures[${index}].name`, provenance);
    signatureTops.push({ pageIndex: label.pageIndex, top: Math.min(...lines.map((l) => l.top), label.at.top) });
    provenance.read(`signatures[${index}].name`, name, slashed.length > 0 ? `"${slashed[0]!.text}" read as "/s/"` : undefined);
    if (date !== undefined) provenance.read(`signatures[${index}].date`, [date]);
    else provenance.guess(`signatures[${index}].date`, 'no date could be read beside the signature');
    signatures.push({ name: name.map((t) => t.text).join(' '), date: date === undefined ? null : readDate(date.text) });
  });
  const remarksLabel = markers.find((m) => m.name === 'remarks');
  if (remarksLabel === undefined) return { remarks: null, signatures };
  const end = signatureTops[0];
  // Page by page: remarks run on from the foot of one page to the top of the next.
  const tokens = sectionParts(pages, markers, remarksLabel)
    .map((words, offset) => words.filter((w) => end === undefined || remarksLabel.pageIndex + offset < end.pageIndex || (remarksLabel.pageIndex + offset === end.pageIndex && w.bottom < end.top)))
    .flatMap((words) => visualLines(words).flatMap((l) => l.words.map((w) => w.token)));
  return { remarks: remarksText(tokens, provenance), signatures };
}
