import { sql } from 'kysely';
import type { Db } from './workbook-kind';

/**
 * Locks persons in id order (so two uploads never deadlock) until the upload commits. The engine locks the persons of
 * every record a chunk writes: a concurrent upload for the same person waits here, then sees this one's record.
 */
export async function lockPersons(db: Db, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  // One array parameter, not one parameter per person (2,000 of them in a chunk).
  await db.selectFrom('persons').select('id').where(sql<boolean>`id = any(${[...new Set(personIds)]}::int[])`).orderBy('id').forUpdate().execute();
}

export interface PersonByNumber {
  id: number;
  person_number: string;
  person_type: string;
}

/** The persons with these numbers (one query for a whole chunk). */
export async function findPersonsByNumber(db: Db, numbers: string[]): Promise<PersonByNumber[]> {
  if (numbers.length === 0) return [];
  return db.selectFrom('persons').select(['id', 'person_number', 'person_type']).where('person_number', 'in', [...new Set(numbers)]).execute();
}

/** Every benefits relationship of these persons, whatever its dates (one query for a whole chunk). */
export async function findRelationshipsOf(db: Db, personIds: number[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('benefits_relationships').selectAll().where('person_id', 'in', [...new Set(personIds)]).execute();
}

/** Person numbers by person id (one query for a whole chunk), for messages that name a person. */
export async function findPersonNumbers(db: Db, personIds: number[]): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('persons').select(['id', 'person_number']).where('id', 'in', [...new Set(personIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.person_number]));
}
