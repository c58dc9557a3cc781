// Boxes 1 to 6 and the checkboxes above Table I. Each printed label is found (fuzzily); a box's value
// is what stands between its label and the next label, in reading order.
import type { DraftFiling } from '../../../shared/model.js';
import type { Provenance } from './provenance.js';
import { findLabel, joinText, normalize, type LabelMatch, type Token } from './tokens.js';
import { isCheckMark, isEmptyBox, readDate } from './values.js';
import { US_STATE_CODES } from '../us-states.js';

const LABELS = {
  box1: 'nameandaddressofreportingperson',
  nameParts: '(last)(first)(middle)',
  street: '(street)',
  cityStateZip: '(city)(state)(zip)',
  box2: 'issuernameandtickerortradingsymbol',
  box3: 'dateofearliesttransaction(monthdayyear)',
  box4: 'ifamendmentdateoforiginalfiled(monthdayyear)',
  box5: 'relationshipofreportingperson(s)toissuer(checkallapplicable)',
  box6: 'individualorjointgroupfiling(checkapplicableline)',
  oneOwner: 'formfiledbyonereportingperson',
  moreOwners: 'formfiledbymorethanonereportingperson',
  section16: 'checkthisboxifnolongersubjecttosection16',
  plan10b5: 'intendedtosatisfytheaffirmativedefenseconditionsofrule10b51(c)',
} as const;

type LabelName = keyof typeof LABELS;
type Found = LabelMatch & { name: LabelName };

export type HeaderFields = Pick<
  DraftFiling,
  'periodOfReport' | 'dateOfOriginalSubmission' | 'notSubjectToSection16' | 'aff10b5One' | 'issuer' | 'reportingOwners' | 'jointFiling'
>;

export function readHeader(tokens: readonly Token[], provenance: Provenance): HeaderFields {
  const found = findLabels(tokens);
  const checkMarks = new Set<number>();
  const checked = (name: LabelName): boolean | null => {
    const label = found.get(name);
    if (label === undefined) return null;
    const before = tokens[label.start - 1];
    if (before !== undefined && (isCheckMark(before.text) || isEmptyBox(before.text))) {
      checkMarks.add(label.start - 1);
      return isCheckMark(before.text);
    }
    return false;
  };
  const notSubjectToSection16 = checked('section16') ?? false;
  const aff10b5One = checked('plan10b5');
  const oneOwner = checked('oneOwner');
  const moreOwners = checked('moreOwners');
  const slot = slotReader(tokens, found, checkMarks);

  const owner = readOwner(slot, provenance);
  const issuer = readIssuer(slot('box2'), provenance);
  const periodOfReport = readDateBox(slot('box3'), 'periodOfReport', provenance);
  const dateOfOriginalSubmission = readDateBox(slot('box4'), 'dateOfOriginalSubmission', provenance);
  const jointFiling = moreOwners === true && oneOwner !== true;
  return {
    periodOfReport,
    dateOfOriginalSubmission,
    notSubjectToSection16,
    aff10b5One,
    issuer,
    reportingOwners: [owner],
    jointFiling,
  };
}

function findLabels(tokens: readonly Token[]): Map<LabelName, Found> {
  const found = new Map<LabelName, Found>();
  for (const name of Object.keys(LABELS) as LabelName[]) {
    const match = findLabel(tokens, LABELS[name]);
    if (match === null) continue;
    // The box number printed before the label ("1.", "2.", or "S." where OCR took 5 for S).
    const before = tokens[match.start - 1];
    const start = before !== undefined && /^[0-9sS]{1,2}\.$/.test(before.text) ? match.start - 1 : match.start;
    found.set(name, { ...match, start, name });
  }
  return found;
}

/** The tokens between a label and whatever label comes next, less the checkbox marks of options. */
function slotReader(tokens: readonly Token[], found: Map<LabelName, Found>, checkMarks: Set<number>) {
  const ordered = [...found.values()].sort((a, b) => a.start - b.start);
  return (name: LabelName): Token[] => {
    const label = found.get(name);
    if (label === undefined) return [];
    const next = ordered.find((other) => other.start >= label.end);
    const end = next === undefined ? tokens.length : next.start;
    return tokens.slice(label.end, end).filter((_, i) => !checkMarks.has(label.end + i));
  };
}

