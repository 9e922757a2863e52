import type { WorkbookDefinition } from '../../../src/contract/api';

/**
 * What the group life calculation needs of an employee (seed: Selerix "Rates Based On Salary", "Use rate genders",
 * "payroll deduction"): the annual salary and pay periods a year, effective-dated, and the gender of gender-rated grids.
 */
export const employeeSalariesDefinition: WorkbookDefinition = {
  kind: 'employee-salaries',
  title: 'Employee Salaries',
  description: 'Each employee’s annual salary and pay periods a year (the payroll deductions a premium is spread over), as of a session effective date, and their gender for plans rated by gender.',
  scope: 'effective-date',
  // Person numbers and name, as every kind of persons, and the gender of gender-rated grids.
  search: { group: { label: 'Gender', hint: 'Only the employees of this gender.', list: 'genders' } },
  columns: [
    { key: 'personNumber', header: 'Person Number', type: 'text', editable: false, enterable: true, required: true, width: 14, identifying: true },
    { key: 'personName', header: 'Person Name', type: 'text', editable: false, enterable: false, required: false, width: 22, identifying: true },
    { key: 'gender', header: 'Gender', type: 'text', editable: true, enterable: true, required: false, list: 'genders', width: 10 },
    { key: 'annualSalary', header: 'Annual Salary', type: 'number', editable: true, enterable: true, required: true, width: 14 },
    { key: 'payPeriods', header: 'Pay Periods', type: 'number', editable: true, enterable: true, required: false, width: 10 },
    { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
    { key: 'endDate', header: 'End Date', type: 'date', editable: false, enterable: false, required: false, width: 12 },
  ],
};

/** Every other week, the demo's and the database's default. */
export const DEFAULT_PAY_PERIODS = 26;
