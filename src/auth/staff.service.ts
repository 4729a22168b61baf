import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, NotFoundError, ValidationError } from '../common/domain-error';
import type { StaffPrincipal } from './auth-principal';
import { InvalidCredentialsError } from './auth.errors';
import { STAFF_ROLES, StaffRole, StaffUser } from './entities/staff-user.entity';
import { hashPassword, verifyPassword } from './password-hasher';

/** A staff account as the API and the CLI show it: never the password hash. */
export interface StaffView extends StaffPrincipal {
  active: boolean;
  maxConcurrentChats: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewStaff {
  email: string;
  password: string;
  role: StaffRole;
  name?: string;
  maxConcurrentChats?: number;
}

export interface StaffChanges {
  role?: StaffRole;
  name?: string;
  active?: boolean;
  maxConcurrentChats?: number;
  password?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toView(user: StaffUser): StaffView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    maxConcurrentChats: user.maxConcurrentChats,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** Staff accounts: creation, listing, changes, and the password / token checks of sign-in. */
@Injectable()
export class StaffService {
  constructor(@InjectRepository(StaffUser) private readonly users: Repository<StaffUser>) {}

  count(): Promise<number> {
    return this.users.count();
  }

  async create(input: NewStaff): Promise<StaffView> {
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email)) throw new ValidationError('email is not a valid address');
    if (!STAFF_ROLES.includes(input.role))
      throw new ValidationError(`role must be one of: ${STAFF_ROLES.join(', ')}`);
    if (await this.users.existsBy({ email }))
      throw new ConflictError('EMAIL_TAKEN', `a staff user with email ${email} already exists`);
    const user = this.users.create({
      email,
      name: input.name?.trim() || email.split('@')[0],
      role: input.role,
      passwordHash: await hashPassword(input.password),
      active: true,
      ...(input.maxConcurrentChats !== undefined
        ? { maxConcurrentChats: input.maxConcurrentChats }
        : {}),
    });
    try {
      return toView(await this.users.save(user));
    } catch (error) {
      // Two concurrent creations of one email: the unique index decides.
      if ((error as { code?: string }).code === '23505')
        throw new ConflictError('EMAIL_TAKEN', `a staff user with email ${email} already exists`);
      throw error;
    }
  }

  async list(): Promise<StaffView[]> {
    return (await this.users.find({ order: { createdAt: 'ASC', email: 'ASC' } })).map(toView);
  }

  async update(id: string, changes: StaffChanges): Promise<StaffView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('staff user', id);
    const losesAdmin =
      user.role === 'admin' &&
      user.active &&
      ((changes.role !== undefined && changes.role !== 'admin') || changes.active === false);
    if (losesAdmin) {
      const admins = await this.users.countBy({ role: 'admin', active: true });
      if (admins <= 1)
        throw new ConflictError(
          'LAST_ADMIN',
          'this is the last active admin: create or promote another admin first',
        );
    }
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.name !== undefined) user.name = changes.name.trim();
    if (changes.active !== undefined) user.active = changes.active;
    if (changes.maxConcurrentChats !== undefined)
      user.maxConcurrentChats = changes.maxConcurrentChats;
    if (changes.password !== undefined) user.passwordHash = await hashPassword(changes.password);
    return toView(await this.users.save(user));
  }

  /** The account behind a valid token, or null when it was deleted or deactivated since. */
  async findActive(id: string): Promise<StaffPrincipal | null> {
    const user = await this.users.findOneBy({ id, active: true });
    return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
  }

  /** Password sign-in; inactive accounts fail exactly like wrong passwords. */
  async checkCredentials(email: string, password: string): Promise<StaffPrincipal> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normaliseEmail(email) })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash);
    if (!ok || !user || !user.active) throw new InvalidCredentialsError();
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }
}
