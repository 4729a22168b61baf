import { Module } from '@nestjs/common';
import { NluService } from './nlu.service';

/** Shopper-message understanding (intent, out-of-scope, entities, sentiment, vector). */
@Module({
  providers: [NluService],
  exports: [NluService],
})
export class NluModule {}
