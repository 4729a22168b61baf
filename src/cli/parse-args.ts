import { CliArgs } from './cli-command';

/** `a b --out dir --force` → positional [a, b], options { out: 'dir', force: true }. */
export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word.startsWith('--')) {
      const [key, inline] = word.slice(2).split('=', 2);
      if (inline !== undefined) options[key] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[key] = argv[++i];
      else options[key] = true;
    } else {
      positional.push(word);
    }
  }
  return { positional, options };
}
