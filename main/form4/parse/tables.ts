// Table I and Table II lines. A data row is first read by the columns of the input's own table
// header (columns.ts); when its cells do not fit those columns (a damaged or drifting table) it is
// read by the printed order of the columns, by what each value is (a date, an amount, a code letter,
// D or I), so a value put in the wrong cell still lands in the right field. Either reading assigns
// items to fields; one builder per table turns that into a line.
import type { DraftFiling, TransactionCode } from '../../../shared/model.js';
import { derivativeLine, nonDerivativeLine, type LineCells } from './line-drafts.js';
import type { Provenance } from './provenance.js';
import { columnFields, readByColumns } from './columns.js';
import { joinText, type TextLine } from './tokens.js';
import { mergeAmounts, rowItems, type Item } from './row-items.js';
import { footnoteMark, readAmount, readCode, readDate } from './values.js';

type NonDerivativeDraft = DraftFiling['nonDerivative'][number];
type DerivativeDraft = DraftFiling['derivative'][number];
/** Field name to the items read for it: its value(s), then its footnote marks. */
type Assignment = Map<string, Item[]>;

/** Words that only ever appear in the tables' column headers. */
const HEADER_WORDS = new Set(['code', 'v', 'amount', '(a)', '(d)', 'or', 'price', 'date', 'exercisable', 'expiration', 'title', 'number', 'of', 'shares', '(instr', 'and', 'reported', 'transaction(s)']);

