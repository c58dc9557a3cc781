// Reads a Form 4 that another OCR tool wrote out as text (.txt/.md) into the document model: one page,
// one line per input line, each word with the table cell it sat in. Markdown and HTML markup is
// undone here so the parser sees words only: escapes, entities, underlines (kept as word gaps),
// checkboxes (as ☒/☐), footnote marks in every form they come (as separate `(N)` words).
import type { Document, Line, Word } from '../../shared/document.js';

/** Stands for a break the markup made inside a cell: an underline edge, a `<br>`, a run of spaces. */
const GAP = '\u241E';
export const CHECKED_BOX = '☒';
export const UNCHECKED_BOX = '☐';

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function readTextDocument(text: string): Document {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').flatMap((raw) => {
    if (isTableSeparator(raw)) return [];
    return [readLine(raw)];
  });
  return { origin: 'text', pages: [{ number: 1, width: 0, height: 0, lines }] };
}

/** `|---|:--:|` rows only draw the table; they carry no words. */
function isTableSeparator(raw: string): boolean {
  return /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/.test(raw);
}

function readLine(raw: string): Line {
  const cells = splitCells(raw);
  const words: Word[] = [];
  cells.forEach((cellText, index) => {
    const cell = cells.length > 1 ? index : null;
    words.push(...cellWords(cellText, cell));
  });
  return { words, box: null };
}

/** A markdown row splits on unescaped `|`; a tab-separated row on tabs; anything else is one cell. */
function splitCells(raw: string): string[] {
  const trimmed = raw.trim();
  if (trimmed.startsWith('|')) {
    const inner = trimmed.replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
    return inner.split(/(?<!\\)\|/);
  }
  if (raw.includes('\t')) return raw.split('\t');
  return [raw];
}

function cellWords(cellText: string, cell: number | null): Word[] {
  const cleaned = unmark(cellText);
  const words: Word[] = [];
  let gap = false;
  for (const piece of cleaned.split(/(\s+|\u241E)/)) {
    if (piece === GAP || /\s{2,}/.test(piece)) {
      gap = true;
      continue;
    }
    if (piece.trim() === '') continue;
    words.push({ text: piece, box: null, confidence: 100, cell, ...(gap && words.length > 0 ? { gapBefore: true } : {}) });
    gap = false;
  }
  return words;
}

/** Undoes markdown and HTML markup, leaving plain words, gap marks, checkbox marks and `(N)` marks. */
export function unmark(text: string): string {
  return text
    .replace(/<input\b[^>]*\bchecked\b[^>]*>/gi, ` ${CHECKED_BOX} `)
    .replace(/<input\b[^>]*>/gi, ` ${UNCHECKED_BOX} `)
    .replace(/<sup>\s*\(?\s*(\d{1,2})\s*\)?\s*<\/sup>/gi, ' ($1) ')
    .replace(/⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾/g, (_, digits: string) => ` (${[...digits].map((d) => SUPERSCRIPT_DIGITS[d]).join('')}) `)
    .replace(/<br\s*\/?>/gi, GAP)
    .replace(/<\/?u>/gi, GAP)
    .replace(/<\/?(b|strong|i|em|span|sub|sup|p|div)\b[^>]*>/gi, ' ')
    .replace(/\*\*(\S(?:[^*]*\S)?)\*\*/g, '$1')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|$<>~])/g, '$1')
    .replace(/&(#39|[a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}
