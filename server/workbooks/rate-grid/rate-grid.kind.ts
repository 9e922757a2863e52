/**
 * Rate Grid: a group life plan's employee and employer cost per unit of benefit, by benefit level, age band (its lower
 * limit) and, when the plan uses rate genders, gender (seed: Selerix "Rates Tab"). Effective-dated, so a renewal is an
 * edit on a session date. seed: an age band cannot be added or deleted while a step-down of its level is not 0.
 */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import { bandsMayChange } from '../../../src/core/step-downs';
import { GENDERS } from '../../engine/list-values';
import { readListValue, readNumber, required } from '../../engine/values';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { rateGridDefinition } from './definition';
import { seedGroupLifeDemo } from './demo-data';
import { findGridPage } from './grid-page.repository';
import { filteredPlanId, gridLists, loadGridNames } from './grid-names';
import { deletedLevels, gridSubject, levelName, resolveChunkLevels } from './grid-levels';
import { nonZeroSteps } from './level-state.repository';

const bandLocked = (lowerAge: number, level: string, steps: string, action: 'added' | 'deleted'): RowError => ({
  column: 'lowerAge',
  message: `The age band ${lowerAge} of ${level} cannot be ${action} while its step-downs are not all 0 (${steps}). Delete its step-downs after the first (which is 0) in Step-Downs, change the bands, then enter the step-downs again.`,
});

export const rateGridKind: EffectiveDatedKind = {
  definition: rateGridDefinition,
  recordName: 'rate row',
  table: 'rate_grid_rates',
  attributes: { plan_id: 'integer', level_id: 'integer', lower_age: 'integer', gender: 'text', employee_cost: 'numeric', employer_cost: 'numeric', per: 'integer' },
  seedDemo: seedGroupLifeDemo,
  // One rate row per level, age band and gender in effect at a time.
  subject: gridSubject(['lower_age', 'gender'], 'lowerAge', (r, level) => `a rate for ${level} at age ${r.lower_age}${r.gender ? ` (${r.gender})` : ''}`),

  async lists(db) {
    return { ...(await gridLists(db)), genders: GENDERS };
  },

  async download(db, date, page) {
    const planId = filteredPlanId(await loadGridNames(db), page.filter);
    const found = await findGridPage<{ lower_age: number; gender: string; employee_cost: string; employer_cost: string; per: number }>(
      db, 'rate_grid_rates', sql`r.lower_age, r.gender, r.employee_cost, r.employer_cost, r.per`, [{ expr: 'r.lower_age', type: 'integer' }, { expr: 'r.gender', type: 'text' }], date, page, planId);
    return toDownloadPage(found, (r) => ({
      plan: r.plan_name, benefitLevel: r.level_name, lowerAge: r.lower_age, gender: r.gender || null,
      employeeCost: Number(r.employee_cost), employerCost: Number(r.employer_cost), per: r.per, startDate: r.effective_start_date, endDate: r.effective_end_date,
    }));
  },

  async resolve(db, inputs, date, sheet) {
    const { names, rows: levels, states } = await resolveChunkLevels(db, inputs, date, sheet?.filter);
    return inputs.map(({ row, current }, i): Resolution => {
      const { errors, level } = levels[i];
      const v = row.values;
      const number = (column: string, header: string, bounds: { min: number; max: number }, hint: string) => {
        const read = readNumber(v[column], column, header, bounds);
        if (read.error) errors.push(read.error);
        else if (read.number === undefined) errors.push(required(column, header, hint));
        return read.number;
      };
      const lowerAge = current ? (current.lower_age as number) : number('lowerAge', 'Lower Age Limit', { min: 0, max: 120 }, 'Enter the lowest age of the band, such as 30 for 30-39.');
      if (!current && lowerAge !== undefined && !Number.isInteger(lowerAge)) errors.push({ column: 'lowerAge', message: `Lower Age Limit must be a whole number of years; ${lowerAge} is not.` });
      const gender = current ? (current.gender as string) : readListValue(v.gender, 'gender', 'Gender', GENDERS);
      if (typeof gender === 'object' && gender.error) errors.push(gender.error);
      const employeeCost = number('employeeCost', 'EE Cost', { min: 0, max: 1e6 }, 'Enter the employee cost per unit (0 when the employer pays all).');
      const employerCost = number('employerCost', 'ER Cost', { min: 0, max: 1e6 }, 'Enter the employer cost per unit (0 when the employee pays all).');
      const per = number('per', 'Per', { min: 1, max: 1e6 }, 'Enter the unit of benefit amount the costs are for, such as 100 or 1000.');
      if (per !== undefined && !Number.isInteger(per)) errors.push({ column: 'per', message: `Per must be a whole amount, such as 100 or 1000; ${per} is not.` });
      if (errors.length > 0 || !level || lowerAge === undefined) return { errors };
      // seed: "Age Band ... can ONLY be added or deleted if ALL Step Downs for that Benefit Level are set to 0."
      const state = states.get(level.levelId);
      if (!current && state && !state.bands.has(lowerAge) && !bandsMayChange(state.steps)) {
        return { errors: [bandLocked(lowerAge, levelName(names, level.levelId), nonZeroSteps(state.steps), 'added')] };
      }
      const genderValue = typeof gender === 'string' ? gender : (gender.value ?? '');
      return { errors, attributes: { plan_id: level.plan.id, level_id: level.levelId, lower_age: lowerAge, gender: genderValue, employee_cost: employeeCost, employer_cost: employerCost, per } };
    });
  },

  async refuseDeletes(db, records, date) {
    const { names, states } = await deletedLevels(db, records, date);
    const deleted = new Set(records.map((r) => r.key));
    const refused = new Map<string, RowError[]>();
    for (const { key, attributes } of records) {
      const state = states.get(attributes.level_id as number);
      const lowerAge = attributes.lower_age as number;
      // The band goes only when no other rate row (another gender) keeps it.
      const remaining = (state?.bands.get(lowerAge) ?? []).filter((b) => !deleted.has(b.key));
      if (state && remaining.length === 0 && !bandsMayChange(state.steps)) {
        refused.set(key, [bandLocked(lowerAge, levelName(names, attributes.level_id as number), nonZeroSteps(state.steps), 'deleted')]);
      }
    }
    return refused;
  },
};
