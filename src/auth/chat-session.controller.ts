import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { Public } from './auth.decorators';
import { RateLimitedError } from './auth.errors';
import { StartSessionDto } from './dto/start-session.dto';
import { RateLimiter } from './rate-limiter';
import { ShopperTokenService } from './shopper-token.service';

export interface ShopperSession {
  visitorToken: string;
  visitorId: string;
  expiresIn: number;
  /** The verified shop customer id, or null for an anonymous visitor. */
  customerId: string | null;
}

/** The widget's first call: a visitor token for the `/chat` socket.io namespace. */
@ApiTags('chat')
@Controller('api/chat')
export class ChatSessionController {
  private readonly limiter: RateLimiter;

  constructor(
    config: AppConfig,
    private readonly tokens: ShopperTokenService,
  ) {
    this.limiter = new RateLimiter(config.SESSION_RATE_LIMIT);
  }

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Start or refresh a shopper session. A signed-in shopper adds customerId + identitySignature.',
  })
  @ApiOkResponse({ description: '{ visitorToken, visitorId, expiresIn, customerId }' })
  @ApiUnauthorizedResponse({ description: 'VISITOR_TOKEN_INVALID / _EXPIRED, IDENTITY_INVALID' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  start(
    @Body() body: StartSessionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): ShopperSession {
    const retryAfter = this.limiter.hit(`ip:${req.ip ?? 'unknown'}`);
    if (retryAfter > 0) {
      res.setHeader('Retry-After', String(retryAfter));
      throw new RateLimitedError(retryAfter);
    }
    const previous = body.visitorToken
      ? this.tokens.verifyVisitorToken(body.visitorToken)
      : undefined;
    // Identity is never carried over from the old token: the shop vouches again on every start,
    // so a shopper who signed out of the shop is anonymous again.
    if (body.customerId !== undefined)
      this.tokens.verifyIdentity(body.customerId, body.identitySignature ?? '');
    const issued = this.tokens.issueVisitorToken(
      previous?.visitorId,
      body.siteKey ?? previous?.siteKey,
      body.customerId,
    );
    return { ...issued, customerId: body.customerId ?? null };
  }
}
