import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../db/schema';

export async function findUser(db: Kysely<Database>, username: string): Promise<Selectable<UsersTable> | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}
