import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { CommerceModule } from './commerce/commerce.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HandoffModule } from './handoff/handoff.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueueModule } from './queue/queue.module';
import { RetrievalModule } from './retrieval/retrieval.module';
import { SignalsModule } from './signals/signals.module';
import { StorefrontModule } from './storefront/storefront.module';
import { ChurnLiveModule } from './churn/live/churn-live.module';

/** Root module. Feature modules are listed in `featureModules` so the worker can reuse them. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        MetricsModule,
        HealthModule,
        QueueModule,
        ...featureModules(),
      ],
    };
  }
}

export function featureModules() {
  return [
    AuthModule,
    CommerceModule,
    RetrievalModule,
    ChatModule,
    StorefrontModule,
    HandoffModule,
    SignalsModule,
    ChurnLiveModule,
  ];
}
