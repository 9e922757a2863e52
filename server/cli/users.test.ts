/** `npm run users`: the first administrator, roles, disabling; on PGlite and PostgreSQL. */
import { dialects, withTestDatabase } from '../test-support/databases';
import { verifyPassword } from '../auth/password';
import { createTokenService } from '../auth/token.service';
import { seedDemoData } from '../demo/seed';
import { usersCommand } from './users';

jest.setTimeout(60000);

describe.each(dialects)('users command on %s', (dialect) => {
  const t = withTestDatabase(dialect);
  const run = (argv: string[], password = 'first admin pass phrase') => usersCommand(argv, { database: t.database, readPassword: async () => password });
  const user = (name: string) => t.database.db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst();

  it('when the first administrator is added, then the password comes from the prompt and is stored hashed with the role', async () => {
    expect(await run(['add', 'boss', '--role', 'administrator', '--display-name', 'Pat Boss'])).toBe('Added boss (Administrator).');
    const row = await user('boss');
    expect(row).toMatchObject({ role: 'administrator', display_name: 'Pat Boss', disabled: false, data_access: null });
    expect(await verifyPassword('first admin pass phrase', row!.password_hash)).toBe(true);
  });

  it('when a password is given on the command line, too short, or the role is unknown, then nothing is added and the message says why', async () => {
    await expect(run(['add', 'x1', '--role', 'viewer', '--password', 'secret secret'])).rejects.toThrow('A password is never given on the command line');
    await expect(run(['add', 'x2', '--role', 'viewer'], 'short')).rejects.toThrow('at least 12 characters');
    await expect(run(['add', 'x3', '--role', 'boss'])).rejects.toThrow('"boss" is not a role. Use one of: viewer, editor, batch-processor, administrator.');
    expect(await t.database.db.selectFrom('users').select('username').where('username', 'in', ['x1', 'x2', 'x3']).execute()).toEqual([]);
  });

  it('when data access names groups, then only existing benefit group names are taken', async () => {
    await seedDemoData(t.database.db, { persons: 3, demoAccount: false });
    await expect(run(['add', 'hr1', '--role', 'editor', '--data-access', 'Executives; Nope'])).rejects.toThrow('There is no benefits group named "Nope"');
    await run(['add', 'hr2', '--role', 'editor', '--data-access', ' Executives ;Retirees']);
    expect((await user('hr2'))?.data_access).toBe('Executives; Retirees');
    expect(await user('demo')).toBeUndefined();
  });

  it('when a user is disabled, then their sessions end; set-role and list show the change', async () => {
    await run(['add', 'temp', '--role', 'viewer']);
    const tokens = createTokenService(t.database.db);
    const token = await tokens.issue('temp');
    await tokens.verify(token);
    expect(await run(['set-role', 'temp', 'Batch processor'])).toBe('temp is now Batch processor.');
    expect(await run(['disable', 'temp'])).toBe('temp is disabled; their sessions have ended.');
    await expect(tokens.verify(token)).rejects.toThrow('Sign in again');
    expect(await run(['list'])).toMatch(/^temp\ttemp\tbatch-processor\teveryone\tdisabled$/m);
    await run(['enable', 'temp']);
    await expect(tokens.verify(token)).rejects.toThrow('Sign in again');
  });
});
