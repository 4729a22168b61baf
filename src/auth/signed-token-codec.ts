import { createSecretKey, hkdfSync, KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

const ISSUER = 'concierge';

/** Why a token was refused; callers turn it into their own typed error. */
export type TokenFailure = 'expired' | 'invalid';

export class TokenRejected extends Error {
  constructor(readonly reason: TokenFailure) {
    super(`token ${reason}`);
  }
}

/**
 * HS256 JWTs of one kind (staff or visitor). Each kind signs with its own key derived from the
 * one configured secret and carries its own audience and `kind` claim, so a token of one kind
 * fails the signature check, the audience check and the kind check of the other.
 */
export class SignedTokenCodec {
  private readonly jwt = new JwtService();
  /**
   * A KeyObject, not a Buffer: given raw bytes, jsonwebtoken first tries to parse them as a
   * PEM/DER private (sign) or public (verify) key and catches the failure — an exception per
   * token, most of the cost of a handshake. (@nestjs/jwt's types say Buffer; it passes the key
   * through unchanged.)
   */
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly kind: 'staff' | 'visitor',
    private readonly ttlSeconds: number,
  ) {
    const secretKey: KeyObject = createSecretKey(
      Buffer.from(hkdfSync('sha256', secret, ISSUER, `${kind}-token`, 32)),
    );
    this.key = secretKey as unknown as Buffer;
  }

  get audience(): string {
    return `${ISSUER}:${this.kind}`;
  }

  sign(subject: string, claims: Record<string, unknown> = {}): string {
    return this.jwt.sign(
      { ...claims, kind: this.kind },
      {
        secret: this.key,
        algorithm: 'HS256',
        expiresIn: this.ttlSeconds,
        audience: this.audience,
        issuer: ISSUER,
        subject,
      },
    );
  }

  /** Claims of a genuine, unexpired token of this kind; throws TokenRejected otherwise. */
  verify<T extends object>(token: string): T & { sub: string; exp: number } {
    let claims: T & { sub?: unknown; exp: number; kind?: unknown };
    try {
      claims = this.jwt.verify(token, {
        secret: this.key,
        algorithms: ['HS256'],
        audience: this.audience,
        issuer: ISSUER,
      });
    } catch (error) {
      throw new TokenRejected(
        (error as Error).name === 'TokenExpiredError' ? 'expired' : 'invalid',
      );
    }
    if (claims.kind !== this.kind || typeof claims.sub !== 'string' || claims.sub === '') {
      throw new TokenRejected('invalid');
    }
    return claims as T & { sub: string; exp: number };
  }
}
