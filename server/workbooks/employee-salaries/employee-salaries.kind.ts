/**
 * Employee Salaries: an employee's annual salary and pay periods, effective-dated (a raise is an edit on its date),
 * with the person's gender beside it (stored on the person, not dated). Data access applies as to every person kind.
 */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import { findPersonNumbers, findPersonsByNumber } from '../../engine/persons.repository';
import { findDisplayPage, type DisplayRow } from '../../engine/effective-dated.repository';
import { GENDERS } from '../../engine/list-values';
import { readListValue, readNumber, required, text } from '../../engine/values';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { DEFAULT_PAY_PERIODS, employeeSalariesDefinition } from './definition';

type SalaryRow = DisplayRow<{ person_number: string; person_name: string; gender: string | null; annual_salary: string; pay_periods: number }>;

export const employeeSalariesKind: EffectiveDatedKind = {
  definition: employeeSalariesDefinition,
  recordName: 'salary',
  table: 'person_salaries',
  attributes: { person_id: 'integer', annual_salary: 'numeric', pay_periods: 'integer' },
  // One salary in effect per person at a time.
  subject: {
    columns: ['person_id'],
    column: 'personNumber',
    async describe(db, records) {
      const persons = await findPersonNumbers(db, records.map((r) => r.person_id as number));
      return records.map((r) => ({ who: persons.get(r.person_id as number) ?? 'This employee', what: 'a salary' }));
    },
  },

  async lists() {
    return { genders: GENDERS };
  },

  async download(db, date, page) {
    const found = await findDisplayPage<SalaryRow>(db, {
      table: 'person_salaries',
      columns: sql`p.person_number, p.first_name || ' ' || p.last_name as person_name, p.gender, r.annual_salary, r.pay_periods`,
      joins: sql`join persons p on p.id = r.person_id`,
      orderBy: [{ expr: 'p.person_number', type: 'text' }, { expr: 'r.key', type: 'text' }],
      search: { personNumber: 'p.person_number', name: "p.first_name || ' ' || p.last_name", group: 'p.gender' },
    }, date, page);
    return toDownloadPage(found, (r) => ({
      personNumber: r.person_number, personName: r.person_name, gender: r.gender, annualSalary: Number(r.annual_salary), payPeriods: r.pay_periods,
      startDate: r.effective_start_date, endDate: r.effective_end_date,
    }));
  },

  async resolve(db, inputs) {
    const numbers = inputs.filter((i) => i.row.op === 'insert').map((i) => text(i.row.values.personNumber)).filter(Boolean);
    const persons = new Map((await findPersonsByNumber(db, numbers)).map((p) => [p.person_number, p.id]));
    return inputs.map(({ row, current }): Resolution => {
      const errors: RowError[] = [];
      const v = row.values;
      let personId = current?.person_id as number | undefined;
      if (row.op === 'insert') {
        const number = text(v.personNumber);
        personId = persons.get(number);
        if (!number) errors.push(required('personNumber', 'Person Number', 'Enter the employee the salary is for.'));
        else if (personId === undefined) errors.push({ column: 'personNumber', message: `There is no person with number "${number}".` });
      }
      const salary = readNumber(v.annualSalary, 'annualSalary', 'Annual Salary', { min: 0.01, max: 1e9 });
      if (salary.error) errors.push(salary.error);
      else if (salary.number === undefined) errors.push(required('annualSalary', 'Annual Salary', 'Enter the yearly salary, such as 52000.'));
      const periods = readNumber(v.payPeriods, 'payPeriods', 'Pay Periods', { min: 1, max: 366 });
      if (periods.error) errors.push(periods.error);
      else if (periods.number !== undefined && !Number.isInteger(periods.number)) errors.push({ column: 'payPeriods', message: `Pay Periods must be a whole number of payroll deductions a year, such as 26 or 12; ${periods.number} is not.` });
      const gender = 'gender' in v ? readListValue(v.gender, 'gender', 'Gender', GENDERS) : undefined;
      if (gender?.error) errors.push(gender.error);
      if (errors.length > 0) return { errors, personId };
      const payPeriods = periods.number ?? (current?.pay_periods as number | undefined) ?? DEFAULT_PAY_PERIODS;
      // gender is not a salary column: afterWrite puts it on the person.
      return { errors, personId, attributes: { person_id: personId, annual_salary: salary.number, pay_periods: payPeriods, ...(gender ? { gender: gender.value ?? null } : {}) } };
    });
  },

  async afterWrite(db, written) {
    const genders = written.filter((w) => 'gender' in w.attributes).map((w) => ({ person_id: w.attributes.person_id as number, gender: w.attributes.gender as string | null }));
    if (genders.length === 0) return;
    await sql`update persons p set gender = v.gender from json_to_recordset(${JSON.stringify(genders)}::json) as v(person_id integer, gender text)
      where p.id = v.person_id and p.gender is distinct from v.gender`.execute(db);
  },
};
