import { writeFileSync } from 'node:fs';
import { CliCommand } from '../cli/cli-command';
import { toLabelledCsv } from './labelled-csv';

/** `export corrections`: agents' intent corrections as a `text,label` training CSV (redacted text). */
export const exportCorrectionsCommand: CliCommand = {
  name: 'export corrections',
  description: "Write agents' intent corrections as a text,label CSV (redacted text) for training",
  usage: 'export corrections [--out <file.csv>]',
  async run(args) {
    const { loadConfig } = await import('../config/app-config');
    const { openDatabase, targetFromConfig } = await import('../database/data-source.factory');
    const { HandoffStore } = await import('./handoff.store');
    const dataSource = await openDatabase(targetFromConfig(loadConfig()));
    try {
      const rows = await new HandoffStore(dataSource).corrections();
      const csv = toLabelledCsv(rows);
      const out = args.options.out;
      if (typeof out === 'string' && out) {
        writeFileSync(out, csv);
        return { rows: rows.length, out };
      }
      process.stdout.write(csv);
      return undefined;
    } finally {
      await dataSource.destroy();
    }
  },
};

export const handoffCommands: CliCommand[] = [exportCorrectionsCommand];
