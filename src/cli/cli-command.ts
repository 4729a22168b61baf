/** Parsed command line: positional words after the command name and `--flag value` options. */
export interface CliArgs {
  positional: string[];
  options: Record<string, string | boolean>;
}

/**
 * One `npm run cli -- <name> …` command. `run` returns a JSON-serialisable summary that the CLI
 * prints on stdout; human progress goes to stderr.
 */
export interface CliCommand {
  /** One or two words, e.g. `train intent`, `seed demo`. */
  name: string;
  description: string;
  usage?: string;
  run(args: CliArgs): Promise<unknown>;
}

export class CliUsageError extends Error {
  readonly code = 'CLI_USAGE';
}

export function requireOption(args: CliArgs, name: string): string {
  const value = args.options[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new CliUsageError(`missing required option --${name}`);
  }
  return value;
}

export function optionalNumber(args: CliArgs, name: string, fallback: number): number {
  const value = args.options[name];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(parsed)) {
    throw new CliUsageError(`--${name} must be a number`);
  }
  return parsed;
}
