// Turns the words of one table row into typed items (dates, amounts, footnote marks, letters, words),
// first mending what a damaged layout splits: a footnote mark run into its value (`216(1)`), a price
// cut across cells (`$20 | .22`), a date cut across cells (`10/18/ | /2016`). Every mend is noted,
// because a mended value is a guess that a person should confirm.
import type { Token } from './tokens.js';
import { footnoteMark, isAmountText, isDateText } from './values.js';

export type ItemKind = 'date' | 'amount' | 'footnote' | 'letter' | 'word';

export interface Item {
  kind: ItemKind;
  text: string;
  tokens: Token[];
  cell: number | null;
  /** Why this item is a guess, when it was mended from pieces. */
  mended?: string;
}

function kindOf(text: string): ItemKind {
  if (footnoteMark(text) !== null) return 'footnote';
  if (isDateText(text)) return 'date';
  if (isAmountText(text)) return 'amount';
  if (/^[A-Za-z]$/.test(text)) return 'letter';
  return 'word';
}

function item(text: string, tokens: Token[], mended?: string): Item {
  return { kind: kindOf(text), text, tokens, cell: tokens[0]?.cell ?? null, ...(mended === undefined ? {} : { mended }) };
}

/** `216(1)` is the amount 216 with footnote 1; `(1)(2)` is two marks. */
function splitMarks(token: Token): Item[] {
  const match = /^(.*?)((?:\(\d{1,2}\))+),?$/.exec(token.text);
  if (match === null || match[2] === undefined) return [item(token.text, [token])];
  const marks = match[2].match(/\(\d{1,2}\)/g) ?? [];
  const head = match[1] === '' ? [] : [item(match[1]!, [token])];
  return [...head, ...marks.map((mark) => item(mark, [token]))];
}

export function rowItems(tokens: readonly Token[]): Item[] {
  const items = tokens.flatMap(splitMarks);
  const out: Item[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const current = items[i]!;
    const next = items[i + 1];
    // A lone `$` before its number (the sign printed in its own cell).
    if (current.text === '$' && next !== undefined && /^\$?\d/.test(next.text)) continue;
    const previous = out[out.length - 1];
    // `$20 | .22`: the cents cut off into the next cell.
    if (previous !== undefined && previous.kind === 'amount' && /^\.\d+$/.test(current.text) && previous.cell !== current.cell && !previous.text.includes('.')) {
      out[out.length - 1] = item(previous.text + current.text, [...previous.tokens, ...current.tokens], 'the number was printed across two cells; read as one');
      continue;
    }
    // `10/18/ | /2016`: the year cut off into the next cell (a stray repeat of the year after it is dropped).
    if (/^\d{1,2}\/\d{1,2}\/?$/.test(current.text) && next !== undefined && /^\/?\d{4}$/.test(next.text)) {
      const text = `${current.text.replace(/\/$/, '')}/${next.text.replace(/^\//, '')}`;
      const pieces = [...current.tokens, ...next.tokens];
      const repeat = items[i + 2];
      if (repeat !== undefined && repeat.text === next.text.replace(/^\//, '')) {
        pieces.push(...repeat.tokens);
        i += 1;
      }
      out.push(item(text, pieces, 'the date was printed across cells; read as one'));
      i += 1;
      continue;
    }
    out.push(current);
  }
  return out;
}

/**
 * Where one amount is expected but the layout left several (`1 | 1,648`), the reading that joins them
 * into one well-formed number (`11,648`), else the last of them; either way a guess.
 */
export function mergeAmounts(amounts: readonly Item[]): Item {
  if (amounts.length === 1) return amounts[0]!;
  const tokens = amounts.flatMap((a) => a.tokens);
  const joined = amounts.map((a) => a.text).join('');
  if (isAmountText(joined)) return item(joined, tokens, `the amount was printed in pieces (${amounts.map((a) => a.text).join(' | ')}); read as ${joined}`);
  const last = amounts[amounts.length - 1]!;
  return { ...last, mended: `several numbers stood where one belongs (${amounts.map((a) => a.text).join(' | ')}); took the last` };
}
