import type { WorkbookDefinition } from '../../../src/contract/api';
import { PLAN_FILTER } from '../rate-grid/grid-names';
import { GRID_DATE_COLUMNS, PLAN_LEVEL_COLUMNS } from '../rate-grid/grid-levels';

/** seed (Selerix Step Down tab): "set Step-down percentages by age band and benefit level". */
export const stepDownsDefinition: WorkbookDefinition = {
  kind: 'step-downs',
  title: 'Step-Downs',
  description: 'How much a group life benefit is reduced from an age on, by benefit level and age band, as of a session effective date: the first step is 0, each later one larger.',
  scope: 'effective-date',
  filter: PLAN_FILTER,
  search: { persons: false, group: { label: 'Benefit Level', hint: 'Only the rows of this benefit level, such as 2x Salary.', list: 'benefitLevels' } },
  columns: [
    ...PLAN_LEVEL_COLUMNS,
    { key: 'lowerAge', header: 'Lower Age Limit', type: 'number', editable: false, enterable: true, required: true, width: 10, identifying: true },
    { key: 'stepDown', header: 'Step-Down %', type: 'number', editable: true, enterable: true, required: true, width: 12 },
    ...GRID_DATE_COLUMNS,
  ],
};
