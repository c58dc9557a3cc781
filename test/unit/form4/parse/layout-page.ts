// A scanned Form 4 page as OCR would hand it over, built in code: words with boxes in 300 DPI pixels,
// laid out like the printed form (boxes 1 to 6, Table I and II with their headers, explanation,
// remarks, signature). Tests move, tilt and damage it to see the layout reading hold.
import type { Document, Line, Page, Word } from '../../../../shared/document.js';

export interface Placement {
  text: string;
  x: number;
  y: number;
  /** Text height in pixels; a superscript footnote mark is smaller and raised. */
  height?: number;
  /** Box width in pixels (by default, as wide as the text). */
  width?: number;
  confidence?: number;
}

const CHAR_WIDTH = 13;

/** Each space-separated word of `text` at its own box, left to right from x. */
export function words(text: string, x: number, y: number, height = 24, confidence = 95): Placement[] {
  const out: Placement[] = [];
  let at = x;
  for (const word of text.split(' ')) {
    out.push({ text: word, x: at, y, height, confidence });
    at += (word.length + 1) * CHAR_WIDTH;
  }
  return out;
}

/** A footnote mark printed in superscript right after a value that ends at `x`. */
export function superscript(text: string, x: number, y: number, confidence = 90): Placement {
  return { text, x, y: y - 6, height: 16, confidence };
}

/** Groups placements into OCR lines by their y, as Tesseract's reading order roughly would. */
export function page(number: number, placements: readonly Placement[], tilt = 0): Page {
  const byY = new Map<number, Word[]>();
  for (const p of placements) {
    const height = p.height ?? 24;
    const width = p.width ?? p.text.length * CHAR_WIDTH;
    // Tilting turns the page about its top left corner by `tilt` radians.
    const x = p.x * Math.cos(tilt) - p.y * Math.sin(tilt);
    const y = p.x * Math.sin(tilt) + p.y * Math.cos(tilt);
    const key = Math.round(p.y / 10);
    const list = byY.get(key) ?? [];
    list.push({ text: p.text, box: { x: Math.round(x), y: Math.round(y), width, height }, confidence: p.confidence ?? 95 });
    byY.set(key, list);
  }
  const lines: Line[] = [...byY.entries()].sort(([a], [b]) => a - b).map(([, list]) => ({ words: list, box: null }));
  return { number, width: 2550, height: 3300, lines };
}

export function ocrDocument(pages: Page[]): Document {
  return { origin: 'ocr', pages };
}

/** Boxes 1 to 6 and the two check lines; `top` moves the whole block down. */
export interface HeaderOptions {
  owner?: string;
  issuer?: string;
  director?: boolean;
  joint?: boolean;
  section16?: boolean;
}

export function headerBlock(options: HeaderOptions = {}): Placement[] {
  const owner = options.owner ?? 'DOE JANE A';
  const issuer = options.issuer ?? 'ACME CORP [ ACME ]';
  const mark = (checked: boolean | undefined) => (checked ? '[X]' : '[]');
  return [
    ...words('FORM 4', 180, 200, 40),
    ...words('STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', 800, 200),
    ...words(mark(options.section16), 180, 300),
    ...words('Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.', 240, 300),
    ...words('1. Name and Address of Reporting Person*', 200, 400),
    ...words('2. Issuer Name and Ticker or Trading Symbol', 900, 400),
    ...words('5. Relationship of Reporting Person(s) to Issuer', 1700, 400),
    ...words(owner, 200, 440),
    ...words(issuer, 900, 440),
    ...words('(Check all applicable)', 1700, 440),
    ...words('(Last) (First) (Middle)', 200, 480, 20),
    ...words(`${mark(options.director ?? true)} Director`, 1700, 480),
    ...words('[] 10% Owner', 2050, 480),
    ...words('[X] Officer (give title below)', 1700, 520),
    ...words('[] Other (specify below)', 2050, 520),
    ...words('3. Date of Earliest Transaction (Month/Day/Year)', 900, 530),
    ...words('ACME CORP', 200, 560),
    ...words('05/23/2017', 900, 570),
    ...words('Chief Financial Officer', 1800, 580),
    ...words('100 MAIN ST', 200, 600),
    ...words('(Street)', 200, 640, 20),
    ...words('SPRINGFIELD IL 62701', 200, 680),
    ...words('4. If Amendment, Date of Original Filed (Month/Day/Year)', 900, 680),
    ...words('6. Individual or Joint/Group Filing (Check Applicable Line)', 1700, 680),
    ...words('(City) (State) (Zip)', 200, 720, 20),
    ...words(`${mark(!options.joint)} Form filed by One Reporting Person`, 1700, 720),
    ...words(`${mark(options.joint)} Form filed by More than One Reporting Person`, 1700, 760),
  ];
}

