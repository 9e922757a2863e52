import type { ColumnDefinition, WorkbookDefinition } from '../../../src/contract/api';

type ColumnType = ColumnDefinition['type'];
/** A column neither typed nor fixed by the user unless `rules` say so. */
const column = (key: string, header: string, type: ColumnType, rules: Partial<ColumnDefinition>): ColumnDefinition => ({
  key,
  header,
  type,
  editable: false,
  enterable: false,
  required: false,
  ...rules,
});
/** seed: "Reserved for the application, do not use." — kept in the sheet, hidden and locked. */
const reserved = (key: string, header: string, type: ColumnType = 'text') => column(key, header, type, { hidden: true });
/** A column the user enters and may fix on downloaded lines. */
const entered = (key: string, header: string, type: ColumnType, more: Partial<ColumnDefinition> = {}) => column(key, header, type, { editable: true, enterable: true, ...more });
/** seed: "Do not modify." — filled by the application. */
const application = (key: string, header: string, type: ColumnType, width: number) => column(key, header, type, { width });

export const ENROLLMENT_TYPES = ['Participant Enrollment', 'Dependent Designation', 'Beneficiary Designation'] as const;
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];
export const YES_NO = ['Yes', 'No'] as const;

/**
 * Columns that belong to some enrollment types only (seed: the column explanations: beneficiary organizations,
 * percentages and amounts are a beneficiary's; Date of Birth is the "dependent's or beneficiary's"; rates, coverage
 * and the original enrollment date are what "the participant enrollment portion" populates). A line of another type
 * that fills one fails at upload naming the column, rather than the value being ignored without a word.
 */
export const COLUMN_OWNERS: Record<string, readonly EnrollmentType[]> = {
  rateAmount: ['Participant Enrollment'],
  coverageAmount: ['Participant Enrollment'],
  originalEnrollmentDate: ['Participant Enrollment'],
  dateOfBirth: ['Dependent Designation', 'Beneficiary Designation'],
  beneficiaryOrganization: ['Beneficiary Designation'],
  primaryBeneficiaryPercentage: ['Beneficiary Designation'],
  contingentBeneficiaryPercentage: ['Beneficiary Designation'],
  beneficiaryAmount: ['Beneficiary Designation'],
};

/** seed: "Benefit Enrollments Integrated Workbook", every column of its table in its order. */
export const enrollmentBatchesDefinition: WorkbookDefinition = {
  kind: 'benefit-enrollments',
  title: 'Benefit Enrollments',
  description: 'Enter enrollment batch lines, upload them, run the Upload Benefit Enrollments process and download each line’s result.',
  scope: 'batch',
  search: {
    group: { label: 'Enrollment type', hint: 'Only the lines of this enrollment type.', list: 'enrollmentTypes' },
    // NEW is a line not processed yet (its Row Batch Status is blank in the sheet).
    status: { label: 'Line status', hint: 'NEW (not processed yet), COMPLETE, ERROR or BACKED OUT.', values: ['NEW', 'COMPLETE', 'ERROR', 'BACKED OUT'] },
  },
  columns: [
    entered('enrollmentType', 'Enrollment Type', 'text', { required: true, list: 'enrollmentTypes', width: 24 }),
    entered('effectiveDate', 'Effective Date', 'date', { required: true, width: 14 }),
    entered('personNumber', 'Person Number', 'text', { required: true, width: 14 }),
    reserved('additionalPersonIdentifier', 'Additional Person Identifier'),
    entered('programName', 'Program Name', 'text', { list: 'programs', width: 22 }),
    entered('planName', 'Plan Name', 'text', { list: 'plans', width: 22 }),
    reserved('planDisenrolledFrom', 'Plan Disenrolled From'),
    entered('optionName', 'Option', 'text', { list: 'options', width: 22 }),
    reserved('optionDisenrolledFrom', 'Option Disenrolled From'),
    entered('lifeEvent', 'Life Event', 'text', { required: true, list: 'lifeEvents', width: 20 }),
    entered('lifeEventOccurredDate', 'Life Event Occurred Date', 'date', { required: true, width: 14 }),
    entered('originalEnrollmentDate', 'Original Participant Enrollment Date', 'date', { width: 14 }),
    entered('createPotentialLifeEvent', 'Create Potential Life Event', 'text', { list: 'yesNo', width: 12 }),
    entered('benefitRelationship', 'Benefit Relationship', 'text', { required: true, list: 'benefitRelationships', width: 16 }),
    entered('rateAmount', 'Rate Amount', 'number', { width: 12 }),
    entered('coverageAmount', 'Coverage Amount', 'number', { width: 12 }),
    reserved('disenrolledCoverageAmount', 'Disenrolled Coverage Amount', 'number'),
    entered('dateOfBirth', 'Date of Birth', 'date', { width: 14 }),
    entered('beneficiaryOrganization', 'Beneficiary Organizations and Trusts', 'text', { list: 'beneficiaryOrganizations', width: 24 }),
    entered('primaryBeneficiaryPercentage', 'Primary Beneficiary Percentage', 'number', { width: 12 }),
    entered('contingentBeneficiaryPercentage', 'Contingent Beneficiary Percentage', 'number', { width: 12 }),
    entered('beneficiaryAmount', 'Beneficiary Amount', 'number', { width: 12 }),
    // Yes on every line of a life event is fine: the event closes once, after its last line in the run. Lines of one
    // event that give different Close Life Event Dates fail together (processing-order.ts, lifeEventClosings).
    entered('closeLifeEventDate', 'Close Life Event Date', 'date', { width: 14 }),
    entered('closeLifeEvent', 'Close Life Event', 'text', { required: true, list: 'yesNo', width: 10 }),
    application('batchLineId', 'Batch Line ID', 'number', 10),
    application('message', 'Message', 'text', 60),
    application('rowBatchStatus', 'Row Batch Status', 'text', 12),
    application('lineKey', 'Key', 'text', 12),
  ],
  highlights: [
    { column: 'rowBatchStatus', equals: 'COMPLETE', tone: 'good' },
    { column: 'rowBatchStatus', equals: 'ERROR', tone: 'bad' },
  ],
  outcome: { column: 'rowBatchStatus', failed: 'ERROR', message: 'message' },
  lifeEvents: { lineId: 'batchLineId' },
};
