/** Employee Benefits: an employee's benefit rate line on a position, with its costs (seed: nVision Employee Information, Benefits). */
import type { RowError } from '../../../src/contract/api';
import { inEffect } from '../../engine/effective-dating';
import { findPersonNumbers, findPersonsByNumber } from '../../engine/persons.repository';
import { readNumber, required, text } from '../../engine/values';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { categoryNames } from '../benefits/benefits.repository';
import { AMOUNT_BOUNDS, PERCENT_BOUNDS } from '../benefit-rates/definition';
import type { Allocation } from '../../db/benefit-setup.schema';
import { employeeBenefitsDefinition } from './definition';
import { employeeCosts, type TypedCosts } from './employee-costs';
import { seedEmployeeBenefits } from './demo-data';
import { existingRateIds, findAssignmentsByNumber, findBenefitNames, findEmployeeBenefits, findRateLinesOn } from './employee-benefits.repository';

const COSTS = [
  ['totalCost', 'Total Cost', AMOUNT_BOUNDS], ['employeePortion', 'Employee Portion', AMOUNT_BOUNDS], ['employerPortion', 'Employer Portion', AMOUNT_BOUNDS],
  ['employeePercent', 'Employee Pct', PERCENT_BOUNDS], ['employerPercent', 'Employer Pct', PERCENT_BOUNDS],
] as const;

const asNumber = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

export const employeeBenefitsKind: EffectiveDatedKind = {
  definition: employeeBenefitsDefinition,
  recordName: 'employee benefit',
  table: 'employee_benefits',
  attributes: {
    person_id: 'integer', assignment_id: 'integer', rate_id: 'integer', benefit_id: 'integer', allocation: 'text', total_cost: 'numeric',
    employee_portion: 'numeric', employer_portion: 'numeric', employee_percent: 'numeric', employer_percent: 'numeric', face_value: 'numeric', funding_source: 'text',
  },
  seedDemo: seedEmployeeBenefits,
  // seed: the employee benefit's "Start Date" and "End Date"; the engine applies it (end ≥ start, message on the row).
  endDateColumn: 'endDate',
  // One record of a benefit per employee and position in effect at once.
  subject: {
    columns: ['person_id', 'assignment_id', 'benefit_id'],
    column: 'rateId',
    async describe(db, records) {
      const persons = await findPersonNumbers(db, records.map((r) => r.person_id as number));
      const benefits = await findBenefitNames(db, records.map((r) => r.benefit_id as number));
      return records.map((r) => ({ who: persons.get(r.person_id as number) ?? 'This employee', what: `${benefits.get(r.benefit_id as number) ?? 'this benefit'} on this position` }));
    },
  },

  async lists(db) {
    return { benefitCategories: await categoryNames(db) };
  },

  async download(db, date, page) {
    return toDownloadPage(await findEmployeeBenefits(db, date, page), (r) => ({
      personNumber: r.person_number, personName: r.person_name, assignment: r.assignment_number, rateId: r.rate_id, benefitCategory: r.category,
      provider: r.provider, coverageType: r.coverage_code, allocation: r.allocation, totalCost: Number(r.total_cost), employeePortion: Number(r.employee_portion),
      employerPortion: Number(r.employer_portion), employeePercent: asNumber(r.employee_percent) ?? null, employerPercent: asNumber(r.employer_percent) ?? null,
      faceValue: Number(r.face_value), fundingSource: r.funding_source, startDate: r.effective_start_date, endDate: r.effective_end_date,
    }));
  },

  async resolve(db, inputs, date) {
    const inserts = inputs.filter((i) => i.row.op === 'insert');
    const persons = new Map((await findPersonsByNumber(db, inserts.map((i) => text(i.row.values.personNumber)).filter(Boolean))).map((p) => [p.person_number, p.id]));
    const assignments = new Map((await findAssignmentsByNumber(db, inserts.map((i) => text(i.row.values.assignment)).filter(Boolean))).map((a) => [a.assignment_number, a]));
    const typedRate = (i: (typeof inputs)[number]) => (i.row.op === 'insert' ? Number(text(i.row.values.rateId)) : (i.current?.rate_id as number));
    const rateIds = inputs.map(typedRate).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);
    const rates = new Map((await findRateLinesOn(db, rateIds, date)).map((r) => [r.rate_id, r]));
    const known = await existingRateIds(db, rateIds);

    return inputs.map((input): Resolution => {
      const { row, current } = input;
      const errors: RowError[] = [];
      const v = row.values;
      let personId = current?.person_id as number | undefined;
      let assignmentId = current?.assignment_id as number | undefined;
      if (row.op === 'insert') {
        const number = text(v.personNumber);
        personId = persons.get(number);
        if (!number) errors.push(required('personNumber', 'Person Number', 'Enter the employee the benefit is for.'));
        else if (personId === undefined) errors.push({ column: 'personNumber', message: `There is no person with number "${number}".` });
        // seed: "An employee must already have an existing appointment in order to enter benefits information."
        const assignmentNumber = text(v.assignment);
        const assignment = assignments.get(assignmentNumber);
        if (!assignmentNumber) errors.push(required('assignment', 'Position (Assignment)', 'Enter one of the employee\'s assignment numbers.'));
        else if (personId !== undefined && (!assignment || assignment.person_id !== personId)) errors.push({ column: 'assignment', message: `"${assignmentNumber}" is not one of ${number}'s assignments.` });
        else if (assignment && !inEffect(assignment, date)) errors.push({ column: 'assignment', message: `The assignment ${assignmentNumber} is not in effect on ${date} (it runs ${assignment.start_date} to ${assignment.end_date}).` });
        assignmentId = assignment?.id;
      }
      const typedId = typedRate(input);
      const rate = rates.get(typedId);
      if (row.op === 'insert' && !text(v.rateId)) errors.push(required('rateId', 'Benefit Rate ID', 'Enter the rate line of the benefit and coverage type (the Benefit Rates workbook lists them).'));
      else if (!rate && !known.has(typedId)) errors.push({ column: 'rateId', message: `There is no benefit rate line with Benefit Rate ID "${text(v.rateId) || typedId}". Enter an ID from the Benefit Rates workbook.` });
      else if (!rate) errors.push({ column: 'rateId', message: `The benefit rate line ${typedId} is not in effect on ${date}. Prepare the workbook on a date it is in effect, or pick another rate line.` });
      const typed: TypedCosts = {};
      for (const [column, header, bounds] of COSTS) {
        const read = readNumber(v[column], column, header, bounds);
        if (read.error) errors.push(read.error);
        else typed[column] = read.number;
      }
      if (errors.length > 0 || !rate) return { errors, personId };
      const stored = current ? { employeePortion: Number(current.employee_portion), employerPortion: Number(current.employer_portion) } : undefined;
      const defaults = { allocation: rate.allocation as Allocation, total: Number(rate.total_cost), employee: Number(rate.employee_portion), employer: Number(rate.employer_portion) };
      const { costs, errors: costErrors } = employeeCosts(defaults, typed, stored);
      if (!costs) return { errors: costErrors, personId };
      return {
        errors,
        attributes: {
          person_id: personId, assignment_id: assignmentId, rate_id: rate.rate_id, benefit_id: rate.benefit_id, allocation: rate.allocation,
          total_cost: costs.total, employee_portion: costs.employee, employer_portion: costs.employer, employee_percent: costs.employeePercent,
          employer_percent: costs.employerPercent, face_value: Number(rate.face_value), funding_source: text(v.fundingSource) || null,
        },
      };
    });
  },
};