/** Runs of tokens the input set apart: a gap, or a new line of a scan. */
function segments(tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous === undefined || token.gapBefore || token.line !== previous.line) runs.push([token]);
    else runs[runs.length - 1]!.push(token);
  });
  return runs;
}

function readOwner(slot: (name: LabelName) => Token[], provenance: Provenance): HeaderFields['reportingOwners'][number] {
  const path = 'reportingOwners[0]';
  const nameTokens = slot('box1');
  provenance.read(`${path}.name`, nameTokens);
  const street = readStreet(slot('nameParts'), path, provenance);
  const place = readCityStateZip(slot('street'), path, provenance);
  const relationship = readRelationship(slot('box5'), path, provenance);
  return {
    name: nameTokens.length > 0 ? joinText(nameTokens) : null,
    ...street,
    ...place,
    ...relationship,
  };
}

function readStreet(tokens: Token[], path: string, provenance: Provenance): { street1: string | null; street2: string | null } {
  const runs = segments(tokens);
  if (runs.length >= 2) {
    const [first, ...rest] = runs;
    provenance.read(`${path}.street1`, first!);
    provenance.read(`${path}.street2`, rest.flat());
    return { street1: joinText(first!), street2: joinText(rest.flat()) };
  }
  if (tokens.length === 0) return { street1: null, street2: null };
  // One run of words: where a house number follows other words ("ACME INC. 495 MAIN ST"), the input
  // ran the form's two street lines together.
  const split = tokens.findIndex((t, i) => i > 0 && /^\d/.test(t.text) && tokens.slice(i + 1).some((n) => /[A-Za-z]/.test(n.text)));
  if (split > 0) {
    const why = 'the two street lines ran together; split before the house number';
    provenance.read(`${path}.street1`, tokens.slice(0, split), why);
    provenance.read(`${path}.street2`, tokens.slice(split), why);
    return { street1: joinText(tokens.slice(0, split)), street2: joinText(tokens.slice(split)) };
  }
  provenance.read(`${path}.street1`, tokens);
  return { street1: joinText(tokens), street2: null };
}

/**
 * "AMHERST NY 14228", also when a damaged table cut it into cells ("AMHER | ST NY | 7 1 | 4228"); or
 * an address abroad as EDGAR writes it, a country code of a letter and a digit after the city and
 * the postal code after it ("LONDON, X0 W1K 3JP").
 */
export function readCityStateZip(tokens: Token[], path: string, provenance: Provenance): { city: string | null; state: string | null; zip: string | null } {
  const stateAt = findLastIndex(tokens, (t) => US_STATE_CODES.has(t.text.toUpperCase()));
  const codes = tokens.map((_, i) => (i > 0 ? abroadCode(tokens, i, stateAt) : null));
  const abroad = findLastIndex(codes, (code) => code !== null);
  if (abroad > 0) {
    const [city, code, postal] = [tokens.slice(0, abroad), tokens[abroad]!, tokens.slice(abroad + 1)];
    const state = codes[abroad]!;
    provenance.read(`${path}.city`, city);
    provenance.read(`${path}.state`, [code], state === code.text ? undefined : `read as "${code.text}"; taken as EDGAR's code "${state}" for a place abroad: a zero read as the letter O, the postal code after it no US zip`);
    if (postal.length > 0) provenance.read(`${path}.zip`, postal);
    return { city: joinText(city), state, zip: postal.length > 0 ? joinText(postal) : null };
  }
  if (stateAt < 0) {
    if (tokens.length > 0) provenance.read(`${path}.city`, tokens, 'no state code found in the city, state and zip line');
    return { city: tokens.length > 0 ? joinText(tokens) : null, state: null, zip: null };
  }
  const cityTokens = tokens.slice(0, stateAt);
  const zipTokens = tokens.slice(stateAt + 1).filter((t) => /^[\d-]+$/.test(t.text));
  const digits = zipTokens.map((t) => t.text).join('');
  const zipMatch = /(\d{5})(-?\d{4})?$/.exec(digits);
  const zip = zipMatch === null ? null : zipMatch[2] === undefined ? zipMatch[1]! : `${zipMatch[1]}-${zipMatch[2].replace('-', '')}`;
  const zipGuess = zipTokens.length > 1 ? 'the zip code was printed in pieces; read as the digits joined' : undefined;
  provenance.read(`${path}.state`, [tokens[stateAt]!]);
  if (zipTokens.length > 0) provenance.read(`${path}.zip`, zipTokens, zip === null ? 'no zip code could be read' : zipGuess);

  const city = joinAcrossCells(cityTokens);
  provenance.read(`${path}.city`, cityTokens, city.joined ? 'a table cell boundary cut the city name; read as one word' : undefined);
  return { city: city.text === '' ? null : city.text, state: tokens[stateAt]!.text.toUpperCase(), zip };
}

