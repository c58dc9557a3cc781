// What the commands that change a filing print: its new status and findings, or the same as JSON.
import type { ChangeResult } from '../workflow/review-service.js';
import { printJson } from './store-session.js';

export function printChange(result: ChangeResult, json: boolean, what: string): void {
  if (json) {
    printJson(result);
    return;
  }
  const { filing, findings } = result;
  process.stdout.write(`filing #${filing.id} ${what}; now ${filing.status}, ${filing.errors} error(s), ${filing.warnings} warning(s)\n`);
  for (const item of findings) process.stdout.write(`  ${item.severity.toUpperCase().padEnd(7)} ${item.rule} at ${item.path || '(whole filing)'}: ${item.message}\n`);
}
