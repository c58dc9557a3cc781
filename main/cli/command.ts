// What every `form4` subcommand module exports, and the error a command throws to end with a clear
// one-line message and an exit code rather than a stack trace.
export interface CommandModule {
  /** Runs the command with its own arguments; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}
