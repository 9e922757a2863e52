import type { WorkbookDefinition } from '../../../src/contract/api';
import { PLAN_FILTER } from './grid-names';
import { GRID_DATE_COLUMNS, PLAN_LEVEL_COLUMNS } from './grid-levels';

/**
 * seed (Selerix Rates tab): "Open the grid in Excel, then paste or enter the corresponding rates into the grid."
 * Benefit Level to Per are side by side in a carrier's order, so a grid copied from their spreadsheet pastes in one go.
 */
export const rateGridDefinition: WorkbookDefinition = {
  kind: 'rate-grid',
  title: 'Rate Grid',
  description: 'A group life plan’s rates by benefit level and age band (and gender), per 100 or 1,000 of benefit amount, as of a session effective date.',
  scope: 'effective-date',
  filter: PLAN_FILTER,
  search: { persons: false, group: { label: 'Benefit Level', hint: 'Only the rows of this benefit level, such as 2x Salary.', list: 'benefitLevels' } },
  columns: [
    ...PLAN_LEVEL_COLUMNS,
    { key: 'lowerAge', header: 'Lower Age Limit', type: 'number', editable: false, enterable: true, required: true, width: 10, identifying: true },
    { key: 'gender', header: 'Gender', type: 'text', editable: false, enterable: true, required: false, list: 'genders', width: 10, identifying: true },
    { key: 'employeeCost', header: 'EE Cost', type: 'number', editable: true, enterable: true, required: true, width: 10 },
    { key: 'employerCost', header: 'ER Cost', type: 'number', editable: true, enterable: true, required: true, width: 10 },
    { key: 'per', header: 'Per', type: 'number', editable: true, enterable: true, required: true, width: 8 },
    ...GRID_DATE_COLUMNS,
  ],
};
