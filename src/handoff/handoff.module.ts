import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { ChurnLiveModule } from '../churn/live/churn-live.module';
import { CommerceModule } from '../commerce/commerce.module';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { SignalsModule } from '../signals/signals.module';
import { AgentContextService } from './agent-context.service';
import { AgentGateway } from './agent.gateway';
import { ConsoleController } from './console.controller';
import { HandoffController } from './handoff.controller';
import { HandoffNotifier } from './handoff-notifier';
import { HandoffService } from './handoff.service';
import { HandoffStore } from './handoff.store';

/** Escalation queue, agent presence and assignment, the /agent namespace and the agent console. */
@Module({
  imports: [ChatModule, ChurnLiveModule, CommerceModule, RetrievalModule, SignalsModule],
  controllers: [HandoffController, ConsoleController],
  providers: [HandoffStore, HandoffNotifier, HandoffService, AgentContextService, AgentGateway],
  exports: [HandoffService],
})
export class HandoffModule {}
