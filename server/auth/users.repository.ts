import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, UsersTable } from '../db/schema';

export type UserRow = Selectable<UsersTable>;

export async function findUser(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function insertUser(db: Kysely<Database>, user: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** Updates one user; false when there is none of that name. A change of what the Users sheet shows steps the version. */
export async function updateUser(db: Kysely<Database>, username: string, changes: Updateable<UsersTable>): Promise<boolean> {
  const shown = ['display_name', 'role', 'disabled', 'data_access'].some((c) => c in changes);
  const result = await db
    .updateTable('users')
    .set(shown ? { ...changes, version: sql<number>`version + 1` } : changes)
    .where('username', '=', username)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
