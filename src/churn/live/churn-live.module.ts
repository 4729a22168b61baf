import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth';
import { SignalsModule } from '../../signals/signals.module';
import { ChurnController } from './churn.controller';
import { ChurnNightlyScheduler } from './churn-nightly.scheduler';
import { ChurnScoreProcessor } from './churn-score.processor';
import { ChurnScoringService } from './churn-scoring.service';

/**
 * Live churn scoring: the `churn-score` processor, the nightly rescoring, stored scores with
 * history and the at-risk / per-customer endpoints. Other features use `ChurnScoringService`.
 */
@Module({
  imports: [AuthModule, SignalsModule],
  controllers: [ChurnController],
  providers: [ChurnScoringService, ChurnScoreProcessor, ChurnNightlyScheduler],
  exports: [ChurnScoringService],
})
export class ChurnLiveModule {}
