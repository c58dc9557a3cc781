// The building blocks of an EDGAR ownershipDocument: checked text, numbers and dates, and the
// value-plus-footnoteId cells the schema uses for nearly every box. Each block records what the XSD
// would refuse as a problem with the field path of the filing, so that one pass both builds the
// document and says everything a person must fix before it can be filed.
import { edgarDecimal, isEdgarDate } from './edgar-values.js';
import { hasNonXmlCharacter, type XmlElementNode } from './xml-writer.js';

/** Something the XSD would refuse, at a field path of the filing's JSON shape (as findings use). */
export interface EdgarXmlProblem {
  path: string;
  message: string;
}

export class ExportContext {
  readonly problems: EdgarXmlProblem[] = [];

  constructor(private readonly footnoteIds: ReadonlySet<string>) {}

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** The text, after checking what XML and the XSD's length limits allow (lengths in characters). */
  text(path: string, value: string, limits: { min?: number; max?: number } = {}): string {
    if (hasNonXmlCharacter(value)) this.problem(path, 'contains a control character that XML cannot carry');
    const length = [...value].length;
    if (limits.min !== undefined && length < limits.min) this.problem(path, 'is empty; EDGAR requires a value');
    if (limits.max !== undefined && length > limits.max) {
      this.problem(path, `is ${length} characters; EDGAR holds at most ${limits.max}`);
    }
    return value;
  }

  decimal(path: string, value: number): string {
    const text = edgarDecimal(value);
    if (text !== null) return text;
    this.problem(path, `${value} is not a number EDGAR accepts (0 to 999999999999.9999, at most 4 decimals)`);
    return String(value);
  }

  date(path: string, value: string): string {
    if (!isEdgarDate(value)) this.problem(path, `"${value}" is not a calendar date (YYYY-MM-DD)`);
    return value;
  }

  /** Reports ids that name no footnote of the filing: EDGAR's footnoteId is an IDREF and must resolve. */
  checkFootnoteRefs(path: string, ids: readonly string[]): void {
    for (const id of new Set(ids)) {
      if (!this.footnoteIds.has(id)) this.problem(path, `refers to footnote (${id}), which the filing does not have`);
    }
  }
}

/** `<footnoteId id="F1"/>` elements, each id once, in the order first given. */
function footnoteIdElements(ids: readonly string[]): XmlElementNode[] {
  return [...new Set(ids)].map((id) => ({ name: 'footnoteId', attributes: { id: `F${id}` } }));
}

export function leaf(name: string, text: string): XmlElementNode {
  return { name, text };
}

export function element(name: string, children: Array<XmlElementNode | undefined>): XmlElementNode {
  return { name, children: children.filter((child): child is XmlElementNode => child !== undefined) };
}

export function flag(name: string, value: boolean): XmlElementNode {
  return leaf(name, value ? '1' : '0');
}

/**
 * The cells of one table line. Each cell takes the footnotes filed under its field name in
 * `footnoteRefs`; whatever is left when the line is built had no place in EDGAR's element for that
 * kind of line, and is reported rather than dropped.
 */
export class LineCells {
  private readonly placed = new Set<string>();

  constructor(
    readonly context: ExportContext,
    readonly path: string,
    private readonly refs: Readonly<Record<string, readonly string[]>>,
  ) {}

  /** The footnoteId elements for the fields' footnotes; one cell may gather several fields (Table II column 5). */
  footnotes(...fields: string[]): XmlElementNode[] {
    const ids = fields.flatMap((field) => {
      this.placed.add(field);
      const refs = this.refs[field] ?? [];
      this.context.checkFootnoteRefs(`${this.path}.footnoteRefs.${field}`, refs);
      return refs;
    });
    return footnoteIdElements(ids);
  }

  hasFootnotes(field: string): boolean {
    return (this.refs[field]?.length ?? 0) > 0;
  }

  /** A cell whose value is required: `<name><value>…</value><footnoteId/>…</name>`. */
  required(name: string, field: string, value: string | null): XmlElementNode {
    if (value === null) this.context.problem(`${this.path}.${field}`, `is blank; EDGAR's ${name} requires a value`);
    return element(name, [value === null ? undefined : leaf('value', value), ...this.footnotes(field)]);
  }

  /** A cell that needs a value or at least one footnote (the XSD's OPT_..._WITH_FOOTNOTE). */
  valueOrFootnote(name: string, field: string, value: string | null): XmlElementNode {
    if (value === null && !this.hasFootnotes(field)) {
      this.context.problem(`${this.path}.${field}`, `is blank; EDGAR's ${name} needs a value or a footnote`);
    }
    return element(name, [value === null ? undefined : leaf('value', value), ...this.footnotes(field)]);
  }

  /** Reports footnotes that no cell took. Call once, after the line's cells are built. */
  reportUnplaced(lineKind: string): void {
    for (const [field, ids] of Object.entries(this.refs)) {
      if (this.placed.has(field) || ids.length === 0) continue;
      this.context.problem(
        `${this.path}.footnoteRefs.${field}`,
        `footnote ${ids.map((id) => `(${id})`).join(', ')} on ${field} has no place in EDGAR's ${lineKind}`,
      );
    }
  }
}