/**
 * The token at `at` as EDGAR's code for a place abroad (a letter and a digit, "X0", or a digit and a
 * letter, "2M"), or null. It comes after a city ending in a comma, or before a postal code no US zip
 * could be misread from ("105-7537"). A zero OCR read as the letter O is taken for a zero there
 * ("UO", "MO"), but a US state code stands ("MO" before a US zip is Missouri).
 */
function abroadCode(tokens: readonly Token[], at: number, stateAt: number): string | null {
  const text = tokens[at]!.text.toUpperCase();
  const postal = tokens.slice(at + 1).map((t) => t.text).join('');
  const foreignPostal = postal !== '' && !/^\d{4,6}(-\d{0,4})?$/.test(postal);
  const afterCity = tokens[at - 1]!.text.endsWith(',') || foreignPostal;
  if (/^[A-Z]\d$|^\d[A-Z]$/.test(text)) return stateAt < 0 && afterCity ? text : null;
  if (!/^[A-Z]O$/.test(text)) return null;
  const usState = US_STATE_CODES.has(text);
  return (usState ? foreignPostal && stateAt === at : stateAt < 0 && afterCity) ? `${text[0]}0` : null;
}

/** Joins words, running together two that a cell boundary cut apart mid-word ("AMHER | ST"). */
function joinAcrossCells(tokens: readonly Token[]): { text: string; joined: boolean } {
  let text = '';
  let joined = false;
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const cutMidWord = previous !== undefined && previous.cell !== token.cell && /[A-Za-z]$/.test(previous.text) && /^[A-Za-z]/.test(token.text);
    if (cutMidWord) joined = true;
    text += previous === undefined || cutMidWord ? token.text : ` ${token.text}`;
  });
  return { text, joined };
}

const RELATIONSHIP_OPTIONS = [
  { key: 'isDirector', words: ['director'] },
  { key: 'isTenPercentOwner', words: ['10%', 'owner'] },
  { key: 'isOfficer', words: ['officer'] },
  { key: 'isOther', words: ['other'] },
] as const;

/** The printed fragments of the option labels, which a damaged layout scatters among the options. */
const RELATIONSHIP_LABEL_WORDS = new Set(['(give', 'title', 'below)', 'below', '(specify', '(give title below)', 'title)', '(specify below)']);

type Relationship = Pick<HeaderFields['reportingOwners'][number], 'isDirector' | 'isOfficer' | 'isTenPercentOwner' | 'isOther' | 'officerTitle' | 'otherText'>;

/**
 * Box 5: the four options in their printed order, each checked when a mark stands before it; the
 * words after the options are the officer's title (or the "other" text).
 */
function readRelationship(tokens: Token[], path: string, provenance: Provenance): Relationship {
  const result: Relationship = { isDirector: false, isTenPercentOwner: false, isOfficer: false, isOther: false, officerTitle: null, otherText: null };
  let option = 0;
  let marked = false;
  let anyMark = false;
  const free: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (isCheckMark(token.text) || isEmptyBox(token.text)) {
      marked = isCheckMark(token.text);
      anyMark ||= marked;
      continue;
    }
    const next = RELATIONSHIP_OPTIONS.slice(option).findIndex((o) => o.words.every((w, k) => tokens[i + k]?.text.toLowerCase() === w));
    if (next >= 0 && free.length === 0) {
      const chosen = RELATIONSHIP_OPTIONS[option + next]!;
      result[chosen.key] = marked;
      provenance.read(`${path}.${chosen.key}`, tokens.slice(Math.max(0, i - (marked ? 1 : 0)), i + chosen.words.length));
      option += next + 1;
      i += chosen.words.length - 1;
      marked = false;
      continue;
    }
    if (RELATIONSHIP_LABEL_WORDS.has(token.text.toLowerCase()) && free.length === 0) continue;
    free.push(token);
  }
  if (free.length > 0) {
    const text = joinText(free);
    if (result.isOther && !result.isOfficer) {
      result.otherText = text;
      provenance.read(`${path}.otherText`, free);
    } else {
      result.officerTitle = text;
      provenance.read(`${path}.officerTitle`, free);
      if (!result.isOfficer && !anyMark) {
        result.isOfficer = true;
        provenance.guess(`${path}.isOfficer`, 'no box 5 mark could be seen; an officer title is printed, so Officer is taken as checked');
      }
    }
  }
  return result;
}

