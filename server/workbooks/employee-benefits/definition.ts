import type { WorkbookDefinition } from '../../../src/contract/api';
import { BENEFIT_RECORD_COLUMNS } from './record-columns';

/**
 * seed (nVision Employee Information, Appointment Information, Benefits): per employee and position, a benefit rate
 * line with start and end date. Provider, Type, Coverage Type and Face Value come from the rate line; the costs
 * default from it and may be changed: on Dollar lines the amounts and the total, on Percent lines the percentages
 * and the total. The End Date is the user's (blank: open); the Start Date is the session effective date.
 */
export const employeeBenefitsDefinition: WorkbookDefinition = {
  kind: 'employee-benefits',
  title: 'Employee Benefits',
  description: 'Each employee\'s benefits per position: the benefit rate line, its costs (defaults from Benefit Rates, which you may change) and funding source, with start and end dates, as of a session effective date.',
  scope: 'effective-date',
  search: { group: { label: 'Benefit Category', hint: 'Only the benefits of this category (Health, Dental…).', list: 'benefitCategories' }, status: { label: 'Provider', hint: 'Only the benefits of this provider, such as BLUE SHIELD-20%.' } },
  columns: [
    ...BENEFIT_RECORD_COLUMNS,
    { key: 'benefitCategory', header: 'Type (Benefit Category)', type: 'text', editable: false, enterable: false, required: false, width: 14 },
    { key: 'provider', header: 'Provider', type: 'text', editable: false, enterable: false, required: false, width: 22 },
    { key: 'coverageType', header: 'Coverage Type', type: 'text', editable: false, enterable: false, required: false, width: 12 },
    { key: 'allocation', header: 'Percent/Dollar', type: 'text', editable: false, enterable: false, required: false, width: 10 },
    { key: 'totalCost', header: 'Total Cost', type: 'number', editable: true, enterable: true, required: false, width: 12 },
    { key: 'employeePortion', header: 'Employee Portion', type: 'number', editable: true, enterable: true, required: false, width: 12 },
    { key: 'employerPortion', header: 'Employer Portion', type: 'number', editable: true, enterable: true, required: false, width: 12 },
    { key: 'employeePercent', header: 'Employee Pct', type: 'number', editable: true, enterable: true, required: false, width: 10 },
    { key: 'employerPercent', header: 'Employer Pct', type: 'number', editable: true, enterable: true, required: false, width: 10 },
    { key: 'faceValue', header: 'Face Value', type: 'number', editable: false, enterable: false, required: false, width: 12 },
    { key: 'fundingSource', header: 'Funding Source', type: 'text', editable: true, enterable: true, required: false, width: 10 },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
    // seed: "Leave the End Date blank so that the benefit can be renewed"; a date ends the benefit on it.
    { key: 'endDate', header: 'End Date', type: 'date', editable: true, enterable: true, required: false, width: 12 },
  ],
};
