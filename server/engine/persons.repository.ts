import type { Db } from './workbook-kind';

/**
 * Locks the persons that new rows are for, in id order (so two uploads never deadlock), until the upload commits.
 * A concurrent upload adding a record for the same person waits here, then sees this one's record and refuses a second.
 */
export async function lockPersons(db: Db, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  await db.selectFrom('persons').select('id').where('id', 'in', [...new Set(personIds)]).orderBy('id').forUpdate().execute();
}
