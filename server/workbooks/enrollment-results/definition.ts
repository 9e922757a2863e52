import type { ColumnDefinition } from '../../../src/contract/api';
import type { ReadOnlyKind } from '../../engine/workbook-kind';
import { BATCH_FILTER } from '../enrollment-batches/batch-participants';

/** Every column is shown only: nothing here is typed or uploaded. */
const shown = (key: string, header: string, type: ColumnDefinition['type'], width: number): ColumnDefinition => ({ key, header, type, editable: false, enterable: false, required: false, width });

/** The record types, named as the batch's Enrollment Type names the lines that create them. */
export const RECORD_TYPES = ['Potential Life Event', 'Participant Enrollment', 'Dependent Designation', 'Beneficiary Designation'] as const;

export const enrollmentResultsDefinition: ReadOnlyKind['definition'] = {
  kind: 'enrollment-results',
  title: 'Enrollment Results',
  description:
    'See what processing produced: each participant’s potential life events, enrollments and dependent and beneficiary designations in effect on the session effective date or starting later (choose an earlier date for more history), with the batch line that created each.',
  scope: 'effective-date',
  readOnly: { reason: 'It shows what the Upload Benefit Enrollments process created. To change an enrollment or designation, enter a line in a Benefit Enrollments batch and process it.' },
  filter: BATCH_FILTER,
  search: {
    group: { label: 'Record type', hint: 'Only records of this type.', values: [...RECORD_TYPES] },
    status: { label: 'Life event status', hint: 'Started, Closed or Voided.', values: ['Started', 'Closed', 'Voided'] },
  },
  columns: [
    shown('personNumber', 'Person Number', 'text', 14),
    shown('personName', 'Person Name', 'text', 22),
    shown('recordType', 'Record Type', 'text', 22),
    shown('programName', 'Program Name', 'text', 20),
    shown('planName', 'Plan Name', 'text', 16),
    shown('optionName', 'Option Name', 'text', 20),
    shown('lifeEvent', 'Life Event', 'text', 18),
    shown('lifeEventOccurredDate', 'Life Event Occurred Date', 'date', 14),
    shown('lifeEventStatus', 'Life Event Status', 'text', 12),
    shown('lifeEventClosedDate', 'Life Event Closed Date', 'date', 14),
    shown('benefitRelationship', 'Benefit Relationship', 'text', 14),
    shown('rateAmount', 'Rate Amount', 'number', 12),
    shown('coverageAmount', 'Coverage Amount', 'number', 14),
    shown('contactName', 'Dependent or Beneficiary', 'text', 22),
    shown('dateOfBirth', 'Date of Birth', 'date', 14),
    shown('beneficiaryOrganization', 'Beneficiary Organization', 'text', 22),
    shown('primaryBeneficiaryPercentage', 'Primary Beneficiary Percentage', 'number', 12),
    shown('contingentBeneficiaryPercentage', 'Contingent Beneficiary Percentage', 'number', 12),
    shown('beneficiaryAmount', 'Beneficiary Amount', 'number', 12),
    shown('startDate', 'Start Date', 'date', 14),
    shown('endDate', 'End Date', 'date', 14),
    shown('batchName', 'Created by Batch', 'text', 22),
    shown('batchLineId', 'Batch Line ID', 'number', 10),
  ],
};
