// A small element tree over fast-xml-parser's order-preserving output. EDGAR tables allow transactions
// and holdings in any order, and the printed form keeps that order, so the reader needs document order,
// which the parser's default object output loses.
import { XMLParser } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), untrimmed. */
  text: string;
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

function toElement(name: string, node: OrderedNode): XmlElement {
  const attributes = (node[':@'] ?? {}) as Record<string, string>;
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if ('#text' in child) {
      text += String(child['#text']);
      continue;
    }
    const childName = Object.keys(child).find((key) => key !== ':@');
    if (childName !== undefined && !childName.startsWith('?')) children.push(toElement(childName, child));
  }
  return { name, attributes, children, text };
}

/** Parses an XML document and returns its root element; throws when there is none. */
export function parseXmlTree(xml: string): XmlElement {
  const nodes = parser.parse(xml) as OrderedNode[];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name !== undefined && !name.startsWith('?') && !name.startsWith('#')) return toElement(name, node);
  }
  throw new Error('not an XML document: no root element');
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((candidate) => candidate.name === name) ?? [];
}
