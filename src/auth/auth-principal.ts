import type { Request } from 'express';
import type { StaffRole } from './entities/staff-user.entity';

/** The signed-in staff member as handlers see it (`@CurrentStaff()`); never carries the hash. */
export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

/** The shop backend calling with `x-api-key` (`@CurrentApiKey()`). */
export interface ApiKeyPrincipal {
  id: string;
  name: string;
}

/** What the global guard attaches to the request: exactly one of the two is set. */
export interface AuthenticatedRequest extends Request {
  staff?: StaffPrincipal;
  apiKey?: ApiKeyPrincipal;
}
