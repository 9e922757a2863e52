import type { WorkbookDefinition } from '../../../src/contract/api';
import { BENEFIT_RECORD_COLUMNS } from '../employee-benefits/record-columns';

/**
 * seed (Linking Dependents to Benefit Records): a dependent is chosen from the employee's existing dependents and
 * has its own start date (the session effective date of the new row) and end date (typed; blank: open).
 */
export const employeeBenefitDependentsDefinition: WorkbookDefinition = {
  kind: 'employee-benefit-dependents',
  title: 'Employee Benefit Dependents',
  description: 'The dependents covered by each employee benefit, chosen from the employee\'s dependents (see Contacts), with their own start and end dates, as of a session effective date.',
  scope: 'effective-date',
  search: { group: { label: 'Benefit Category', hint: 'Only the benefits of this category (Health, Dental…).', list: 'benefitCategories' }, status: { label: 'Relationship', hint: 'Only the dependents of this relationship (Spouse, Child…).' } },
  columns: [
    ...BENEFIT_RECORD_COLUMNS,
    { key: 'provider', header: 'Benefit Provider', type: 'text', editable: false, enterable: false, required: false, width: 22 },
    { key: 'benefitCategory', header: 'Benefit Type', type: 'text', editable: false, enterable: false, required: false, width: 14 },
    { key: 'dependent', header: 'Dependent', type: 'text', editable: false, enterable: true, required: true, width: 24 },
    { key: 'relationship', header: 'Relationship', type: 'text', editable: false, enterable: false, required: false, width: 12 },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
    // seed: "The End Date can be left blank": blank is open; a date ends the link on it.
    { key: 'endDate', header: 'End Date', type: 'date', editable: true, enterable: true, required: false, width: 12 },
  ],
};
