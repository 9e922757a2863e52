import type { WorkbookDefinition } from '../../../src/contract/api';
import { PLAN_FILTER } from '../rate-grid/grid-names';

/** seed (Selerix Step Down tab): "set Step-down percentages by age band and benefit level". */
export const stepDownsDefinition: WorkbookDefinition = {
  kind: 'step-downs',
  title: 'Step-Downs',
  description: 'How much a group life benefit is reduced from an age on, by benefit level and age band, as of a session effective date: the first step is 0, each later one larger.',
  scope: 'effective-date',
  filter: PLAN_FILTER,
  search: { persons: false, group: { label: 'Benefit Level', hint: 'Only the rows of this benefit level, such as 2x Salary.', list: 'benefitLevels' } },
  columns: [
    { key: 'plan', header: 'Plan', type: 'text', editable: false, enterable: true, required: false, list: 'groupLifePlans', width: 22, identifying: true },
    { key: 'benefitLevel', header: 'Benefit Level', type: 'text', editable: false, enterable: true, required: true, list: 'benefitLevels', width: 16, identifying: true },
    { key: 'lowerAge', header: 'Lower Age Limit', type: 'number', editable: false, enterable: true, required: true, width: 10, identifying: true },
    { key: 'stepDown', header: 'Step-Down %', type: 'number', editable: true, enterable: true, required: true, width: 12 },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 14 },
    { key: 'endDate', header: 'End Date', type: 'date', editable: false, enterable: false, required: false, width: 14 },
  ],
};
