/** A batch line as stored, and the same line as sheet values: one mapping both ways. */
import type { Selectable } from 'kysely';
import type { CellValue } from '../../../src/contract/api';
import type { EnrollmentBatchLinesTable } from '../../db/schema';
import type { Values } from '../../engine/workbook-kind';

export type StoredLine = Selectable<EnrollmentBatchLinesTable>;

/** The columns a user enters, by column key → stored column. */
export const ENTERED_FIELDS = {
  enrollmentType: 'enrollment_type',
  effectiveDate: 'effective_date',
  personNumber: 'person_number',
  programName: 'program_name',
  planName: 'plan_name',
  optionName: 'option_name',
  lifeEvent: 'life_event',
  lifeEventOccurredDate: 'life_event_occurred_date',
  originalEnrollmentDate: 'original_enrollment_date',
  createPotentialLifeEvent: 'create_potential_life_event',
  benefitRelationship: 'benefit_relationship',
  rateAmount: 'rate_amount',
  coverageAmount: 'coverage_amount',
  dateOfBirth: 'date_of_birth',
  beneficiaryOrganization: 'beneficiary_organization',
  primaryBeneficiaryPercentage: 'primary_percentage',
  contingentBeneficiaryPercentage: 'contingent_percentage',
  beneficiaryAmount: 'beneficiary_amount',
  closeLifeEventDate: 'close_life_event_date',
  closeLifeEvent: 'close_life_event',
} as const satisfies Record<string, keyof StoredLine>;

export type EnteredColumn = keyof typeof ENTERED_FIELDS;
/** A checked line's stored values (what an insert or update writes). */
export type LineFields = { [K in EnteredColumn as (typeof ENTERED_FIELDS)[K]]: StoredLine[(typeof ENTERED_FIELDS)[K]] };

const amount = (value: string | number | null): number | null => (value === null ? null : Number(value));

/** The line as the sheet shows it; Row Batch Status is blank until the process has run the line. */
export function lineValues(line: StoredLine): Values {
  const values: Values = {};
  for (const [column, field] of Object.entries(ENTERED_FIELDS)) {
    const value = line[field] as string | number | boolean | null;
    values[column] = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : (value as CellValue);
  }
  for (const column of ['rateAmount', 'coverageAmount', 'primaryBeneficiaryPercentage', 'contingentBeneficiaryPercentage', 'beneficiaryAmount'] as const) {
    values[column] = amount(line[ENTERED_FIELDS[column]] as string | null);
  }
  values.batchLineId = line.line_id;
  values.message = line.message ?? '';
  values.rowBatchStatus = line.status === 'NEW' ? '' : line.status;
  values.lineKey = line.key;
  return values;
}
