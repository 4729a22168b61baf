import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, ConfigError } from '../config/app-config';
import { ConflictError } from '../common/domain-error';
import { StaffService } from './staff.service';

/**
 * A fresh installation gets one admin from ADMIN_EMAIL / ADMIN_PASSWORD so that somebody can sign
 * in; afterwards those variables are ignored. Production refuses the documented default password.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly config: AppConfig,
    private readonly staff: StaffService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password || (await this.staff.count()) > 0) return;
    if (this.config.NODE_ENV === 'production' && password === new AppConfig().ADMIN_PASSWORD) {
      throw new ConfigError(
        'invalid configuration: ADMIN_PASSWORD is the built-in default; set your own to create the first admin in production',
      );
    }
    try {
      const admin = await this.staff.create({ email, password, role: 'admin', name: 'Admin' });
      this.logger.log(`created the first admin ${admin.email} from ADMIN_EMAIL`);
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
