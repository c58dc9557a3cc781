// The `form4` command: one composition root for the CLI. Each command lives in its own module and is
// loaded only when asked for, so `form4 extract` does not pay for opening the store.
import { CliError, type CommandModule } from './command.js';

const commands: Record<string, () => Promise<CommandModule>> = {
  extract: () => import('./extract-command.js'),
};

const USAGE = `form4 — review scanned SEC Form 4 filings, offline

Usage: form4 <command> [options]

Commands:
  extract FILE... [--json]   read Form 4s (text, PDF, image) and print fields, findings, confidence

Run 'form4 <command> --help' for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (load === undefined) {
    process.stderr.write(`form4: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`form4: ${error instanceof CliError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
