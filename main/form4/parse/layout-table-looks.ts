// The second look's questions about a scanned table (cell-look.ts): per row, the one-letter cells
// (code, A/D, D/I) that read empty, malformed or unsure, the footnote marks whose digits were guessed,
// the value cells OCR saw nothing in, and the dates and amounts read well formed but unsure (to be
// confirmed). Each is named by a box in page pixels: the cell's column across the row's first line,
// kept clear of the rows above and below. (The checkboxes are asked by layout-header.ts.)
import type { Box } from '../../../shared/document.js';
import { CELL_KINDS, LOST_TRUST, type CellKind, type CellLook } from './cell-look.js';
import { AMOUNT_COLUMNS, columnAt, LETTER_COLUMNS, TEXT_COLUMNS, type TableName } from './layout-columns.js';
import type { Placed, VisualLine } from './layout-geometry.js';
import { baselineOf, readRows, type Cell, type FootnoteIds, type TableRow, type TablePart } from './layout-tables.js';
import type { Token } from './tokens.js';

/** A one-letter cell read at least this surely, marks and all, is not looked at again. */
const SURE = 85;

/** The cells of a table worth a second, closer look; nothing is asked of a cell that reads well and surely. */
export function tableLooks(parts: readonly TablePart[], table: TableName, ids: FootnoteIds): CellLook[] {
  const looks: CellLook[] = [];
  const rows = readRows(parts, table, ids);
  rows.forEach((row, r) => {
    // The cut stays clear of the rows above and below (lines of a table follow closely).
    const above = rows[r - 1]?.first.words[0]?.token.page === row.first.words[0]?.token.page ? rows[r - 1]!.bottom : -Infinity;
    const below = rows[r + 1]?.first.words[0]?.token.page === row.first.words[0]?.token.page ? rows[r + 1]!.first.top : Infinity;
    const band = { top: Math.max(row.first.top - row.textHeight * 0.6, (above + row.first.top) / 2), bottom: Math.min(row.first.bottom + row.textHeight * 0.3, (row.first.bottom + below) / 2) };
    const valueBoxes = new Set([...row.cells.values()].flatMap((cell) => cell.values.map((v) => v.box)));
    row.columns.forEach((column, index) => {
      const cell = row.cells.get(column.field);
      const raised = cell === undefined ? null : raisedLook(row, index, cell, below);
      if (raised !== null) looks.push(raised);
      const kind = LETTER_COLUMNS[column.field];
      if (kind !== undefined) {
        const look = letterLook(row, index, cell, kind, band);
        if (look !== null) looks.push(look);
      } else if (cell !== undefined && (cell.values.length > 0 || cell.marks.length > 0)) {
        const marks = markLooks(cell, row.textHeight, valueBoxes);
        const confirm = marks.length === 0 && !TEXT_COLUMNS.has(column.field) ? confirmLook(row, index, cell, band) : null;
        looks.push(...marks, ...(confirm === null ? [] : [confirm]));
      } else if (!TEXT_COLUMNS.has(column.field) && column.field !== 'voluntary') {
        const look = lostLook(row, index, band);
        if (look !== null) looks.push(look);
      }
    });
  });
  return looks;
}

