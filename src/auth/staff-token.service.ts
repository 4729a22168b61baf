import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { StaffRole } from './entities/staff-user.entity';
import { SignedTokenCodec } from './signed-token-codec';

/** Signs and checks staff access tokens (signature, audience, expiry only; not the account). */
@Injectable()
export class StaffTokenService {
  private readonly codec: SignedTokenCodec;

  constructor(private readonly config: AppConfig) {
    this.codec = new SignedTokenCodec(config.JWT_SECRET, 'staff', config.JWT_TTL_SECONDS);
  }

  issue(staff: { id: string; role: StaffRole }): { accessToken: string; expiresIn: number } {
    return {
      accessToken: this.codec.sign(staff.id, { role: staff.role }),
      expiresIn: this.config.JWT_TTL_SECONDS,
    };
  }

  /** The staff id inside a genuine staff token; throws TokenRejected otherwise. */
  verify(token: string): string {
    return this.codec.verify<{ role: string }>(token).sub;
  }
}
