import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { IngestionService } from '../ingestion.service';
import { DemoSeeder, SeedSummary } from './demo-seeder';

/** Loads the demo shop at start: SEED_DEMO=auto when there are no products, =true always (idempotent). */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('demo-seed');
  private readonly seeder: DemoSeeder;

  constructor(
    private readonly config: AppConfig,
    dataSource: DataSource,
    ingestion: IngestionService,
  ) {
    this.seeder = new DemoSeeder(dataSource, ingestion);
  }

  async onApplicationBootstrap(): Promise<void> {
    const mode = this.config.SEED_DEMO;
    if (mode === 'false') return;
    if (mode === 'auto' && !(await this.seeder.catalogueIsEmpty())) return;
    const summary = await this.seeder.seed();
    if (summary.loaded) {
      this.logger.log({
        msg: 'demo shop loaded',
        products: summary.products,
        customers: summary.customers,
        orders: summary.orders,
        ms: summary.ms,
      });
    }
  }

  seed(options: { reset?: boolean } = {}): Promise<SeedSummary> {
    return this.seeder.seed(options);
  }
}
