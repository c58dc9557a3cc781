// A small XML tree and its rendering, enough for the EDGAR export: elements, attributes, text and
// comments, written with a fixed two-space indentation so that the same tree always gives the same bytes.

export interface XmlElementNode {
  name: string;
  attributes?: Record<string, string>;
  /** An element has either text or children; one with neither is written as `<name/>`. */
  text?: string;
  children?: XmlNode[];
}

export interface XmlCommentNode {
  comment: string;
}

export type XmlNode = XmlElementNode | XmlCommentNode;

/**
 * Characters XML 1.0 cannot carry at all, not even as a character reference: C0 controls other than
 * tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
 */
// With the `u` flag a well-formed surrogate pair is one code point, so the surrogate range matches lone halves only.
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

export function hasNonXmlCharacter(text: string): boolean {
  return NOT_XML_CHARACTER.test(text);
}

/**
 * Escapes element content. `>` is escaped too so that a `]]>` in the text cannot end anything, and CR
 * becomes a reference because a parser would otherwise turn it into LF.
 */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value written between double quotes; whitespace other than space is kept as references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function renderNode(node: XmlNode, depth: number): string {
  const indent = '  '.repeat(depth);
  if ('comment' in node) {
    // A comment may not contain `--`; the export writes only its own fixed wording, so this is a guard.
    return `${indent}<!-- ${node.comment.replace(/-{2,}/g, '-')} -->\n`;
  }
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  if (node.children !== undefined && node.children.length > 0) {
    const inner = node.children.map((child) => renderNode(child, depth + 1)).join('');
    return `${indent}<${node.name}${attributes}>\n${inner}${indent}</${node.name}>\n`;
  }
  if (node.text !== undefined) return `${indent}<${node.name}${attributes}>${escapeXmlText(node.text)}</${node.name}>\n`;
  return `${indent}<${node.name}${attributes}/>\n`;
}

/** The whole document: declaration, then the root element. Ends with a newline. */
export function renderXmlDocument(root: XmlElementNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderNode(root, 0)}`;
}