function letterLook(row: TableRow, index: number, cell: Cell | undefined, kind: CellKind, band: { top: number; bottom: number }): CellLook | null {
  const values = cell?.values ?? [];
  const marks = cell?.marks ?? [];
  const page = values[0]?.page ?? marks[0]?.token.page ?? row.first.words[0]?.token.page;
  if (page === undefined) return null;
  const text = values.map((v) => v.text).join('');
  const reading = `${text}${marks.map((m) => `(${m.id})`).join('')}`;
  const { alphabet, pattern } = CELL_KINDS[kind];
  const bar = kind === 'ownership' ? CELL_KINDS.ownership.bar : undefined;
  const guessed = marks.some((m) => m.guess !== undefined) || cell?.markRunIn === true || cell?.markLost === true;
  const confidence = Math.min(100, ...values.map((v) => v.confidence), ...marks.map((m) => m.token.confidence));
  const wellFormed = pattern.test(reading);
  if (wellFormed && !guessed && confidence >= SURE) return null;
  // An empty cell is worth a look only where the row must print something: the ownership form on
  // every row, a code where there is a transaction date, (A) or (D) where there is an amount.
  const filled = (field: string) => (row.cells.get(field)?.values.length ?? 0) > 0;
  const needed = kind === 'ownership' || (kind === 'code' ? filled('transactionDate') : filled('shares'));
  if (values.length === 0 && marks.length === 0 && !needed) return null;
  const h = row.textHeight;
  const box = cellBox(row, index, band);
  // The letter stands on the row's first line: ink whose middle is off it belongs to something else.
  const line = cellBox(row, index, { top: row.first.top - h * 0.2, bottom: row.first.bottom + h * 0.2 });
  if (box === null || line === null) return null;
  const boxes = (tokens: ReadonlyArray<Token>) => [...new Set(tokens.map((t) => t.box).filter((b): b is Box => b !== null))];
  // The letter is read without the marks raised beside it, and they apart ("S(1)" read whole is often "(1)").
  const raised = { baseline: box.y + (baselineOf(row.first, h) - band.top), textHeight: h };
  return {
    page, box, alphabet: alphabet.replace(/[()\d]/g, ''), marksApart: CELL_KINDS.marks.alphabet, raised, pattern, ...(bar === undefined ? {} : { bar }),
    replaces: boxes(values), marks: boxes(marks.map((m) => m.token)), inkWithin: { top: line.y, bottom: line.y + line.height },
    prefix: '', firstReading: wellFormed && !guessed ? reading : null,
  };
}

/**
 * A value cell OCR read nothing in: a look finds out whether ink stands there (marks alone, or a value
 * the page reading dropped). Whatever is read comes back unsure, so the field is flagged either way.
 */
function lostLook(row: TableRow, index: number, band: { top: number; bottom: number }): CellLook | null {
  const page = row.first.words[0]?.token.page;
  const h = row.textHeight;
  const box = cellBox(row, index, band);
  const line = cellBox(row, index, { top: row.first.top - h * 0.6, bottom: row.first.bottom + h * 0.2 });
  if (page === undefined || box === null || line === null) return null;
  const { alphabet, pattern } = CELL_KINDS.lost;
  return { page, box, alphabet, pattern, marksAlone: true, replaces: [], marks: [], inkWithin: { top: line.y, bottom: line.y + line.height }, prefix: '', firstReading: null, trust: LOST_TRUST };
}

/**
 * A date or amount read well formed but unsure: a second reading that agrees makes it sure (the
 * analyst is not sent to check it); one that differs leaves it flagged.
 */
function confirmLook(row: TableRow, index: number, cell: Cell, band: { top: number; bottom: number }): CellLook | null {
  const confidence = Math.min(100, ...cell.values.map((v) => v.confidence), ...cell.marks.map((m) => m.token.confidence));
  const reading = `${cell.values.map((v) => v.text).join('')}${cell.marks.map((m) => `(${m.id})`).join('')}`;
  const { alphabet, pattern } = CELL_KINDS.value;
  const page = cell.values[0]?.page;
  if (confidence >= SURE || cell.doubt !== undefined || !pattern.test(reading) || page === undefined) return null;
  const box = cellBox(row, index, band);
  if (box === null) return null;
  const tokens = [...cell.values, ...cell.marks.map((m) => m.token)];
  const boxes = [...new Set(tokens.map((t) => t.box).filter((b): b is Box => b !== null))];
  return { page, box, alphabet, pattern, replaces: boxes, marks: [], prefix: '', firstReading: reading };
}

