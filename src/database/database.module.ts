import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, openDatabase, targetFromConfig } from './data-source.factory';

/**
 * PGlite under DATA_DIR by default, PostgreSQL when DATABASE_URL is set. Pending migrations are
 * applied before the app serves anything.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => buildDataSourceOptions(targetFromConfig(config)),
      dataSourceFactory: (options) => openDatabase(options as DataSourceOptions),
    }),
  ],
})
export class DatabaseModule {}
