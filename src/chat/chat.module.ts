import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommerceModule } from '../commerce/commerce.module';
import { NluModule } from '../nlu/nlu.module';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { ChatEvents } from './chat-events';
import { ChatMetrics } from './chat-metrics';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationService } from './conversation.service';
import { ConversationStore } from './conversation.store';

@Module({
  imports: [AuthModule, CommerceModule, NluModule, RetrievalModule],
  controllers: [ChatController],
  providers: [
    ChatMetrics,
    ConversationStore,
    ConversationService,
    ConversationQueryService,
    ChatEvents,
    ChatGateway,
  ],
  exports: [ConversationService, ConversationQueryService, ChatEvents],
})
export class ChatModule {}
