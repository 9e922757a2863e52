/** Person Benefit Balances: a value per person and balance, owned by a primary assignment or a benefits relationship. */
import { unknownName } from '../../engine/unknown-names';
import type { RowError } from '../../../src/contract/api';
import { inEffect } from '../../engine/effective-dating';
import { findPersonNumbers, findPersonsByNumber, findRelationshipsOf } from '../../engine/persons.repository';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { readNumber, required, text } from '../../engine/values';
import { benefitBalancesDefinition, VALUE_BOUNDS } from './definition';
import { seedBenefitBalances } from './demo-data';
import {
  balanceTypeNamesById,
  balanceTypeNamesValidOn,
  findAssignments,
  findBalances,
  findBalanceTypes,
  relationshipNamesValidOn,
} from './benefit-balances.repository';

export const benefitBalancesKind: EffectiveDatedKind = {
  definition: benefitBalancesDefinition,
  recordName: 'balance',
  table: 'person_benefit_balances',
  attributes: { person_id: 'integer', balance_type_id: 'integer', value: 'numeric', assignment_id: 'integer', relationship_id: 'integer' },
  seedDemo: seedBenefitBalances,
  // A person has one value of each balance at a time.
  subject: {
    columns: ['person_id', 'balance_type_id'],
    column: 'balanceName',
    async describe(db, records) {
      const persons = await findPersonNumbers(db, records.map((r) => r.person_id as number));
      const types = await balanceTypeNamesById(db, records.map((r) => r.balance_type_id as number));
      return records.map((r) => ({ who: persons.get(r.person_id as number) ?? 'This person', what: `a ${types.get(r.balance_type_id as number) ?? ''} balance` }));
    },
  },

  async lists(db, date) {
    return { balanceTypes: await balanceTypeNamesValidOn(db, date), relationshipNames: await relationshipNamesValidOn(db, date) };
  },

  async download(db, date, page) {
    return toDownloadPage(await findBalances(db, date, page), (r) => ({
          personNumber: r.person_number,
          personName: r.person_name,
          balanceName: r.balance_name,
          value: Number(r.value),
          primaryAssignment: r.assignment_number,
          benefitsRelationship: r.relationship_name,
          startDate: r.effective_start_date,
          endDate: r.effective_end_date,
        }));
  },

  async resolve(db, inputs, date) {
    const inserts = inputs.filter((i) => i.row.op === 'insert');
    const persons = new Map((await findPersonsByNumber(db, [...new Set(inserts.map((i) => text(i.row.values.personNumber)).filter(Boolean))])).map((p) => [p.person_number, p.id]));
    const types = new Map((await findBalanceTypes(db, [...new Set(inserts.map((i) => text(i.row.values.balanceName)).filter(Boolean))])).map((t) => [t.name, t]));
    const assignments = new Map((await findAssignments(db, [...new Set(inputs.map((i) => text(i.row.values.primaryAssignment)).filter(Boolean))])).map((a) => [a.assignment_number, a]));
    const personIds = [...new Set([...persons.values(), ...inputs.map((i) => i.current?.person_id as number).filter((id) => id !== undefined)])];
    const relationships = await findRelationshipsOf(db, personIds);

    return inputs.map(({ row, current }): Resolution => {
      const errors: RowError[] = [];
      const v = row.values;
      let personId = current?.person_id as number | undefined;
      let typeId = current?.balance_type_id as number | undefined;
      if (row.op === 'insert') {
        const number = text(v.personNumber);
        personId = persons.get(number);
        if (!number) errors.push(required('personNumber', 'Person Number', 'Enter the person the balance is for.'));
        else if (personId === undefined) errors.push({ column: 'personNumber', message: `There is no person with number "${number}".` });
        const name = text(v.balanceName);
        const type = types.get(name);
        if (!name) errors.push(required('balanceName', 'Balance Name', 'Pick a balance from the list.'));
        else if (!type) errors.push(unknownName({ column: 'balanceName', message: `There is no balance named "${name}". Pick one from the list.` }));
        else if (!inEffect(type, date)) errors.push({ column: 'balanceName', message: `The balance "${name}" is not in effect on ${date}. Pick another balance.` });
        typeId = type?.id;
      }
      const value = readNumber(v.value, 'value', 'Value', VALUE_BOUNDS);
      if (value.error) errors.push(value.error);
      else if (value.number === undefined) errors.push(required('value', 'Value', 'Enter a number.'));

      // seed: enter a Primary Assignment or a Benefits Relationship, but not both.
      const assignmentNumber = text(v.primaryAssignment);
      const relationshipName = text(v.benefitsRelationship);
      if (Boolean(assignmentNumber) === Boolean(relationshipName)) {
        const message = assignmentNumber
          ? 'Enter either a Primary Assignment or a Benefits Relationship, not both: clear one of them.'
          : 'Enter either a Primary Assignment or a Benefits Relationship: one of them is required.';
        errors.push({ column: 'primaryAssignment', message }, { column: 'benefitsRelationship', message });
      }
      let assignmentId: number | null = null;
      let relationshipId: number | null = null;
      if (assignmentNumber && !relationshipName && personId !== undefined) {
        const assignment = assignments.get(assignmentNumber);
        if (!assignment || assignment.person_id !== personId) errors.push({ column: 'primaryAssignment', message: `"${assignmentNumber}" is not one of this person's assignments.` });
        else if (!inEffect(assignment, date)) errors.push({ column: 'primaryAssignment', message: `The assignment ${assignmentNumber} is not in effect on ${date}.` });
        else assignmentId = assignment.id;
      }
      if (relationshipName && !assignmentNumber && personId !== undefined) {
        const relationship = relationships.find((r) => r.person_id === personId && r.name.toLowerCase() === relationshipName.toLowerCase());
        if (!relationship) errors.push({ column: 'benefitsRelationship', message: `This person has no "${relationshipName}" benefits relationship.` });
        else if (!inEffect(relationship, date)) errors.push({ column: 'benefitsRelationship', message: `The "${relationship.name}" relationship of this person is not in effect on ${date}.` });
        else relationshipId = relationship.id;
      }
      if (errors.length > 0) return { errors, personId };
      return { errors, attributes: { person_id: personId, balance_type_id: typeId, value: value.number, assignment_id: assignmentId, relationship_id: relationshipId } };
    });
  },
};
