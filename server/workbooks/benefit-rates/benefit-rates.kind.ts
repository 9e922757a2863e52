/** Benefit Rates: each benefit's rate line per coverage type, effective-dated (seed: nVision Benefits setup). */
import type { RowError } from '../../../src/contract/api';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { readListValue, readNumber, required, text } from '../../engine/values';
import { unknownName } from '../../engine/unknown-names';
import type { Allocation } from '../../db/benefit-setup.schema';
import { ALLOCATIONS, AMOUNT_BOUNDS, PERCENT_BOUNDS, benefitRatesDefinition } from './definition';
import { checkSplit } from './cost-split';
import { seedBenefitSetup } from './demo-data';
import { categoryNames } from '../benefits/benefits.repository';
import { findBenefitsById, findCoverageTypes, findRateLines, nextRateIds } from './benefit-rates.repository';

export const benefitRatesKind: EffectiveDatedKind = {
  definition: benefitRatesDefinition,
  recordName: 'rate line',
  table: 'benefit_rate_lines',
  attributes: {
    rate_id: 'integer', benefit_id: 'integer', coverage_type_id: 'integer', allocation: 'text', total_cost: 'numeric',
    employee_portion: 'numeric', employer_portion: 'numeric', face_value: 'numeric', deduction_code: 'text',
  },
  seedDemo: (db) => seedBenefitSetup(db),
  // seed: one rate line per benefit and coverage type (in effect at once).
  subject: {
    columns: ['benefit_id', 'coverage_type_id'],
    column: 'coverageType',
    async describe(db, records) {
      const benefits = new Map((await findBenefitsById(db, records.map((r) => r.benefit_id as number))).map((b) => [b.id, b]));
      const types = new Map((await findCoverageTypes(db)).map((t) => [t.id, t.code]));
      return records.map((r) => {
        const b = benefits.get(r.benefit_id as number);
        return { who: `Benefit ${r.benefit_id as number} (${b?.category ?? ''} ${b?.provider ?? ''})`, what: `a ${types.get(r.coverage_type_id as number) ?? ''} rate line (Benefit Rate ID ${r.rate_id as number})` };
      });
    },
  },

  async lists(db) {
    return { coverageTypes: (await findCoverageTypes(db)).map((t) => t.code), allocations: [...ALLOCATIONS], benefitCategories: await categoryNames(db) };
  },

  async download(db, date, page) {
    return toDownloadPage(await findRateLines(db, date, page), (r) => ({
      benefitId: r.benefit_id, benefitCategory: r.category, provider: r.provider, rateId: r.rate_id, coverageType: r.coverage_code,
      allocation: r.allocation, totalCost: Number(r.total_cost), employeePortion: Number(r.employee_portion), employerPortion: Number(r.employer_portion),
      faceValue: Number(r.face_value), deduction: r.deduction_code, startDate: r.effective_start_date, endDate: r.effective_end_date,
    }));
  },

  async resolve(db, inputs) {
    const inserts = inputs.filter((i) => i.row.op === 'insert');
    const benefitIds = inserts.map((i) => Number(text(i.row.values.benefitId))).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);
    const benefits = new Map((await findBenefitsById(db, benefitIds)).map((b) => [b.id, b]));
    const types = new Map((await findCoverageTypes(db)).map((t) => [t.code.toLowerCase(), t]));
    const newIds = await nextRateIds(db, inserts.length);

    return inputs.map(({ row, current }): Resolution => {
      const errors: RowError[] = [];
      const v = row.values;
      let benefitId = current?.benefit_id as number | undefined;
      let typeId = current?.coverage_type_id as number | undefined;
      if (row.op === 'insert') {
        const typed = text(v.benefitId);
        const id = Number(typed);
        benefitId = benefits.has(id) ? id : undefined;
        if (!typed) errors.push(required('benefitId', 'Benefit ID', 'Enter the ID of the benefit the rate is for (the Benefits workbook lists them).'));
        else if (benefitId === undefined) errors.push({ column: 'benefitId', message: `There is no benefit with Benefit ID "${typed}". Enter an ID from the Benefits workbook.` });
        const code = text(v.coverageType);
        typeId = types.get(code.toLowerCase())?.id;
        if (!code) errors.push(required('coverageType', 'Benefit Coverage Type Code', 'Pick a coverage type from the list.'));
        else if (typeId === undefined) errors.push(unknownName({ column: 'coverageType', message: `There is no benefit coverage type with code "${code}". Pick one from the list.` }));
      }
      const allocation = readListValue(v.allocation, 'allocation', 'Percent/Dollar', ALLOCATIONS);
      if (allocation.error) errors.push(allocation.error);
      else if (!allocation.value) errors.push(required('allocation', 'Percent/Dollar', 'Pick Dollar (the portions are amounts) or Percent (the portions are percentages of the total).'));
      const isPercent = allocation.value === 'Percent';
      const number = (column: string, header: string, bounds = AMOUNT_BOUNDS, needed = true) => {
        const read = readNumber(v[column], column, header, bounds);
        if (read.error) errors.push(read.error);
        else if (read.number === undefined && needed) errors.push(required(column, header, isPercent && bounds === PERCENT_BOUNDS ? 'Enter a percentage of the total cost.' : 'Enter an amount.'));
        return read.number;
      };
      const total = number('totalCost', 'Total Cost');
      const employee = number('employeePortion', 'Employee Portion', isPercent ? PERCENT_BOUNDS : AMOUNT_BOUNDS);
      const employer = number('employerPortion', 'Employer Portion', isPercent ? PERCENT_BOUNDS : AMOUNT_BOUNDS);
      const face = number('faceValue', 'Face Value', AMOUNT_BOUNDS, false);
      if (errors.length === 0) errors.push(...checkSplit(allocation.value as Allocation, { total: total!, employee: employee!, employer: employer! }));
      if (errors.length > 0) return { errors };
      const rateId = row.op === 'insert' ? newIds[inserts.findIndex((i) => i.row === row)] : (current?.rate_id as number);
      return {
        errors,
        attributes: {
          rate_id: rateId, benefit_id: benefitId, coverage_type_id: typeId, allocation: allocation.value, total_cost: total,
          employee_portion: employee, employer_portion: employer, face_value: face ?? 0, deduction_code: text(v.deduction) || null,
        },
      };
    });
  },
};
