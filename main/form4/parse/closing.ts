// Explanation of Responses (the footnotes), the Remarks box and the signature block.
import type { DraftFiling } from '../../../shared/model.js';
import type { Provenance } from './provenance.js';
import { joinText, type TextLine, type Token } from './tokens.js';
import { readDate } from './values.js';

type Paragraph = Token[][];

/** Lines split into paragraphs at blank lines (a text input's empty lines; a scan's wide vertical gaps). */
function paragraphs(lines: readonly TextLine[]): Paragraph[] {
  const result: Paragraph[] = [];
  let current: Paragraph = [];
  for (const line of lines) {
    if (line.tokens.length === 0) {
      if (current.length > 0) result.push(current);
      current = [];
    } else current.push(line.tokens);
  }
  if (current.length > 0) result.push(current);
  return result;
}

const BULLET = /^[-•*▪◦]$/;
const NUMBERED = /^\(?(\d{1,2})[.)]$/;
/**
 * A label whose period OCR lost or misread ("2", "2,"), or with a speck read before it ("+2."): taken
 * only for the number that comes next.
 */
const LOOSELY_NUMBERED = /^[+*~'‘’`|]?\(?(\d{1,2})[.,:;)]?$/;
/** A label OCR ran into the footnote's first word ("2.SCUS"): taken only for the number that comes next. */
const RUN_INTO_WORD = /^(\d{1,2})\.([A-Z"“(].*)$/;

export interface ExplanationReading {
  footnotes: DraftFiling['footnotes'];
  /** Paragraphs after the footnotes that are not footnotes: the remarks and signature, unlabelled. */
  rest: TextLine[];
}

/**
 * Footnotes are items that start with a number (`1.`, `(1)`) or a bullet (numbered 1, 2, ... in order);
 * a line without one continues the item above it unless a blank line came between.
 */
export function readFootnotes(lines: readonly TextLine[], provenance: Provenance): ExplanationReading {
  const items: FootnoteItem[] = [];
  let blankBefore = false;
  let numberedItems = false;
  // Specks are kept out of the text but not out of its confidence: an unsure speck still flags it.
  let specks: Token[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const all = lines[i]!.tokens;
    const tokens = all.filter((t, at) => !isSpeck(t, all[at - 1], all[at + 1] ?? lines[i + 1]?.tokens[0]));
    specks.push(...all.filter((t) => !tokens.includes(t)));
    if (tokens.length === 0) {
      // (A line of specks alone is no blank line: its specks go with the footnote above.)
      if (all.length === 0) blankBefore = true;
      else if (items.length > 0) items[items.length - 1]!.specks.push(...specks.splice(0));
      continue;
    }
    // Footnotes are numbered or bulleted, not both: a bullet before a line of numbered footnotes is a
    // scan's speck (a dash of a few pixels by the margin), and the line continues the footnote above.
    if (numberedItems && BULLET.test(tokens[0]!.text) && tokens.length > 1) specks.push(tokens.shift()!);
    const [first, second] = tokens;
    const bullet = BULLET.test(first!.text);
    const numberToken = bullet ? second : first;
    const numbered = numberToken === undefined ? null : NUMBERED.exec(numberToken.text);
    const loose = items.length > 0 && !bullet && numbered === null && tokens.length > 1 ? LOOSELY_NUMBERED.exec(first!.text) : null;
    const runIn = items.length > 0 && !bullet && numbered === null ? RUN_INTO_WORD.exec(first!.text) : null;
    const next = String(Number(items[items.length - 1]?.id) + 1);
    if (bullet || numbered !== null) {
      if (numbered !== null) numberedItems = true;
      const skip = (bullet ? 1 : 0) + (numbered !== null ? 1 : 0);
      items.push({ id: numbered?.[1] ?? String(items.length + 1), tokens: tokens.slice(skip), specks: [] });
    } else if (loose !== null && loose[1] === next) {
      items.push({ id: loose[1], tokens: tokens.slice(1), specks: [], guess: `a line starting "${first!.text}" taken for footnote ${loose[1]}'s label` });
    } else if (runIn !== null && runIn[1] === next) {
      const word = { ...first!, text: runIn[2]! };
      items.push({ id: next, tokens: [word, ...tokens.slice(1)], specks: [], guess: `a line starting "${first!.text}" taken for footnote ${next}'s label run into its first word` });
    } else if (items.length > 0 && !blankBefore) {
      items[items.length - 1]!.tokens.push(...tokens);
    } else if (items.length > 0 || i > 0) {
      return { footnotes: finish(items, provenance), rest: lines.slice(i) };
    } else {
      items.push({ id: '1', tokens: [...tokens], specks: [] });
    }
    items[items.length - 1]!.specks.push(...specks);
    specks = [];
    blankBefore = false;
  }
  items[items.length - 1]?.specks.push(...specks);
  return { footnotes: finish(items, provenance), rest: [] };
}

interface FootnoteItem {
  id: string;
  tokens: Token[];
  specks: Token[];
  guess?: string;
}

/**
 * A scan's speck read as a mark of its own: a colon, semicolon, quote, brace or bar standing alone, a
 * period or comma standing alone after a word that already ends in one ("holder. :"), or a period
 * standing alone in the middle of a sentence ("over the . securities").
 */
function isSpeck(token: Token, before: Token | undefined, after: Token | undefined): boolean {
  if (/^[:;'‘’`{}|~_]$/.test(token.text)) return true;
  if (!/^[.,]$/.test(token.text)) return false;
  return before === undefined || /[.,;:]$/.test(before.text) || (token.text === '.' && after !== undefined && /^[a-z]/.test(after.text));
}

function finish(items: readonly FootnoteItem[], provenance: Provenance): DraftFiling['footnotes'] {
  return items.map((item, index) => {
    const path = `footnotes[${index}].text`;
    provenance.read(path, [...item.tokens, ...item.specks]);
    if (item.guess !== undefined) provenance.guess(`footnotes[${index}].id`, item.guess);
    const { tokens, mends } = withoutScanSpecks(item.tokens);
    if (mends.length > 0) provenance.guess(path, mends.join('; '));
    return { id: item.id, text: joinText(tokens) };
  });
}

/** Words that never end a sentence: a period after one, before a small letter, is a speck ("at. prices"). */
const NEVER_LAST = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * What a scan's specks make of a footnote's words, mended: a lone character after its closing period
 * ("fees. i"), a comma ending it (a footnote ends with a period), and a period between two words in
 * small letters ("and.immediately", "at. prices"; not "i.e." nor an address: "sec.gov").
 */
function withoutScanSpecks(read: readonly Token[]): { tokens: Token[]; mends: string[] } {
  const tokens = [...read];
  const mends: string[] = [];
  const last = tokens.at(-1);
  if (last !== undefined && tokens.length > 1 && last.text.length === 1 && /[.)"”]$/.test(tokens.at(-2)!.text)) {
    tokens.pop();
    mends.push(`"${last.text}" after the closing period taken for a speck`);
  }
  const end = tokens.at(-1);
  if (end !== undefined && /[A-Za-z0-9)"”],$/.test(end.text)) {
    tokens[tokens.length - 1] = { ...end, text: `${end.text.slice(0, -1)}.` };
    mends.push(`the comma ending it taken for a period`);
  }
  return { tokens: withinText(tokens, mends), mends };
}

/**
 * What a scan's specks make of the words inside a text (a footnote, the remarks), mended, each mend
 * told in `mends`: a period between two words in small letters ("and.immediately", "at. prices"; not
 * "i.e." nor an address: "sec.gov"), a number broken after its point ("$5. 24"), an opening quote
 * no quote closes ("this 'Statement is"), a possessive broken at its apostrophe ("Issuer' s"), and
 * signs no footnote prints in a word.
 */
function withinText(tokens: readonly Token[], mends: string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const inside = /^([a-z]+)\.([a-z]{2,}[.,;:]?)$/.exec(token.text);
    if (inside !== null && inside[1]!.length + inside[2]!.length > 3 && !/^(com|gov|org|net|edu)\b/.test(inside[2]!)) {
      mends.push(`"${token.text}" read as two words`);
      out.push({ ...token, text: inside[1]! }, { ...token, text: inside[2]! });
    } else if (next !== undefined && /^[a-z]/.test(next.text) && NEVER_LAST.has(token.text.slice(0, -1)) && token.text.endsWith('.')) {
      mends.push(`the period after "${token.text.slice(0, -1)}" taken for a speck`);
      out.push({ ...token, text: token.text.slice(0, -1) });
    } else if (next !== undefined && /^\$\d+\.$/.test(token.text) && /^\d+[.,;:]?$/.test(next.text)) {
      mends.push(`"${token.text} ${next.text}" read as one number`);
      out.push({ ...token, text: `${token.text}${next.text}` });
      i += 1;
    } else if (/^['‘`][A-Za-z]/.test(token.text) && !/['’]/.test(token.text.slice(1)) && !tokens.slice(i + 1, i + 12).some((t) => /['’][.,;:)]*$/.test(t.text))) {
      mends.push(`the quote opening "${token.text}", which no quote closes, taken for a speck`);
      out.push({ ...token, text: token.text.slice(1) });
    } else if (next !== undefined && /^[A-Za-z]+['’]$/.test(token.text) && /^s[.,;:)]*$/.test(next.text)) {
      mends.push(`"${token.text} ${next.text}" read as one word`);
      out.push({ ...token, text: `${token.text}${next.text}` });
      i += 1;
    } else {
      // Signs no footnote prints in a word: a cent sign for its c ("In¢."), guillemets at its edge ("«each"); and an
      // entity's "L.P." with its P read as E ("L.E.,") after a name.
      const mended = token.text
        .replace(/(?<=[A-Za-z])¢|¢(?=[A-Za-z])/g, 'c')
        .replace(/^[«»]+|[«»]+$/g, '')
        .replace(/^(L\.?)E(\.?[,;]?)$/, (whole, l: string, rest: string) => (/^[A-Z]/.test(tokens[i - 1]?.text ?? '') ? `${l}P${rest}` : whole));
      if (mended !== token.text && mended !== '') {
        mends.push(`"${token.text}" read as "${mended}"`);
        out.push({ ...token, text: mended });
      } else out.push(token);
    }
  }
  return out;
}

/**
 * The remarks and the signature block. The signature is the paragraph with the (last) date in it,
 * the paragraph before it too when the date stands alone (a name broken around its date), and what
 * follows; the paragraphs before it are the remarks.
 */
export function readClosing(lines: readonly TextLine[], provenance: Provenance): Pick<DraftFiling, 'remarks' | 'signatures'> {
  const parts = paragraphs(lines);
  const hasDate = (p: Paragraph) => p.flat().some((t) => readDate(t.text) !== null);
  let start = findLast(parts, hasDate);
  if (start < 0) start = parts.length - 1;
  const dateOnly = start >= 0 && parts[start]!.flat().every((t) => readDate(t.text) !== null);
  if (dateOnly && start > 0) start -= 1;
  const remarks = remarksText(parts.slice(0, Math.max(start, 0)).flat(2), provenance);
  const signatures = start < 0 ? [] : readSignatures(parts.slice(start).flat(2), provenance);
  return { remarks, signatures };
}

/** The remarks' words as their text, what a scan's specks made of them mended (withinText); null for none. */
export function remarksText(read: readonly Token[], provenance: Provenance): string | null {
  const mends: string[] = [];
  const tokens = withinText(read, mends);
  provenance.read('remarks', read, mends.length > 0 ? mends.join('; ') : undefined);
  return tokens.length > 0 ? joinText(tokens) : null;
}

/** Each date closes one signature; words after the last date still belong to the last name. */
function readSignatures(tokens: Token[], provenance: Provenance): DraftFiling['signatures'] {
  const signatures: { name: Token[]; date: Token | null }[] = [];
  let name: Token[] = [];
  for (const token of tokens) {
    if (readDate(token.text) !== null) {
      signatures.push({ name, date: token });
      name = [];
    } else name.push(token);
  }
  if (name.length > 0) {
    if (signatures.length > 0) signatures[signatures.length - 1]!.name.push(...name);
    else signatures.push({ name, date: null });
  }
  return signatures.map((signature, index) => {
    provenance.read(`signatures[${index}].name`, signature.name);
    if (signature.date !== null) provenance.read(`signatures[${index}].date`, [signature.date]);
    return { name: joinText(signature.name), date: signature.date === null ? null : readDate(signature.date.text) };
  });
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i]!)) return i;
  return -1;
}
