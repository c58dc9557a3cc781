// Table I and Table II lines. Each data row is read as the printed order of its columns, by what each
// value is (a date, an amount, a code letter, D or I), so a value that an OCR tool put in the wrong
// cell still lands in the right field; cell positions only break ties the order cannot (Table II's
// (A) and (D) columns, a footnote mark alone in a cell).
import type { DraftFiling } from '../../../shared/model.js';
import type { Provenance } from './provenance.js';
import { joinText, type TextLine, type Token } from './tokens.js';
import { mergeAmounts, rowItems, type Item } from './row-items.js';
import { footnoteMark, readAmount, readCode, readDate } from './values.js';

type NonDerivativeDraft = DraftFiling['nonDerivative'][number];
type DerivativeDraft = DraftFiling['derivative'][number];

/** Words that only ever appear in the tables' column headers. */
const HEADER_WORDS = new Set(['code', 'v', 'amount', '(a)', '(d)', 'or', 'price', 'date', 'exercisable', 'expiration', 'title', 'number', 'of', 'shares', '(instr', 'and', 'reported', 'transaction(s)']);

function isDataRow(line: TextLine): boolean {
  if (line.tokens.length === 0) return false;
  if (/\(instr|titleof|transactioncode|ownershipform/.test(line.norm)) return false;
  if (line.tokens.every((t) => HEADER_WORDS.has(t.text.toLowerCase().replace(/[.:,]$/, '')))) return false;
  return rowItems(line.tokens).some((i) => i.kind === 'date' || i.kind === 'amount' || (i.kind === 'letter' && /^[DI]$/i.test(i.text)));
}

/** Collects a line's footnote references per field, in order, without repeats. */
class Refs {
  readonly byField: Record<string, string[]> = {};
  add(field: string, mark: Item): void {
    const id = footnoteMark(mark.text);
    if (id === null) return;
    const list = (this.byField[field] ??= []);
    if (!list.includes(id)) list.push(id);
  }
}

/** Reads items in order; footnote marks that follow a value are that value's. */
class Cursor {
  private at = 0;
  constructor(private readonly items: readonly Item[], private readonly refs: Refs) {}
  peek(): Item | undefined {
    return this.items[this.at];
  }
  done(): boolean {
    return this.at >= this.items.length;
  }
  /** Takes the next item if `test` accepts it, with the footnote marks right after it. */
  take(field: string, test: (item: Item) => boolean): Item | null {
    const next = this.items[this.at];
    if (next === undefined || !test(next)) return null;
    this.at += 1;
    this.marks(field);
    return next;
  }
  /** Footnote marks at the cursor, given to `field`. */
  marks(field: string): void {
    while (this.items[this.at]?.kind === 'footnote') {
      this.refs.add(field, this.items[this.at]!);
      this.at += 1;
    }
  }
  /** Items up to (not including) the first that `stop` accepts. */
  until(stop: (item: Item) => boolean): Item[] {
    const taken: Item[] = [];
    while (this.at < this.items.length && !stop(this.items[this.at]!)) taken.push(this.items[this.at++]!);
    return taken;
  }
  rest(): Item[] {
    return this.until(() => false);
  }
}

const isDate = (i: Item) => i.kind === 'date';
const isAmount = (i: Item) => i.kind === 'amount';
const isLetter = (letters: string) => (i: Item) => i.kind === 'letter' && letters.includes(i.text.toUpperCase());
const isCodeLetter = (i: Item) => i.kind === 'letter' && readCode(i.text) !== null;

/** Text items with the footnote marks among them split off to `field`. */
function textOf(items: readonly Item[], field: string, refs: Refs): { text: string | null; tokens: Token[] } {
  const words = items.filter((i) => i.kind !== 'footnote');
  for (const mark of items.filter((i) => i.kind === 'footnote')) refs.add(field, mark);
  const tokens = words.flatMap((w) => w.tokens);
  return { text: words.length === 0 ? null : joinText(tokens), tokens };
}

function record(provenance: Provenance, path: string, value: Item | null): void {
  if (value !== null) provenance.read(path, value.tokens, value.mended);
}

function amountOf(value: Item | null): number | null {
  return value === null ? null : readAmount(value.text);
}

/** After (A)/(D): the price and the amount owned following, told apart by count and by `$`. */
function priceAndFollowing(amounts: Item[]): { price: Item | null; following: Item | null } {
  if (amounts.length === 0) return { price: null, following: null };
  if (amounts.length === 1) return amounts[0]!.text.startsWith('$') ? { price: amounts[0]!, following: null } : { price: null, following: amounts[0]! };
  return { price: amounts[0]!, following: mergeAmounts(amounts.slice(1)) };
}

export function readNonDerivativeTable(lines: readonly TextLine[], provenance: Provenance): NonDerivativeDraft[] {
  return lines.filter(isDataRow).map((line, index) => readNonDerivativeRow(rowItems(line.tokens), `nonDerivative[${index}]`, provenance));
}

function readNonDerivativeRow(items: Item[], path: string, provenance: Provenance): NonDerivativeDraft {
  const refs = new Refs();
  const cursor = new Cursor(items, refs);
  const isTransaction = items.some(isDate);
  const title = textOf(cursor.until((i) => isDate(i) || isAmount(i) || (!isTransaction && isLetter('DI')(i) && i !== items[0])), 'securityTitle', refs);
  provenance.read(`${path}.securityTitle`, title.tokens);

  let date: Item | null = null;
  let deemed: Item | null = null;
  let code: Item | null = null;
  let shares: Item | null = null;
  let direction: Item | null = null;
  if (isTransaction) {
    date = cursor.take('transactionDate', isDate);
    deemed = cursor.take('deemedExecutionDate', isDate);
    code = cursor.take('transactionCode', isCodeLetter);
    cursor.take('transactionCode', isLetter('V'));
    shares = cursor.take('shares', isAmount);
    direction = cursor.take('acquiredDisposed', isLetter('AD'));
  }
  // Up to the ownership form: the price (Table I column 4) and the amount owned following (column 5).
  const beforeOwnership = cursor.until(isLetter('DI'));
  const amounts = beforeOwnership.filter(isAmount);
  const { price, following } = isTransaction ? priceAndFollowing(amounts) : { price: null, following: amounts.length > 0 ? mergeAmounts(amounts) : null };
  // A mark belongs to the amount before it; one alone before any amount sits in the price column.
  beforeOwnership.forEach((mark, at) => {
    if (mark.kind !== 'footnote') return;
    const owner = beforeOwnership.slice(0, at).reverse().find(isAmount);
    const inFollowing = owner !== undefined && following !== null && owner.tokens.every((t) => following.tokens.includes(t));
    refs.add(inFollowing || (!isTransaction && owner !== undefined) ? 'sharesOwnedFollowing' : 'pricePerShare', mark);
  });
  const ownership = cursor.take('directOrIndirect', isLetter('DI'));
  const nature = textOf(cursor.rest(), 'natureOfOwnership', refs);

  record(provenance, `${path}.transactionDate`, date);
  record(provenance, `${path}.deemedExecutionDate`, deemed);
  record(provenance, `${path}.transactionCode`, code);
  record(provenance, `${path}.shares`, shares);
  record(provenance, `${path}.acquiredDisposed`, direction);
  record(provenance, `${path}.pricePerShare`, price);
  record(provenance, `${path}.sharesOwnedFollowing`, following);
  record(provenance, `${path}.directOrIndirect`, ownership);
  provenance.read(`${path}.natureOfOwnership`, nature.tokens);
  return {
    securityTitle: title.text,
    transactionDate: date === null ? null : readDate(date.text),
    deemedExecutionDate: deemed === null ? null : readDate(deemed.text),
    transactionCode: code === null ? null : readCode(code.text),
    equitySwapInvolved: false,
    shares: amountOf(shares),
    acquiredDisposed: direction === null ? null : (direction.text.toUpperCase() as 'A' | 'D'),
    pricePerShare: amountOf(price),
    sharesOwnedFollowing: amountOf(following),
    directOrIndirect: ownership === null ? null : (ownership.text.toUpperCase() as 'D' | 'I'),
    natureOfOwnership: nature.text,
    footnoteRefs: refs.byField,
  };
}

/** Printed words that stand in Table II's date columns instead of a date. */
const DATE_WORDS = /^(immediately|n\/a|none|various|upon)$/i;

/** The cells of Table II's sub-header that hold (A) and (D), when the input kept cells. */
function directionCells(lines: readonly TextLine[]): { acquired: number | null; disposed: number | null } {
  for (const line of lines) {
    const a = line.tokens.find((t) => t.text === '(A)');
    const d = line.tokens.find((t) => t.text === '(D)');
    if (a !== undefined && d !== undefined && a.cell !== null && d.cell !== null && a.cell !== d.cell) return { acquired: a.cell, disposed: d.cell };
  }
  return { acquired: null, disposed: null };
}

/** Codes whose Table II amount is a derivative acquired; the rest give one up. */
const TABLE_II_ACQUIRING = new Set(['A', 'P', 'L', 'G', 'J', 'K', 'W', 'Z', 'I', 'V']);

export function readDerivativeTable(lines: readonly TextLine[], provenance: Provenance): DerivativeDraft[] {
  const columns = directionCells(lines);
  return lines.filter(isDataRow).map((line, index) => readDerivativeRow(rowItems(line.tokens), `derivative[${index}]`, columns, provenance));
}

function readDerivativeRow(items: Item[], path: string, columns: { acquired: number | null; disposed: number | null }, provenance: Provenance): DerivativeDraft {
  const refs = new Refs();
  const cursor = new Cursor(items, refs);
  const isTransaction = items.some(isCodeLetter) && items.some(isDate);
  const title = textOf(cursor.until((i) => isDate(i) || isAmount(i) || (i.kind === 'footnote' && i.cell !== null && i.cell !== items[0]?.cell)), 'securityTitle', refs);
  provenance.read(`${path}.securityTitle`, title.tokens);
  const conversion = cursor.take('conversionOrExercisePrice', isAmount);
  if (conversion === null && cursor.peek()?.kind === 'footnote') cursor.marks('conversionOrExercisePrice');

  let date: Item | null = null;
  let deemed: Item | null = null;
  let code: Item | null = null;
  let amount: Item | null = null;
  if (isTransaction) {
    date = cursor.take('transactionDate', isDate);
    deemed = cursor.take('deemedExecutionDate', (i) => isDate(i) && i.cell !== date?.cell);
    code = cursor.take('transactionCode', isCodeLetter);
    cursor.take('transactionCode', isLetter('V'));
    amount = cursor.take('amount', isAmount);
  }
  const exercisable = cursor.take('dateExercisable', (i) => isDate(i) || DATE_WORDS.test(i.text));
  if (exercisable === null) cursor.marks('dateExercisable');
  const expiration = cursor.take('expirationDate', (i) => isDate(i) || DATE_WORDS.test(i.text));
  if (expiration === null) cursor.marks('expirationDate');
  const underlying = textOf(cursor.until(isAmount), 'underlyingTitle', refs);
  const underlyingShares = cursor.take('underlyingShares', isAmount);
  const { price, following } = priceAndFollowing(cursor.until(isLetter('DI')).filter(isAmount));
  const ownership = cursor.take('directOrIndirect', isLetter('DI'));
  const nature = textOf(cursor.rest(), 'natureOfOwnership', refs);

  // Column 5 has two cells, (A) and (D): the cell says which; without cells, the code does, as a guess.
  let acquired = false;
  if (amount !== null) {
    if (amount.cell !== null && amount.cell === columns.acquired) acquired = true;
    else if (amount.cell !== null && amount.cell === columns.disposed) acquired = false;
    else {
      acquired = code !== null && TABLE_II_ACQUIRING.has(code.text.toUpperCase());
      amount = { ...amount, mended: `no (A)/(D) column could be seen; taken as ${acquired ? 'acquired' : 'disposed'} from the code` };
    }
    const ids = refs.byField.amount;
    if (ids !== undefined) {
      delete refs.byField.amount;
      refs.byField[acquired ? 'sharesAcquired' : 'sharesDisposed'] = ids;
    }
  }
  const amountField = acquired ? 'sharesAcquired' : 'sharesDisposed';

  record(provenance, `${path}.conversionOrExercisePrice`, conversion);
  record(provenance, `${path}.transactionDate`, date);
  record(provenance, `${path}.deemedExecutionDate`, deemed);
  record(provenance, `${path}.transactionCode`, code);
  record(provenance, `${path}.${amountField}`, amount);
  record(provenance, `${path}.dateExercisable`, exercisable);
  record(provenance, `${path}.expirationDate`, expiration);
  provenance.read(`${path}.underlyingTitle`, underlying.tokens);
  record(provenance, `${path}.underlyingShares`, underlyingShares);
  record(provenance, `${path}.pricePerShare`, price);
  record(provenance, `${path}.sharesOwnedFollowing`, following);
  record(provenance, `${path}.directOrIndirect`, ownership);
  provenance.read(`${path}.natureOfOwnership`, nature.tokens);
  const dateOrWord = (i: Item | null) => (i === null ? null : (readDate(i.text) ?? i.text));
  return {
    securityTitle: title.text,
    conversionOrExercisePrice: amountOf(conversion),
    transactionDate: date === null ? null : readDate(date.text),
    deemedExecutionDate: deemed === null ? null : readDate(deemed.text),
    transactionCode: code === null ? null : readCode(code.text),
    equitySwapInvolved: false,
    sharesAcquired: acquired ? amountOf(amount) : null,
    sharesDisposed: !acquired ? amountOf(amount) : null,
    dateExercisable: dateOrWord(exercisable),
    expirationDate: dateOrWord(expiration),
    underlyingTitle: underlying.text,
    underlyingShares: amountOf(underlyingShares),
    pricePerShare: amountOf(price),
    sharesOwnedFollowing: amountOf(following),
    directOrIndirect: ownership === null ? null : (ownership.text.toUpperCase() as 'D' | 'I'),
    natureOfOwnership: nature.text,
    footnoteRefs: refs.byField,
  };
}
