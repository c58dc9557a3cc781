// Table I and II of a scan read by position: every word goes to the column its centre stands in
// (columns from the header, layout-columns.ts), printed lines are banded into table rows (a line with
// anything outside the text columns starts a row; one with only text continues the row's wrapped
// cells), and raised small words are footnote marks. A table may run over pages; a page without its
// own header reuses the columns of the page before.
import type { DraftFiling, TransactionCode } from '../../../shared/model.js';
import { directionOfCode } from '../rules/code-direction.js';
import type { TableName as LineTable } from '../rules/lines.js';
import { derivativeLine, nonDerivativeLine, type LineCells } from './line-drafts.js';
import { AMOUNT_COLUMNS, COLUMN_MARGIN, columnAt, columnsFromHeader, isHeaderLine, LETTER_COLUMNS, PRICES, TEXT_COLUMNS, VALUE, type Column, type TableName } from './layout-columns.js';
import { median, splitAtBorders, standsWithin, visualLines, type Placed, type VisualLine } from './layout-geometry.js';
import { mendFromPhrases, wordDistance, type Phrase } from './phrase-mend.js';
import { UNSURE, type Provenance } from './provenance.js';
import { joinText, speckSized, type Token } from './tokens.js';
import { footnoteMark, readAmount, readCode, readDate } from './values.js';

/** One page's part of a table: the words between its title (or the page top) and what follows it. */
export interface TablePart {
  words: Placed[];
  textHeight: number;
}

export interface Mark {
  id: string;
  token: Token;
  guess?: string;
  glued?: boolean;
  /** What was seen of a mark whose digits could not be read: its id is a guess (settleUnread). */
  unread?: string;
  /** One of the group of marks the column's other rows cite together, taken for the cell's guesses (settleUnread). */
  asGroup?: true;
}

export interface Cell {
  values: Token[];
  /** `glued`: a guess from a stray character glued before the next cell's date ("@109/24/2018"). */
  marks: Mark[];
  /** A footnote mark may be run into the cell's last word (OCR read it as a stray character). */
  markRunIn: boolean;
  /** A superscript seems to stand in a word's box but OCR gave no text for it. */
  markLost?: boolean;
  /** A speck stood where marks stand: too small for one, but it may be what a scan left of one. */
  markSpeck?: boolean;
  /** Why the cell's reading is in doubt for layout reasons (row banding, column placing). */
  doubt?: string;
}

export type Row = Map<string, Cell>;

/** A row with where it stands: its printed lines and the columns it was read by. */
export interface TableRow {
  cells: Row;
  first: VisualLine;
  /** The row's printed lines, the first one first. */
  lines: readonly VisualLine[];
  /** Where the row's lines end (the bottom of its last line). */
  bottom: number;
  columns: readonly Column[];
  textHeight: number;
}

/** Ids of the filing's footnotes, to settle a mark whose digits OCR could not read. */
export type FootnoteIds = readonly string[];

export function readRows(parts: readonly TablePart[], table: TableName, ids: FootnoteIds): TableRow[] {
  let columns: Column[] | null = null;
  const rows: TableRow[] = [];
  for (const part of parts) {
    const lines = visualLines(part.words);
    let headerEnd = 0;
    while (headerEnd < lines.length && isHeaderPart(lines[headerEnd]!)) headerEnd += 1;
    if (headerEnd > 0) columns = columnsFromHeader(lines.slice(0, headerEnd), table, part.textHeight) ?? columns;
    if (columns === null) continue;
    let current: Array<{ line: VisualLine }> = [];
    let doubt: string | undefined;
    const flush = () => {
      if (current.length > 0) {
        const row = rowFrom(current.map((c) => c.line), columns!, part.textHeight, ids);
        for (const [field, cell] of row) {
          const column = columns!.find((c) => c.field === field);
          const unseen = column !== undefined && !column.seen ? 'the column header was not found; the column was placed by the form\'s proportions' : undefined;
          const why = [TEXT_COLUMNS.has(field) ? doubt : undefined, cell.values.length > 0 ? unseen : undefined].filter((w) => w !== undefined);
          if (why.length > 0) cell.doubt = why.join('; ');
        }
        rows.push({ cells: row, first: current[0]!.line, lines: current.map((c) => c.line), bottom: Math.max(...current.map((c) => c.line.bottom)), columns: columns!, textHeight: part.textHeight });
      }
      current = [];
      doubt = undefined;
    };
    for (const line of lines.slice(headerEnd)) {
      // A stray mark alone on its line (OCR put a superscript on a line of its own) starts no row.
      const startsRow = line.words.some((w) => !TEXT_COLUMNS.has(columnAt(columns!, (w.left + w.right) / 2).field) && !isRaised(w, line, part.textHeight)
        && w.bottom - w.top >= part.textHeight * 0.7 && /[A-Za-z0-9]{1}/.test(w.token.text.replace(/^\W*\d?\W*$/, '')));
      if (startsRow) flush();
      // Lines of one cell follow closely; a wide gap before a line of text alone may be a row whose
      // values OCR lost, run into this one.
      const previous = current[current.length - 1]?.line;
      if (!startsRow && previous !== undefined && line.top - previous.bottom > part.textHeight * 0.8) doubt = 'a wide gap inside the row: two rows may have run together';
      if (startsRow || current.length > 0) current.push({ line });
    }
    flush();
  }
  settleUnread(rows);
  return rows;
}

/**
 * A line above the first row: header words, or scraps of them, and nothing a row's first line holds
 * (a value, or a lone D or I of the ownership column).
 */
function isHeaderPart(line: VisualLine): boolean {
  if (line.words.some((w) => VALUE.test(w.token.text))) return false;
  if (isHeaderLine(line) || isScrap(line)) return true;
  return !line.words.some((w) => /^[DI]$|^\d{2,}$/.test(w.token.text));
}

/** A line of a few short pieces and no value: a header word OCR broke ("D)"), not a table row. */
function isScrap(line: VisualLine): boolean {
  return line.words.length <= 3 && line.words.every((w) => w.token.text.replace(/[^A-Za-z0-9]/g, '').length <= 3 && !/\d{2}/.test(w.token.text));
}

function isRaised(word: Placed, line: VisualLine, textHeight: number): boolean {
  return word.bottom < baselineOf(line, textHeight) - textHeight * 0.2 && word.bottom - word.top < textHeight * 0.95;
}

/** Where a line's letters stand: the bottom of most of its full-height words (straightened). */
export function baselineOf(line: VisualLine, textHeight: number): number {
  return median(line.words.filter((w) => w.bottom - w.top >= textHeight * 0.7).map((w) => w.bottom)) || line.bottom;
}

