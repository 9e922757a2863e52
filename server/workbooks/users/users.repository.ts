/** The Users sheet's reads: pages of accounts by user name, and who administers now. */
import { sql } from 'kysely';
import { afterPlace, orderBy, placeColumn, type SortColumn } from '../../engine/keyset';
import type { Db, PageRequest } from '../../engine/workbook-kind';

export interface UserSheetRow {
  key: string;
  version: number;
  place: unknown[];
  display_name: string;
  role: string;
  disabled: boolean;
  data_access: string | null;
}

const ORDER: SortColumn[] = [{ expr: 'u.username', type: 'text' }];

export async function findUserRows(db: Db, page: Omit<PageRequest, 'population'>): Promise<{ rows: UserSheetRow[]; total?: number }> {
  const keys = page.keys ? sql`and u.username in (select jsonb_array_elements_text(${JSON.stringify(page.keys)}::jsonb))` : sql``;
  const result = await sql<UserSheetRow>`
    select u.username as key, u.version, u.display_name, u.role, u.disabled, u.data_access, ${placeColumn(ORDER)}
    from users u where true ${keys} ${afterPlace(ORDER, page.after)}
    order by ${orderBy(ORDER)} limit ${page.limit}`.execute(db);
  const first = !page.after && !page.keys;
  const total = first ? Number((await sql<{ n: string }>`select count(*) as n from users`.execute(db)).rows[0].n) : undefined;
  return { rows: result.rows, total };
}

/** The user names of the enabled administrators (read under the Users kind's lock, so it is the truth of the chunk). */
export async function findAdministrators(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('users').select('username').where('role', '=', 'administrator').where('disabled', '=', false).execute();
  return new Set(rows.map((r) => r.username));
}

export async function findGroupNames(db: Db): Promise<string[]> {
  return (await db.selectFrom('benefit_groups').select('name').distinct().orderBy('name').execute()).map((g) => g.name);
}

/** seed of the choice (README "Security"): a deleted row disables the account; the name stays in the audit trail. */
export async function disableUsers(db: Db, usernames: string[]): Promise<void> {
  if (usernames.length === 0) return;
  await db.updateTable('users').set({ disabled: true, version: sql<number>`version + 1` }).where('username', 'in', usernames).execute();
}

/** Ends every open session of these users (as revokeSessions does for one), one statement. */
export async function endSessions(db: Db, usernames: string[]): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: sql<Date>`now()` }).where('username', 'in', usernames).where('revoked_at', 'is', null).execute();
}
