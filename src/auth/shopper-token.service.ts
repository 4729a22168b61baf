import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ValidationError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { IdentityVerificationError, VisitorTokenError } from './auth.errors';
import { SignedTokenCodec, TokenRejected } from './signed-token-codec';

/** What a genuine visitor token says about the shopper holding it. */
export interface VisitorIdentity {
  visitorId: string;
  siteKey?: string;
  /** The shop's own customer id, present only when the shop backend vouched for it (HMAC). */
  customerId?: string;
  expiresAt: Date;
}

export interface IssuedVisitorToken {
  visitorToken: string;
  visitorId: string;
  expiresIn: number;
}

const VISITOR_ID = /^[A-Za-z0-9_-]{1,100}$/;
const SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * Shopper-side credentials: long-lived visitor tokens (anonymous unless the shop backend vouched
 * for the customer id) and identity verification of that vouching. Visitor tokens are signed with
 * a key and audience of their own, so they never pass as staff tokens and vice versa.
 */
@Injectable()
export class ShopperTokenService {
  private readonly codec: SignedTokenCodec;

  constructor(private readonly config: AppConfig) {
    this.codec = new SignedTokenCodec(
      config.JWT_SECRET,
      'visitor',
      config.VISITOR_TOKEN_TTL_SECONDS,
    );
  }

  /** A new token for `visitorId` (a fresh random id when absent). */
  issueVisitorToken(
    visitorId: string = randomUUID(),
    siteKey?: string,
    customerId?: string,
  ): IssuedVisitorToken {
    if (!VISITOR_ID.test(visitorId))
      throw new ValidationError('visitorId must be 1–100 letters, digits, _ or -');
    const claims: Record<string, string> = {};
    if (siteKey !== undefined) claims.siteKey = siteKey;
    if (customerId !== undefined) claims.customerId = customerId;
    return {
      visitorToken: this.codec.sign(visitorId, claims),
      visitorId,
      expiresIn: this.config.VISITOR_TOKEN_TTL_SECONDS,
    };
  }

  /** The shopper behind a genuine, unexpired visitor token; VisitorTokenError otherwise. */
  verifyVisitorToken(token: string): VisitorIdentity {
    let claims: { sub: string; exp: number; siteKey?: unknown; customerId?: unknown };
    try {
      claims = this.codec.verify(token);
    } catch (error) {
      if (error instanceof TokenRejected && error.reason === 'expired')
        throw new VisitorTokenError('VISITOR_TOKEN_EXPIRED', 'visitor token has expired');
      throw new VisitorTokenError('VISITOR_TOKEN_INVALID', 'visitor token is not valid');
    }
    const identity: VisitorIdentity = {
      visitorId: claims.sub,
      expiresAt: new Date(claims.exp * 1000),
    };
    if (typeof claims.siteKey === 'string') identity.siteKey = claims.siteKey;
    if (typeof claims.customerId === 'string') identity.customerId = claims.customerId;
    return identity;
  }

  /**
   * Checks the shop backend's `hex(HMAC-SHA256(IDENTITY_SECRET, customerId))` in constant time;
   * throws IdentityVerificationError when it does not match.
   */
  verifyIdentity(customerId: string, signature: string): void {
    if (!customerId || !SIGNATURE.test(signature)) throw new IdentityVerificationError();
    const expected = createHmac('sha256', this.config.IDENTITY_SECRET)
      .update(customerId, 'utf8')
      .digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
      throw new IdentityVerificationError();
  }
}
