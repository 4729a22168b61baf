import { Module } from '@nestjs/common';
import { ANSWER_PROVIDER } from '../dialogue/answer-provider';
import { NluModule } from '../nlu/nlu.module';
import { RetrievalService } from './retrieval.service';
import { TemplateService } from './template.service';
import { TemplatesController } from './templates.controller';

@Module({
  imports: [NluModule],
  controllers: [TemplatesController],
  providers: [
    RetrievalService,
    TemplateService,
    { provide: ANSWER_PROVIDER, useExisting: RetrievalService },
  ],
  exports: [RetrievalService, TemplateService, ANSWER_PROVIDER],
})
export class RetrievalModule {}