/**
 * A cell with a value and no footnote mark read, or one run into its last word, or only marks
 * guessed from a stray character glued to the next cell's date: OCR often drops a small superscript,
 * runs it into a value's box or reads it as a stray letter ("Cc" for "C(1)", "@1" for "(4)").
 * Only the ink raised above the line the value stands on is read (the line a mark ends: the last
 * line of a wrapped text cell, the first of a value). A mark run into the value comes back after the
 * value's text ("C(1)"); nothing raised there leaves the first reading as it was.
 */
function raisedLook(row: TableRow, index: number, cell: Cell, below: number): CellLook | null {
  const field = row.columns[index]!.field;
  const last = cell.values[cell.values.length - 1];
  // (Marks read apart, as one wrapped to the next line, are not this look's: it rewrites the last word only.)
  const runIn = cell.markRunIn && last !== undefined && last.box !== null && cell.marks.some((m) => m.token.box === last.box);
  // Marks guessed from a stray character glued to the next cell's date: looked for here, in a cell
  // with no value or with its value in the same word ("$0%)03/15/2025"; a code's mark glued to the
  // date beside it reads no better from the code's cell).
  const glued = cell.marks.length > 0 && cell.marks.every((m) => m.glued === true && (last === undefined || m.token.box === last.box));
  const page = last?.page ?? cell.marks[0]?.token.page;
  const ofColumn = (word: Placed) => columnAt(row.columns, (word.left + word.right) / 2).field === field;
  const inColumn = (line: VisualLine) => line.words.some(ofColumn);
  const wrapped = TEXT_COLUMNS.has(field) && !runIn && !glued ? wrappedBeforeMarks(row, cell, ofColumn) : -1;
  if (page === undefined || (cell.marks.length > 0 && !runIn && !glued && wrapped < 0) || field === 'voluntary') return null;
  const h = row.textHeight;
  const holdsLast = (line: VisualLine) => line.words.some((w) => w.token.box === last?.box);
  const at = runIn ? row.lines.findIndex(holdsLast) : wrapped >= 0 ? wrapped : TEXT_COLUMNS.has(field) ? row.lines.findLastIndex(inColumn) : 0;
  const line = row.lines[at];
  if (line === undefined) return null;
  const baseline = baselineOf(line, h);
  // A mark stands higher than the line's letters: the cut reaches into the line above, whose letters
  // then cross its edge and are wiped (second-look.ts), where the mark stands clear of it.
  const top = line.top - h * 0.6;
  const bottom = Math.min(baseline + h * 0.3, ((row.lines[at + 1]?.top ?? below) + baseline) / 2);
  const box = cellBox(row, index, { top, bottom }, line);
  if (box === null) return null;
  // A word that stands mostly in the next cell (a value OCR ran across the border) is not rewritten here.
  const centre = last?.box == null ? NaN : last.box.x + last.box.width / 2;
  const inCell = centre >= box.x && centre <= box.x + box.width;
  if (runIn && !inCell) return null;
  const { alphabet, pattern } = CELL_KINDS.marks;
  const raised = { baseline: box.y + (baseline - top), textHeight: h };
  // "5.17417)" for "5.1741(7)": OCR lost only the opening bracket, and the mark's digits end the value.
  const read = runIn ? cell.marks.find((m) => m.token.box === last!.box)!.token.text : '';
  const bracketLost = /\d\)$/.test(read) && !read.includes('(');
  // An amount's last word, which a mark run onto its end may have lengthened ("200(1)" read "2000").
  const word = !runIn && inCell && !TEXT_COLUMNS.has(field) && last?.box != null ? { word: { box: last.box, alphabet: CELL_KINDS.value.alphabet.replace(/[()]/g, '') } } : {};
  // An amount's mark guessed from what ends its word ("42,0251", "2,565)"): with no raised ink there,
  // that end was a stroke of the column's rule or a speck, and the amount stands alone.
  const unmarked = runIn && AMOUNT_COLUMNS.has(field) ? { unmarked: last!.text } : {};
  return {
    // (The row took the digits for the mark already, as a guess; the look weighs them again from the word as read.)
    page, box, alphabet, pattern, raised, ...word, ...unmarked, ...(wrapped >= 0 ? { beforeMarks: true } : {}), replaces: runIn ? [last!.box!] : [], marks: [], prefix: bracketLost ? read.slice(0, -1) : runIn ? last!.text : '', firstReading: null,
    ...(bracketLost ? { markDigitsEndPrefix: true } : {}),
  };
}

