/** What other features use from auth: decorators for routes, principals, token services. */
export { ApiKeyAuth, CurrentApiKey, CurrentStaff, Public, Roles } from './auth.decorators';
export type { ApiKeyPrincipal, AuthenticatedRequest, StaffPrincipal } from './auth-principal';
export { STAFF_ROLES } from './entities/staff-user.entity';
export type { StaffRole } from './entities/staff-user.entity';
export { AuthModule } from './auth.module';
export { StaffTokenService } from './staff-token.service';
