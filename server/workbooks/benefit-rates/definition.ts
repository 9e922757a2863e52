import type { WorkbookDefinition } from '../../../src/contract/api';

export const ALLOCATIONS = ['Dollar', 'Percent'] as const;

/**
 * seed (nVision Benefits setup, Benefit Rates): one line per benefit and coverage type, a rate change is keying over
 * a line's values; here that is an edit on the session effective date (the prior rates are end-dated the day before).
 */
export const benefitRatesDefinition: WorkbookDefinition = {
  kind: 'benefit-rates',
  title: 'Benefit Rates',
  description: 'The rate lines of each benefit (nVision Benefits setup): per coverage type, Percent/Dollar, total cost, employee and employer portions, face value and deduction, as of a session effective date. Change rates as of the date they take effect.',
  scope: 'effective-date',
  search: {
    persons: false,
    name: { label: 'Provider', hint: 'Part of the provider, such as blue.' },
    group: { label: 'Benefit Category', hint: 'Only the benefits of this category (Health, Dental…).', list: 'benefitCategories' },
    status: { label: 'Coverage Type', hint: 'Only the rate lines of this coverage type (Family, Individual…).', list: 'coverageTypes' },
  },
  columns: [
    { key: 'benefitId', header: 'Benefit ID', type: 'number', editable: false, enterable: true, required: true, width: 10, identifying: true },
    { key: 'benefitCategory', header: 'Benefit Category', type: 'text', editable: false, enterable: false, required: false, width: 16, identifying: true },
    { key: 'provider', header: 'Provider', type: 'text', editable: false, enterable: false, required: false, width: 24, identifying: true },
    { key: 'rateId', header: 'Benefit Rate ID', type: 'number', editable: false, enterable: false, required: false, width: 10 },
    { key: 'coverageType', header: 'Benefit Coverage Type Code', type: 'text', editable: false, enterable: true, required: true, list: 'coverageTypes', width: 16 },
    { key: 'allocation', header: 'Percent/Dollar', type: 'text', editable: true, enterable: true, required: true, list: 'allocations', width: 12 },
    { key: 'totalCost', header: 'Total Cost', type: 'number', editable: true, enterable: true, required: true, width: 12 },
    { key: 'employeePortion', header: 'Employee Portion', type: 'number', editable: true, enterable: true, required: true, width: 12 },
    { key: 'employerPortion', header: 'Employer Portion', type: 'number', editable: true, enterable: true, required: true, width: 12 },
    { key: 'faceValue', header: 'Face Value', type: 'number', editable: true, enterable: true, required: false, width: 12 },
    { key: 'deduction', header: 'Deduction', type: 'text', editable: true, enterable: true, required: false, width: 12 },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
    { key: 'endDate', header: 'End Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
  ],
};

export const AMOUNT_BOUNDS = { min: 0, max: 999_999_999.99 };
export const PERCENT_BOUNDS = { min: 0, max: 100 };
