import { Module } from '@nestjs/common';
import { ANSWER_PROVIDER } from '../dialogue/answer-provider';
import { NluModule } from '../nlu/nlu.module';
import { RetrievalService } from './retrieval.service';

@Module({
  imports: [NluModule],
  providers: [RetrievalService, { provide: ANSWER_PROVIDER, useExisting: RetrievalService }],
  exports: [RetrievalService, ANSWER_PROVIDER],
})
export class RetrievalModule {}
