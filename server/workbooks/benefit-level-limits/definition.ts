import type { WorkbookDefinition } from '../../../src/contract/api';
import { PLAN_FILTER } from '../rate-grid/grid-names';
import { GRID_DATE_COLUMNS, PLAN_LEVEL_COLUMNS } from '../rate-grid/grid-levels';

/** seed (Selerix Limits and Options tabs): GI limit, GI multiplier, minimum and maximum benefit, default multiplier or percentage. */
export const benefitLevelLimitsDefinition: WorkbookDefinition = {
  kind: 'benefit-level-limits',
  title: 'Benefit Level Limits',
  description: 'Each group life benefit level’s multiple (or percentage) of salary, guaranteed issue limit and multiplier, and minimum and maximum benefit amount, as of a session effective date.',
  scope: 'effective-date',
  filter: PLAN_FILTER,
  search: { persons: false, group: { label: 'Benefit Level', hint: 'Only the rows of this benefit level, such as 2x Salary.', list: 'benefitLevels' } },
  columns: [
    ...PLAN_LEVEL_COLUMNS,
    { key: 'factor', header: 'X of Salary or % of Salary', type: 'number', editable: true, enterable: true, required: true, width: 14 },
    { key: 'giLimit', header: 'GI Limit', type: 'number', editable: true, enterable: true, required: false, width: 12 },
    { key: 'giMultiplier', header: 'GI Multiplier', type: 'number', editable: true, enterable: true, required: false, width: 12 },
    { key: 'minBenefit', header: 'Min Benefit Amount', type: 'number', editable: true, enterable: true, required: false, width: 14 },
    { key: 'maxBenefit', header: 'Max Benefit', type: 'number', editable: true, enterable: true, required: false, width: 14 },
    ...GRID_DATE_COLUMNS,
  ],
};
