// Boxes 1 to 6 of a scan read by position: each box's value is what lies in the box's region, below
// its label and before the label of the box beneath; box 1's lines are told apart by the printed
// hints under them ("(Last) (First) (Middle)", "(Street)", "(City) (State) (Zip)"). Checkboxes are
// read from the mark left of each option.
import type { Box } from '../../../shared/document.js';
import type { DraftFiling } from '../../../shared/model.js';
import { CELL_KINDS, CHECKED, EMPTY, LOST_TRUST, type CellLook } from './cell-look.js';
import { readCityStateZip, readDateBox, readIssuer } from './header.js';
import { findAll, type Landmark, type PageLayout } from './layout-landmarks.js';
import { median, standsWithin, visualLines, wordsIn, type Placed, type Region, type VisualLine } from './layout-geometry.js';
import type { Provenance } from './provenance.js';
import { approximateSubstring, findLabel, joinText, normalize, withoutEdgeSpecks, type Token } from './tokens.js';

type Owner = DraftFiling['reportingOwners'][number];

const tokensOf = (lines: readonly VisualLine[]) => lines.flatMap((l) => l.words.map((w) => w.token));

/** Lines of a region that are its label's wrapped remainder: only words of the label. */
function dropLabelLines(lines: VisualLine[], label: string): VisualLine[] {
  const labelWords = new Set(label.split(/\s+/).map(normalize));
  let start = 0;
  while (start < lines.length && lines[start]!.words.every((w) => w.token.norm === '' || labelWords.has(w.token.norm))) start += 1;
  return lines.slice(start);
}

/** How OCR reads the "C/O" that opens a street line and the "LLC" of a company's name in it. */
const CARE_OF = /^(?:CIO|ClO|C1O|CI0|Cl0|C\/0)$/;
const LLC = /^(?:LIC|LlC|L1C|LLc)(,?)$/;

/**
 * A whole word with a period, inside a street line: an address abbreviates in short words ("ST.",
 * "AVE.", "INC."), so this is a comma whose tail blur or an underline took ("AVENUE. FLOOR 11").
 */
const PERIOD_FOR_COMMA = /^([A-Za-z]{5,})\.$/;

/** Ordinals of a floor or street whose digit OCR read as the letter it resembles ("SRD FLOOR"): no such words exist. */
const ORDINAL_MISREAD = new Map([['SRD', '3RD'], ['STH', '5TH'], ['IST', '1ST'], ['ZND', '2ND']]);

/**
 * A street line's tokens, read, with "CIO" at its start ("C/O." run into the name after it), "LIC",
 * a comma read as a period, a quote between a house number and its street ("102'HACKNEY") and an
 * ordinal's digit read as a letter ("SRD") mended, and what follows a lone colon dropped: no
 * address holds one, the hint under the line does ("FLOOR 11 : (St Street)"). All as guesses.
 */
