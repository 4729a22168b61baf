import 'reflect-metadata';
import { CliCommand, CliUsageError } from './cli/cli-command';
import { loadCommands } from './cli/commands';
import { parseArgs } from './cli/parse-args';

function usage(commands: CliCommand[]): string {
  const lines = commands.map((c) => `  ${(c.usage ?? c.name).padEnd(60)} ${c.description}`);
  return ['usage: npm run cli -- <command> [options]', '', 'commands:', ...lines].join('\n');
}

/** Finds the longest command name that prefixes the positional words (`train intent …`). */
function resolve(
  commands: CliCommand[],
  words: string[],
): { command: CliCommand; rest: string[] } | undefined {
  for (const take of [3, 2, 1]) {
    const name = words.slice(0, take).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: words.slice(take) };
  }
  return undefined;
}

async function main(): Promise<number> {
  const commands = loadCommands();
  const args = parseArgs(process.argv.slice(2));
  const found = resolve(commands, args.positional);
  if (!found || args.options.help) {
    process.stderr.write(usage(commands) + '\n');
    return found || args.positional.length === 0 ? 0 : 2;
  }
  try {
    const result = await found.command.run({ positional: found.rest, options: args.options });
    if (result !== undefined) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (error) {
    const err = error as Error & { code?: string };
    process.stderr.write(`error${err.code ? ` [${err.code}]` : ''}: ${err.message}\n`);
    if (error instanceof CliUsageError)
      process.stderr.write(`usage: npm run cli -- ${found.command.usage ?? found.command.name}\n`);
    return error instanceof CliUsageError ? 2 : 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`fatal: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
