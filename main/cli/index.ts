// The `form4` command: one composition root for the CLI. Each command lives in its own module and is
// loaded only when asked for, so `form4 extract` does not pay for opening the store.
import { CliError, type CommandModule } from './command.js';

const commands: Record<string, () => Promise<CommandModule>> = {
  extract: () => import('./extract-command.js'),
  import: () => import('./import-command.js'),
  list: () => import('./list-command.js'),
  show: () => import('./show-command.js'),
  set: () => import('./set-command.js'),
  rows: () => import('./rows-command.js'),
  approve: () => import('./approve-command.js'),
  reject: () => import('./reject-command.js'),
  reopen: () => import('./reopen-command.js'),
  history: () => import('./history-command.js'),
  verify: () => import('./verify-command.js'),
  export: () => import('./export-command.js'),
  'restore-backup': () => import('./restore-backup-command.js'),
};

const USAGE = `form4 — review scanned SEC Form 4 filings, offline

Usage: form4 <command> [options]

Commands:
  extract FILE... [--json]   read Form 4s (text, PDF, image) and print fields, findings, confidence
  import FILE|FOLDER...      queue and import Form 4s into the store (--resume finishes a cut batch)
  list                       list filings (--status S, --search TEXT)
  show ID                    a filing's fields, confidence, sources, findings and decisions
  set ID PATH VALUE          correct a field (--reason TEXT); the rules run again
  rows ID add|remove I|II    add a Table I/II line, or remove line N
  approve ID                 approve (--override RULE=REASON for an open error)
  reject ID --reason TEXT    reject a filing
  reopen ID                  bring a filing back to review
  history ID                 the audit trail of a filing
  verify                     check the audit log's hash chain and the database
  export --format F --out D  export approved filings as xml, csv or json
  restore-backup [FILE]      replace a damaged database with its latest backup (--list)

Store commands take --db PATH (or $FORM4_DB), --user NAME and --json.

Run 'form4 <command> --help' for a command's options.`;

// A reader that stops early (`form4 list | head`) closes the pipe: that is the reader's choice, not
// an error of ours, so the command ends quietly as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

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