function isDataRow(line: TextLine): boolean {
  if (line.tokens.length === 0) return false;
  if (/\(instr|titleof|transactioncode|ownershipform/.test(line.norm)) return false;
  if (line.tokens.every((t) => HEADER_WORDS.has(t.text.toLowerCase().replace(/[.:,]$/, '')))) return false;
  return rowItems(line.tokens).some((i) => i.kind === 'date' || i.kind === 'amount' || (i.kind === 'letter' && /^[DI]$/i.test(i.text)));
}

/** Reads items in order, assigning each taken value (and the marks right after it) to a field. */
class Cursor {
  private at = 0;
  readonly assigned: Assignment = new Map();
  constructor(private readonly items: readonly Item[]) {}
  peek(): Item | undefined {
    return this.items[this.at];
  }
  assign(field: string, items: readonly Item[]): void {
    if (items.length > 0) this.assigned.set(field, [...(this.assigned.get(field) ?? []), ...items]);
  }
  /** Takes the next item for `field` if `test` accepts it, with the footnote marks right after it. */
  take(field: string, test: (item: Item) => boolean): Item | null {
    const next = this.items[this.at];
    if (next === undefined || !test(next)) return null;
    this.at += 1;
    this.assign(field, [next]);
    this.marks(field);
    return next;
  }
  /** Footnote marks at the cursor, given to `field`. */
  marks(field: string): void {
    while (this.items[this.at]?.kind === 'footnote') this.assign(field, [this.items[this.at++]!]);
  }
  /** Items up to (not including) the first that `stop` accepts. */
  until(stop: (item: Item) => boolean): Item[] {
    const taken: Item[] = [];
    while (this.at < this.items.length && !stop(this.items[this.at]!)) taken.push(this.items[this.at++]!);
    return taken;
  }
}

const isDate = (i: Item) => i.kind === 'date';
const isAmount = (i: Item) => i.kind === 'amount';
const isMark = (i: Item) => i.kind === 'footnote';
const isLetter = (letters: string) => (i: Item) => i.kind === 'letter' && letters.includes(i.text.toUpperCase());
const isCodeLetter = (i: Item) => i.kind === 'letter' && readCode(i.text) !== null;

/**
 * Between (A)/(D) (or the title, on a holding line) and the ownership form: the price and the amount
 * owned following, told apart by count and by `$`; a mark belongs to the amount before it, and one
 * before any amount stands in the price column.
 */
function assignPriceAndFollowing(cursor: Cursor, items: Item[], priceField: string | null): void {
  const amounts = items.filter(isAmount);
  let price: Item | null = null;
  let following: Item | null = null;
  if (priceField === null) following = amounts.length > 0 ? mergeAmounts(amounts) : null;
  else if (amounts.length === 1) [price, following] = amounts[0]!.text.startsWith('$') ? [amounts[0]!, null] : [null, amounts[0]!];
  else if (amounts.length > 1) [price, following] = [amounts[0]!, mergeAmounts(amounts.slice(1))];
  if (price !== null) cursor.assign(priceField!, [price]);
  if (following !== null) cursor.assign('sharesOwnedFollowing', [following]);
  items.forEach((mark, at) => {
    if (!isMark(mark)) return;
    const owner = items.slice(0, at).reverse().find(isAmount);
    const inFollowing = owner !== undefined && following !== null && owner.tokens.every((t) => following.tokens.includes(t));
    cursor.assign(inFollowing || priceField === null ? 'sharesOwnedFollowing' : priceField, [mark]);
  });
}

/** Table I in printed order: title, date, deemed date, code, V, amount, (A)/(D), price, following, D/I, nature. */
function assignNonDerivativeByOrder(items: Item[]): Assignment {
  const cursor = new Cursor(items);
  const isTransaction = items.some(isDate);
  cursor.assign('securityTitle', cursor.until((i) => isDate(i) || isAmount(i) || (!isTransaction && isLetter('DI')(i) && i !== items[0])));
  if (isTransaction) {
    cursor.take('transactionDate', isDate);
    cursor.take('deemedExecutionDate', isDate);
    cursor.take('transactionCode', isCodeLetter);
    cursor.take('voluntary', isLetter('V'));
    cursor.take('shares', isAmount);
    cursor.take('acquiredDisposed', isLetter('AD'));
  }
  assignPriceAndFollowing(cursor, cursor.until(isLetter('DI')), isTransaction ? 'pricePerShare' : null);
  cursor.take('directOrIndirect', isLetter('DI'));
  cursor.assign('natureOfOwnership', cursor.until(() => false));
  return cursor.assigned;
}

/** Printed words that stand in Table II's date columns instead of a date. */
const DATE_WORDS = /^(immediately|n\/a|none|various|upon)$/i;
const isDateOrWord = (i: Item) => isDate(i) || DATE_WORDS.test(i.text);

/** Table II in printed order; the amount of column 5 is `amount` until its (A)/(D) is known. */
function assignDerivativeByOrder(items: Item[]): Assignment {
  const cursor = new Cursor(items);
  const isTransaction = items.some(isCodeLetter) && items.some(isDate);
  cursor.assign('securityTitle', cursor.until((i) => isDate(i) || isAmount(i) || (isMark(i) && i.cell !== null && i.cell !== items[0]?.cell)));
  if (cursor.take('conversionOrExercisePrice', isAmount) === null) cursor.marks('conversionOrExercisePrice');
  if (isTransaction) {
    const date = cursor.take('transactionDate', isDate);
    cursor.take('deemedExecutionDate', (i) => isDate(i) && i.cell !== date?.cell);
    cursor.take('transactionCode', isCodeLetter);
    cursor.take('voluntary', isLetter('V'));
    cursor.take('amount', isAmount);
  }
  if (cursor.take('dateExercisable', isDateOrWord) === null) cursor.marks('dateExercisable');
  if (cursor.take('expirationDate', isDateOrWord) === null) cursor.marks('expirationDate');
  cursor.assign('underlyingTitle', cursor.until(isAmount));
  cursor.take('underlyingShares', isAmount);
  assignPriceAndFollowing(cursor, cursor.until(isLetter('DI')), 'pricePerShare');
  cursor.take('directOrIndirect', isLetter('DI'));
  cursor.assign('natureOfOwnership', cursor.until(() => false));
  return cursor.assigned;
}

/** Turns an assignment into typed values, footnote references and provenance for one line. */
class LineBuilder implements LineCells {
  readonly footnoteRefs: Record<string, string[]> = {};
  constructor(private readonly assigned: Assignment, private readonly path: string, private readonly provenance: Provenance) {
    for (const [field, items] of assigned) {
      for (const mark of items.filter(isMark)) {
        const id = footnoteMark(mark.text)!;
        const list = (this.footnoteRefs[field] ??= []);
        if (!list.includes(id)) list.push(id);
      }
    }
  }
  private values(field: string): Item[] {
    return (this.assigned.get(field) ?? []).filter((i) => !isMark(i));
  }
  private one(field: string): Item | null {
    const values = this.values(field);
    if (values.length === 0) return null;
    const value = mergeAmounts(values);
    this.provenance.read(`${this.path}.${field}`, value.tokens, value.mended);
    return value;
  }
  text(field: string): string | null {
    const tokens = this.values(field).flatMap((v) => v.tokens);
    this.provenance.read(`${this.path}.${field}`, tokens);
    return tokens.length === 0 ? null : joinText(tokens);
  }
  date(field: string): string | null {
    const value = this.one(field);
    return value === null ? null : readDate(value.text);
  }
  dateOrWord(field: string): string | null {
    const value = this.one(field);
    return value === null ? null : (readDate(value.text) ?? value.text);
  }
  amount(field: string): number | null {
    const value = this.one(field);
    return value === null ? null : readAmount(value.text);
  }
  code(): TransactionCode | null {
    const code = this.letter('transactionCode');
    return code === null ? null : readCode(code);
  }
  // The letters were told apart from other items when they were assigned; one that is not A/D or D/I
  // (a column of the other tool's table holding something else) stays as read, for the rules to report.
  acquiredDisposed(): 'A' | 'D' | null {
    return this.letter('acquiredDisposed') as 'A' | 'D' | null;
  }
  ownership(): 'D' | 'I' | null {
    return this.letter('directOrIndirect') as 'D' | 'I' | null;
  }
  private letter(field: string): string | null {
    const value = this.one(field);
    return value === null ? null : value.text.toUpperCase();
  }
}

function buildNonDerivative(assigned: Assignment, path: string, provenance: Provenance): NonDerivativeDraft {
  return nonDerivativeLine(new LineBuilder(assigned, path, provenance));
}

/** Codes whose Table II amount is a derivative acquired; the rest give one up. */
const TABLE_II_ACQUIRING = new Set(['A', 'P', 'L', 'G', 'J', 'K', 'W', 'Z', 'I', 'V']);

/**
 * Column 5 read by order: the header's (A) and (D) cells tell which it is; without them the code
 * does, as a guess a person confirms.
 */
function resolveDirection(assigned: Assignment, columns: Map<number, string> | null): void {
  const amount = assigned.get('amount');
  if (amount === undefined) return;
  assigned.delete('amount');
  const cell = amount.find((i) => !isMark(i))?.cell;
  const byCell = cell === null || cell === undefined ? undefined : columns?.get(cell);
  if (byCell === 'sharesAcquired' || byCell === 'sharesDisposed') {
    assigned.set(byCell, amount);
    return;
  }
  const code = (assigned.get('transactionCode') ?? []).find((i) => !isMark(i));
  const acquired = code !== undefined && TABLE_II_ACQUIRING.has(code.text.toUpperCase());
  const why = `no (A)/(D) column could be seen; taken as ${acquired ? 'acquired' : 'disposed'} from the code`;
  assigned.set(acquired ? 'sharesAcquired' : 'sharesDisposed', amount.map((i) => (isMark(i) ? i : { ...i, mended: why })));
}

function buildDerivative(assigned: Assignment, columns: Map<number, string> | null, path: string, provenance: Provenance): DerivativeDraft {
  resolveDirection(assigned, columns);
  return derivativeLine(new LineBuilder(assigned, path, provenance));
}

function readTable<T>(
  lines: readonly TextLine[],
  table: 'I' | 'II',
  byOrder: (items: Item[]) => Assignment,
  build: (a: Assignment, columns: Map<number, string> | null, path: string) => T,
): T[] {
  const firstData = lines.findIndex(isDataRow);
  const columns = firstData < 0 ? null : columnFields(lines.slice(0, firstData), table, table === 'II');
  return lines.filter(isDataRow).map((line, index) => {
    const items = rowItems(line.tokens);
    const assigned = (columns === null ? null : readByColumns(items, columns)) ?? byOrder(items);
    return build(assigned, columns, `${table === 'I' ? 'nonDerivative' : 'derivative'}[${index}]`);
  });
}

export function readNonDerivativeTable(lines: readonly TextLine[], provenance: Provenance): NonDerivativeDraft[] {
  return readTable(lines, 'I', assignNonDerivativeByOrder, (a, _columns, path) => buildNonDerivative(a, path, provenance));
}

export function readDerivativeTable(lines: readonly TextLine[], provenance: Provenance): DerivativeDraft[] {
  return readTable(lines, 'II', assignDerivativeByOrder, (a, columns, path) => buildDerivative(a, columns, path, provenance));
}
