/** Demo balance types and balances: on assignments and on relationships, some with history. */
import type { DemoPerson } from '../../demo/people';
import { insertRows } from '../../demo/batches';
import { END_OF_TIME } from '../../engine/effective-dating';
import type { Db } from '../../engine/workbook-kind';

export const demoBalanceTypes = [
  { name: 'Flex Credits', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Vacation Buy Hours', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Wellness Points', start_date: '2019-01-01', end_date: END_OF_TIME },
  { name: 'HSA Employer Seed', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Legacy Points', start_date: '2015-01-01', end_date: '2021-12-31' },
];

export async function seedBenefitBalances(db: Db, people: DemoPerson[]): Promise<void> {
  const types = (await db.insertInto('balance_types').values(demoBalanceTypes).returning('id').execute()).map((r) => r.id);
  const participants = people.filter((p) => p.personType === 'Participant');
  // The demo people are the only people on a fresh database: read their reference data whole, not by a list of ids.
  const assignments = new Map<number, number>();
  for (const a of await db.selectFrom('person_assignments').select(['id', 'person_id']).where('end_date', '=', END_OF_TIME).orderBy('assignment_number', 'desc').execute()) assignments.set(a.person_id, a.id);
  const relationships = new Map((await db.selectFrom('benefits_relationships').select(['id', 'person_id']).where('name', '=', 'Default').execute()).map((r) => [r.person_id, r.id]));
  const records = participants.flatMap((p) => {
    const assignmentId = assignments.get(p.id);
    const relationshipId = relationships.get(p.id);
    const key = (n: number) => `pbb-${String(p.index + 1).padStart(6, '0')}-${n}`;
    const base = { person_id: p.id, version: 1 };
    const rows = [];
    if (assignmentId !== undefined) {
      // Flex credits on the primary assignment; every other participant's changed at the start of 2025.
      if (p.index % 2 === 0) {
        rows.push({ ...base, key: key(1), balance_type_id: types[0], value: 500, assignment_id: assignmentId, relationship_id: null, effective_start_date: '2023-01-01', effective_end_date: '2024-12-31' });
        rows.push({ ...base, key: key(1), balance_type_id: types[0], value: 750 + p.index, assignment_id: assignmentId, relationship_id: null, effective_start_date: '2025-01-01', effective_end_date: END_OF_TIME });
      } else {
        rows.push({ ...base, key: key(1), balance_type_id: types[0], value: 600 + p.index, assignment_id: assignmentId, relationship_id: null, effective_start_date: '2023-01-01', effective_end_date: END_OF_TIME });
      }
    }
    if (relationshipId !== undefined && p.index % 3 !== 2) {
      rows.push({ ...base, key: key(2), balance_type_id: types[2], value: (p.index * 37) % 1000, assignment_id: null, relationship_id: relationshipId, effective_start_date: '2024-01-01', effective_end_date: END_OF_TIME });
    }
    return rows;
  });
  await insertRows(db, 'person_benefit_balances', records);
}
