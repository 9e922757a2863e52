import type { WorkbookDefinition } from '../../../src/contract/api';

export const HABIT_LISTS = {
  personTypes: ['Participant', 'Dependent'],
  studentStatuses: ['Full-time student', 'Part-time student', 'Not a student'],
  disabilityStatuses: ['Disabled', 'Not disabled', 'Pending verification'],
  disabilityTypes: ['Physical', 'Mental', 'Sensory', 'Other'],
  tobaccoUses: ['Tobacco user', 'Non-tobacco user', 'Former tobacco user'],
  yesNo: ['Yes', 'No'],
} as const;

/** seed: editable are Student Status, Disability Status, Disability Type, Tobacco Use, Covered in Another Plan and Plan. */
export const personHabitsDefinition: WorkbookDefinition = {
  kind: 'person-habits',
  title: 'Person Habits',
  description: 'Student and disability status, tobacco use and other coverage, for participants and their dependents.',
  scope: 'effective-date',
  // Tobacco use is the habit benefits teams pull lists by (surcharges), so it is this kind's group.
  search: { group: { label: 'Tobacco use', hint: 'Only the persons recorded with this tobacco use.', list: 'tobaccoUses' } },
  columns: [
    { key: 'personNumber', header: 'Person Number', type: 'text', editable: false, enterable: true, required: false, width: 14, identifying: true },
    { key: 'firstName', header: 'First Name', type: 'text', editable: false, enterable: true, required: false, width: 14, identifying: true },
    { key: 'lastName', header: 'Last Name', type: 'text', editable: false, enterable: true, required: false, width: 14, identifying: true },
    { key: 'dateOfBirth', header: 'Date of Birth', type: 'date', editable: false, enterable: true, required: false, width: 13 },
    { key: 'personType', header: 'Person Type', type: 'text', editable: false, enterable: true, required: true, list: 'personTypes', width: 13 },
    { key: 'studentStatus', header: 'Student Status', type: 'text', editable: true, enterable: true, required: false, list: 'studentStatuses', width: 18 },
    { key: 'disabilityStatus', header: 'Disability Status', type: 'text', editable: true, enterable: true, required: false, list: 'disabilityStatuses', width: 18 },
    { key: 'disabilityType', header: 'Disability Type', type: 'text', editable: true, enterable: true, required: false, list: 'disabilityTypes', width: 14 },
    { key: 'tobaccoUse', header: 'Tobacco Use', type: 'text', editable: true, enterable: true, required: false, list: 'tobaccoUses', width: 18 },
    { key: 'coveredInAnotherPlan', header: 'Covered in Another Plan', type: 'text', editable: true, enterable: true, required: false, list: 'yesNo', width: 12 },
    { key: 'plan', header: 'Plan', type: 'text', editable: true, enterable: true, required: false, width: 22 },
  ],
};

/** Coded columns: column key → stored attribute and its list of values. */
export const CODED = [
  { key: 'studentStatus', header: 'Student Status', attribute: 'student_status', list: HABIT_LISTS.studentStatuses },
  { key: 'disabilityStatus', header: 'Disability Status', attribute: 'disability_status', list: HABIT_LISTS.disabilityStatuses },
  { key: 'disabilityType', header: 'Disability Type', attribute: 'disability_type', list: HABIT_LISTS.disabilityTypes },
  { key: 'tobaccoUse', header: 'Tobacco Use', attribute: 'tobacco_use', list: HABIT_LISTS.tobaccoUses },
  { key: 'coveredInAnotherPlan', header: 'Covered in Another Plan', attribute: 'covered_in_another_plan', list: HABIT_LISTS.yesNo },
] as const;
