import type { WorkbookDefinition } from '../../../src/contract/api';

/** seed: "You may edit the Value, Primary Assignment, and Benefits Relationship columns; edits in any other columns are not uploaded." */
export const benefitBalancesDefinition: WorkbookDefinition = {
  kind: 'person-benefit-balances',
  title: 'Person Benefit Balances',
  description: 'View and change benefit balance values, and the primary assignment or benefits relationship each belongs to.',
  scope: 'effective-date',
  // A balance row's natural group is its balance (Flex Credits, Vacation…): one kind of balance for everyone.
  search: { group: { label: 'Balance', hint: 'Only the balances of this type.', list: 'balanceTypes' } },
  columns: [
    { key: 'personNumber', header: 'Person Number', type: 'text', editable: false, enterable: true, required: true, width: 14, identifying: true },
    { key: 'personName', header: 'Person Name', type: 'text', editable: false, enterable: false, required: false, width: 24, identifying: true },
    { key: 'balanceName', header: 'Balance Name', type: 'text', editable: false, enterable: true, required: true, list: 'balanceTypes', width: 22 },
    { key: 'value', header: 'Value', type: 'number', editable: true, enterable: true, required: true, width: 12 },
    { key: 'primaryAssignment', header: 'Primary Assignment', type: 'text', editable: true, enterable: true, required: false, width: 18 },
    { key: 'benefitsRelationship', header: 'Benefits Relationship', type: 'text', editable: true, enterable: true, required: false, list: 'relationshipNames', width: 18 },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
    { key: 'endDate', header: 'End Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
  ],
};

export const VALUE_BOUNDS = { min: 0, max: 999_999_999.99 };