/**
 * The ticker's brackets as OCR reads them when it misses one. The bracket beside a rule comes out as
 * a bar: "[ FB | ]", "| KTOS ]" (a bar never stands in a ticker), or both: "|]". The opening one,
 * without the underline that closed its foot, as "L", "(", "I" or "II"; the closing one as "1" or "I".
 * Specks may follow ("L MSFT | > i"). With no opening bracket seen, only a "]" closes a ticker
 * ("INTRICON CORP IIN ]").
 */
const MISREAD_BRACKETS = [
  /^(.*?)\s+(?:(?:[|({]|\|\|)\s*|(?:[LI1l]|II)\s+)([A-Z][A-Z.]{0,5})\s*[\]|)1lIJ}]{1,2}(?:\s+(?:[^A-Za-z0-9\s]+|[a-z]))*$/,
  /^(.*?)\s+([A-Z][A-Z.]{0,5})\s*\]$/,
];

export function readIssuer(tokens: Token[], provenance: Provenance): HeaderFields['issuer'] {
  const text = joinText(tokens);
  const bracketed = /^(.*?)\s*\[\s*([^\]]*?)\s*\]/.exec(text) ?? MISREAD_BRACKETS.map((pattern) => pattern.exec(text)).find((match) => match !== null) ?? null;
  if (bracketed !== null) {
    const [whole, name] = bracketed;
    // A ticker is one word: specks beside it go ("EB :"), and so does a bar read as "1" ("WARM 1").
    const word = bracketed[2]!.replace(/^[\s|:;.,'"`~_=-]+|[\s|:;.,'"`~_=-]+$/g, '').replace(/^(\S+)\s+[1lIJ]$/, '$1');
    // Where the closing bracket was lost, the next box's words run on after the ticker ("DKNG 3- Cet
    // of ... 03/14/2025"): a ticker first, in capitals, is the ticker.
    const runOn = /^([A-Z][A-Z.]{0,5})\s+\S/.exec(word);
    const first = runOn === null ? word : runOn[1]!;
    if (runOn !== null) provenance.guess('issuer.tradingSymbol', `read as "${word}"; its first word taken for the ticker, the rest for the next box's`);
    // A ticker is capital letters: a sans-serif I among them is a bare stroke, read as a one or an ell ("1ILG").
    const ticker = /^[A-Z1l|]{2,6}$/.test(first) && /[A-Z]/.test(first) && /[1l|]/.test(first) ? first.replace(/[1l|]/g, 'I') : first;
    if (ticker !== first) provenance.guess('issuer.tradingSymbol', `read as "${first}"; a stroke in a ticker taken for an I`);
    const nameTokens = tokens.filter((t) => !/[[\]|]/.test(t.text) && name!.includes(t.text));
    provenance.read('issuer.name', nameTokens);
    // A whole word with a period inside the name is a comma that lost its tail ("Natera. Inc."): a
    // company's name abbreviates in short words ("Corp.", "Inc.", "Co.").
    const commas = name!.replace(/\b([A-Za-z]{5,})\.(?= \S)/g, '$1,');
    if (commas !== name) provenance.guess('issuer.name', `read as "${name!.trim()}"; a period after a whole word taken for a comma`);
    // "Inc." closing the name with its c's tail blurred into a g and its period into a comma ("Ing,").
    const inc = /(\s)((?:[Il1|]ng[.,]?|[l1|]nc[.,]?|Inc,))\s*$/.exec(commas);
    const incName = inc === null ? commas : `${commas.slice(0, inc.index)}${inc[1]}Inc.`;
    if (inc !== null) provenance.guess('issuer.name', `read as "${name!.trim()}"; "${inc[2]}" taken for "Inc."`);
    // EDGAR writes a company's state after its name, a space between ("HORIZON BANCORP /IN/"):
    // OCR closes the narrow gap before the slash.
    const mendedName = incName.replace(/(?<=[A-Za-z.])(\/[A-Z]{2}\/)\s*$/, ' $1');
    if (mendedName !== incName) provenance.guess('issuer.name', `read as "${name!.trim()}"; a space taken before the state "${mendedName.trim().slice(-4)}"`);
    provenance.read('issuer.tradingSymbol', tokens.filter((t) => first !== '' && normalize(t.text) === normalize(first)));
    if (whole.includes('|') || !whole.includes('[') || first !== bracketed[2]!.trim()) provenance.guess('issuer.tradingSymbol', `the ticker's brackets read as "${whole.slice(name!.length).trim()}"`);
    return { name: mendedName.trim() || null, tradingSymbol: tickerOfName(ticker, mendedName, provenance) || null };
  }
  provenance.read('issuer.name', tokens);
  return { name: text || null, tradingSymbol: null };
}

/** Letters OCR reads for one another in a ticker: a tail lost (Q as O), a corner rounded (D as O). */
const TICKER_LOOKALIKES: Readonly<Record<string, string>> = { O: 'QD', Q: 'O', D: 'O' };

/**
 * A ticker is made of its company's letters: one that no word of the issuer's name holds, where its
 * look-alike does ("SO" for Square, Inc.: its Q read as O), is taken as the look-alike, flagged.
 */
function tickerOfName(ticker: string, name: string, provenance: Provenance): string {
  const letters = new Set(name.toUpperCase().replace(/[^A-Z]/g, ''));
  if (!/^[A-Z]{2,5}$/.test(ticker) || letters.size === 0) return ticker;
  const missing = [...ticker].filter((c) => !letters.has(c));
  if (missing.length !== 1) return ticker;
  const choices = [...(TICKER_LOOKALIKES[missing[0]!] ?? '')].filter((c) => letters.has(c));
  if (choices.length !== 1) return ticker;
  const mended = ticker.replace(missing[0]!, choices[0]!);
  provenance.guess('issuer.tradingSymbol', `read as "${ticker}", whose ${missing[0]} no word of the issuer's name holds; taken as "${mended}"`);
  return mended;
}

export function readDateBox(tokens: Token[], path: string, provenance: Provenance): string | null {
  const dateToken = tokens.find((t) => readDate(t.text) !== null);
  if (dateToken !== undefined) {
    provenance.read(path, [dateToken]);
    return readDate(dateToken.text);
  }
  // A date with the box's rule or a speck read into its word ("~|05/05/2014").
  for (const token of tokens) {
    const inside = /^[^\dA-Za-z]{1,3}(\d{1,2}\/\d{1,2}\/\d{4})[^\dA-Za-z]{0,3}$/.exec(token.text) ?? /^(\d{1,2}\/\d{1,2}\/\d{4})[^\dA-Za-z]{1,3}$/.exec(token.text);
    const date = inside === null ? null : readDate(inside[1]!);
    if (date === null) continue;
    provenance.read(path, [token], `read as "${token.text}"; ${inside![1]} taken for the date, the rest for specks`);
    return date;
  }
  // A date whose slashes OCR lost or took for other marks ("06, 07 2024"), underlined as values are
  // printed: its three numbers, as a guess.
  for (let i = 0; i + 3 <= tokens.length; i += 1) {
    const parts = tokens.slice(i, i + 3);
    const numbers = parts.map((t) => /^(\d{1,4})[,./|]?$/.exec(t.text)?.[1]);
    if (numbers.some((n) => n === undefined) || numbers[2]!.length !== 4) continue;
    const date = readDate(numbers.join('/'));
    if (date === null) continue;
    provenance.read(path, parts, `printed as "${parts.map((t) => t.text).join(' ')}"; read as ${numbers.join('/')}`);
    return date;
  }
  // A date OCR cut in two at a slash ("10" "/17/2006"): its pieces run together.
  for (let i = 0; i + 2 <= tokens.length; i += 1) {
    const parts = tokens.slice(i, i + 2);
    const date = parts.some((t) => t.text.includes('/')) ? readDate(parts.map((t) => t.text).join('')) : null;
    if (date === null) continue;
    provenance.read(path, parts, `printed as "${parts.map((t) => t.text).join(' ')}"; read as one date`);
    return date;
  }
  return null;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i]!)) return i;
  return -1;
}
