// Files named on a command line: the app opened with files ("Open with", a drop on its icon), or a
// second instance started with some, which hands its command line to the first. Pure.
import { resolve } from 'node:path';

/**
 * The file and folder arguments of `argv`, resolved against `workingDirectory`. Switches are skipped
 * wherever they stand (Chromium and test drivers add their own, sometimes before the app path), and
 * so is the executable, and, when run as `electron <app>` (`defaultApp`), the app's own path.
 */
export function filesFromCommandLine(argv: readonly string[], workingDirectory: string, defaultApp: boolean): string[] {
  const operands = argv.slice(1).filter((argument) => argument !== '' && !argument.startsWith('-'));
  return (defaultApp ? operands.slice(1) : operands).map((operand) => resolve(workingDirectory, operand));
}
