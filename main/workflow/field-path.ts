// Field paths in the JSON shape of the filing (`nonDerivative[1].sharesOwnedFollowing`), the kind of
// value each one holds according to the model, and reading a person's typed text into that kind.
import type { z } from 'zod';
import { filingSchema, type DraftFiling } from '../../shared/model.js';
import { WorkflowError } from '../store/errors.js';

export type PathSegment = string | number;

const PATH_SHAPE = /^[A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*$/;
/** Names every JavaScript object answers to: as a path segment they would reach past the filing. */
const OBJECT_MACHINERY = new Set(['__proto__', 'constructor', 'prototype']);

export function parsePath(path: string): PathSegment[] {
  const segments = PATH_SHAPE.test(path) ? [...path.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)].map((match) => (match[1] !== undefined ? match[1] : Number(match[2]))) : null;
  if (segments === null || segments.some((segment) => typeof segment === 'string' && OBJECT_MACHINERY.has(segment))) {
    throw new WorkflowError('bad-path', `'${path}' is not a field path (like issuer.tradingSymbol or nonDerivative[0].shares)`);
  }
  return segments;
}

export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

export function getAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** A copy of `filing` with the value at `segments` replaced; every container on the way must exist. */
export function setAt(filing: DraftFiling, segments: readonly PathSegment[], value: unknown): DraftFiling {
  const copy = structuredClone(filing);
  let node: unknown = copy;
  for (const [index, segment] of segments.entries()) {
    if (node === null || typeof node !== 'object') throw new WorkflowError('bad-path', `${formatPath(segments)}: ${formatPath(segments.slice(0, index))} is empty`);
    const container = node as Record<string | number, unknown>;
    if (index === segments.length - 1) {
      container[segment] = value;
    } else {
      if (Array.isArray(container) && (typeof segment !== 'number' || segment >= container.length)) {
        throw new WorkflowError('bad-path', `${formatPath(segments)}: there is no ${formatPath(segments.slice(0, index + 1))}`);
      }
      if (container[segment] === undefined || container[segment] === null) {
        // An optional object on the way (a line's footnoteRefs) springs into being; anything else is missing.
        if (typeof segments[index + 1] === 'string' && !Array.isArray(container)) container[segment] = {};
        else throw new WorkflowError('bad-path', `${formatPath(segments)}: there is no ${formatPath(segments.slice(0, index + 1))}`);
      }
      node = container[segment];
    }
  }
  return copy;
}

/** What a leaf field holds, read off the filing schema. */
export type FieldKind =
  | { kind: 'string'; nullable: boolean; date: boolean }
  | { kind: 'number'; nullable: boolean }
  | { kind: 'boolean'; nullable: boolean }
  | { kind: 'enum'; nullable: boolean; options: readonly string[] }
  | { kind: 'string-list'; nullable: boolean };

/** Boxes the parser may leave empty although the final Filing requires them (see DraftFiling). */
const DRAFT_NULLABLE = new Set(['periodOfReport', 'issuer.name', 'reportingOwners[].name', 'nonDerivative[].securityTitle', 'derivative[].securityTitle']);

type AnySchema = z.ZodType & { def: { type: string }; shape?: Record<string, AnySchema>; element?: AnySchema; valueType?: AnySchema; options?: readonly string[]; unwrap?: () => AnySchema };

export function fieldKind(segments: readonly PathSegment[]): FieldKind {
  let schema = filingSchema as unknown as AnySchema;
  let nullable = false;
  const shapeKey = formatPath(segments.map((segment) => (typeof segment === 'number' ? -1 : segment))).replace(/\[-1\]/g, '[]');
  const unwrap = (): void => {
    while (schema.def.type === 'optional' || schema.def.type === 'nullable') {
      nullable = true;
      schema = (schema.unwrap as () => AnySchema)();
    }
  };
  for (const segment of segments) {
    nullable = false;
    unwrap();
    const type = schema.def.type;
    if (type === 'object' && typeof segment === 'string' && schema.shape !== undefined && Object.hasOwn(schema.shape, segment)) schema = schema.shape[segment] as AnySchema;
    else if (type === 'array' && typeof segment === 'number' && schema.element !== undefined) schema = schema.element;
    else if (type === 'record' && typeof segment === 'string' && schema.valueType !== undefined) schema = schema.valueType;
    else throw new WorkflowError('bad-path', `${formatPath(segments)} is not a field of a Form 4`);
  }
  unwrap();
  nullable ||= DRAFT_NULLABLE.has(shapeKey);
  switch (schema.def.type) {
    case 'string':
      return { kind: 'string', nullable, date: /[Dd]ate$|^periodOfReport$|^dateOfOriginalSubmission$/.test(String(segments.at(-1))) };
    case 'number':
      return { kind: 'number', nullable };
    case 'boolean':
      return { kind: 'boolean', nullable };
    case 'enum':
      return { kind: 'enum', nullable, options: schema.options ?? [] };
    case 'array':
      if (schema.element?.def.type === 'string') return { kind: 'string-list', nullable };
      break;
  }
  throw new WorkflowError('bad-path', `${formatPath(segments)} holds a group of fields; name one of them`);
}

const DATE_FORMATS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => `${m[1]}-${pad(m[2])}-${pad(m[3])}`],
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => `${m[3]}-${pad(m[1])}-${pad(m[2])}`],
];

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}

/**
 * The typed value a person's text stands for at this path: numbers may carry thousands separators
 * and a `$`, dates may be written MM/DD/YYYY, an empty text clears a field that may be empty.
 */
export function parseFieldValue(segments: readonly PathSegment[], text: string): unknown {
  const kind = fieldKind(segments);
  const path = formatPath(segments);
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'null') {
    if (kind.nullable) return null;
    if (kind.kind === 'string') return '';
    throw new WorkflowError('bad-value', `${path} cannot be empty`);
  }
  switch (kind.kind) {
    case 'string': {
      if (!kind.date) return trimmed;
      for (const [pattern, toIso] of DATE_FORMATS) {
        const match = pattern.exec(trimmed);
        if (match !== null) return toIso(match);
      }
      // Kept as typed: the `format` rule then points at it, as it does for a misread date.
      return trimmed;
    }
    case 'number': {
      const cleaned = trimmed.replace(/[$,\s]/g, '');
      const value = Number(cleaned);
      if (cleaned === '' || !Number.isFinite(value)) throw new WorkflowError('bad-value', `${path} takes a number, not '${text}'`);
      return value;
    }
    case 'boolean': {
      const lowered = trimmed.toLowerCase();
      if (['true', 'yes', 'y', 'x', '1'].includes(lowered)) return true;
      if (['false', 'no', 'n', '0'].includes(lowered)) return false;
      throw new WorkflowError('bad-value', `${path} takes true or false, not '${text}'`);
    }
    case 'enum': {
      const upper = trimmed.toUpperCase();
      if (kind.options.includes(upper)) return upper;
      throw new WorkflowError('bad-value', `${path} takes one of ${kind.options.join(', ')}, not '${text}'`);
    }
    case 'string-list':
      return trimmed.split(/[,\s]+/).filter((item) => item !== '');
  }
}

/** Every leaf path of a filing with its value: the rows a field view shows. */
export function leafPaths(value: unknown, prefix: PathSegment[] = []): Array<{ path: string; value: unknown }> {
  if (Array.isArray(value) && prefix.length > 0 && value.every((item) => typeof item === 'string')) {
    return [{ path: formatPath(prefix), value }];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  }
  return [{ path: formatPath(prefix), value }];
}
