/** Demo people and their reference data: assignments and benefits relationships (participants only). */
import type { Db } from '../engine/workbook-kind';
import { END_OF_TIME } from '../engine/effective-dating';
import { insertRows } from './batches';
import { demoPersons } from './persons';

export interface DemoPerson {
  id: number;
  index: number;
  personNumber: string;
  personType: string;
}

export const RELATIONSHIP_NAMES = ['Default', 'Retiree', 'Union'];

export async function seedPeople(db: Db, count: number): Promise<DemoPerson[]> {
  const persons = demoPersons(count);
  const ids = new Map((await insertRows(db, 'persons', persons, { returning: ['id', 'person_number'] })).map((r) => [r.person_number as string, r.id as number]));
  const people = persons.map((p, index) => ({ id: ids.get(p.person_number) as number, index, personNumber: p.person_number, personType: p.person_type }));
  const participants = people.filter((p) => p.personType === 'Participant');
  // Every participant has an assignment; every fourth has a second one, and every eighth an ended first one.
  const assignments = participants.flatMap((p) => [
    { person_id: p.id, assignment_number: `E${p.personNumber.slice(1)}-1`, start_date: '2015-01-01', end_date: p.index % 8 === 0 ? '2024-12-31' : END_OF_TIME },
    ...(p.index % 4 === 0 ? [{ person_id: p.id, assignment_number: `E${p.personNumber.slice(1)}-2`, start_date: '2020-01-01', end_date: END_OF_TIME }] : []),
  ]);
  await insertRows(db, 'person_assignments', assignments);
  // Every participant has the Default relationship; every third a Retiree one, and every sixth a Union one that ended.
  const relationships = participants.flatMap((p) => [
    { person_id: p.id, name: 'Default', start_date: '2015-01-01', end_date: END_OF_TIME },
    ...(p.index % 3 === 0 ? [{ person_id: p.id, name: 'Retiree', start_date: '2018-01-01', end_date: END_OF_TIME }] : []),
    ...(p.index % 6 === 0 ? [{ person_id: p.id, name: 'Union', start_date: '2015-01-01', end_date: '2022-12-31' }] : []),
  ]);
  await insertRows(db, 'benefits_relationships', relationships);
  return people;
}
