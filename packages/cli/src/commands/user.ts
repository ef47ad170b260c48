import type { Command } from 'commander';
import type { Role, UserRecord } from '@hsmlab/client';
import { UsageError } from '../cli-errors';
import { action, requireValue, type CommandContext } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import { readCredentialsFile, writeCredentialsFile } from '../lab-files';
import type { Column } from '../output';

const ROLES: Record<string, Role> = {
  'crypto-user': 'crypto-user',
  cu: 'crypto-user',
  'crypto-officer': 'crypto-officer',
  co: 'crypto-officer',
  admin: 'crypto-officer',
};

const USER_COLUMNS: readonly Column<UserRecord>[] = [
  { header: 'USERNAME', value: (u) => u.username },
  { header: 'ROLE', value: (u) => u.role },
  { header: 'ACTIVATED', value: (u) => u.activated },
  { header: 'LOCKED', value: (u) => u.locked },
  { header: 'FAILED LOGINS', value: (u) => u.failedLogins },
];

interface UserOptions {
  username?: string;
  role?: string;
  password?: string;
}

function parseRole(text: string | undefined): Role {
  const role = ROLES[requireValue(text, '--role').toLowerCase()];
  if (role === undefined) {
    throw new UsageError(`--role must be crypto-user or crypto-officer (admin); got ${text}`);
  }
  return role;
}

function printUser(context: CommandContext, user: UserRecord, verb: string): void {
  context.output.result(user, () => context.output.line(`${verb} ${user.username} (${user.role})`));
}

/**
 * registerUserCommands adds `hsmlab user ...`. In a lab these log in as the
 * lab's crypto officer; elsewhere as the user given. `--password` in create
 * and change-password is the new password, so the login password then goes
 * before the command group or in HSMLAB_PASSWORD.
 */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage users (crypto officer)');

  acceptGlobalOptions(
    user
      .command('create')
      .description('create a user')
      .option('--username <name>', 'the new user (required)')
      .option('--role <role>', 'crypto-user or crypto-officer (required)')
      .option('--password <password>', "the new user's password (required)"),
    ['password'],
  ).action(
    action<UserOptions>(async (context, _args, options) => {
      const username = requireValue(options.username, '--username');
      const role = parseRole(options.role);
      const password = requireValue(options.password, '--password');
      const sdk = await context.cluster('crypto-officer');
      printUser(context, await sdk.users.createUser(username, role, password), 'created');
    }),
  );

  acceptGlobalOptions(user.command('list').description('list every user')).action(
    action(async (context) => {
      const sdk = await context.cluster('crypto-officer');
      const users = await sdk.users.listUsers();
      context.output.result({ users }, () => context.output.table(users, USER_COLUMNS));
    }),
  );

  acceptGlobalOptions(
    user
      .command('delete')
      .description('delete a user (a crypto user must own no keys)')
      .option('--username <name>', 'the user to delete (required)'),
  ).action(
    action<UserOptions>(async (context, _args, options) => {
      const username = requireValue(options.username, '--username');
      const sdk = await context.cluster('crypto-officer');
      await sdk.users.deleteUser(username);
      context.output.result({ deleted: username }, () =>
        context.output.line(`deleted ${username}`),
      );
    }),
  );

  acceptGlobalOptions(
    user
      .command('change-password')
      .description("set a user's password (an officer for anyone, a user for itself)")
      .option('--username <name>', 'whose password (required)')
      .option('--password <password>', 'the new password (required)'),
    ['password'],
  ).action(
    action<UserOptions>(async (context, _args, options) => {
      const username = requireValue(options.username, '--username');
      const password = requireValue(options.password, '--password');
      const target = await context.target();
      const own =
        target.givenUser === undefined && target.labUsers?.cryptoUser.username === username;
      const sdk = await context.cluster(own ? 'crypto-user' : 'crypto-officer');
      const changed = await sdk.users.changePassword(username, password);
      if (target.labDir !== undefined) await rememberLabPassword(target.labDir, username, password);
      printUser(context, changed, 'changed the password of');
    }),
  );

  acceptGlobalOptions(
    user
      .command('unlock')
      .description('unlock a user locked by failed logins')
      .option('--username <name>', 'the user to unlock (required)'),
  ).action(
    action<UserOptions>(async (context, _args, options) => {
      const username = requireValue(options.username, '--username');
      const sdk = await context.cluster('crypto-officer');
      printUser(context, await sdk.users.unlockUser(username), 'unlocked');
    }),
  );
}

/** rememberLabPassword keeps credentials.json right when one of the lab's own users changes password. */
async function rememberLabPassword(
  labDir: string,
  username: string,
  password: string,
): Promise<void> {
  const credentials = await readCredentialsFile(labDir);
  if (credentials === undefined) return;
  let changed = false;
  for (const entry of [credentials.cryptoOfficer, credentials.cryptoUser]) {
    if (entry.username === username) {
      entry.password = password;
      changed = true;
    }
  }
  if (changed) await writeCredentialsFile(labDir, credentials);
}
