import { CliCommand } from '../../cli/cli-command';

/** `npm run cli -- seed demo [--reset]`: loads the demo shop into the configured database. */
export const demoCommands: CliCommand[] = [
  {
    name: 'seed demo',
    usage: 'seed demo [--reset]',
    description: 'load the demo shop (240 products, 500 customers, ~5,000 orders); idempotent',
    async run(args) {
      // Loaded lazily so that other commands do not open the database.
      const { loadConfig } = await import('../../config/app-config');
      const { openDatabase, targetFromConfig } = await import('../../database/data-source.factory');
      const { IngestionService } = await import('../ingestion.service');
      const { ProductRepository } = await import('../repositories/product.repository');
      const { CustomerRepository } = await import('../repositories/customer.repository');
      const { OrderRepository } = await import('../repositories/order.repository');
      const { DemoSeeder } = await import('./demo-seeder');
      const dataSource = await openDatabase(targetFromConfig(loadConfig()));
      try {
        const ingestion = new IngestionService(
          dataSource,
          new ProductRepository(dataSource),
          new CustomerRepository(dataSource),
          new OrderRepository(dataSource),
        );
        process.stderr.write('seeding the demo shop…\n');
        return await new DemoSeeder(dataSource, ingestion).seed({
          reset: args.options.reset === true,
        });
      } finally {
        await dataSource.destroy();
      }
    },
  },
];
