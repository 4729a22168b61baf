import { CliCommand, CliUsageError, requireOption } from '../cli/cli-command';

/** `npm run cli -- signals replay --since <date>`: recompute profiles from the event table. */
export const signalsCommands: CliCommand[] = [
  {
    name: 'signals replay',
    usage: 'signals replay --since <ISO date>',
    description:
      'recompute the profiles of customers with events since the date from behaviour_events',
    async run(args) {
      const since = new Date(requireOption(args, 'since'));
      if (Number.isNaN(since.getTime()))
        throw new CliUsageError('--since must be a date such as 2026-01-31');
      // Loaded lazily so that other commands do not open the database.
      const { loadConfig } = await import('../config/app-config');
      const { openDatabase, targetFromConfig } = await import('../database/data-source.factory');
      const { replayProfiles } = await import('./profile-replay');
      const dataSource = await openDatabase(targetFromConfig(loadConfig()));
      try {
        process.stderr.write(`replaying behaviour events since ${since.toISOString()}…\n`);
        return await replayProfiles(dataSource, since);
      } finally {
        await dataSource.destroy();
      }
    },
  },
  {
    name: 'signals backfill-orders',
    usage: 'signals backfill-orders',
    description:
      'write the behaviour events of orders stored before order writes recorded them (after an upgrade)',
    async run() {
      const { loadConfig } = await import('../config/app-config');
      const { openDatabase, targetFromConfig } = await import('../database/data-source.factory');
      const { backfillOrderEvents } = await import('./order-backfill');
      const dataSource = await openDatabase(targetFromConfig(loadConfig()));
      try {
        process.stderr.write('writing the behaviour events of stored orders…\n');
        return await backfillOrderEvents(dataSource);
      } finally {
        await dataSource.destroy();
      }
    },
  },
];
