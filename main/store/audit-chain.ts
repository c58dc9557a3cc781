// The hash chain of the audit log: each row's hash covers its content and the hash of the row before,
// so editing a row breaks its own hash and deleting one breaks the link of the row after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AuditRowContent } from '../../shared/views.js';
export { type AuditRowContent };

export const GENESIS_HASH = '0'.repeat(64);

export function auditRowHash(prevHash: string, row: AuditRowContent): string {
  const content = [row.seq, row.at, row.actor, row.filingId, row.action, row.path, row.oldValue, row.newValue, row.reason, row.stateHash];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(content)).digest('hex');
}

/** What the log vouches for about a filing after an action: its document and its status. */
export function filingStateHash(document: unknown, status: string): string {
  return createHash('sha256').update(canonicalJson({ document, status })).digest('hex');
}