/**
 * A text cell whose marks were read on a line of their own after its words ("See Footnotes(2)" with
 * "(3)" wrapped below it): the line the words end on, where a mark OCR lost may stand raised at the
 * end. -1 for any other cell.
 */
function wrappedBeforeMarks(row: TableRow, cell: Cell, ofColumn: (word: Placed) => boolean): number {
  const first = cell.marks[0];
  if (first === undefined) return -1;
  const markBoxes = new Set(cell.marks.map((mark) => mark.token.box));
  const at = row.lines.findIndex((line) => line.words.some((w) => w.token.box === first.token.box));
  const onlyMarks = row.lines[at]?.words.filter(ofColumn).every((w) => markBoxes.has(w.token.box)) === true;
  return at > 0 && onlyMarks && row.lines[at - 1]!.words.some(ofColumn) ? at - 1 : -1;
}

function markLooks(cell: Cell, h: number, valueBoxes: ReadonlySet<Box | null>): CellLook[] {
  const { alphabet, pattern } = CELL_KINDS.marks;
  // (A mark run into its value is found by the raised look.) One word read as two guessed marks
  // ("©)7)") is looked at once: two answers would both take its place.
  const seen = new Set<Box>();
  return cell.marks.flatMap((mark) => {
    const box = mark.token.box;
    if (mark.guess === undefined || box === null || valueBoxes.has(box) || seen.has(box)) return [];
    seen.add(box);
    return [{ page: mark.token.page, box: { x: box.x - h * 0.3, y: box.y - h * 0.3, width: box.width + h * 0.6, height: box.height + h * 0.6 }, alphabet, pattern, keepEdges: true, marksAlone: true, replaces: [box], marks: [], prefix: '', firstReading: null }];
  });
}

/**
 * The row's cell in column `index` over a height band of one of its lines, in page pixels. The last
 * column has no right edge: it reaches two text heights past the line's last word (five at least).
 */
function cellBox(row: TableRow, index: number, band: { top: number; bottom: number }, line = row.first): Box | null {
  const from = row.columns[index]!.from;
  const h = row.textHeight;
  const to = row.columns[index + 1]?.from ?? Math.max(from + h * 5, ...line.words.map((w) => w.right + h * 2));
  return unstraighten(line, { left: from, right: to, ...band });
}

/**
 * A straightened rectangle back in page pixels: moved by the offset between the placed and the
 * printed position of the line's word nearest to it (a skew of a degree or two is a translation over
 * the width of a cell).
 */
function unstraighten(line: VisualLine, rect: { left: number; right: number; top: number; bottom: number }): Box | null {
  const middle = (rect.left + rect.right) / 2;
  let nearest: Placed | null = null;
  for (const word of line.words) {
    if (word.token.box === null) continue;
    if (nearest === null || Math.abs((word.left + word.right) / 2 - middle) < Math.abs((nearest.left + nearest.right) / 2 - middle)) nearest = word;
  }
  if (nearest === null) return null;
  const printed = nearest.token.box!;
  const dx = printed.x + printed.width / 2 - (nearest.left + nearest.right) / 2;
  const dy = printed.y + printed.height / 2 - (nearest.top + nearest.bottom) / 2;
  return { x: rect.left + dx, y: rect.top + dy, width: rect.right - rect.left, height: rect.bottom - rect.top };
}
