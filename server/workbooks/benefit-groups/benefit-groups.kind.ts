/** Person Benefit Groups: which benefits group a person belongs to, effective-dated. */
import { unknownName } from '../../engine/unknown-names';
import type { RowError } from '../../../src/contract/api';
import { inEffect, whenNotInEffect } from '../../engine/effective-dating';
import { findPersonNumbers, findPersonsByNumber } from '../../engine/persons.repository';
import { text } from '../../engine/values';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { benefitGroupsDefinition } from './definition';
import { seedBenefitGroups } from './demo-data';
import { findAssignments, findGroupNamesById, findGroupNamesValidOn, findGroupsByName } from './benefit-groups.repository';

export const benefitGroupsKind: EffectiveDatedKind = {
  definition: benefitGroupsDefinition,
  recordName: 'assignment',
  table: 'person_benefit_groups',
  attributes: { person_id: 'integer', benefit_group_id: 'integer' },
  seedDemo: seedBenefitGroups,
  // seed: a person belongs to one benefits group at a time.
  subject: {
    columns: ['person_id'],
    column: 'personNumber',
    async describe(db, records) {
      const persons = await findPersonNumbers(db, records.map((r) => r.person_id as number));
      const groups = await findGroupNamesById(db, records.map((r) => r.benefit_group_id as number));
      return records.map((r) => ({ who: persons.get(r.person_id as number) ?? 'This person', what: groups.get(r.benefit_group_id as number) ?? 'a benefits group' }));
    },
  },

  async lists(db, date) {
    return { benefitGroups: await findGroupNamesValidOn(db, date) };
  },

  async download(db, date, page) {
    return toDownloadPage(await findAssignments(db, date, page), (r) => ({ personNumber: r.person_number, personName: r.person_name, benefitsGroup: r.group_name, startDate: r.effective_start_date, endDate: r.effective_end_date }));
  },

  async resolve(db, inputs, date) {
    const groupNames = [...new Set(inputs.map((i) => text(i.row.values.benefitsGroup)).filter(Boolean))];
    const numbers = [...new Set(inputs.filter((i) => i.row.op === 'insert').map((i) => text(i.row.values.personNumber)).filter(Boolean))];
    const groups = new Map((await findGroupsByName(db, groupNames)).map((g) => [g.name, g]));
    const persons = new Map((await findPersonsByNumber(db, numbers)).map((p) => [p.person_number, p.id]));

    return inputs.map(({ row, current }): Resolution => {
      const errors: RowError[] = [];
      const groupName = text(row.values.benefitsGroup);
      const group = groups.get(groupName);
      if (!groupName) errors.push({ column: 'benefitsGroup', message: 'Benefits Group is required. Pick a group from the list.' });
      else if (!group) errors.push(unknownName({ column: 'benefitsGroup', message: `There is no benefits group named "${groupName}". Pick a group from the list.` }));
      else if (!inEffect(group, date)) {
        errors.push({ column: 'benefitsGroup', message: `The benefits group "${groupName}" is not in effect on ${date} (it ${whenNotInEffect(group, date)}). Pick another group.` });
      }
      let personId = current?.person_id as number | undefined;
      if (row.op === 'insert') {
        const number = text(row.values.personNumber);
        personId = persons.get(number);
        if (!number) errors.push({ column: 'personNumber', message: 'Person Number is required on a new row.' });
        else if (personId === undefined) errors.push({ column: 'personNumber', message: `There is no person with number "${number}".` });
      }
      if (errors.length > 0) return { errors, personId };
      return { errors, attributes: { person_id: personId, benefit_group_id: group!.id } };
    });
  },
};
