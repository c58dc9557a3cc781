// Undo and redo over field changes: each entry is one field's text before and after, re-applied
// through 'filings:setField' (reason 'undo'/'redo'). A Table line added or removed renumbers the
// lines below it, so the entries' paths follow, and entries about a removed line are dropped.
import type { TableName } from './form-layout.js';

export interface FieldChange {
  path: string;
  before: string;
  after: string;
}

export interface UndoStack {
  undo: readonly FieldChange[];
  redo: readonly FieldChange[];
}

export const EMPTY_UNDO: UndoStack = { undo: [], redo: [] };

/** How many changes a filing keeps for undo. */
const LIMIT = 200;

/** A new change by hand: it goes on the undo stack and the redo stack is cleared (a no-op is not a change). */
export function recordChange(stack: UndoStack, change: FieldChange): UndoStack {
  if (change.before === change.after) return stack;
  return { undo: [...stack.undo, change].slice(-LIMIT), redo: [] };
}

/** The change to undo (set `path` to `before`) and the stack once it succeeded; null when none. */
export function undoStep(stack: UndoStack): { change: FieldChange; next: UndoStack } | null {
  const change = stack.undo.at(-1);
  if (change === undefined) return null;
  return { change, next: { undo: stack.undo.slice(0, -1), redo: [...stack.redo, change] } };
}

/** The change to redo (set `path` to `after`) and the stack once it succeeded; null when none. */
export function redoStep(stack: UndoStack): { change: FieldChange; next: UndoStack } | null {
  const change = stack.redo.at(-1);
  if (change === undefined) return null;
  return { change, next: { undo: [...stack.undo, change], redo: stack.redo.slice(0, -1) } };
}

/** The stack after a line was inserted at `index` (delta 1) or removed from it (delta -1). */
export function shiftLines(stack: UndoStack, table: TableName, index: number, delta: 1 | -1): UndoStack {
  const pattern = new RegExp(`^${table}\\[(\\d+)\\]`);
  const shift = (changes: readonly FieldChange[]): FieldChange[] =>
    changes.flatMap((change) => {
      const match = pattern.exec(change.path);
      if (match === null) return [change];
      const line = Number(match[1]);
      if (line < index) return [change];
      if (delta === -1 && line === index) return [];
      return [{ ...change, path: `${table}[${line + delta}]${change.path.slice(match[0].length)}` }];
    });
  return { undo: shift(stack.undo), redo: shift(stack.redo) };
}
