import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { StaffRole } from './entities/staff-user.entity';
import type { ApiKeyPrincipal, AuthenticatedRequest, StaffPrincipal } from './auth-principal';

export const IS_PUBLIC = 'auth:public';
export const API_KEY_AUTH = 'auth:api-key';
export const ROLES = 'auth:roles';

/** No authentication at all (health, metrics, shopper session start). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * For the shop's backend: a valid `x-api-key` header passes; so does a staff JWT whose role is
 * in `@Roles(...)` on the same route (admin only when no `@Roles` is given).
 */
export const ApiKeyAuth = () =>
  applyDecorators(
    SetMetadata(API_KEY_AUTH, true),
    ApiSecurity('api-key'),
    ApiBearerAuth('staff'),
    ApiUnauthorizedResponse({ description: 'missing, wrong or revoked API key / token' }),
  );

/** Staff JWT whose role is one of `roles` (any signed-in role when the decorator is absent). */
export const Roles = (...roles: StaffRole[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiBearerAuth('staff'),
    ApiUnauthorizedResponse({ description: 'missing, invalid or expired token' }),
    ApiForbiddenResponse({ description: `role must be one of: ${roles.join(', ')}` }),
  );

/** The signed-in staff member; `undefined` on a route reached with an API key. */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().staff,
);

/** The API key that authenticated the call; `undefined` when a staff JWT was used. */
export const CurrentApiKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ApiKeyPrincipal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().apiKey,
);
