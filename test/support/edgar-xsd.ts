// Validates EDGAR ownership XML with xmllint against the SEC's X0306 Form 4 schema in
// ../shared/spec/edgar-xsd, and against three schemas derived from it for what that folder lacks:
// - X0508: X0306 plus `aff10b5One` (a boolean) right after the last reportingOwner, the only
//   difference the corpus README names; required here, because the export writes X0508 only with it.
// - 4/A: documentType "4/A" and a required `dateOfOriginalSubmission` (xs:date) after periodOfReport,
//   as the SEC's ownership4ADocument.xsd has it.
// Derived schemas are made from the file's text by exact replacements, which throw if the XSD changes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EDGAR_XSD_DIR = fileURLToPath(new URL('../../../shared/spec/edgar-xsd/', import.meta.url));

export interface XsdVariant {
  documentType: '4' | '4/A';
  schemaVersion: 'X0306' | 'X0508';
}

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages, to show when a test fails. */
  output: string;
}

function findXmllint(): boolean {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

/** The reason to skip XSD tests, or undefined when xmllint is there. */
export const xmllintMissing: string | undefined = findXmllint()
  ? undefined
  : 'xmllint not found (Debian: apt-get install libxml2-utils): EDGAR XSD validation skipped';

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + search.length) >= 0) {
    throw new Error(`ownership4Document.xsd changed: expected exactly one ${JSON.stringify(search)}`);
  }
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

function deriveSchema(base: string, variant: XsdVariant): string {
  let schema = base;
  if (variant.schemaVersion === 'X0508') {
    const owner = '<xs:element name="reportingOwner"            type="REPORTING_OWNER"      minOccurs="1" maxOccurs="10"/>';
    schema = replaceOnce(schema, owner, `${owner}\n                <xs:element name="aff10b5One" type="xs:boolean" minOccurs="1" maxOccurs="1"/>`);
  }
  if (variant.documentType === '4/A') {
    schema = replaceOnce(schema, '<xs:pattern value="4"/>', '<xs:pattern value="4/A"/>');
    const period = '<xs:element name="periodOfReport"            type="xs:date"              minOccurs="1" maxOccurs="1"/>';
    schema = replaceOnce(schema, period, `${period}\n                <xs:element name="dateOfOriginalSubmission" type="xs:date" minOccurs="1" maxOccurs="1"/>`);
  }
  return schema;
}

let schemaDir: string | undefined;
const derivedPaths = new Map<string, string>();

function schemaPath(variant: XsdVariant): string {
  if (variant.documentType === '4' && variant.schemaVersion === 'X0306') return join(EDGAR_XSD_DIR, 'ownership4Document.xsd');
  const key = `${variant.documentType.replace('/', '')}-${variant.schemaVersion}`;
  const known = derivedPaths.get(key);
  if (known !== undefined) return known;
  if (schemaDir === undefined) {
    schemaDir = mkdtempSync(join(tmpdir(), 'edgar-xsd-'));
    copyFileSync(join(EDGAR_XSD_DIR, 'ownershipDocumentCommon.xsd'), join(schemaDir, 'ownershipDocumentCommon.xsd'));
    const dir = schemaDir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const path = join(schemaDir, `ownership-${key}.xsd`);
  writeFileSync(path, deriveSchema(readFileSync(join(EDGAR_XSD_DIR, 'ownership4Document.xsd'), 'utf8'), variant));
  derivedPaths.set(key, path);
  return path;
}

/** Runs `xmllint --noout --schema` on the document. Call only when `xmllintMissing` is undefined. */
export function validateEdgarXml(xml: string, variant: XsdVariant): XsdResult {
  const result = spawnSync('xmllint', ['--noout', '--schema', schemaPath(variant), '-'], { input: xml, encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}
