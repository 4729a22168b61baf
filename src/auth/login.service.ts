import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { StaffPrincipal } from './auth-principal';
import { RateLimitedError } from './auth.errors';
import { RateLimiter } from './rate-limiter';
import { normaliseEmail, StaffService } from './staff.service';
import { StaffTokenService } from './staff-token.service';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: StaffPrincipal;
}

/** Password sign-in, limited per client IP and per email (a spread-out guess still hits one). */
@Injectable()
export class LoginService {
  private readonly limiter: RateLimiter;

  constructor(
    config: AppConfig,
    private readonly staff: StaffService,
    private readonly tokens: StaffTokenService,
  ) {
    this.limiter = new RateLimiter(config.LOGIN_RATE_LIMIT);
  }

  async login(email: string, password: string, clientIp: string): Promise<LoginResult> {
    const retryAfter = this.limiter.hit(`ip:${clientIp}`, `email:${normaliseEmail(email)}`);
    if (retryAfter > 0) throw new RateLimitedError(retryAfter);
    const user = await this.staff.checkCredentials(email, password);
    return { ...this.tokens.issue(user), tokenType: 'Bearer', user };
  }
}
