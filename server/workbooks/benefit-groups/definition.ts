import type { WorkbookDefinition } from '../../../src/contract/api';

/** seed: "You can edit the Benefits Group column; edits in other columns are not uploaded." */
export const benefitGroupsDefinition: WorkbookDefinition = {
  kind: 'person-benefit-groups',
  title: 'Person Benefit Groups',
  description: 'View and change which benefits group each person belongs to, as of a session effective date.',
  scope: 'effective-date',
  // The group a person-benefit-groups row is about is its benefits group.
  search: { group: { label: 'Benefits group', hint: 'Only the persons in this benefits group on the date.', list: 'benefitGroups' } },
  columns: [
    { key: 'personNumber', header: 'Person Number', type: 'text', editable: false, enterable: true, required: true, width: 16, identifying: true },
    { key: 'personName', header: 'Person Name', type: 'text', editable: false, enterable: false, required: false, width: 28, identifying: true },
    { key: 'benefitsGroup', header: 'Benefits Group', type: 'text', editable: true, enterable: true, required: true, list: 'benefitGroups', width: 28 },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 14 },
    { key: 'endDate', header: 'End Date', type: 'date', editable: false, enterable: false, required: false, width: 14 },
  ],
};
