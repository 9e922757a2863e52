/** Person Habits: student, disability and tobacco status and other coverage, for participants and dependents. */
import type { RowError, UploadRow } from '../../../src/contract/api';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { findPersonNumbers } from '../../engine/persons.repository';
import { readIsoDate, readListValue, required, text } from '../../engine/values';
import { CODED, HABIT_LISTS, personHabitsDefinition } from './definition';
import { seedPersonHabits } from './demo-data';
import { suggestPersonNames, type NameMiss } from './name-suggestions';
import { findHabits, findPersonsByNameAndBirth, findPersonsByNumber, type PersonMatch } from './person-habits.repository';

interface Identity {
  number: string;
  first: string;
  last: string;
  dob?: string;
  errors: RowError[];
}

/** seed: a new row names the person by person number, or else by first name, last name and date of birth together. */
function readIdentity(row: UploadRow): Identity {
  const v = row.values;
  const dob = readIsoDate(v.dateOfBirth, 'dateOfBirth', 'Date of Birth');
  const identity: Identity = { number: text(v.personNumber), first: text(v.firstName), last: text(v.lastName), dob: dob.date, errors: dob.error ? [dob.error] : [] };
  if (identity.number || dob.error) return identity;
  const parts = [
    { key: 'firstName', header: 'First Name', given: Boolean(identity.first) },
    { key: 'lastName', header: 'Last Name', given: Boolean(identity.last) },
    { key: 'dateOfBirth', header: 'Date of Birth', given: Boolean(identity.dob) },
  ];
  const missing = parts.filter((p) => !p.given);
  if (missing.length === parts.length) {
    identity.errors.push({ column: 'personNumber', message: 'Identify the person: enter the Person Number, or First Name, Last Name and Date of Birth.' });
  } else if (missing.length > 0) {
    const names = missing.map((m) => m.header).join(' and ');
    for (const m of missing) identity.errors.push({ column: m.key, message: `Without a Person Number, the person is found by First Name, Last Name and Date of Birth together: enter ${names} too.` });
  }
  return identity;
}

const tripleKey = (first: string, last: string, dob: string) => `${first.toLowerCase()}|${last.toLowerCase()}|${dob}`;

export const personHabitsKind: EffectiveDatedKind = {
  definition: personHabitsDefinition,
  recordName: 'habits record',
  table: 'person_habits',
  attributes: {
    person_id: 'integer',
    student_status: 'text',
    disability_status: 'text',
    disability_type: 'text',
    tobacco_use: 'text',
    covered_in_another_plan: 'text',
    other_plan: 'text',
  },
  seedDemo: seedPersonHabits,
  // One habits record in effect per person: every habit is a column of it.
  subject: {
    columns: ['person_id'],
    column: 'personNumber',
    async describe(db, records) {
      const persons = await findPersonNumbers(db, records.map((r) => r.person_id as number));
      return records.map((r) => ({ who: persons.get(r.person_id as number) ?? 'This person', what: 'a habits record' }));
    },
  },

  async lists() {
    return Object.fromEntries(Object.entries(HABIT_LISTS).map(([name, values]) => [name, [...values]]));
  },

  async download(db, date, page) {
    return toDownloadPage(await findHabits(db, date, page), (r) => ({
          personNumber: r.person_number,
          firstName: r.first_name,
          lastName: r.last_name,
          dateOfBirth: r.date_of_birth,
          personType: r.person_type,
          studentStatus: r.student_status,
          disabilityStatus: r.disability_status,
          disabilityType: r.disability_type,
          tobaccoUse: r.tobacco_use,
          coveredInAnotherPlan: r.covered_in_another_plan,
          plan: r.other_plan,
        }));
  },

  async resolve(db, inputs) {
    const identities = new Map(inputs.filter((i) => i.row.op === 'insert').map((i) => [i, readIdentity(i.row)]));
    const ids = [...identities.values()];
    const byNumber = new Map((await findPersonsByNumber(db, [...new Set(ids.map((i) => i.number).filter(Boolean))])).map((p) => [p.person_number, p]));
    const triples = ids.filter((i) => !i.number && i.first && i.last && i.dob).map((i) => ({ first: i.first, last: i.last, dob: i.dob as string }));
    const byTriple = new Map<string, PersonMatch[]>();
    for (const p of await findPersonsByNameAndBirth(db, triples)) {
      const k = tripleKey(p.first_name, p.last_name, p.date_of_birth);
      byTriple.set(k, [...(byTriple.get(k) ?? []), p]);
    }

    const misses: NameMiss[] = [];
    const resolutions = inputs.map((input): Resolution => {
      const { row, current } = input;
      const errors: RowError[] = [];
      let personId = current?.person_id as number | undefined;
      const identity = identities.get(input);
      if (identity) {
        errors.push(...identity.errors);
        let person: PersonMatch | undefined;
        if (identity.number) {
          person = byNumber.get(identity.number);
          if (!person) errors.push({ column: 'personNumber', message: `There is no person with number "${identity.number}".` });
        } else if (identity.errors.length === 0) {
          const matches = byTriple.get(tripleKey(identity.first, identity.last, identity.dob as string)) ?? [];
          if (matches.length === 0) {
            const error = { column: 'lastName', message: `No person is named ${identity.first} ${identity.last} with date of birth ${identity.dob}. Check the spelling and the date, or enter the Person Number.` };
            errors.push(error);
            misses.push({ first: identity.first, last: identity.last, dob: identity.dob as string, error });
          }
          if (matches.length > 1) errors.push({ column: 'personNumber', message: `${matches.length} persons are named ${identity.first} ${identity.last} with date of birth ${identity.dob} (${matches.map((m) => m.person_number).join(', ')}). Enter the Person Number instead.` });
          if (matches.length === 1) person = matches[0];
        }
        const type = readListValue(row.values.personType, 'personType', 'Person Type', HABIT_LISTS.personTypes);
        if (type.error) errors.push(type.error);
        else if (!type.value) errors.push(required('personType', 'Person Type', 'It is required on a new row.'));
        else if (person && person.person_type !== type.value) errors.push({ column: 'personType', message: `${person.person_number} is a ${person.person_type}, not a ${type.value}.` });
        personId = person?.id;
      }
      const attributes: Record<string, unknown> = { person_id: personId };
      for (const coded of CODED) {
        const read = readListValue(row.values[coded.key], coded.key, coded.header, coded.list);
        if (read.error) errors.push(read.error);
        attributes[coded.attribute] = read.value ?? null;
      }
      const plan = text(row.values.plan);
      if (plan.length > 200) errors.push({ column: 'plan', message: 'Plan is too long: use at most 200 characters.' });
      attributes.other_plan = plan || null;
      if (errors.length > 0) return { errors, personId };
      return { errors, attributes };
    });
    await suggestPersonNames(db, misses);
    return resolutions;
  },
};
