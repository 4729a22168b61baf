import { Injectable } from '@nestjs/common';
import { UnauthorizedError } from '../common/domain-error';
import type { StaffPrincipal } from './auth-principal';
import { TokenRejected } from './signed-token-codec';
import { StaffService } from './staff.service';
import { StaffTokenService } from './staff-token.service';

/**
 * Turns a staff access token into the current account. Used by the HTTP guard and by the
 * `/agent` socket.io gateway (handshake `auth.token`), so both refuse the same tokens.
 */
@Injectable()
export class StaffAuthService {
  constructor(
    private readonly tokens: StaffTokenService,
    private readonly staff: StaffService,
  ) {}

  /**
   * The active account behind a genuine, unexpired staff token. Throws UnauthorizedError for a
   * forged, expired or visitor token, or an account deactivated since the token was issued.
   */
  async verifyStaffToken(token: string): Promise<StaffPrincipal> {
    let staffId: string;
    try {
      staffId = this.tokens.verify(token);
    } catch (error) {
      if (error instanceof TokenRejected && error.reason === 'expired')
        throw new UnauthorizedError('your session has expired: sign in again');
      throw new UnauthorizedError('access token is not valid');
    }
    const principal = await this.staff.findActive(staffId);
    if (!principal) throw new UnauthorizedError('this staff account is no longer active');
    return principal;
  }
}
