// A second, closer look at a cell the page reading left in doubt. The parser knows what a cell of the
// form can hold (a code letter, D or I, footnote marks, a date, a checkbox), which the page-wide OCR
// does not: it names the cell, the characters to read it with and the shape the reading must have;
// ingest cuts the cell out of the page image, enlarges it and reads it with only those characters
// (second-look.ts there); the answers mend the document (look-again.ts), which is then parsed again.
import { CHECKBOX_TEXT, type Box } from '../../../shared/document.js';
import { TRANSACTION_CODES } from '../../../shared/model.js';

export interface CellLook {
  page: number;
  /** Where to look, in page pixels. */
  box: Box;
  /** The only characters the cell can hold (Tesseract's whitelist). */
  alphabet: string;
  /** What a lone upright bar in the cell is ("I" where the cell holds D or I). */
  bar?: string;
  /** The cut is made inside a word or around a mark alone: what touches its edge is not a rule. */
  keepEdges?: boolean;
  /** The cut may hold footnote marks alone (a mark misread, cut around its word; a cell OCR read nothing in). */
  marksAlone?: boolean;
  /** A checkbox is told checked or empty by the ink inside it, not read. */
  shape?: 'checkbox';
  /**
   * Only the ink raised above the line is read: footnote marks OCR lost, found where superscript
   * stands (the line's baseline in page pixels, the height of its digits).
   */
  raised?: { baseline: number; textHeight: number };
  /** With `raised`: a letter cell whose raised marks are read apart, with this alphabet, and joined after the letter. */
  marksApart?: string;
  /**
   * With `raised`: the value's last word, which a mark run onto its end spoils ("200(1)" read
   * "2000"): read again left of the marks standing in its box, and rewritten with them when the new
   * reading is where the first one started ("200" of "2000").
   */
  word?: { box: Box; alphabet: string };
  /**
   * With `raised`: the amount without the end of its word the page reading took for marks. Taken,
   * unsure, when the look finds no raised ink there (CellAnswer).
   */
  unmarked?: string;
  /** With `raised`: the line a wrapped text's words end on, its marks read on a line below it. */
  beforeMarks?: boolean;
  /** The shape a reading must have to be taken. */
  pattern: RegExp;
  /** The words the reading replaces, by their boxes (none: the reading is a word OCR lost). */
  replaces: Box[];
  /** The cell's footnote marks, by their boxes: replaced only by a reading that has marks, else kept. */
  marks: Box[];
  /** The page height band the ink of a reading must stand in (the row's line), if any. */
  inkWithin?: { top: number; bottom: number };
  /** Text kept before the reading in the word it makes (the value a footnote mark was run into). */
  prefix: string;
  /**
   * The prefix may end in the mark's own digits: the page reading lost only the mark's opening
   * bracket ("5.17417)" for "5.1741(7)"). A mark read whose digits end the prefix takes them from it.
   */
  markDigitsEndPrefix?: boolean;
  /**
   * The page reading of the cell when it was well formed but unsure: a second reading that differs
   * does not replace it, it only lowers its confidence, so the field is flagged rather than changed.
   */
  firstReading: string | null;
  /** At most this confidence for the word the reading makes (a value found where none was seen). */
  trust?: number;
}

/**
 * A cell's reading. For a look at raised ink (`raised`, no `marksApart`), no text and no ink: no raised
 * ink stands in the cell.
 */
export interface CellAnswer {
  text: string;
  /** 0-100, Tesseract's confidence in the reading. */
  confidence: number;
  /** Where the ink of the reading is, in page pixels (the box the review screen outlines). */
  ink: Box | null;
}

/** Confidence at most of a value found where the page reading saw nothing: always flagged for review. */
export const LOST_TRUST = 30;

const DIGITS = '0123456789';
const CODES = TRANSACTION_CODES.join('');
const MARKS = `(${DIGITS})`;
/** Footnote marks, one or several: "(1)", "(2)(3)". */
export const MARKS_PATTERN = /^(\(\d{1,2}\))+$/;

/** What each kind of cell can hold: its alphabet and the shape of a reading, marks allowed after it. */
export const CELL_KINDS = {
  ownership: { alphabet: `DI${MARKS}`, pattern: /^[DI](\(\d{1,2}\))*$/, bar: 'I' },
  acquiredDisposed: { alphabet: `AD${MARKS}`, pattern: /^[AD](\(\d{1,2}\))*$/ },
  code: { alphabet: `${CODES}${MARKS}`, pattern: new RegExp(`^[${CODES}](\\(\\d{1,2}\\))*$`) },
  marks: { alphabet: MARKS, pattern: MARKS_PATTERN },
  /** A checkbox's answer: what the ink inside the box says, written as OCR writes a box. */
  checkbox: { alphabet: '', pattern: /^\[X?\]$/ },
  /** A date or an amount, as the tables print them, marks allowed after it. */
  value: { alphabet: `${DIGITS}$,./()`, pattern: /^(\$?\d{1,3}(,\d{3})*(\.\d+)?|\$?\d+(\.\d+)?|\d{1,2}\/\d{1,2}\/\d{4})(\(\d{1,2}\))*$/ },
  /** Whatever a value cell may print: digits, separators, a dollar sign, a date's slashes, marks. */
  lost: { alphabet: `${DIGITS}$,./()`, pattern: /^[0-9$,./()]+$/ },
} as const;

export type CellKind = keyof typeof CELL_KINDS;

/** A checkbox as the answer to a look writes it. */
export const CHECKED = CHECKBOX_TEXT.checked;
export const EMPTY = CHECKBOX_TEXT.empty;
