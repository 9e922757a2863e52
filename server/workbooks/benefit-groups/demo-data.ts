/** Demo benefit groups and assignments, with some history (earlier records end-dated). */
import type { DemoPerson } from '../../demo/people';
import { insertRows } from '../../demo/batches';
import { END_OF_TIME } from '../../engine/effective-dating';
import type { Db } from '../../engine/workbook-kind';

export const demoGroups = [
  { name: 'Salaried Employees', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Hourly Employees', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Executives', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Union Local 12', start_date: '2018-06-01', end_date: END_OF_TIME },
  { name: 'Part-Time Staff', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Retirees', start_date: '2015-01-01', end_date: END_OF_TIME },
  { name: 'Interns', start_date: '2020-01-01', end_date: END_OF_TIME },
  { name: 'Legacy Contractors', start_date: '2015-01-01', end_date: '2021-12-31' },
];

export async function seedBenefitGroups(db: Db, people: DemoPerson[]): Promise<void> {
  const groupIds = (await db.insertInto('benefit_groups').values(demoGroups).returning('id').execute()).map((r) => r.id);
  const records = people.flatMap((p) => {
    if (p.index % 10 === 9) return []; // some persons have no group yet, to be added in the workbook
    const group = p.index % 7;
    const key = `pbg-${String(p.index + 1).padStart(6, '0')}`;
    const record = (g: number, start: string, end: string) => ({ key, effective_start_date: start, effective_end_date: end, version: 1, person_id: p.id, benefit_group_id: groupIds[g] });
    // Every third person moved to another group at the start of 2025: history kept.
    return p.index % 3 === 0 ? [record((group + 1) % 7, '2022-01-01', '2024-12-31'), record(group, '2025-01-01', END_OF_TIME)] : [record(group, '2023-01-01', END_OF_TIME)];
  });
  await insertRows(db, 'person_benefit_groups', records);
}