export function tableIHeader(top: number): Placement[] {
  return [
    ...words('1. Title of Security', 200, top),
    ...words('2. Transaction', 600, top),
    ...words('2A. Deemed', 800, top),
    ...words('3. Transaction', 1050, top),
    ...words('4. Securities Acquired', 1250, top),
    ...words('5. Amount of', 1750, top),
    ...words('6. Ownership', 2000, top),
    ...words('7. Nature of', 2180, top),
    ...words('Date', 600, top + 35),
    ...words('Execution Date', 800, top + 35),
    ...words('Beneficially Owned', 1750, top + 35),
    ...words('Code', 1050, top + 100),
    ...words('V', 1160, top + 100),
    ...words('Amount', 1250, top + 100),
    ...words('(A) or', 1450, top + 100),
    ...words('Price', 1560, top + 100),
    ...words('(D)', 1450, top + 135),
  ];
}

export function tableIIHeader(top: number): Placement[] {
  return [
    ...words('1. Title of', 200, top),
    ...words('2. Conversion', 420, top),
    ...words('3. Transaction', 620, top),
    ...words('3A. Deemed', 800, top),
    ...words('4. Transaction', 980, top),
    ...words('5. Number', 1150, top),
    ...words('6. Date', 1350, top),
    ...words('7. Title', 1650, top),
    ...words('8. Price', 1900, top),
    ...words('9. Number', 2050, top),
    ...words('10. Ownership', 2200, top),
    ...words('11. Nature', 2380, top),
    ...words('Derivative Security', 200, top + 35),
    ...words('Code', 980, top + 100),
    ...words('V', 1080, top + 100),
    ...words('(A)', 1150, top + 100),
    ...words('(D)', 1250, top + 100),
    ...words('Date', 1350, top + 100),
    ...words('Expiration', 1500, top + 100),
    ...words('Title', 1650, top + 100),
    ...words('Amount', 1780, top + 100),
  ];
}

/** The whole first page: header, one Table I transaction and holding, one Table II line, closing. */
/** The first printed line of a Table II row: a stock option exercised (M) on 05/23/2017, with a mark on its date exercisable. */
export function optionLine(y: number, line: { price: string; shares: string; mark: string; expiration: string; owned: string }): Placement[] {
  return [
    ...words('Stock Option', 200, y),
    ...words(line.price, 470, y),
    ...words('05/23/2017', 620, y),
    ...words('M', 1000, y),
    ...words(line.shares, 1260, y),
    superscript(line.mark, 1400, y),
    ...words(line.expiration, 1500, y),
    ...words('Common', 1650, y),
    ...words(line.shares, 1820, y),
    ...words('$0', 1960, y),
    ...words(line.owned, 2080, y),
    ...words('D', 2230, y),
  ];
}

export function formPage(options: { dateExercisableMark?: string; header?: HeaderOptions } = {}): Placement[] {
  return [
    ...headerBlock(options.header),
    ...words('Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', 700, 850),
    ...tableIHeader(900),
    ...words('Common Stock', 200, 1060),
    ...words('05/23/2017', 600, 1060),
    ...words('S', 1080, 1060),
    ...words('1,000', 1300, 1060),
    superscript('(1)', 1366, 1060),
    ...words('D', 1470, 1060),
    ...words('$20.22', 1580, 1060),
    ...words('10,000', 1800, 1060),
    ...words('D', 2030, 1060),
    ...words('Common', 200, 1110),
    ...words('3,625', 1800, 1110),
    ...words('I', 2030, 1110),
    ...words('By Family', 2180, 1110),
    ...words('Stock', 200, 1145),
    ...words('Trust', 2180, 1145),
    ...words('Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned', 700, 1250),
    ...words('(e.g., puts, calls, warrants, options, convertible securities)', 800, 1290),
    ...tableIIHeader(1340),
    ...optionLine(1500, { price: '$10.00', shares: '500', mark: options.dateExercisableMark ?? '(2)', expiration: '05/23/2027', owned: '1,500' }),
    ...words('(right to buy)', 200, 1535),
    ...words('Stock', 1650, 1535),
    ...words('Explanation of Responses:', 200, 1700),
    ...words('1. Sold under a 10b5-1 plan.', 200, 1740),
    ...words('2. Vests in full on grant.', 200, 1780),
    ...words('Remarks:', 200, 1850),
    ...words('None of note.', 200, 1890),
    ...words('/s/ Jane Doe', 900, 2000),
    ...words('05/25/2017', 2000, 2000),
    ...words('** Signature of Reporting Person', 880, 2050, 20),
    ...words('Date', 2000, 2050, 20),
    ...words('Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.', 200, 2150, 20),
  ];
}
