import { CliCommand } from '../cli/cli-command';

/**
 * `npm run cli -- index rebuild`: re-encodes every active answer template with the installed
 * intent model and writes a fresh index under DATA_DIR. A running server keeps its in-memory
 * index until it restarts (it then loads this one).
 */
export const retrievalCommands: CliCommand[] = [
  {
    name: 'index rebuild',
    usage: 'index rebuild',
    description: 're-encode all active answer templates into a new HNSW index under DATA_DIR',
    async run() {
      // Loaded lazily so that other commands do not open the database or the model.
      const { loadConfig } = await import('../config/app-config');
      const { openDatabase, targetFromConfig } = await import('../database/data-source.factory');
      const { HealthRegistry } = await import('../health/health-registry');
      const { NluService } = await import('../nlu/nlu.service');
      const { RetrievalService } = await import('./retrieval.service');
      const config = loadConfig();
      const dataSource = await openDatabase(targetFromConfig(config));
      const nlu = new NluService(config);
      try {
        const retrieval = new RetrievalService(dataSource, nlu, config, new HealthRegistry());
        process.stderr.write('rebuilding the template index…\n');
        const result = await retrieval.rebuild();
        return { ...result, indexDir: retrieval.indexDir };
      } finally {
        await nlu.onModuleDestroy();
        await dataSource.destroy();
      }
    },
  },
];
