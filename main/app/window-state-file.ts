// The window state's file in the userData folder. A missing, unreadable or malformed file means "no
// saved state"; a failed write is reported and otherwise ignored: neither may stop the app.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseWindowState, type WindowState } from './window-state.js';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

export function readWindowState(file: string): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return parseWindowState(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Written beside and renamed into place, so a crash mid-write leaves the old state, not half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(state)}\n`);
    renameSync(temporary, file);
  } catch (error) {
    console.warn(`Could not save the window position to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