function mendedStreet(read: Token[], path: string, provenance: Provenance): Token[] {
  if (read.length === 0) return read;
  const colon = read.findIndex((t, i) => i >= 2 && /^[:;]$/.test(t.text));
  const tokens = colon > 0 ? read.slice(0, colon) : read;
  const mended = tokens.map((token, index) => {
    if (index === 0 && CARE_OF.test(token.text)) return { ...token, text: 'C/O' };
    const careOf = index === 0 ? /^C\/O\.(\w.*)$/.exec(token.text) : null;
    if (careOf !== null) return { ...token, text: `C/O ${careOf[1]}` };
    const quoted = /^(\d+)['’`]([A-Z]\S*)$/.exec(token.text);
    if (quoted !== null) return { ...token, text: `${quoted[1]} ${quoted[2]}` };
    const ordinal = ORDINAL_MISREAD.get(token.text);
    if (ordinal !== undefined) return { ...token, text: ordinal };
    const llc = LLC.exec(token.text);
    if (llc !== null) return { ...token, text: `LLC${llc[1]}` };
    const comma = index < tokens.length - 1 ? PERIOD_FOR_COMMA.exec(token.text) : null;
    return comma === null ? token : { ...token, text: `${comma[1]},` };
  });
  const changed = mended.filter((token, index) => token !== tokens[index]);
  const why = [
    ...(changed.length > 0 ? [`${changed.map((t) => t.text).join(', ')} taken for what OCR misread`] : []),
    ...(colon > 0 ? [`"${read.slice(colon).map((t) => t.text).join(' ')}" after it taken for the hint's ink`] : []),
  ];
  provenance.read(path, mended, why.length > 0 ? `read as "${read.map((t) => t.text).join(' ')}"; ${why.join('; ')}` : undefined);
  return mended;
}

/** Box 1 (or an owner block after Table II): name, street lines and city, state and zip. */
export function readNameAndAddress(words: readonly Placed[], path: string, provenance: Provenance): Pick<Owner, 'name' | 'street1' | 'street2' | 'city' | 'state' | 'zip'> {
  const lines = visualLines(words);
  // A hint line is found by its whole hint, or by any of its parts OCR kept ("(Last)" alone, its
  // "(First)" and "(Middle)" lost), or, a line of a word or two, by "(Street)" with a letter lost.
  const hintAt = (...keys: string[]) => {
    for (const key of keys) {
      const at = lines.findIndex((l) => findLabel(l.words.map((w) => w.token), key) !== null);
      if (at >= 0) return at;
    }
    return lines.findIndex((l) => l.words.length <= 2 && keys.includes('(street)') && l.words[0]!.token.norm.startsWith('(') && approximateSubstring(l.words.map((w) => w.token.norm).join(''), '(street)', 1) !== null);
  };
  const last = hintAt('(last)(first)(middle)', '(last)', '(first)', '(middle)');
  const street = hintAt('(street)');
  const city = hintAt('(city)(state)(zip)', '(city)', '(state)', '(zip)');
  const nameLines = lines.slice(0, last >= 0 ? last : 1);
  // A hint OCR garbled is missed: "(Street)" lost, the city is the line over "(City)"; "(City)" lost,
  // the line under "(Street)".
  const streetEnd = street > last ? street : city > last + 1 ? city - 1 : -1;
  const streetLines = last >= 0 && streetEnd > last ? lines.slice(last + 1, streetEnd) : [];
  const cityLines = street >= 0 && city > street ? lines.slice(street + 1, city) : street >= 0 ? lines.slice(street + 1, street + 2) : city > 0 && streetEnd === city - 1 ? [lines[city - 1]!] : [];
  const name = withoutEdgeSpecks(tokensOf(nameLines), `${path}.name`, provenance);
  // A bar is no letter of a name: a "J", "I" or "l" OCR took for a rule, or a rule read in.
  provenance.read(`${path}.name`, name, name.some((t) => t.text.includes('|')) ? 'a bar read in the name: a letter (J, I, l) or a rule' : undefined);
  // Values and hints are printed flush left in the box: a line starting well right of them lost
  // its first letters to OCR (an underline through them, on a blurred scan).
  const hints = [last, street, city].filter((i) => i >= 0).map((i) => lines[i]!.words[0]!.left);
  if (hints.length > 0) {
    const flush = Math.min(...hints);
    const size = median(lines.flatMap((l) => l.words.map((w) => w.bottom - w.top)));
    const indented = (block: VisualLine[]) => block.some((l) => l.words[0]!.left > flush + size * 1.2);
    const blocks: Array<[string[], VisualLine[]]> = [[['name'], nameLines], [['street1', 'street2'], streetLines], [['city', 'state', 'zip'], cityLines]];
    for (const [fields, block] of blocks) {
      if (indented(block)) for (const field of fields) provenance.guess(`${path}.${field}`, 'the line starts right of the box\'s margin: its beginning may not have been read');
    }
  }
  if (last < 0 || street < 0 || city < 0) {
    for (const field of ['name', 'street1', 'street2', 'city']) provenance.guess(`${path}.${field}`, 'the printed hints of box 1 could not all be found; its lines were read in order');
  }
  // The street block holds a line of room for each street printed; room for one more than was read
  // means OCR lost a line: no line read at all where there is room for one, or, one line read, more
  // space on one side of it than on the other by most of a line.
  if (last >= 0 && street > last && streetLines.length < 2) {
    const room = lines[street]!.top - lines[last]!.bottom;
    const height = median(lines.flatMap((l) => l.words.map((w) => w.bottom - w.top)));
    const line = streetLines[0];
    const lost = line === undefined ? room > height * 1.6 : Math.abs(lines[street]!.top - line.bottom - (line.top - lines[last]!.bottom)) > (line.bottom - line.top) * 0.8;
    if (lost) for (const field of ['street1', 'street2']) provenance.guess(`${path}.${field}`, 'a street line may not have been read');
  }
  if (streetLines.length > 2) for (const field of ['street1', 'street2']) provenance.guess(`${path}.${field}`, `${streetLines.length} street lines were read where the form has two; a long line wrapped`);
  const [first, rest] = streetsOf(streetLines);
  const street1 = mendedStreet(withoutEdgeSpecks(tokensOf(first), `${path}.street1`, provenance), `${path}.street1`, provenance);
  const street2 = mendedStreet(withoutEdgeSpecks(tokensOf(rest), `${path}.street2`, provenance), `${path}.street2`, provenance);
  const place = readCityStateZip(withoutEdgeSpecks(tokensOf(cityLines), `${path}.city`, provenance), path, provenance);
  if (place.state === null || place.zip === null) {
    for (const field of ['city', 'state', 'zip']) provenance.guess(`${path}.${field}`, 'the city, state and zip line could not be read in full');
  }
  return {
    name: name.length > 0 ? joinText(name) : null,
    street1: street1.length > 0 ? joinText(street1) : null,
    street2: street2.length > 0 ? joinText(street2) : null,
    ...place,
  };
}

/**
 * The street block's lines as the form's two streets. Each street is printed on a line of its own,
 * and one too long for the box wraps: of three lines, the first or the second ran on. The one that
 * wrapped reached further right than the line it wrapped onto could (a word that fit would have
 * stayed), so the first line is the first street's start when it ends right of the second.
 */
function streetsOf(lines: readonly VisualLine[]): [VisualLine[], VisualLine[]] {
  // (Where its letters end: a speck beside them, ".", is no end of the line.)
  const right = (line: VisualLine) => Math.max(...line.words.filter((w) => /[A-Za-z0-9]/.test(w.token.text)).map((w) => w.right));
  if (lines.length === 3 && right(lines[0]!) >= right(lines[1]!)) return [lines.slice(0, 2), lines.slice(2)];
  return [lines.slice(0, 1), lines.slice(1)];
}

type Mark = 'checked' | 'empty' | 'none' | 'unsure';

/** A box's mark run into its option's first word ("[X]Director", "[Check"): what stands before the letters. */
const RUN_IN = /^([^A-Za-z0-9]*[xX]?[^A-Za-z0-9]*)(?=[A-Za-z0-9])/;

const EMPTY_BOX = /^[[\](){}|_LJIl1CcT!]{1,4}$/;

function markOf(text: string): Mark {
  if (text === '') return 'none';
  if (/[xX×✓✔☒]/.test(text)) return 'checked';
  if (EMPTY_BOX.test(text) || text === '☐') return 'empty';
  return 'unsure';
}

interface Option {
  key: string;
  /** The option's first printed word, normalized. */
  word: RegExp;
  /** Words the option's line must (not) hold, where options share their first word. */
  line?: (norms: string[]) => boolean;
}

/**
 * The mark before each option: a separate word just left of it on its line, or characters run into
 * the option's word ("[X]Director", "[110%"). No mark at all is most often a checked box whose X OCR
 * took for a picture, so it is taken as checked, as a guess.
 */
function readChecks(lines: readonly VisualLine[], options: readonly Option[], textHeight: number, looks?: CellLook[]): Map<string, { checked: boolean; tokens: Token[]; guess?: string }> {
  const found = new Map<string, { mark: Mark; tokens: Token[]; text: string }>();
  for (const option of options) {
    for (const line of lines) {
      if (option.line !== undefined && !option.line(line.words.map((w) => w.token.norm))) continue;
      const index = line.words.findIndex((w) => option.word.test(w.token.norm));
      if (index < 0) continue;
      const word = line.words[index]!;
      const runIn = RUN_IN.exec(word.token.text)?.[1] ?? '';
      const before = line.words[index - 1];
      // The word before it on the line, if it stands left of the option: OCR's reading order puts a
      // speck read inside the option's word ("i" from "Officer") before the word.
      const near = before !== undefined && before.left < word.left && word.left - before.right < textHeight * 2.5 && !options.some((o) => o.word.test(before.token.norm));
      const text = `${near ? before!.token.text : ''}${runIn}`;
      // "[110%": an empty box "[ ]" read as "[1" run into "10%".
      const leading = /^\[?[1lI|](?=10%)/.exec(word.token.text)?.[0] ?? '';
      const markText = text === '' && leading !== '' ? leading : text;
      found.set(option.key, { mark: markOf(markText), tokens: near ? [before!.token, word.token] : [word.token], text: markText });
      if (looks !== undefined && runIn === '' && leading === '') {
        const look = checkboxLook(word.token, near ? [before!.token] : [], markOf(markText), textHeight);
        if (look !== null) looks.push(look);
      }
      break;
    }
  }
  const result = new Map<string, { checked: boolean; tokens: Token[]; guess?: string }>();
  for (const [key, { mark, tokens, text }] of found) {
    if (mark === 'checked') result.set(key, { checked: true, tokens });
    else if (mark === 'empty') result.set(key, { checked: false, tokens });
    else if (mark === 'none') result.set(key, { checked: true, tokens, guess: 'no checkbox mark could be read; taken as checked' });
    else result.set(key, { checked: false, tokens, guess: `the checkbox mark reads "${text}"; taken as empty` });
  }
  return result;
}

/**
 * A second look at a checkbox left of its option's word (cell-look.ts): ingest measures the ink inside
 * the box, which costs no reading. Every box is looked at, as OCR reads a clear "[X]" surely where the
 * box is empty (the strokes of the label above taken into its word). Marks run into the option's
 * word are left as read.
 */
function checkboxLook(option: Token, marks: readonly Token[], mark: Mark, textHeight: number): CellLook | null {
  if (option.box === null) return null;
  const h = textHeight;
  const boxes = marks.map((m) => m.box).filter((b): b is Box => b !== null);
  const left = Math.min(option.box.x - h * 2.2, ...boxes.map((b) => b.x - h * 0.3));
  const right = option.box.x - h * 0.15;
  // Centred on the option's line (a word box OCR stretched over two lines keeps its top), tall
  // enough that the box clears the cut's edges, whose blots (the boxes above and below) are wiped.
  const middle = option.box.y + Math.min(option.box.height, h * 1.2) / 2;
  const box = { x: left, y: middle - h * 1.3, width: right - left, height: h * 2.6 };
  const { alphabet, pattern } = CELL_KINDS.checkbox;
  const firstReading = mark === 'checked' ? CHECKED : mark === 'empty' ? EMPTY : null;
  return { page: option.page, box, alphabet, pattern, shape: 'checkbox', replaces: boxes, marks: [], prefix: '', firstReading };
}

/** A second look for a date in a header box where OCR read none (cell-look.ts); a date found is flagged. */
function lostDateLook(page: number, box: Box): CellLook {
  return { page, box, alphabet: '0123456789/', pattern: /^\d{1,2}\/\d{1,2}\/\d{4}$/, replaces: [], marks: [], prefix: '', firstReading: null, trust: LOST_TRUST };
}

const RELATIONSHIP_OPTIONS: Option[] = [
  { key: 'isDirector', word: /^\W*director$/ },
  // "10%" as OCR reads it: a stray digit before the sign ("109%"), the nought as an o.
  { key: 'isTenPercentOwner', word: /1[0o]\d?%$/ },
  { key: 'isOfficer', word: /^\W*officer$/ },
  { key: 'isOther', word: /^\W*other$/ },
];
/** The option labels' words, and what OCR leaves of "below)" ("low", "ow", "beldw)"). */
const OPTION_WORDS = /^\|?(\(give|title|b?[eé]?l?[od]?w\)?|\(specify|\)|\(give title below\))$/i;
/** Specks read as words of their own: a title has no lone colon or bar, nor a dash at either end. */
const SPECK = /^[:;|]$/;
const EDGE_SPECK = /^[-—–_:;|.,'"]+$/;

/** Box 5: the four checkboxes, and the officer title or other text on the line(s) below them. */
export function readRelationship(words: readonly Placed[], path: string, textHeight: number, provenance: Provenance, looks?: CellLook[]): Pick<Owner, 'isDirector' | 'isOfficer' | 'isTenPercentOwner' | 'isOther' | 'officerTitle' | 'otherText'> {
  const lines = visualLines(words);
  const checks = readChecks(lines, RELATIONSHIP_OPTIONS, textHeight, looks);
  if (!checks.has('isTenPercentOwner')) {
    const lost = lostTenPercent(lines, textHeight, looks);
    if (lost !== null) checks.set('isTenPercentOwner', lost);
  }
  const flag = (key: string): boolean => {
    const check = checks.get(key);
    if (check === undefined) {
      provenance.guess(`${path}.${key}`, 'the option was not found in box 5; taken as unchecked');
      return false;
    }
    provenance.read(`${path}.${key}`, check.tokens, check.guess);
    return check.checked;
  };
  const relationship = { isDirector: flag('isDirector'), isTenPercentOwner: flag('isTenPercentOwner'), isOfficer: flag('isOfficer'), isOther: flag('isOther') };
  // The options' line is the one with "(give title" / "(specify"; a title may itself say "Officer".
  const labelled = lines.reduce((at, line, index) => (line.words.some((w) => /^\(?(give|specify)$/.test(w.token.norm)) ? index : at), -1);
  const optionLine = labelled >= 0 ? labelled : lines.findIndex((line) => line.words.some((w) => /officer$|other$/.test(w.token.norm)));
  const below = lines.slice(optionLine + 1);
  // The option labels' wrapped ends ("below)") sit on the first line under the options (or on a
  // line of their own after a speck's).
  const optionWord = (w: Placed) => OPTION_WORDS.test(w.token.text.replace(/\s+/g, ''));
  const described = below
    .map((line, index) => (index === 0 || line.words.every((w) => optionWord(w) || SPECK.test(w.token.text)) ? line.words.filter((w) => !optionWord(w)) : line.words))
    .map((words) => withoutSpecks(words))
    .filter((l) => l.length > 0);
  let officerTitle: string | null = null;
  let otherText: string | null = null;
  if (described.length > 0) {
    const all = described.flat().map((w) => w.token);
    if (relationship.isOther && !relationship.isOfficer) {
      otherText = joinText(all);
      provenance.read(`${path}.otherText`, all);
    } else if (relationship.isOther && relationship.isOfficer && described.length >= 2) {
      const [first, ...rest] = described;
      officerTitle = joinText(first!.map((w) => w.token));
      otherText = joinText(rest.flat().map((w) => w.token));
      provenance.read(`${path}.officerTitle`, first!.map((w) => w.token));
      provenance.read(`${path}.otherText`, rest.flat().map((w) => w.token), 'the officer title and the other text were told apart by their lines');
    } else {
      officerTitle = joinText(all);
      provenance.read(`${path}.officerTitle`, all);
    }
  }
  return { ...relationship, officerTitle, otherText };
}

/**
 * The 10% owner option whose words OCR lost ("[X] 10% Owner" read as one scrap, "CRC"): its box
 * stands in the Director's row, above the Other option's box. The mark read there is taken, or,
 * none read, the box is looked at there (its ink tells it, as for the other boxes); as a guess.
 */
function lostTenPercent(lines: readonly VisualLine[], textHeight: number, looks?: CellLook[]): { checked: boolean; tokens: Token[]; guess: string } | null {
  const find = (key: Option['key']) => {
    const word = RELATIONSHIP_OPTIONS.find((option) => option.key === key)!.word;
    return lines.flatMap((l) => l.words.map((w) => ({ line: l, word: w }))).find(({ word: w }) => word.test(w.token.norm));
  };
  const director = find('isDirector');
  const other = find('isOther');
  if (director === undefined || other === undefined || other.word.left <= director.word.right) return null;
  const from = other.word.left - textHeight * 2.5;
  const to = other.word.left - textHeight * 0.1;
  const marks = director.line.words.filter((w) => (w.left + w.right) / 2 >= from && (w.left + w.right) / 2 <= to);
  const text = marks.map((w) => w.token.text).join('');
  const mark = markOf(text);
  if (looks !== undefined) {
    const at = { ...director.word.token, box: { ...director.word.token.box!, x: other.word.left } };
    const look = checkboxLook(at, marks.map((w) => w.token), mark, textHeight);
    if (look !== null) looks.push(look);
  }
  const seen = mark === 'none' ? 'no checkbox mark could be read; taken as checked' : mark === 'unsure' ? `the checkbox mark reads "${text}"; taken as empty` : `the mark read "${text}"`;
  return { checked: mark === 'checked' || mark === 'none', tokens: marks.map((w) => w.token), guess: `the option's words were not read; its box found in the Director's row, over Other's; ${seen}` };
}

/**
 * The words without specks read as words: a lone colon or bar, a dash or stop at either end, and a
 * scrap read a second time inside another word's box ("9" inside "Digital", "H" inside "Director").
 */
function withoutSpecks(words: readonly Placed[]): Placed[] {
  const inside = (w: Placed) => words.some((o) => o.token.text.length > w.token.text.length && standsWithin(w, o));
  const kept = words.filter((w) => !SPECK.test(w.token.text) && !inside(w));
  let start = 0;
  let end = kept.length;
  while (start < end && EDGE_SPECK.test(kept[start]!.token.text)) start += 1;
  while (end > start && EDGE_SPECK.test(kept[end - 1]!.token.text)) end -= 1;
  return kept.slice(start, end);
}

export interface HeaderLandmarks {
  box1: Landmark;
  box2: Landmark | null;
  box3: Landmark | null;
  box4: Landmark | null;
  box5: Landmark | null;
  box6: Landmark | null;
}

type HeaderFields = Pick<DraftFiling, 'periodOfReport' | 'dateOfOriginalSubmission' | 'notSubjectToSection16' | 'aff10b5One' | 'issuer' | 'jointFiling'> & { owner: Owner };

/** Boxes 1 to 6 and the two check lines above them, from the first page of a filing. */
export function readLayoutHeader(layout: PageLayout, bottom: number, textHeight: number, provenance: Provenance, looks?: CellLook[]): HeaderFields | null {
  const box1 = layout.find('box1');
  if (box1 === null) return null;
  const at = (name: 'box2' | 'box3' | 'box4' | 'box5' | 'box6') => findAll(layout.lines, name, layout.page).find((l) => l.top < bottom) ?? null;
  const [box2, box3, box4, box5, box6] = [at('box2'), at('box3'), at('box4'), at('box5'), at('box6')];
  const pad = textHeight * 0.5;
  const middle = box2?.left ?? box3?.left ?? box4?.left ?? layout.width / 3;
  const right = box5?.left ?? box6?.left ?? (layout.width * 2) / 3;
  const region = (r: Region) => wordsIn(layout.words, r);

  const owner1 = readNameAndAddress(region({ left: box1.left - pad, right: middle - pad, top: box1.bottom, bottom }), 'reportingOwners[0]', provenance);
  const relationship = box5 === null
    ? { isDirector: false, isTenPercentOwner: false, isOfficer: false, isOther: false, officerTitle: null, otherText: null }
    : readRelationship(region({ left: right - pad, right: Infinity, top: box5.bottom, bottom: box6?.top ?? bottom }), 'reportingOwners[0]', textHeight, provenance, looks);
  if (box5 === null) provenance.guess('reportingOwners[0].isDirector', 'box 5 was not found on the page');

  const boxLines = (r: Region, label: string) => tokensOf(dropLabelLines(visualLines(region(r)), label));
  const issuerTokens = box2 === null ? [] : boxLines({ left: middle - pad, right: right - pad, top: box2.bottom, bottom: box3?.top ?? box4?.top ?? bottom }, 'Issuer Name and Ticker or Trading Symbol');
  // OCR often reads the closing bracket of "[ TICKER ]" as a bar or drops it.
  const opened = issuerTokens.findIndex((t) => t.text.includes('['));
  const closed = issuerTokens.some((t) => t.text.includes(']'));
  const mended = opened < 0 || closed ? issuerTokens : [...issuerTokens.filter((t) => !/^[|lJ1]$/.test(t.text)), { ...issuerTokens[opened]!, text: ']' }];
  const issuer = readIssuer(mended, provenance);
  if (box2 === null) provenance.guess('issuer.name', 'box 2 was not found on the page');
  const periodTokens = box3 === null ? [] : boxLines({ left: middle - pad, right: right - pad, top: box3.bottom, bottom: box4?.top ?? bottom }, '(Month/Day/Year)');
  // Box 3's label unread, its date is read with box 2's words.
  const periodOfReport = readDateBox(box3 === null ? issuerTokens : periodTokens, 'periodOfReport', provenance);
  if (periodOfReport === null) provenance.guess('periodOfReport', 'no date could be read in box 3');
  else if (box3 === null) provenance.guess('periodOfReport', 'box 3 was not found; the date read under box 2 taken for its');
  const originalTokens = box4 === null ? [] : boxLines({ left: middle - pad, right: (box6?.left ?? right) - pad, top: box4.bottom, bottom }, 'If Amendment, Date of Original Filed (Month/Day/Year)');
  const dateOfOriginalSubmission = readDateBox(originalTokens, 'dateOfOriginalSubmission', provenance);
  if (dateOfOriginalSubmission === null && originalTokens.some((t) => /\d/.test(t.text))) provenance.guess('dateOfOriginalSubmission', `box 4 reads "${joinText(originalTokens)}", not a date`);
  // A date OCR lost whole leaves its box without a digit: the box is looked at again (an empty one
  // costs no reading). Box 4 is empty on most filings, and a date lost there is an amendment missed.
  if (looks !== undefined) {
    const dateLook = (label: Landmark, tokens: readonly Token[], right: number, below: number) => {
      if (tokens.some((t) => /\d/.test(t.text))) return;
      const top = label.bottom + textHeight * 0.1;
      const height = Math.min(below - top, textHeight * 2.5);
      if (height > textHeight) looks.push(lostDateLook(layout.page, { x: middle, y: top, width: right - middle, height }));
    };
    if (box3 !== null && periodOfReport === null) dateLook(box3, periodTokens, right - pad, box4?.top ?? bottom);
    if (box4 !== null && dateOfOriginalSubmission === null) dateLook(box4, originalTokens, (box6?.left ?? right) - pad, bottom);
  }

  const filingLines = box6 === null ? [] : visualLines(region({ left: box6.left - pad, right: Infinity, top: box6.bottom, bottom }));
  const filing = readChecks(filingLines, [
    { key: 'one', word: /^\W*form$/, line: (norms) => norms.includes('one') && !norms.includes('more') },
    { key: 'more', word: /^\W*form$/, line: (norms) => norms.includes('more') || norms.includes('than') },
  ], textHeight, looks);
  const one = filing.get('one');
  const more = filing.get('more');
  const jointFiling = more?.checked === true && one?.checked !== true;
  provenance.read('jointFiling', [...(one?.tokens ?? []), ...(more?.tokens ?? [])], more?.guess ?? one?.guess);

  const checkLine = (name: 'section16' | 'plan10b5', path: string): boolean | null => {
    const label = layout.findAll(name).find((l) => l.top < box1.top);
    if (label === undefined) return null;
    // The label starts at its "Check": the box read as a word ("1" for an empty square) may have
    // been matched as the label's first letters.
    const start = label.line.words.find((w) => w.left >= label.left - pad && w.token.norm === 'check') ?? label.line.words.find((w) => w.left >= label.left - pad) ?? label.line.words[0]!;
    const marks = label.line.words.filter((w) => w !== start && w.right <= start.left + pad);
    // A box run into the label's first word ("[Check"): the characters before its letters.
    const runIn = RUN_IN.exec(start.token.text)?.[1] ?? '';
    const text = `${marks.map((w) => w.token.text).join('')}${runIn}`;
    const mark = markOf(text);
    if (looks !== undefined && runIn === '') {
      const look = checkboxLook(start.token, marks.map((w) => w.token), mark, textHeight);
      if (look !== null) looks.push(look);
    }
    // A box with an X in it is often dropped by OCR as a picture, an empty one rarely.
    const guess = mark === 'unsure' ? `the checkbox mark reads "${text}"; taken as empty` : mark === 'none' ? 'no checkbox mark could be read; taken as checked' : undefined;
    provenance.read(path, marks.map((w) => w.token), guess);
    return mark === 'checked' || mark === 'none';
  };
  const notSubjectToSection16 = checkLine('section16', 'notSubjectToSection16') ?? false;
  const aff10b5One = checkLine('plan10b5', 'aff10b5One');

  return {
    periodOfReport,
    dateOfOriginalSubmission,
    notSubjectToSection16,
    aff10b5One,
    issuer,
    jointFiling,
    owner: { ...owner1, ...relationship },
  };
}