const STRAY = /^[|[\]{}_~'‘’"“”]+|[|[\]{}_~'‘’"“”]+$/g;

/** A text cell's words without the bars, brackets and quotes OCR leaves at their ends; a word of nothing else goes. */
function bareWords(tokens: readonly Token[]): Token[] {
  return tokens.map((t) => ({ ...t, text: t.text.replace(STRAY, '') })).filter((t) => t.text !== '');
}

/**
 * Two cells' values OCR ran together across the border ("$0.00(06/22/2023"): a price ("$" or decimals:
 * a bare digit before a date is a footnote mark OCR misread), then a date. A date printed with a
 * two-digit month is taken first: "$35.7111/20/2020" is $35.71 and 11/20/2020.
 */
const PRICE_THEN_DATE = [
  /^(\$\d[\d,]*(?:\.\d+)?|\d[\d,]*\.\d+)[(|[\]{}]?(\d{2}\/\d{2}\/\d{4})$/,
  /^(\$\d[\d,]*(?:\.\d+)?|\d[\d,]*\.\d+)[(|[\]{}]?(\d{1,2}\/\d{1,2}\/\d{4})$/,
];
/** A price, its footnote mark misread ("%)" for "(3)") and a date, run together: "$0%)03/15/2025". */
const PRICE_MARK_DATE = /^(\$\d[\d,]*(?:\.\d+)?)([(%®©@*][^/]{0,2}?\)?)(\d{2}\/\d{2}\/\d{4})$/;

/** The row's cell for `field`, made empty if the row has none yet. */
function cellOf(row: Row, field: string): Cell {
  const cell = row.get(field) ?? { values: [], marks: [], markRunIn: false };
  row.set(field, cell);
  return cell;
}

function rowFrom(lines: readonly VisualLine[], columns: readonly Column[], textHeight: number, ids: FootnoteIds): Row {
  const row: Row = new Map();
  const placed = new Map<Token, Placed>();
  lines.forEach((line, at) => {
    const words = withoutPhantomDigits(line.words.flatMap(splitAtBorders));
    for (const word of words) {
      placed.set(word.token, word);
      const field = columnAt(columns, (word.left + word.right) / 2).field;
      const cell = cellOf(row, field);
      const text = word.token.text;
      // Two cells' values OCR ran together across the border (PRICE_THEN_DATE).
      const plainRun = PRICE_THEN_DATE.map((pattern) => pattern.exec(text)).find((match) => match !== null);
      const markedRun = PRICE_MARK_DATE.exec(text);
      const runTogether = plainRun !== undefined ? { price: plainRun[1]!, mark: null, date: plainRun[2]! } : markedRun === null ? null : { price: markedRun[1]!, mark: markedRun[2]!, date: markedRun[3]! };
      const leftField = columnAt(columns, word.left + (word.right - word.left) * 0.15).field;
      if (runTogether !== null && leftField !== field) {
        const why = `"${text}" read as two values run together across a cell border`;
        const leftCell = cellOf(row, leftField);
        leftCell.values.push({ ...word.token, text: runTogether.price });
        leftCell.doubt = why;
        // The price's mark, misread between them: its digits are read again (the second look).
        if (runTogether.mark !== null) leftCell.marks.push({ ...unreadMark({ ...word.token, text: runTogether.mark }, `a footnote mark run in between the price and the date ("${text}")`, ids), glued: true });
        cell.values.push({ ...word.token, text: runTogether.date });
        cell.doubt = why;
        continue;
      }
      const over = markOverBorder(word, columns, textHeight);
      if (over !== null) {
        cell.values.push({ ...word.token, text: over.value });
        const markCell = cellOf(row, over.field);
        const token = { ...word.token, text: over.mark };
        const seen = `a footnote mark OCR ran into the amount before it ("${text}")`;
        const mark = markFrom(token, ids);
        markCell.marks.push({ ...(mark.unread === undefined ? { ...mark, guess: `${seen}; taken as (${mark.id})` } : unreadMark(token, seen, ids)), glued: true });
        continue;
      }
      // A superscript at the right edge of the cell before, glued to a date ("@109/24/2018").
      const gluedDate = /^(.{1,3}?)(\d{2}\/\d{2}\/\d{4})$/.exec(text);
      // (A piece of a rule before the date, "[" or "|", is no mark: the date is read without it below.)
      if (gluedDate !== null && gluedDate[1]!.replace(STRAY, '') !== '') {
        const owner = columnAt(columns, word.left).field;
        // Starting inside the date's own cell, a "1" or bracket before it is the cell's border.
        if (owner === field && /^[1lI([{!]$/.test(gluedDate[1]!)) {
          cell.values.push({ ...word.token, text: gluedDate[2]! });
          continue;
        }
        const markCell = cellOf(row, owner);
        const mark = markFrom({ ...word.token, text: gluedDate[1]! }, ids);
        markCell.marks.push({ ...mark, guess: mark.guess ?? `a footnote mark glued to the date "${text}"`, glued: true });
        cell.values.push({ ...word.token, text: gluedDate[2]! });
        continue;
      }
      const plain = footnoteMark(text);
      if (plain !== null) cell.marks.push({ id: plain, token: word.token });
      // Marks wrapped alone onto the next line of a nature of ownership lose their raise, and often
      // their brackets ("3") or, printed small, their digits ("©)X7)" for "(6)(7)"); the line holds
      // nothing else, or other marks ("6)" and "(7)"). (A title's digits wrap too, after a hyphen:
      // "Series C-" / "1".)
      else if (at > 0 && field === 'natureOfOwnership' && wrappedMarks(word, textHeight) && !/-$/.test(cell.values.at(-1)?.text ?? '') && words.every((w) => w === word || wrappedMarks(w, textHeight) || columnAt(columns, (w.left + w.right) / 2).field !== field)) cell.marks.push(markFrom(word.token, ids));
      else if (/^(\(\d{1,2}\))+$/.test(text)) for (const id of text.match(/\d{1,2}/g)!) cell.marks.push({ id, token: word.token });
      // A raised word is a mark when it could be one: a short word of letters ("to") is only set high.
      // (A capital letter standing full height in a one-letter cell is its letter, set high by a skew.)
      // Letters printed small in a date's cell, which holds digits, are a mark alone in the cell,
      // misread ("od" for "(4)"). Either may be a speck.
      else if ((isRaised(word, line, textHeight) && /\d|[()@®©*°™]|^.$/.test(text) && !(Object.hasOwn(LETTER_COLUMNS, field) && /^[A-Z]$/.test(text) && word.bottom - word.top >= textHeight * 0.7)) || MARK_SYMBOL.test(text)
        || (DATE_CELLS.has(field) && /^[A-Za-z]{1,3}$/.test(text) && word.bottom - word.top < textHeight * 0.85)) {
        if (isSpeck(word, textHeight)) cell.markSpeck = true;
        else cell.marks.push(markFrom(word.token, ids));
      }
      else {
        // A word standing taller than the line, from above it, has a superscript inside its box that
        // OCR dropped from the text: the cell's marks are then unknown.
        const lineTop = median(line.words.map((w) => w.top));
        if (word.bottom - word.top > textHeight * 1.25 && word.top < lineTop - textHeight * 0.2) cell.markLost = true;
        const runIn = /^(.*?)((?:\(\d{1,2}\))+)$/.exec(text);
        if (runIn !== null && runIn[1] !== '') {
          cell.values.push({ ...word.token, text: closedInitials(runIn[1]!) });
          for (const mark of runIn[2]!.match(/\d{1,2}/g) ?? []) cell.marks.push({ id: mark, token: word.token });
        } else if (AMOUNT_COLUMNS.has(field) && text.length === 1 && (isSpeck(word, textHeight) || isRuleStroke(word, textHeight))) {
          // One character in an amount's cell, a speck or a stroke taller than the line: a scan's dot
          // or the cell's border, read as a digit ("1" for a rule 41 pixels tall on a line of 25).
        } else if (text.replace(STRAY, '') !== '') cell.values.push(word.token);
      }
    }
  });
  for (const cell of row.values()) {
    if (!cell.marks.some((m) => m.guess === undefined)) continue;
    // A mark read in the cell is the superscript a tall word's box took in, and the one a stray
    // character glued to the next cell's date was taken for.
    cell.markLost = false;
    cell.marks = cell.marks.filter((m) => m.glued !== true);
  }
  for (const cell of row.values()) cell.marks = cell.marks.flatMap((mark) => apart(mark, ids));
  // An (A) or (D) printed close to its amount lands in the amount's cell when the sub-header that
  // places the column was not read: a lone A or D after an amount is the next cell's.
  const amount = row.get('shares');
  const letter = amount?.values[amount.values.length - 1];
  const empty = (field: string) => columns.some((c) => c.field === field) && (row.get(field)?.values.length ?? 0) === 0;
  if (amount !== undefined && letter !== undefined && amount.values.length > 1 && /^[AD]\.?$/.test(letter.text) && empty('acquiredDisposed')) {
    amount.values.pop();
    cellOf(row, 'acquiredDisposed').values.push({ ...letter, text: letter.text[0]! });
  }
  // Amounts and prices stand at their cell's right edge, their marks against the border: a mark alone
  // in the next cell, left of where that column's header begins, is the amount's, pushed over the
  // border by a column placed a little left (a skewed scan, "|3." read with the rule before it).
  const centre = (mark: Mark) => {
    const word = placed.get(mark.token);
    return word === undefined ? Infinity : (word.left + word.right) / 2;
  };
  // A transaction date cell holding marks alone holds no date they could follow (a date exercisable
  // may print a mark alone): marks in its first part are the price's before it, the border placed
  // well left of them (an exercise price printed only as "(9)").
  const reach = (column: Column, index: number) => {
    const next = columns[index + 1];
    return column.field === 'transactionDate' && next !== undefined ? Math.max(textHeight * COLUMN_MARGIN, (next.from - column.from) * 0.4) : textHeight * COLUMN_MARGIN;
  };
  columns.forEach((column, index) => {
    const cell = row.get(column.field);
    const before = columns[index - 1];
    if (before === undefined || !AMOUNT_COLUMNS.has(before.field) || cell === undefined || cell.values.length > 0 || cell.marks.length === 0) return;
    if (!cell.marks.every((m) => centre(m) < column.from + reach(column, index))) return;
    cellOf(row, before.field).marks.push(...cell.marks);
    row.delete(column.field);
  });
  // So does the code before it, when the code's column was placed too far left: a lone code letter
  // before the amount is the code's.
  const code = amount?.values[0];
  if (amount !== undefined && code !== undefined && amount.values.length > 1 && code.text.length === 1 && readCode(code.text) !== null && /^\d/.test(amount.values[1]!.text) && empty('transactionCode')) {
    amount.values.shift();
    cellOf(row, 'transactionCode').values.push(code);
  }
  for (const [field, cell] of row) {
    const last = cell.values[cell.values.length - 1];
    if (last === undefined) continue;
    // A superscript OCR glued to the word before it comes out as a symbol ("Footnote®", "A®", with
    // its bracket as a quote: "Footnote'®"; after a number often "%" or "¥": "$50.9969%") or,
    // after a one-letter code, as a second letter ("AW"); not as the code's own letter read twice,
    // the second small ("Cc", "Ss": a blurred letter's double).
    const glued = /^(.*?[A-Za-z0-9.)])(['‘’]?[®©™°@*?!"“%¥]+[^A-Za-z]*|\(\d?)$/.exec(last.text) ?? /^(.*\d)(\))$/.exec(last.text)
      ?? (field === 'transactionCode' && !/^([A-Z])\1$/i.test(last.text) ? /^([A-Z])([^A-Z].*|W)$/.exec(last.text) : null);
    // Or as its bare digits, after a number whose last group of thousands then holds too many
    // ("99,8102" for "99,810(2)"; before a bracket or sign read with them: "64,2134)"): whatever the
    // digits, if they name no footnote the mark was misread ("14,2699"). So too after a price that then
    // has one decimal more than the four a price is given to ("$5.17417" for "$5.1741(7)"), when the
    // filing has that footnote (two more are as likely a misread mark and a digit).
    const number = glued?.[1] ?? last.text;
    const grouped = TEXT_COLUMNS.has(field) ? null : /^(\$?\d{1,3}(?:,\d{3})+)(\d{1,2})$/.exec(number);
    const decimals = PRICES.has(field) ? /^(\$?\d[\d,]*\.\d{4})(\d)$/.exec(number) : null;
    const digitsRunIn = grouped ?? (decimals !== null && ids.includes(decimals[2]!) ? decimals : null);
    const lowRunIn = glued === null && digitsRunIn === null && last.confidence < 70 && /[a-z][^a-z0-9.,)]$/i.test(last.text) ? /^(.*)(.)$/.exec(last.text) : null;
    const runIn = digitsRunIn !== null ? [last.text, digitsRunIn[1]!, `${digitsRunIn[2]!}${glued?.[2] ?? ''}`] : glued ?? lowRunIn;
    if (runIn === null) continue;
    cell.markRunIn = true;
    cell.values[cell.values.length - 1] = { ...last, text: closedInitials(runIn[1]!) };
    const digits = digitsRunIn !== null ? digitsRunIn[2]! : /\d/.exec(runIn[2]!)?.[0];
    const seen = `a footnote mark run into "${last.text}"`;
    cell.marks.push(digits !== undefined && (ids.length === 0 || ids.includes(digits)) ? { id: digits, token: last, guess: `${seen}; taken as (${digits})` } : unreadMark(last, seen, ids));
  }
  return row;
}

/**
 * An amount OCR ran over the border into the next cell, where a mark stands at the cell's left edge
 * with its border unread ("241,913)\"" for "241,913 | (1)"): the amount, and the mark with the
 * next cell's field. (The header only estimates the border: a word ending a little past it holds
 * the amount's own mark.) Null for any other word.
 */
function markOverBorder(word: Placed, columns: readonly Column[], textHeight: number): { value: string; mark: string; field: string } | null {
  const parts = /^(\$?\d[\d,]*(?:\.\d+)?)([()®©@*"'’”]{1,4})$/.exec(word.token.text);
  const next = columns[columns.indexOf(columnAt(columns, (word.left + word.right) / 2)) + 1];
  if (parts === null || next === undefined || word.right - next.from < textHeight * 0.6) return null;
  // The amount's characters, by their share of the word, end about at the border (a mark read as
  // one narrow quote makes the share overstate it: "835,393\"").
  const valueEnd = word.left + ((word.right - word.left) * parts[1]!.length) / word.token.text.length;
  return valueEnd > next.from + textHeight * 0.8 ? null : { value: parts[1]!, mark: parts[2]!, field: next.field };
}

function wrappedMarks(word: Placed, textHeight: number): boolean {
  const text = word.token.text;
  if (/^\(?\d{1,2}\)?$/.test(text)) return true;
  return word.bottom - word.top < textHeight * 0.85 && /[()©®@]/.test(text) && text.replace(/[^A-Za-z]/g, '').length <= 1;
}

/** Initials that lost their last period to the mark set close after it ("L.P(6)") have it back. */
function closedInitials(text: string): string {
  return /^(?:[A-Z]\.)+[A-Z]$/.test(text) ? `${text}.` : text;
}

/** A dot of a few pixels (speckSized): noise of the scan, not a mark, whatever OCR read in it. */
function isSpeck(word: Placed, textHeight: number): boolean {
  return speckSized(word.right - word.left, word.bottom - word.top, textHeight);
}

/**
 * The line's words without a digit OCR read a second time inside a number's box (the "1" of
 * "110,474" read again as a word of its own).
 */
function withoutPhantomDigits(words: readonly Placed[]): Placed[] {
  const inside = (w: Placed) => /^\d$/.test(w.token.text) && words.some((o) => /^\$?\d[\d,.]{2,}$/.test(o.token.text) && standsWithin(w, o));
  return words.filter((w) => !inside(w));
}

/** A stroke standing taller than the line's letters and thin: a piece of a printed rule. */
function isRuleStroke(word: Placed, textHeight: number): boolean {
  const height = word.bottom - word.top;
  return height > textHeight * 1.4 && word.right - word.left < height * 0.4;
}

/** The cells of a table that hold a date. */
const DATE_CELLS = new Set(['transactionDate', 'deemedExecutionDate', 'dateExercisable', 'expirationDate']);

/** What OCR makes of a small "(1)": a circled letter or a sign, with or without its bracket. */
const MARK_SYMBOL = /^[(]?[®©@™°*][)]?\)?$/;

/** Whether `id` is two marks set close and read as one ("34" for "(3)(4)"): the filing has no such footnote, but has both of its digits. */
function twoMarks(id: string, ids: FootnoteIds): boolean {
  return id.length === 2 && ids.length > 0 && !ids.includes(id) && ids.includes(id[0]!) && ids.includes(id[1]!);
}

/**
 * A mark read as one that is two (twoMarks), as a guess: "(1n)" as (n), its bracket read with a
 * stroke as "(1" (corpus: EB, FB, AUR read "(13)", "(14)", "19)" for (3), (4), (9), and no "(1)(n)"
 * as one); any other as the two ("(34)" for (3)(4)).
 */
function apart(mark: Mark, ids: FootnoteIds): Mark[] {
  if (!twoMarks(mark.id, ids)) return [mark];
  const parts = mark.id[0] === '1' ? [mark.id[1]!] : [mark.id[0]!, mark.id[1]!];
  const seen = `"${mark.token.text}" read as one mark; the filing has no footnote ${mark.id}: taken as ${parts.map((id) => `(${id})`).join('')}${parts.length === 1 ? ', its bracket read as "(1"' : ''}`;
  return parts.map((id) => ({ ...mark, id, guess: mark.guess === undefined ? seen : `${mark.guess}; ${seen}` }));
}

/** A raised word OCR did not read as `(n)`: its digits if it has any, else the likeliest footnote. */
function markFrom(token: Token, ids: FootnoteIds): Mark {
  const digits = /\d{1,2}/.exec(token.text)?.[0];
  if (digits !== undefined && (ids.length === 0 || ids.includes(digits) || twoMarks(digits, ids))) {
    return /^\(\d{1,2}\)$/.test(token.text) ? { id: digits, token } : { id: digits, token, guess: `a footnote mark read as "${token.text}"; taken as (${digits})` };
  }
  return unreadMark(token, `a footnote mark OCR could not read ("${token.text}")`, ids);
}

/** A mark whose digits were not read: taken, for now, as the filing's first footnote. */
function unreadMark(token: Token, seen: string, ids: FootnoteIds): Mark {
  const id = ids[0] ?? '1';
  return { id, token, guess: `${seen}; taken as (${id})`, unread: seen };
}

/**
 * Marks whose digits were not read take the footnote the column's marks read surely in the table's
 * other rows cite most (a column's cells often cite one footnote all the way down: "(1)" under every
 * date exercisable), when there is one. A cell whose marks were all guessed takes the marks of a
 * column that cites two or more together ("(6)(7)" after every holder), when its guesses are among
 * them: OCR rarely reads both of two marks set close on a damaged scan. Still guesses, and flagged.
 */
function settleUnread(rows: readonly TableRow[]): void {
  const cited = new Map<string, Map<string, number>>();
  const together = new Map<string, Map<string, number>>();
  const count = (counts: Map<string, Map<string, number>>, field: string, key: string) => {
    const of = counts.get(field) ?? new Map<string, number>();
    of.set(key, (of.get(key) ?? 0) + 1);
    counts.set(field, of);
  };
  for (const row of rows) {
    for (const [field, cell] of row.cells) {
      const sure = cell.marks.filter((mark) => mark.guess === undefined);
      for (const mark of sure) count(cited, field, mark.id);
      if (sure.length > 0 && sure.length === cell.marks.length) count(together, field, sure.map((mark) => mark.id).join(' '));
    }
  }
  // What each column's other rows cite, worked out once per column.
  const groups = new Map([...together].map(([field, counts]) => [field, mostCitedGroup(counts)]));
  const likeliest = new Map([...cited].map(([field, counts]) => [field, [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0]]));
  for (const row of rows) {
    for (const [field, cell] of row.cells) {
      const group = groups.get(field) ?? [];
      const guessed = cell.marks.length > 0 && cell.marks.every((mark) => mark.guess !== undefined);
      if (group.length > 1 && guessed && cell.marks.every((mark) => mark.unread !== undefined || group.includes(mark.id))) {
        const seen = cell.marks.map((mark) => mark.unread ?? `a footnote mark read as "${mark.token.text}"`).filter((why, at, all) => all.indexOf(why) === at).join('; ');
        const guess = `${seen}; taken as ${group.map((id) => `(${id})`).join('')}, the marks this column's other rows cite`;
        cell.marks = group.map((id) => ({ id, token: cell.marks[0]!.token, guess, asGroup: true }));
        continue;
      }
      const id = likeliest.get(field);
      if (id === undefined) continue;
      cell.marks = cell.marks.map((mark) => (mark.unread === undefined ? mark : { ...mark, id, guess: `${mark.unread}; taken as (${id}), the footnote this column's other rows cite` }));
    }
  }
}

/** The group of marks cited together most, when more than once and more than any other group. */
function mostCitedGroup(counts: ReadonlyMap<string, number> | undefined): string[] {
  const [first, second] = [...(counts ?? [])].sort((a, b) => b[1] - a[1]);
  if (first === undefined || first[1] < 2 || (second !== undefined && second[1] === first[1])) return [];
  return first[0].split(' ');
}

/** Words of a name printed in capitals that OCR read in small letters, and how they are printed (empty: in capitals). */
const CAPITALS_READ_SMALL: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:Lp|lp|1p)(?=[,.]?$)/, 'LP'],
  [/^(?:Ii|Iii|Iv|Vi|Vii|Viii|Ix|Xi|Xii|Xiii|Xiv|Xv)(?=[,.]?$)/, ''],
];

/** `text` as printed, when it is one of CAPITALS_READ_SMALL (with its comma or stop); else `text` itself. */
function capitalized(text: string): string {
  for (const [pattern, printed] of CAPITALS_READ_SMALL) {
    const match = pattern.exec(text);
    if (match !== null) return `${printed || match[0].toUpperCase()}${text.slice(match[0].length)}`;
  }
  return text;
}

/**
 * Marks in the order they are printed: a mark run into a cell's first line comes before one wrapped
 * below it, however the reading found them. Marks on one line go left to right.
 */
function inReadingOrder(a: Mark, b: Mark): number {
  const [one, two] = [a.token.box, b.token.box];
  if (one === null || two === null || a.token.page !== b.token.page) return 0;
  const apart = one.y + one.height / 2 - (two.y + two.height / 2);
  return Math.abs(apart) > Math.min(one.height, two.height) / 2 ? apart : one.x - two.x;
}

/** A cell's words as one run of characters, without the strays at their ends (a number OCR split at a comma is one number). */
function runText(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text.replace(STRAY, '')).join('');
}

/** A number of shares read so ("27.418") may be a fraction, or thousands with the comma read as a period. */
const COMMA_AS_PERIOD = /^\d{1,3}\.\d{3}$/;

/** Letters OCR takes for digits in a cell that must hold a number or date. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', i: '1', S: '5', s: '5', B: '8', Z: '2', z: '2', g: '9' };

/** The text with each letter OCR takes for a digit as that digit. */
function asDigits(text: string): string {
  return text.replace(/[OoDQlIi|SsBZzg]/g, (c) => DIGIT_LOOKALIKES[c] ?? c);
}

/** Reads typed values out of a row's cells, recording provenance and every guess. */
class RowReader implements LineCells {
  readonly footnoteRefs: Record<string, string[]> = {};
  constructor(
    private readonly row: Row,
    private readonly path: string,
    private readonly provenance: Provenance,
    private readonly phrases: readonly Phrase[],
    private readonly form: FormFacts,
  ) {
    for (const [field, cell] of row) {
      if (cell.marks.length > 0) this.footnoteRefs[field] = [...new Set([...cell.marks].sort(inReadingOrder).map((m) => m.id))];
      const guesses = cell.marks.filter((m) => m.guess !== undefined).map((m) => m.guess!);
      if (cell.markRunIn) guesses.push('a footnote mark may be run into the last word of the cell');
      if (cell.markLost) guesses.push('a footnote mark seems printed here but could not be read');
      if (cell.markSpeck === true && cell.marks.length === 0) guesses.push('a speck where footnote marks stand: taken as no mark, but it may be what the scan left of one');
      const refPath = `${path}.footnoteRefs.${field}`;
      const markTokens = cell.marks.map((m) => m.token);
      if (markTokens.length > 0 || guesses.length > 0) provenance.read(refPath, markTokens, guesses.length > 0 ? guesses.join('; ') : undefined);
      // A one-letter cell read without marks is as sure of having none as of its letter: a mark set
      // close to the letter is lost with it (or blurred into it).
      else if (Object.hasOwn(LETTER_COLUMNS, field) && cell.values.length > 0) provenance.read(refPath, cell.values);
    }
  }

  /**
   * Marks of a nature of ownership that were all guessed (run into the name, read as a sign) take the
   * footnotes that name its holder, when some do: a filing explains each indirect holder in a
   * footnote and marks the holder's name with it. (Measured on the damaged corpus: right for 26 of
   * the 37 guessed cells whose holder a footnote names, where the guesses were right for 11.)
   */
  citeByName(nature: string | null, footnotes: DraftFiling['footnotes']): void {
    const marks = this.row.get('natureOfOwnership')?.marks ?? [];
    if (nature === null || marks.length === 0 || marks.some((m) => m.guess === undefined || m.asGroup === true)) return;
    const holder = nature.replace(/^(?:held\s+)?by\s+/i, '');
    const key = letters(holder);
    if (key.length < 8) return;
    const named = footnotes.filter((f) => letters(f.text).includes(key)).map((f) => f.id);
    const refs = this.footnoteRefs['natureOfOwnership'] ?? [];
    if (named.length === 0 || named.join() === refs.join()) return;
    this.footnoteRefs['natureOfOwnership'] = named;
    this.provenance.guess(`${this.path}.footnoteRefs.natureOfOwnership`, `taken as ${named.map((id) => `(${id})`).join('')}, the footnote${named.length > 1 ? 's' : ''} naming "${holder}"`);
  }

  private cell(field: string): Token[] {
    return this.row.get(field)?.values ?? [];
  }

  private doubt(field: string): string | undefined {
    return this.row.get(field)?.doubt;
  }

  text(field: string): string | null {
    const tokens = this.cell(field);
    // OCR runs a one-letter word into the word before it ("ClassA"): split, as a guess.
    const glued = tokens.filter((t) => /^[A-Z][a-z]{3,}[A-Z]$/.test(t.text));
    // "U.S." inside a name, between capitalized words, read as "Us." or "us." ("Sequoia Capital Us. Venture").
    const us = tokens.filter((t, i) => /^[Uu]s\.$/.test(t.text) && /^[A-Z]/.test(tokens[i - 1]?.text ?? '') && /^[A-Z0-9]/.test(tokens[i + 1]?.text ?? ''));
    // An entity's "LP" and a fund's roman numeral, printed in capitals, read in small letters ("Lp",
    // "1p", "Iv"): a blurred capital's height is all that tells it from its small letter. (Ingest
    // mends "Lp" when the word's ink has no descender, ocr-lines.ts capitalPs; a mark run into the
    // word, "Lp(2)", brings its brackets below the line, so the cell's word is looked at here again.)
    const cased = new Map(tokens.flatMap((t) => {
      const printed = capitalized(t.text);
      return printed === t.text ? [] : [[t, printed] as const];
    }));
    const why = [...glued.map((t) => `"${t.text}" read as two words`), ...us.map((t) => `"${t.text}" taken for U.S.`), ...[...cased].map(([t, printed]) => `"${t.text}" taken for ${printed}`)];
    this.provenance.read(`${this.path}.${field}`, tokens, why.length > 0 ? why.join('; ') : undefined);
    const doubt = this.doubt(field);
    if (doubt !== undefined) this.provenance.guess(`${this.path}.${field}`, doubt);
    const words = bareWords(tokens.map((t) => (glued.includes(t) ? { ...t, text: t.text.replace(/([a-z])([A-Z])$/, '$1 $2') } : us.includes(t) ? { ...t, text: 'U.S.' } : cased.has(t) ? { ...t, text: cased.get(t)! } : t)));
    const see = field === 'natureOfOwnership' ? seeFootnote(words) : null;
    if (see !== null) {
      this.provenance.guess(`${this.path}.${field}`, `read "${joinText(words)}"; taken as "${see}", the form's words for a holder a footnote names`);
      return see;
    }
    const mend = mendFromPhrases(words, this.phrases);
    if (mend !== null) {
      this.provenance.guess(`${this.path}.${field}`, `read "${joinText(words)}"; taken as ${mend.where} prints it`);
      return mend.text;
    }
    // A hyphenated name broken at its hyphen ("Series C-" / "1") is one word again.
    const joined = joinText(words).replace(/(\w-) (?=\w)/g, '$1');
    // A security's title is capitalized: a small first letter is its capital, blurred ("class A").
    const small = (field === 'securityTitle' || field === 'underlyingTitle') && /^[a-z]/.test(joined);
    const text = small ? `${joined[0]!.toUpperCase()}${joined.slice(1)}` : joined;
    if (small) this.provenance.guess(`${this.path}.${field}`, `read as "${joined}"; its first letter taken for a capital`);
    // A class or series is named by its letter or number: "Class Common Stock" lost it.
    if (/\b(?:Class|Series)\s+(?:Common|Preferred|Ordinary|Stock|Shares|Units)\b/i.test(text)) this.provenance.guess(`${this.path}.${field}`, `"${text}": a class or series without its letter`);
    return text === '' ? null : text;
  }

  /** The cell as one run of characters (a number OCR split at a comma is still one number). */
  private value<T>(field: string, read: (text: string) => T | null, what: string): T | null {
    const tokens = this.cell(field);
    if (tokens.length === 0) return null;
    const path = `${this.path}.${field}`;
    const doubt = this.doubt(field);
    if (doubt !== undefined) this.provenance.guess(path, doubt);
    const text = runText(tokens);
    const direct = read(text);
    if (direct !== null) {
      this.provenance.read(path, tokens, tokens.length > 1 && what !== 'code' ? `printed as ${tokens.length} pieces (${tokens.map((t) => t.text).join(' | ')}); read as one` : undefined);
      return direct;
    }
    // A number's specks: a dash or a stop before it (no amount on the form is negative), a stop after
    // a price or a number grouped in thousands (after a short one, "43,", the stop is where OCR cut
    // it), a colon or semicolon for a comma ("35;587"). A date's: a stop, a quote or a bang after its
    // year ("02/21/2013,").
    const unspecked = what === 'number' ? text.replace(/^[-–—~.,']+|[.,:;]+$/g, '').replace(/(\d)[;:](?=\d{3}(?!\d))/g, '$1,') : what === 'date' ? text.replace(/[.,:;'"`!|]+$/, '') : text;
    const despecked = unspecked !== text && (what === 'date' || /^\$|,\d{3}$/.test(unspecked)) ? read(unspecked) : null;
    if (despecked !== null) {
      this.provenance.read(path, tokens, `the cell reads "${text}"; "${unspecked}" taken for the ${what}, the rest for specks`);
      return despecked;
    }
    // A date run in after a neighbour's ink ("$17.3509/03/16/2021", "344111/19/2012"): the date, as a
    // guess (a mark or border in one to three characters was given its cell when the row was read).
    const dated = what === 'date' ? /^.+?(\d{2}\/\d{2}\/\d{4})$/.exec(unspecked) : null;
    const ranIn = dated === null ? null : read(dated[1]!);
    if (ranIn !== null) {
      this.provenance.read(path, tokens, `the cell reads "${text}"; the date at its end taken, the rest for ink run in from its neighbour`);
      return ranIn;
    }
    // A number grouped in thousands, whole to its last group, or a price in dollars and cents, with
    // a scrap or two outside it: a rule read before it ("|628,553"), a mark misread after it
    // ("2,279,826]®", "$50.9745@W"). The grouping, or the cents, show no digit was lost into the scraps.
    const grouped = what === 'number' ? /^[|[(!]?(\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$\d+\.\d{2,4})[^\d,.]{0,3}$/.exec(text) : null;
    const inside = grouped === null || grouped[1] === text ? null : read(grouped[1]!);
    if (inside !== null) {
      this.provenance.read(path, tokens, `the cell reads "${text}"; "${grouped![1]}" taken for the number, the rest for a rule or a misread mark`);
      if (!text.endsWith(grouped![1]!)) this.markMayBeMisread(field, text);
      return inside;
    }
    // A number in two words, thousands and three digits ("4,444 444"): what stood between them was
    // lost, and a stop is what a scan loses, a comma's tail it keeps (4,444.444). A guess.
    const pieces = what === 'number' && !PRICES.has(field) && tokens.length === 2 ? tokens.map((t) => t.text) : [];
    if (pieces.length === 2 && /^\d{1,3}(?:,\d{3})*$/.test(pieces[0]!) && /^\d{3}$/.test(pieces[1]!)) {
      const stop = `${pieces[0]}.${pieces[1]}`;
      this.provenance.read(path, tokens, `the cell reads "${pieces.join(' ')}"; taken as ${stop}, the stop between them lost (or ${pieces.join(',')}, a comma)`);
      return read(stop);
    }
    // A lone nought beside a speck reads as the word it looks like; a price's dollar sign as an s
    // ("so" for "$0": a price is printed with its sign).
    const signed = PRICES.has(field) && what === 'number' ? text.replace(/^[sS§]/, '$') : text;
    const mended = asDigits(what === 'number' && /^[oO]f$/.test(text) ? '0' : signed);
    const fixed = what === 'code' || what === 'letter' ? null : read(mended);
    if (fixed !== null) {
      this.provenance.read(path, tokens, `the cell reads "${text}"; letters taken for look-alike digits (${mended})`);
      return fixed;
    }
    this.provenance.read(path, tokens, `the cell reads "${text}", which is not a ${what}`);
    // What could not be read as the value may hold a footnote mark OCR ran into it ("AD" for "A(1)").
    this.markMayBeMisread(field, text);
    return null;
  }

  date(field: string): string | null {
    const date = this.value(field, readDate, 'date');
    return date !== null || field !== 'transactionDate' ? date : this.dateOfKin();
  }

  /**
   * A transaction date that reads as no date, whose digits hold one the tables print on other lines
   * in order, a few left over: its slashes read as digits ("1172312012" for 11/23/2012), a letter
   * for a nought ("lo5/21/2021"). Taken as that date, as a guess, where just one fits.
   */
  private dateOfKin(): string | null {
    const text = runText(this.cell('transactionDate'));
    const digits = asDigits(text).replace(/\D/g, '');
    const fits = this.form.dates.filter((date) => {
      const [year, month, day] = date.split('-');
      return [`${month}${day}${year}`, `${Number(month)}${day}${year}`].some((printed) => digits.length - printed.length <= 3 && isSubsequence(printed, digits));
    });
    if (fits.length !== 1) return null;
    this.provenance.guess(`${this.path}.transactionDate`, `taken as ${fits[0]}, a date the tables print on another line, whose digits the cell holds in order`);
    return fits[0]!;
  }

  dateOrWord(field: string): string | null {
    const tokens = this.cell(field);
    if (tokens.length > 0 && tokens.every((t) => /^[A-Za-z/]+$/.test(t.text))) {
      // A short unsure word where a date or "Immediately" stands may be a lone mark misread ("oil" for "(2)").
      const text = tokens.map((t) => t.text).join('');
      const short = text.length <= 4 && text !== 'N/A';
      if (short && tokens.some((t) => t.confidence < UNSURE)) this.markMayBeMisread(field, text);
      const word = this.text(field);
      // However surely read, no such word is printed for a date: a speck, a stroke or a mark was read
      // ("W", "io"); the cell is taken as empty, and flagged.
      if (!short) return word;
      this.provenance.guess(`${this.path}.${field}`, `the cell reads "${text}", which is no date: taken as empty`);
      return null;
    }
    return this.date(field);
  }

  private markMayBeMisread(field: string, text: string): void {
    this.provenance.guess(`${this.path}.footnoteRefs.${field}`, `the cell reads "${text}": a footnote mark in it may have been misread`);
  }

  amount(field: string): number | null {
    const amount = this.value(field, readAmount, 'number');
    // A number of shares with three decimals ("27.418") may be printed so (a fraction of a share), or
    // in thousands with its comma read as a period (27,418): a scan does not tell a comma's short tail
    // from a stop's, so the reading is kept and flagged.
    const tokens = this.cell(field);
    const text = runText(tokens);
    if (amount !== null && !PRICES.has(field) && COMMA_AS_PERIOD.test(text) && tokens.some((t) => t.confidence < 100)) {
      const path = `${this.path}.${field}`;
      const comma = text.replace('.', ',');
      // A filer who reports a fraction of a share reports it in more than one cell (what was acquired,
      // the underlying shares, the holding after: corpus MSFT, NA, LM, PFG), some not in this shape;
      // where every number of shares on the form is whole or in this shape, its period is a comma
      // misread (AFRM's 27.418 twice, SQ's 7.459).
      if (this.form.fractions.size === 0) {
        this.provenance.guess(path, `"${text}" taken as ${comma}: a comma read as a period, as no other number of shares on the form has a fraction`);
        return Number(text.replace('.', ''));
      }
      this.provenance.guess(path, `"${text}" may be ${comma}: a comma read as a period`);
    }
    return amount;
  }

  /**
   * Why the line's code is in doubt, once read: its cell holds ink that reads as no code, or a scanned
   * G. The table's other lines may then tell the code (codesFromKin).
   */
  codeDoubt: 'unread' | 'G' | 'I' | null = null;

  code(): TransactionCode | null {
    const code = this.value('transactionCode', readCode, 'code') ?? this.codeBeforeScraps();
    // A blurred C gains a spur and reads as G, and nothing else on the line tells them apart (either
    // may go either way); a gift is the rarer of the two, so a scanned G is checked. (A text
    // layer's words are sure, at 100.)
    const scanned = this.cell('transactionCode').some((t) => t.confidence < 100);
    if (code === 'G' && scanned) {
      this.provenance.guess(`${this.path}.transactionCode`, 'a scanned G may be a C: check the code');
      this.codeDoubt = 'G';
    }
    // (A scanned I, the rare discretionary code, may be a J that lost its hook.)
    if (code === 'I' && scanned) this.codeDoubt = 'I';
    // (Ink in the cell that reads as no code, or only as marks: the letter read as a mark, "™".)
    const cell = this.row.get('transactionCode');
    if (code === null && cell !== undefined && (cell.values.length > 0 || cell.marks.length > 0)) this.codeDoubt = 'unread';
    return code;
  }

  /**
   * The cell holds one letter and its marks: a code letter read first, then a scrap or two where its
   * mark stands ("ct", "cH" for C(1), "SD" for S(1)), is that code, as a guess (value() has flagged
   * the mark).
   * A small c, s... is its capital blurred: the two are drawn alike.
   */
  private codeBeforeScraps(): TransactionCode | null {
    const text = runText(this.cell('transactionCode'));
    const code = /^([A-Z]|[cosvwxzuk]).{1,2}$/.test(text) ? readCode(text[0]!) : null;
    if (code !== null) this.provenance.guess(`${this.path}.transactionCode`, `taken as ${code}, its first letter; the rest may be a misread mark`);
    return code;
  }

  acquiredDisposed(): 'A' | 'D' | null {
    return this.letter('acquiredDisposed', ['A', 'D'] as const);
  }

  ownership(): 'D' | 'I' | null {
    // The column holds D or I alone. A sans-serif I is a bare stroke and reads as a one or an ell; a
    // blurred D loses its corners and reads as a nought: taken for the letter, as a guess.
    const tokens = this.cell('directOrIndirect');
    const text = runText(tokens).replace(/[.,:;]+$/, '');
    const lookalike = /^[1l|!i]{1,2}$/.test(text) ? 'I' : /^[0O]$/.test(text) ? 'D' : null;
    if (lookalike === null) return this.letter('directOrIndirect', ['D', 'I'] as const);
    this.provenance.read(`${this.path}.directOrIndirect`, tokens, `the cell reads "${text}", taken for ${lookalike}, the letter it looks like`);
    return lookalike;
  }

  private letter<T extends string>(field: string, allowed: readonly T[]): T | null {
    return this.value(field, (text) => (allowed as readonly string[]).includes(text.toUpperCase()) ? (text.toUpperCase() as T) : null, 'letter');
  }
}

/**
 * Both tables of a filing. An unsure title or nature of ownership may be mended from `footnotes`
 * and from the cells of the same kind read surely on other lines (phrase-mend.ts).
 */
export function readLayoutTables(
  parts: { I: readonly TablePart[]; II: readonly TablePart[] },
  footnotes: DraftFiling['footnotes'],
  provenance: Provenance,
): Pick<DraftFiling, 'nonDerivative' | 'derivative'> {
  const ids = footnotes.map((f) => f.id);
  const rowsI = readRows(parts.I, 'I', ids);
  const rowsII = readRows(parts.II, 'II', ids);
  const phrases = [
    ...footnotes.map((f) => ({ text: f.text, where: `footnote (${f.id})` })),
    ...sureTexts(rowsI, 'Table I'),
    ...sureTexts(rowsII, 'Table II'),
  ];
  const form: FormFacts = {
    fractions: new Set([...fractionsIn(rowsI, 'nonDerivative'), ...fractionsIn(rowsII, 'derivative')]),
    dates: [...new Set([...rowsI, ...rowsII].flatMap((row) => readDate(runText(row.cells.get('transactionDate')?.values ?? [])) ?? []))],
  };
  const lines = <Line extends Kin>(rows: readonly TableRow[], table: LineTable, draft: (cells: LineCells) => Line, direction: (line: Line) => 'A' | 'D' | null) => {
    const drafted = rows.map((row, index) => {
      const path = `${table}[${index}]`;
      const reader = new RowReader(row.cells, path, provenance, phrases, form);
      const line = draft(reader);
      reader.citeByName(line.natureOfOwnership ?? null, footnotes);
      ownershipFromNature(line, path, provenance);
      return { line, doubt: reader.codeDoubt, path };
    });
    codesFromKin(drafted, table, direction, provenance);
    return drafted.map((d) => d.line);
  };
  return {
    nonDerivative: lines(rowsI, 'nonDerivative', nonDerivativeLine, (line) => line.acquiredDisposed),
    derivative: lines(rowsII, 'derivative', derivativeLine, (line) => (line.sharesAcquired !== null ? 'A' : line.sharesDisposed !== null ? 'D' : null)),
  };
}

interface Kin {
  transactionCode: TransactionCode | null;
  directOrIndirect: 'D' | 'I' | null;
  natureOfOwnership?: string | null;
}

/**
 * An ownership cell read as neither D nor I (lost, or a blur read "Bib") is told by column 11: the
 * nature of an indirect ownership is printed there, and only for one (so every line of the corpus).
 * A guess: the nature itself may have been lost.
 */
function ownershipFromNature(line: Kin, path: string, provenance: Provenance): void {
  if (line.directOrIndirect !== null) return;
  const indirect = (line.natureOfOwnership ?? '').trim() !== '';
  line.directOrIndirect = indirect ? 'I' : 'D';
  provenance.guess(`${path}.directOrIndirect`, indirect ? 'not read; taken as I, as a nature of ownership is printed' : 'not read; taken as D, as no nature of ownership is printed');
}

/**
 * A line's code in doubt (ink that reads as no code, a scanned G or I, or a code that goes against
 * the line's (A) or (D): "L" on a sale line) is taken from the table's other lines that go the same
 * way, acquiring or disposing, when all of those read one code: a filing reports a run of
 * conversions or sales together (XOOM's eighteen C's, three of them read as G). A G is taken only
 * for a C, the letter it blurs from, an I only for a J; the line stays flagged.
 */
function codesFromKin<Line extends Kin>(drafted: ReadonlyArray<{ line: Line; doubt: RowReader['codeDoubt']; path: string }>, table: LineTable, direction: (line: Line) => 'A' | 'D' | null, provenance: Provenance): void {
  // A code read surely that goes against its line's (A) or (D) ("L", an acquisition, on a sale line) is in doubt too.
  const against = (line: Line, way: 'A' | 'D') => line.transactionCode !== null && (directionOfCode(table, line.transactionCode) ?? way) !== way;
  for (const item of drafted) {
    const way = direction(item.line);
    if (way === null || (item.doubt === null && !against(item.line, way))) continue;
    const codes = new Set(drafted.filter((other) => other.doubt === null && other.line.transactionCode !== null && direction(other.line) === way && !against(other.line, way)).map((other) => other.line.transactionCode!));
    const [code] = codes;
    if (codes.size !== 1 || code === undefined || (item.doubt === 'G' && code !== 'C') || (item.doubt === 'I' && code !== 'J')) continue;
    item.line.transactionCode = code;
    provenance.guess(`${item.path}.transactionCode`, `taken as ${code}, the code of every other line of the table that ${way === 'A' ? 'acquires' : 'disposes of'} shares`);
  }
}

/** What the filing's tables show, read before their lines, that a line's doubtful cell is weighed against. */
interface FormFacts {
  /** The cells ("nonDerivative[0].shares") whose number of shares reads as a fraction (fractionsIn). */
  fractions: ReadonlySet<string>;
  /** The transaction dates read well formed. */
  dates: readonly string[];
}

/** Whether the characters of `part` appear in `whole` in order. */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const c of whole) if (c === part[at]) at += 1;
  return at === part.length;
}

/**
 * The cells of a table whose number of shares (not a price) reads as a fraction that no comma read as
 * a period could make ("15,009.22", "76.9": not "27.418"), by path.
 */
function fractionsIn(rows: readonly TableRow[], table: string): string[] {
  return rows.flatMap((row, index) => [...row.cells].flatMap(([field, cell]) => {
    const text = runText(cell.values);
    const amount = AMOUNT_COLUMNS.has(field) && !PRICES.has(field) && !COMMA_AS_PERIOD.test(text) ? readAmount(text) : null;
    // (Four decimals or more are a price's precision, or a mark's digit run in: no share's fraction.)
    return amount !== null && !Number.isInteger(amount) && !/\.\d{4}/.test(text) ? [`${table}[${index}].${field}`] : [];
  }));
}

/**
 * "See Footnote(s)" as OCR misreads it in a nature of ownership ("See Foomotes", "See Footnotes? 0",
 * "See: Footnotes'?! Abid"): "See", a word two letters at most from "Footnote(s)", and scraps (the
 * marks, misread). Null for any other text, or the words read right.
 */
function seeFootnote(words: readonly Token[]): string | null {
  const [see, note, ...rest] = words.map((t) => t.text);
  if (see === undefined || note === undefined || !/^see:?$/i.test(see)) return null;
  const letters = note.replace(/[^A-Za-z]/g, '');
  const plural = /s$/i.test(letters) && letters.length >= 8 ? 's' : '';
  if (wordDistance(letters.toLowerCase(), `footnote${plural}`) > 2 || rest.some((word) => /[A-Za-z]{5,}/.test(word))) return null;
  const text = `See ${/^F/.test(letters) ? 'F' : 'f'}ootnote${plural}`;
  return text === words.map((t) => t.text).join(' ') ? null : text;
}

/** Letters and digits only, lower case: a name as a footnote and a cell both print it, whatever the spacing and stops. */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The text cells OCR read surely, without a layout doubt: phrases to mend unsure ones by. */
function sureTexts(rows: readonly TableRow[], table: string): Phrase[] {
  return rows.flatMap((row, index) => [...row.cells].flatMap(([field, cell]) => {
    const words = bareWords(cell.values);
    const sure = cell.doubt === undefined && cell.values.every((t) => t.confidence >= UNSURE);
    return TEXT_COLUMNS.has(field) && words.length > 0 && sure ? [{ text: joinText(words), where: `${table}, line ${index + 1}` }] : [];
  }));
}
