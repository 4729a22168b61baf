import { CliCommand, CliUsageError, optionalNumber, requireOption } from '../cli/cli-command';
import { STAFF_ROLES, StaffRole } from './entities/staff-user.entity';

/** `user create`: a staff account without starting the HTTP server (e.g. a lost admin). */
export const createUserCommand: CliCommand = {
  name: 'user create',
  description: 'Create a staff user (admin, manager or agent) in the configured database',
  usage:
    'user create --email <email> --password <password> --role admin|manager|agent [--name <name>] [--max-chats N]',
  async run(args) {
    const email = requireOption(args, 'email');
    const password = requireOption(args, 'password');
    const role = requireOption(args, 'role') as StaffRole;
    if (!STAFF_ROLES.includes(role))
      throw new CliUsageError(`--role must be one of: ${STAFF_ROLES.join(', ')}`);
    const name = args.options.name;
    if (name !== undefined && typeof name !== 'string')
      throw new CliUsageError('--name needs a value');
    const maxChats = optionalNumber(args, 'max-chats', 3);
    // Loaded here so that commands which never touch the database do not pay for its drivers.
    const { loadConfig } = await import('../config/app-config');
    const { openDatabase, targetFromConfig } = await import('../database/data-source.factory');
    const { StaffUser } = await import('./entities/staff-user.entity');
    const { StaffService } = await import('./staff.service');
    const dataSource = await openDatabase(targetFromConfig(loadConfig()));
    try {
      const staff = new StaffService(dataSource.getRepository(StaffUser));
      return await staff.create({ email, password, role, name, maxConcurrentChats: maxChats });
    } finally {
      await dataSource.destroy();
    }
  },
};

export const authCommands: CliCommand[] = [createUserCommand];
