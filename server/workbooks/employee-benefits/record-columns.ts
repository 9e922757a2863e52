import type { ColumnDefinition } from '../../../src/contract/api';

/**
 * The columns that name an employee benefit record, first on Employee Benefits and on Employee Benefit Dependents
 * (seed: a dependent is linked to the employee's benefit record): the employee, the position and the rate line.
 */
export const BENEFIT_RECORD_COLUMNS: ColumnDefinition[] = [
  { key: 'personNumber', header: 'Person Number', type: 'text', editable: false, enterable: true, required: true, width: 14, identifying: true },
  { key: 'personName', header: 'Person Name', type: 'text', editable: false, enterable: false, required: false, width: 22, identifying: true },
  { key: 'assignment', header: 'Position (Assignment)', type: 'text', editable: false, enterable: true, required: true, width: 16 },
  { key: 'rateId', header: 'Benefit Rate ID', type: 'number', editable: false, enterable: true, required: true, width: 10 },
];
