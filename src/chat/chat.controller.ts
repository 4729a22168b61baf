import { Controller, Get, Headers, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth';
import { ShopperTokenService } from '../auth/shopper-token.service';
import { UnauthorizedError } from '../common/domain-error';
import { CommerceService } from '../commerce/commerce.service';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationService } from './conversation.service';
import { ListConversationsDto } from './dto/list-conversations.dto';

@ApiTags('chat')
@Controller('api')
export class ChatController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly queries: ConversationQueryService,
    private readonly tokens: ShopperTokenService,
    private readonly commerce: CommerceService,
  ) {}

  @Public()
  @Get('chat/conversations/:id/transcript')
  @ApiOperation({
    summary: 'The transcript as the shopper sees it (visitor token in x-visitor-token).',
  })
  @ApiHeader({ name: 'x-visitor-token', required: true })
  async shopperTranscript(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('x-visitor-token') token?: string,
  ) {
    if (!token) throw new UnauthorizedError('x-visitor-token header is required');
    const visitor = this.tokens.verifyVisitorToken(token);
    const customer = visitor.customerId
      ? await this.commerce.getCustomerByExternalId(visitor.customerId)
      : null;
    await this.conversations.owned(
      {
        visitorId: visitor.visitorId,
        customerId: customer?.id ?? null,
        firstName: null,
        siteKey: visitor.siteKey ?? null,
      },
      id,
    );
    return { conversationId: id, messages: await this.conversations.transcript(id) };
  }

  @Roles('admin', 'manager', 'agent')
  @Get('conversations')
  @ApiOperation({
    summary: 'Conversations filtered by status, intent, date range and rating (newest first).',
  })
  list(@Query() filter: ListConversationsDto) {
    return this.queries.list(filter);
  }

  @Roles('admin', 'manager', 'agent')
  @Get('conversations/:id')
  @ApiOperation({
    summary: 'Full transcript for staff: understanding per message and internal notes.',
  })
  transcript(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.transcript(id);
  }
}
