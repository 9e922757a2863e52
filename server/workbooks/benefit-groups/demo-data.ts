/** Demo benefit groups and assignments, with some history (earlier records end-dated). */
import { END_OF_TIME } from '../../engine/effective-dating';

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

/** person index → records (group index, start, end); persons without a record have no group yet. */
export function demoAssignments(personCount: number): Array<{ person: number; records: Array<{ group: number; start: string; end: string }> }> {
  const result = [];
  for (let person = 0; person < personCount; person++) {
    if (person % 10 === 9) continue; // some persons have no group, to be added in the workbook
    const group = person % 7;
    if (person % 3 === 0) {
      // History: moved to another group at the start of 2025.
      result.push({ person, records: [{ group: (group + 1) % 7, start: '2022-01-01', end: '2024-12-31' }, { group, start: '2025-01-01', end: END_OF_TIME }] });
    } else {
      result.push({ person, records: [{ group, start: '2023-01-01', end: END_OF_TIME }] });
    }
  }
  return result;
}
