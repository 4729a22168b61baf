import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiKeyAuth,
  Public,
  RateLimitedError,
  RateLimiter,
  Roles,
  ShopperTokenService,
  VisitorTokenError,
} from '../auth';
import { AppConfig } from '../config/app-config';
import { ValidationError } from '../common/domain-error';
import { EVENT_CATALOGUE, STOREFRONT_TYPES } from './event-catalogue';
import { EVENT_BATCH_LIMIT, EventIngestService, IngestResult } from './event-ingest.service';
import { CustomerProfileView, ProfileService } from './profile.service';

/** Events one `track()` request may carry (the widget batches a few at most). */
const TRACK_LIMIT = 50;

function eventsOf(body: unknown): unknown[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new ValidationError('body must be { events: [...] }');
  return events;
}

@ApiTags('signals')
@Controller('api')
export class SignalsController {
  private readonly trackLimiter: RateLimiter;

  constructor(
    private readonly ingest: EventIngestService,
    private readonly profiles: ProfileService,
    private readonly tokens: ShopperTokenService,
    config: AppConfig,
  ) {
    this.trackLimiter = new RateLimiter(config.SIGNALS_TRACK_PER_MINUTE);
  }

  @Post('events/batch')
  @ApiKeyAuth()
  @ApiOperation({
    summary: `Store up to ${EVENT_BATCH_LIMIT} behaviour events, all or nothing (API key).`,
    description: `Each event: { id (uuid), type, customerId | customerExternalId, visitorId?, occurredAt?, payload }. Types: ${Object.keys(EVENT_CATALOGUE).join(', ')}. A bad event fails the request with its index in error.details.index; an id already stored is ignored (counted in duplicates).`,
  })
  @ApiCreatedResponse({ description: '{ accepted, duplicates }' })
  @ApiPayloadTooLargeResponse({
    description: `EVENT_BATCH_TOO_LARGE: more than ${EVENT_BATCH_LIMIT} events`,
  })
  batch(@Body() body: unknown): Promise<IngestResult> {
    return this.ingest.ingest(eventsOf(body), { sources: ['chat', 'storefront', 'shop'] });
  }

  @Post('events/track')
  @Public()
  @ApiOperation({
    summary: 'Storefront events from the widget’s track() (header x-visitor-token).',
    description: `Up to ${TRACK_LIMIT} events of types ${STOREFRONT_TYPES.join(', ')}; rate-limited per visitor.`,
  })
  @ApiCreatedResponse({ description: '{ accepted, duplicates }' })
  track(
    @Headers('x-visitor-token') token: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult> {
    if (!token) throw new VisitorTokenError('VISITOR_TOKEN_INVALID', 'x-visitor-token is required');
    const visitor = this.tokens.verifyVisitorToken(token);
    const retryAfter = this.trackLimiter.hit(visitor.visitorId);
    if (retryAfter > 0) throw new RateLimitedError(retryAfter);
    const events = eventsOf(body);
    if (events.length > TRACK_LIMIT)
      throw new ValidationError(`at most ${TRACK_LIMIT} events per track request`);
    return this.ingest.ingest(events, {
      sources: ['storefront'],
      visitorId: visitor.visitorId,
      customerExternalId: visitor.customerId,
    });
  }

  @Get('customers/:id/profile')
  @Roles('agent', 'manager', 'admin')
  @ApiOperation({
    summary: 'Behaviour profile and lifecycle stage of a customer (id or externalId; staff).',
  })
  @ApiOkResponse({ description: 'CustomerProfileView' })
  profile(@Param('id') id: string): Promise<CustomerProfileView> {
    return this.profiles.getProfile(id);
  }
}
