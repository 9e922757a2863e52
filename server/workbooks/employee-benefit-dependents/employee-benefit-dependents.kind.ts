/** Employee Benefit Dependents: which of the employee's dependents an employee benefit covers, and from when. */
import type { RowError } from '../../../src/contract/api';
import { findPersonNumbers, findPersonsByNumber } from '../../engine/persons.repository';
import { required, text } from '../../engine/values';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { categoryNames } from '../benefits/benefits.repository';
import { employeeBenefitDependentsDefinition } from './definition';
import { findBenefitsInEffect, findContactNames, findContactsOf, findDependents } from './dependents.repository';

export const employeeBenefitDependentsKind: EffectiveDatedKind = {
  definition: employeeBenefitDependentsDefinition,
  recordName: 'benefit dependent',
  table: 'employee_benefit_dependents',
  attributes: { person_id: 'integer', employee_benefit_key: 'text', contact_id: 'integer' },
  // seed: each dependent's own "Start Date" and "End Date"; the engine applies the typed end as on Employee Benefits.
  endDateColumn: 'endDate',
  // A dependent is linked to a benefit once at a time.
  subject: {
    columns: ['person_id', 'employee_benefit_key', 'contact_id'],
    column: 'dependent',
    async describe(db, records) {
      const persons = await findPersonNumbers(db, records.map((r) => r.person_id as number));
      const names = await findContactNames(db, records.map((r) => r.contact_id as number));
      return records.map((r) => ({ who: `${persons.get(r.person_id as number) ?? 'This employee'}'s benefit`, what: `${names.get(r.contact_id as number) ?? 'this dependent'} as a dependent` }));
    },
  },

  async lists(db) {
    return { benefitCategories: await categoryNames(db) };
  },

  async download(db, date, page) {
    return toDownloadPage(await findDependents(db, date, page), (r) => ({
      personNumber: r.person_number, personName: r.person_name, assignment: r.assignment_number, rateId: r.rate_id, provider: r.provider,
      benefitCategory: r.category, dependent: r.dependent, relationship: r.relationship, startDate: r.effective_start_date, endDate: r.effective_end_date,
    }));
  },

  // Every column that names the link is enterable only: a new row is a new link (an update changes only its End Date).
  async resolve(db, inputs, date) {
    const persons = new Map((await findPersonsByNumber(db, inputs.map((i) => text(i.row.values.personNumber)).filter(Boolean))).map((p) => [p.person_number, p.id]));
    const ids = [...persons.values()];
    const benefits = await findBenefitsInEffect(db, ids, date);
    const contacts = await findContactsOf(db, ids);

    return inputs.map(({ row, current }): Resolution => {
      if (row.op !== 'insert' && current) return { errors: [], attributes: current };
      const errors: RowError[] = [];
      const v = row.values;
      const number = text(v.personNumber);
      const personId = persons.get(number);
      if (!number) errors.push(required('personNumber', 'Person Number', 'Enter the employee whose benefit covers the dependent.'));
      else if (personId === undefined) errors.push({ column: 'personNumber', message: `There is no person with number "${number}".` });
      const assignment = text(v.assignment);
      const rateId = Number(text(v.rateId));
      if (!assignment) errors.push(required('assignment', 'Position (Assignment)', 'Enter the assignment the benefit is on.'));
      if (!text(v.rateId)) errors.push(required('rateId', 'Benefit Rate ID', 'Enter the Benefit Rate ID of the employee\'s benefit (the Employee Benefits workbook shows it).'));
      const name = text(v.dependent);
      if (!name) errors.push(required('dependent', 'Dependent', 'Enter the name of one of the employee\'s dependents (the Contacts workbook lists them).'));
      if (errors.length > 0 || personId === undefined) return { errors, personId };
      const benefit = benefits.find((b) => b.person_id === personId && b.assignment_number === assignment && b.rate_id === rateId);
      if (!benefit) errors.push({ column: 'rateId', message: `${number} has no benefit with Benefit Rate ID ${text(v.rateId)} on assignment ${assignment} in effect on ${date}. Check the Employee Benefits workbook on that date.` });
      // seed: the dependent is selected "from a listing of the employee's existing dependents".
      const contact = contacts.find((c) => c.person_id === personId && c.name.toLowerCase() === name.toLowerCase());
      if (!contact) errors.push({ column: 'dependent', message: `"${name}" is not one of ${number}'s dependents. Enter a name from the employee's dependents (the Contacts workbook lists them).` });
      if (errors.length > 0) return { errors, personId };
      return { errors, attributes: { person_id: personId, employee_benefit_key: benefit!.key, contact_id: contact!.id } };
    });
  },
};
