import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthorizedError } from '../common/domain-error';
import { ApiKeyService } from './api-key.service';
import type { AuthenticatedRequest, StaffPrincipal } from './auth-principal';
import { API_KEY_AUTH, IS_PUBLIC, ROLES } from './auth.decorators';
import type { StaffRole } from './entities/staff-user.entity';
import { StaffAuthService } from './staff-auth.service';

/**
 * Registered as APP_GUARD: every HTTP route needs a staff JWT unless it is `@Public()` or
 * `@ApiKeyAuth()`. The account is re-read on each request so that deactivation and role changes
 * take effect at once, not when the token expires. Socket.io gateways authenticate their own
 * connections (handshake token), so non-HTTP contexts pass through here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly staffAuth: StaffAuthService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);

    if (this.reflector.getAllAndOverride<boolean>(API_KEY_AUTH, targets)) {
      const presented = request.header('x-api-key');
      if (presented !== undefined) {
        const key = await this.apiKeys.authenticate(presented);
        if (!key) throw new UnauthorizedError('API key is not valid or has been revoked');
        request.apiKey = key;
        return true;
      }
      request.staff = await this.authenticateBearer(request);
      this.checkRole(request.staff, roles ?? ['admin']);
      return true;
    }

    request.staff = await this.authenticateBearer(request);
    if (roles) this.checkRole(request.staff, roles);
    return true;
  }

  private authenticateBearer(request: AuthenticatedRequest): Promise<StaffPrincipal> {
    const header = request.header('authorization');
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedError('sign in: an Authorization: Bearer token is required');
    return this.staffAuth.verifyStaffToken(match[1]);
  }

  private checkRole(staff: StaffPrincipal, roles: readonly StaffRole[]): void {
    if (!roles.includes(staff.role))
      throw new ForbiddenError(
        `this action needs the role ${roles.join(' or ')}; your role is ${staff.role}`,
      );
  }
}
