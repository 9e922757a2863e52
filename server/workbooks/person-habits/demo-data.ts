/** Demo habits for participants and dependents (dependents are why this workbook exists), some with history. */
import type { DemoPerson } from '../../demo/people';
import { insertRows } from '../../demo/batches';
import { END_OF_TIME } from '../../engine/effective-dating';
import type { Db } from '../../engine/workbook-kind';
import { HABIT_LISTS } from './definition';

export async function seedPersonHabits(db: Db, people: DemoPerson[]): Promise<void> {
  const records = people.flatMap((p) => {
    if (p.index % 7 === 6) return []; // some persons have no habits yet, to be added in the workbook
    const key = `phb-${String(p.index + 1).padStart(6, '0')}`;
    const dependent = p.personType === 'Dependent';
    const habits = {
      person_id: p.id,
      student_status: dependent ? HABIT_LISTS.studentStatuses[p.index % 2] : HABIT_LISTS.studentStatuses[2],
      disability_status: p.index % 11 === 0 ? 'Disabled' : 'Not disabled',
      disability_type: p.index % 11 === 0 ? 'Physical' : null,
      tobacco_use: HABIT_LISTS.tobaccoUses[p.index % 3],
      covered_in_another_plan: p.index % 5 === 0 ? 'Yes' : 'No',
      other_plan: p.index % 5 === 0 ? 'Spouse Employer Medical' : null,
    };
    const record = (start: string, end: string, changes: Partial<typeof habits> = {}) => ({ key, version: 1, effective_start_date: start, effective_end_date: end, ...habits, ...changes });
    // Every fourth person quit tobacco at the start of 2025: the earlier record is kept.
    return p.index % 4 === 0
      ? [record('2022-01-01', '2024-12-31', { tobacco_use: 'Tobacco user' }), record('2025-01-01', END_OF_TIME, { tobacco_use: 'Former tobacco user' })]
      : [record('2023-01-01', END_OF_TIME)];
  });
  await insertRows(db, 'person_habits', records);
}
