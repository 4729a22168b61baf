/**
 * What other features use from auth: route decorators, principals, and the services the
 * socket.io gateways need (`ShopperTokenService` for /chat, `StaffAuthService` for /agent).
 */
export { ApiKeyAuth, CurrentApiKey, CurrentStaff, Public, Roles } from './auth.decorators';
export type { ApiKeyPrincipal, AuthenticatedRequest, StaffPrincipal } from './auth-principal';
export {
  IdentityVerificationError,
  InvalidCredentialsError,
  RateLimitedError,
  VisitorTokenError,
} from './auth.errors';
export { STAFF_ROLES } from './entities/staff-user.entity';
export type { StaffRole } from './entities/staff-user.entity';
export { AuthModule } from './auth.module';
export { RateLimiter } from './rate-limiter';
export { ShopperTokenService } from './shopper-token.service';
export type { IssuedVisitorToken, VisitorIdentity } from './shopper-token.service';
export { StaffAuthService } from './staff-auth.service';
export { StaffService } from './staff.service';
export type { StaffView } from './staff.service';
