/** Demo balance types and balances: on assignments and on relationships, some with history. */
import type { DemoPerson } from '../../demo/people';
import { inBatches } from '../../demo/batches';
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
  const ids = participants.map((p) => p.id);
  const assignments = ids.length ? await db.selectFrom('person_assignments').select(['id', 'person_id', 'end_date']).where('person_id', 'in', ids).orderBy('assignment_number').execute() : [];
  const relationships = ids.length ? await db.selectFrom('benefits_relationships').select(['id', 'person_id', 'name']).where('person_id', 'in', ids).execute() : [];
  const records = participants.flatMap((p) => {
    const assignment = assignments.find((a) => a.person_id === p.id && a.end_date === END_OF_TIME);
    const relationship = relationships.find((r) => r.person_id === p.id && r.name === 'Default');
    const key = (n: number) => `pbb-${String(p.index + 1).padStart(6, '0')}-${n}`;
    const base = { person_id: p.id, version: 1 };
    const rows = [];
    if (assignment) {
      // Flex credits on the primary assignment; every other participant's changed at the start of 2025.
      if (p.index % 2 === 0) {
        rows.push({ ...base, key: key(1), balance_type_id: types[0], value: 500, assignment_id: assignment.id, relationship_id: null, effective_start_date: '2023-01-01', effective_end_date: '2024-12-31' });
        rows.push({ ...base, key: key(1), balance_type_id: types[0], value: 750 + p.index, assignment_id: assignment.id, relationship_id: null, effective_start_date: '2025-01-01', effective_end_date: END_OF_TIME });
      } else {
        rows.push({ ...base, key: key(1), balance_type_id: types[0], value: 600 + p.index, assignment_id: assignment.id, relationship_id: null, effective_start_date: '2023-01-01', effective_end_date: END_OF_TIME });
      }
    }
    if (relationship && p.index % 3 !== 2) {
      rows.push({ ...base, key: key(2), balance_type_id: types[2], value: (p.index * 37) % 1000, assignment_id: null, relationship_id: relationship.id, effective_start_date: '2024-01-01', effective_end_date: END_OF_TIME });
    }
    return rows;
  });
  await inBatches(records, 500, (batch) => db.insertInto('person_benefit_balances').values(batch).execute());
}
