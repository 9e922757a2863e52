/**
 * The checks a batch line passes at upload (seed: "Benefit Enrollments Integrated Workbook"): required columns,
 * readable dates and numbers, names that exist and are valid on the line's effective date, and the pairs of
 * columns that exclude each other. Pure: the caller looks the names up for the whole chunk first.
 */
import { unknownName } from '../../engine/unknown-names';
import type { CellValue, RowError } from '../../../src/contract/api';
import { readIsoDate, readListValue, readNumber, text } from '../../engine/values';
import { COLUMN_OWNERS, enrollmentBatchesDefinition, ENROLLMENT_TYPES, YES_NO, type EnrollmentType } from './definition';
import type { LineFields } from './line-fields';
import { namedProblem, type Person, type Reference, type Relationship } from './reference.repository';

export interface CheckContext {
  reference: Reference;
  persons: Map<string, Person>;
  relationships: Map<number, Relationship[]>;
}

const header = (key: string) => enrollmentBatchesDefinition.columns.find((c) => c.key === key)?.header ?? key;
const AMOUNT = { min: 0, max: 1_000_000_000 };
const PERCENT = { min: 0, max: 100 };

export function checkLine(values: Record<string, CellValue>, ctx: CheckContext): { fields?: LineFields; errors: RowError[] } {
  const errors: RowError[] = [];
  const take = <T extends { error?: RowError }>(result: T): T => {
    if (result.error) errors.push(result.error);
    return result;
  };
  const requiredText = (key: string, hint: string) => {
    const value = text(values[key]);
    if (!value) errors.push({ column: key, message: `${header(key)} is required. ${hint}` });
    return value;
  };
  const date = (key: string) => take(readIsoDate(values[key], key, header(key))).date;
  const requiredDate = (key: string) => {
    const value = date(key);
    if (!value && !text(values[key])) errors.push({ column: key, message: `${header(key)} is required. Enter a date.` });
    return value;
  };
  const amount = (key: string, bounds = AMOUNT) => take(readNumber(values[key], key, header(key), bounds)).number;
  const yesNo = (key: string) => take(readListValue(values[key], key, header(key), YES_NO)).value;

  const typeText = requiredText('enrollmentType', `Pick one of: ${ENROLLMENT_TYPES.join(', ')}.`);
  const type = typeText ? (take(readListValue(typeText, 'enrollmentType', header('enrollmentType'), ENROLLMENT_TYPES)).value as EnrollmentType | undefined) : undefined;
  const effectiveDate = requiredDate('effectiveDate');
  const personNumber = requiredText('personNumber', 'Enter the participant’s person number.');
  const lifeEventName = requiredText('lifeEvent', 'Pick a life event from the list.');
  const occurred = requiredDate('lifeEventOccurredDate');
  const relationshipName = requiredText('benefitRelationship', 'Pick the participant’s benefit relationship, such as Default.');
  const closeText = requiredText('closeLifeEvent', 'Pick Yes or No.');
  const close = closeText ? yesNo('closeLifeEvent') : undefined;
  const create = yesNo('createPotentialLifeEvent');
  const originalDate = date('originalEnrollmentDate');
  const dateOfBirth = date('dateOfBirth');
  const closeDate = date('closeLifeEventDate');
  const rate = amount('rateAmount');
  const coverage = amount('coverageAmount');
  const primary = amount('primaryBeneficiaryPercentage', PERCENT);
  const contingent = amount('contingentBeneficiaryPercentage', PERCENT);
  const beneficiaryAmount = amount('beneficiaryAmount');
  const programName = text(values.programName);
  const planName = text(values.planName);
  const optionName = text(values.optionName);
  const organizationName = text(values.beneficiaryOrganization);

  // seed: "If you enter a rate amount, ensure that there is no value in coverage amount" (and the other way round).
  if (rate !== undefined && coverage !== undefined) {
    const message = 'Enter a Rate Amount or a Coverage Amount, not both. Clear one of them.';
    errors.push({ column: 'rateAmount', message }, { column: 'coverageAmount', message });
  }
  // seed: a beneficiary percentage excludes a beneficiary amount.
  if (beneficiaryAmount !== undefined && (primary !== undefined || contingent !== undefined)) {
    errors.push({ column: 'beneficiaryAmount', message: 'Enter a beneficiary percentage or a Beneficiary Amount, not both. Clear one of them.' });
  }
  if (closeDate && close === 'No') {
    errors.push({ column: 'closeLifeEventDate', message: 'Close Life Event Date is filled but Close Life Event is No. Set Close Life Event to Yes, or clear the date.' });
  }

  const person = personNumber ? ctx.persons.get(personNumber) : undefined;
  if (personNumber && !person) errors.push({ column: 'personNumber', message: `No participant has person number "${personNumber}". Check the number.` });
  else if (person && person.person_type !== 'Participant') {
    errors.push({ column: 'personNumber', message: `${personNumber} is not a participant. Enter the participant’s person number; dependents and beneficiaries are found by their date of birth.` });
  }

  if (effectiveDate) {
    const named = <T extends { start_date: string; end_date: string }>(key: string, name: string, found: T | undefined, what: string): T | undefined => {
      if (!name) return undefined;
      const problem = namedProblem(found, what, name, effectiveDate);
      if (!problem) return found;
      errors.push(found ? { column: key, message: problem } : unknownName({ column: key, message: `${problem} Names must match exactly; pick one from the list.` }));
      return undefined;
    };
    const program = named('programName', programName, ctx.reference.programs.get(programName), 'program');
    const plan = named('planName', planName, ctx.reference.plans.get(planName), 'plan');
    named('lifeEvent', lifeEventName, ctx.reference.lifeEvents.get(lifeEventName), 'life event');
    if (!planName && type) errors.push({ column: 'planName', message: `Plan Name is required for a ${type.toLowerCase()}. Pick a plan from the list.` });
    if (plan && program && plan.program_id !== program.id) errors.push({ column: 'planName', message: `The plan "${planName}" is not part of the program "${programName}".` });
    const planOptions = plan ? ctx.reference.options.get(plan.id) : undefined;
    if (optionName && plan) {
      const option = planOptions?.get(optionName);
      if (!option) {
        const choices = planOptions ? [...planOptions.keys()].join(', ') : 'none';
        errors.push(unknownName({ column: 'optionName', message: `The plan "${planName}" has no option named "${optionName}". Its options: ${choices}.` }));
      } else {
        const problem = namedProblem(option, 'option', optionName, effectiveDate);
        if (problem) errors.push({ column: 'optionName', message: problem });
      }
    } else if (optionName && !planName) {
      errors.push({ column: 'optionName', message: 'An Option needs its Plan Name. Pick the plan too.' });
    } else if (!optionName && plan && planOptions && type === 'Participant Enrollment' && !ctx.reference.groupLife.get(plan.id)?.defaultLevelId) {
      // seed: a group life plan's Default Benefit Level is pre-selected; with None the enrollee must pick one.
      errors.push({ column: 'optionName', message: `Pick an option of the plan "${planName}": ${[...planOptions.keys()].join(', ')}.` });
    }
    if (person && relationshipName) {
      const relationship = (ctx.relationships.get(person.id) ?? []).find((r) => r.name === relationshipName);
      const problem = relationship ? namedProblem(relationship, 'benefit relationship', relationshipName, effectiveDate) : `${personNumber} has no benefit relationship named "${relationshipName}".`;
      if (problem) errors.push(relationship ? { column: 'benefitRelationship', message: problem } : unknownName({ column: 'benefitRelationship', message: problem }));
    }
  }

  if (type) {
    for (const [key, owners] of Object.entries(COLUMN_OWNERS)) {
      if (owners.includes(type) || !text(values[key])) continue;
      const whose = owners.length === 1 ? owners[0].toLowerCase() : 'dependent and beneficiary designation';
      errors.push({ column: key, message: `${header(key)} belongs to ${whose} lines; leave it blank on a ${type} line (it holds "${text(values[key])}").` });
    }
  }
  if (type === 'Dependent Designation' && !dateOfBirth && !text(values.dateOfBirth)) {
    errors.push({ column: 'dateOfBirth', message: 'Date of Birth is required for a dependent designation: it identifies the dependent among the participant’s contacts.' });
  }
  if (type === 'Beneficiary Designation') {
    if (!organizationName && !dateOfBirth && !text(values.dateOfBirth)) {
      errors.push({ column: 'dateOfBirth', message: 'Enter the beneficiary’s Date of Birth, or a Beneficiary Organizations and Trusts name.' });
    }
    if (organizationName && text(values.dateOfBirth)) {
      errors.push({ column: 'beneficiaryOrganization', message: 'Enter either a beneficiary organization or trust, or a person’s Date of Birth, not both.' });
    }
    if (primary === undefined && contingent === undefined && beneficiaryAmount === undefined) {
      errors.push({ column: 'primaryBeneficiaryPercentage', message: 'Enter a Primary or Contingent Beneficiary Percentage, or a Beneficiary Amount.' });
    }
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    fields: {
      enrollment_type: type as string,
      effective_date: effectiveDate as string,
      person_number: personNumber,
      program_name: programName || null,
      plan_name: planName || null,
      option_name: optionName || null,
      life_event: lifeEventName,
      life_event_occurred_date: occurred as string,
      original_enrollment_date: originalDate ?? null,
      create_potential_life_event: create === 'Yes',
      benefit_relationship: relationshipName,
      rate_amount: rate ?? null,
      coverage_amount: coverage ?? null,
      date_of_birth: dateOfBirth ?? null,
      beneficiary_organization: organizationName || null,
      primary_percentage: primary ?? null,
      contingent_percentage: contingent ?? null,
      beneficiary_amount: beneficiaryAmount ?? null,
      close_life_event_date: closeDate ?? null,
      close_life_event: close === 'Yes',
    } as unknown as LineFields,
  };
}
