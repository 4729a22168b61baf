import { Logger } from '@nestjs/common';
import { ConflictError } from '../common/domain-error';
import { loadConfig } from '../config/app-config';
import { AdminBootstrapService } from './admin-bootstrap.service';
import type { NewStaff, StaffService } from './staff.service';

function fakeStaff(existing: number, create?: (input: NewStaff) => Promise<unknown>) {
  const created: NewStaff[] = [];
  const service = {
    count: async () => existing,
    create: async (input: NewStaff) => {
      created.push(input);
      return create ? create(input) : { email: input.email };
    },
  } as unknown as StaffService;
  return { service, created };
}

const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'prod-jwt-secret-0123456789abcdef',
  IDENTITY_SECRET: 'prod-identity-secret-0123456789',
};

describe('AdminBootstrapService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('creates the configured admin on an empty database and never logs the password', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const { service, created } = fakeStaff(0);
    const config = loadConfig({ ADMIN_EMAIL: 'boss@shop.example', ADMIN_PASSWORD: 'p4ss-word-x' });
    await new AdminBootstrapService(config, service).onApplicationBootstrap();
    expect(created).toEqual([
      expect.objectContaining({
        email: 'boss@shop.example',
        role: 'admin',
        password: 'p4ss-word-x',
      }),
    ]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.mock.calls)).not.toContain('p4ss-word-x');
  });

  it('does nothing once any staff user exists', async () => {
    const { service, created } = fakeStaff(1);
    await new AdminBootstrapService(loadConfig({}), service).onApplicationBootstrap();
    expect(created).toEqual([]);
  });

  it('refuses the built-in default password in production with a clear error', async () => {
    const { service, created } = fakeStaff(0);
    await expect(
      new AdminBootstrapService(loadConfig(production), service).onApplicationBootstrap(),
    ).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(created).toEqual([]);
  });

  it('accepts an explicit password in production', async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const { service, created } = fakeStaff(0);
    const config = loadConfig({ ...production, ADMIN_PASSWORD: 'a-real-secret-pass' });
    await new AdminBootstrapService(config, service).onApplicationBootstrap();
    expect(created).toHaveLength(1);
  });

  it('tolerates another instance creating the admin at the same moment', async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const { service } = fakeStaff(0, () =>
      Promise.reject(new ConflictError('EMAIL_TAKEN', 'exists')),
    );
    await expect(
      new AdminBootstrapService(loadConfig({}), service).onApplicationBootstrap(),
    ).resolves.toBeUndefined();
  });
});
