import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { ApiKeyService } from './api-key.service';
import { ApiKeysController } from './api-keys.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { ChatSessionController } from './chat-session.controller';
import { ApiKey } from './entities/api-key.entity';
import { StaffUser } from './entities/staff-user.entity';
import { LoginService } from './login.service';
import { ShopperTokenService } from './shopper-token.service';
import { StaffAuthService } from './staff-auth.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { StaffTokenService } from './staff-token.service';

/**
 * Staff accounts, API keys and shopper tokens. Global so that any feature can inject the token
 * services (the chat and agent gateways) without importing this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([StaffUser, ApiKey])],
  controllers: [AuthController, StaffController, ApiKeysController, ChatSessionController],
  providers: [
    StaffService,
    StaffTokenService,
    StaffAuthService,
    ShopperTokenService,
    ApiKeyService,
    LoginService,
    AdminBootstrapService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [StaffService, StaffAuthService, ShopperTokenService, ApiKeyService],
})
export class AuthModule {}
