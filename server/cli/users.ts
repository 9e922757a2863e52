/**
 * Accounts from the command line: `npm run users -- add NAME --role administrator` and list, set-role, disable,
 * enable, reset-password. Passwords are read from a prompt (typing not shown) or from stdin, never the command line.
 * The database is PostgreSQL at DATABASE_URL, else the embedded one in .data/pglite (stop `npm start` first: the
 * embedded database takes one process at a time).
 */
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { ROLE_TITLES, ROLES } from '../../src/contract/roles';
import { createDatabase, migrate, type AppDatabase } from '../db/database';
import { AppError } from '../errors/app-error';
import { listUsers } from '../auth/users.repository';
import { addUser, parseDataAccess, parseRole, resetPassword, setDisabled, setRole } from '../auth/users.service';

const USAGE = `Usage: npm run users -- <command>
  add NAME --role ROLE [--display-name "Full Name"] [--data-access "Group A; Group B"]   (asks for the password)
  list
  set-role NAME ROLE
  disable NAME          (ends the user's sessions at once)
  enable NAME
  reset-password NAME   (asks for the new password; ends the user's sessions)
Roles: ${ROLES.join(', ')}. A password is read from the prompt, or from stdin when piped (first line).`;

/** The password from stdin: prompted twice with the typing hidden on a terminal, else the first line piped in. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing of what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  if ((await ask('Password again: ')) !== first) throw new AppError('bad_request', 'The two passwords are not the same. Run the command again.');
  return first;
}

/** `io` lets tests give the database and the password; the command line uses DATABASE_URL and the prompt. */
async function main(argv: string[], io: { database?: AppDatabase; readPassword?: () => Promise<string> } = {}): Promise<string> {
  const askPassword = io.readPassword ?? readPassword;
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' }, 'display-name': { type: 'string' }, 'data-access': { type: 'string' }, password: { type: 'string' } } });
  if (values.password !== undefined) throw new AppError('bad_request', 'A password is never given on the command line (it would stay in the shell history): type it at the prompt, or pipe it in.');
  const [command, name, extra] = positionals;
  if (!command) return USAGE;
  const database = io.database ?? (await createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATABASE_URL ? undefined : path.resolve(__dirname, '../..', process.env.DATA_DIR ?? '.data/pglite') }));
  try {
    await migrate(database.db);
    const db = database.db;
    const need = (what: string | undefined, label: string) => {
      if (!what) throw new AppError('bad_request', `Give the ${label}.\n${USAGE}`);
      return what;
    };
    const roleOf = (text: string | undefined) => {
      const role = parseRole(need(text, 'role'));
      if (!role) throw new AppError('bad_request', `"${text}" is not a role. Use one of: ${ROLES.join(', ')}.`);
      return role;
    };
    switch (command) {
      case 'add': {
        const username = need(name, 'user name');
        const role = roleOf(values.role);
        const access = await parseDataAccess(db, values['data-access']);
        if (access.error) throw new AppError('bad_request', access.error);
        await addUser(db, { username, role, displayName: values['display-name'], password: await askPassword(), dataAccess: access.value });
        return `Added ${username} (${ROLE_TITLES[role]}).`;
      }
      case 'list':
        return (await listUsers(db)).map((u) => `${u.username}\t${u.display_name}\t${u.role}\t${u.data_access ?? 'everyone'}${u.disabled ? '\tdisabled' : ''}`).join('\n') || 'No users yet.';
      case 'set-role': {
        const role = roleOf(extra);
        await setRole(db, need(name, 'user name'), role);
        return `${name} is now ${ROLE_TITLES[role]}.`;
      }
      case 'disable':
        await setDisabled(db, need(name, 'user name'), true);
        return `${name} is disabled; their sessions have ended.`;
      case 'enable':
        await setDisabled(db, need(name, 'user name'), false);
        return `${name} is enabled.`;
      case 'reset-password':
        need(name, 'user name');
        await resetPassword(db, name, await askPassword());
        return `${name} has a new password; their sessions have ended.`;
      default:
        throw new AppError('bad_request', `There is no command "${command}".\n${USAGE}`);
    }
  } finally {
    if (!io.database) await database.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((message) => console.log(message))
    .catch((error: unknown) => {
      console.error(error instanceof AppError ? error.message : error);
      process.exit(1);
    });
}

export { main as usersCommand };
