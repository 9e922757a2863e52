import type { KeyedKind } from '../../engine/workbook-kind';

export const YES_NO = ['Yes', 'No'];
/** seed: "View multiple of salary": X of salary; otherwise % of salary. */
export const BASES = { 'X of Salary': 'multiple', '% of Salary': 'percent' } as const;
export const ROUNDINGS = { None: 'none', Nearest: 'nearest', Up: 'up', Down: 'down' } as const;
/** seed: "Benefit Amount Mode … Annual, Monthly, or Weekly". */
export const MODES = { Annual: 'annual', Monthly: 'monthly', Weekly: 'weekly' } as const;
/** seed: "You can also select "None" as an option." */
export const NO_DEFAULT_LEVEL = 'None';

/** seed (Selerix group life: View multiple of salary, Configuration Options): one row per group life plan. */
export const groupLifePlansDefinition: KeyedKind['definition'] = {
  kind: 'group-life-plans',
  title: 'Group Life Plans',
  description: 'Each group life plan’s settings: multiple or percentage of salary, rounding, Benefit Amount Mode, Default Benefit Level, Rates Based On Salary, age determination date and monthly fees. Add a row to make a benefit plan a group life plan.',
  scope: 'keyed',
  // A plan holds no person's data: searched by its name and its basis.
  search: { persons: false, name: { label: 'Plan', hint: 'Part of the plan\'s name, such as life.' }, group: { label: 'X of Salary or % of Salary', hint: 'Only the plans of this basis.', list: 'bases' } },
  columns: [
    { key: 'planId', header: 'Plan ID', type: 'number', editable: false, enterable: false, required: false, width: 8, identifying: true },
    { key: 'plan', header: 'Plan', type: 'text', editable: false, enterable: true, required: true, list: 'benefitPlans', width: 22, identifying: true },
    { key: 'basis', header: 'X of Salary or % of Salary', type: 'text', editable: true, enterable: true, required: true, list: 'bases', width: 14 },
    { key: 'benefitAmountMode', header: 'Benefit Amount Mode', type: 'text', editable: true, enterable: true, required: false, list: 'modes', width: 12 },
    { key: 'defaultLevel', header: 'Default Benefit Level', type: 'text', editable: true, enterable: true, required: false, list: 'benefitLevels', width: 16 },
    { key: 'roundSalaryFirst', header: 'Round Employee Salary First', type: 'text', editable: true, enterable: true, required: false, list: 'yesNo', width: 12 },
    { key: 'roundAfterStepDown', header: 'Round Benefit After Stepdown', type: 'text', editable: true, enterable: true, required: false, list: 'yesNo', width: 12 },
    { key: 'rounding', header: 'Rounding', type: 'text', editable: true, enterable: true, required: false, list: 'roundings', width: 10 },
    { key: 'roundingUnit', header: 'Rounding Unit', type: 'number', editable: true, enterable: true, required: false, width: 10 },
    { key: 'ratesBasedOnSalary', header: 'Rates Based On Salary', type: 'text', editable: true, enterable: true, required: false, list: 'yesNo', width: 12 },
    { key: 'ageDeterminationDate', header: 'Age Determination Date', type: 'date', editable: true, enterable: true, required: false, width: 14 },
    { key: 'employeeMonthlyFee', header: 'Monthly Fee (Employee-paid)', type: 'number', editable: true, enterable: true, required: false, width: 12 },
    { key: 'employerMonthlyFee', header: 'Monthly Fee (Employer Paid)', type: 'number', editable: true, enterable: true, required: false, width: 12 },
  ],
};
