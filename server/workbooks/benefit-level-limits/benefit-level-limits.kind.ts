/**
 * Benefit Level Limits: per group life benefit level, the multiple of salary (or percentage) it pays and the limits
 * the amount is kept within (seed: Selerix Limits and Options tabs). seed: a level's benefit amount cannot be added,
 * changed or deleted while a step-down of that level is not 0.
 */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import { bandsMayChange } from '../../../src/core/step-downs';
import { readNumber, required } from '../../engine/values';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { findGridPage } from '../rate-grid/grid-page.repository';
import { filteredPlanId, gridLists, loadGridNames } from '../rate-grid/grid-names';
import { deletedLevels, gridSubject, levelName, resolveChunkLevels } from '../rate-grid/grid-levels';
import { nonZeroSteps } from '../rate-grid/level-state.repository';
import { benefitLevelLimitsDefinition } from './definition';

const AMOUNTS = { giLimit: 'GI Limit', giMultiplier: 'GI Multiplier', minBenefit: 'Min Benefit Amount', maxBenefit: 'Max Benefit' } as const;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const amountLocked = (level: string, steps: string, action: string): RowError => ({
  column: 'factor',
  message: `The benefit amount of ${level} cannot be ${action} while its step-downs are not all 0 (${steps}). Delete its step-downs after the first (which is 0) in Step-Downs first.`,
});

export const benefitLevelLimitsKind: EffectiveDatedKind = {
  definition: benefitLevelLimitsDefinition,
  recordName: 'benefit level',
  table: 'rate_grid_limits',
  attributes: { plan_id: 'integer', level_id: 'integer', factor: 'numeric', gi_limit: 'numeric', gi_multiplier: 'numeric', min_benefit: 'numeric', max_benefit: 'numeric' },
  subject: gridSubject([], 'benefitLevel', (_, level) => `limits for ${level}`),

  lists: (db) => gridLists(db),

  async download(db, date, page) {
    const planId = filteredPlanId(await loadGridNames(db), page.filter);
    const found = await findGridPage<{ factor: string; gi_limit: string | null; gi_multiplier: string | null; min_benefit: string | null; max_benefit: string | null }>(
      db, 'rate_grid_limits', sql`r.factor, r.gi_limit, r.gi_multiplier, r.min_benefit, r.max_benefit`, [], date, page, planId);
    return toDownloadPage(found, (r) => ({
      plan: r.plan_name, benefitLevel: r.level_name, factor: Number(r.factor), giLimit: num(r.gi_limit), giMultiplier: num(r.gi_multiplier),
      minBenefit: num(r.min_benefit), maxBenefit: num(r.max_benefit), startDate: r.effective_start_date, endDate: r.effective_end_date,
    }));
  },

  async resolve(db, inputs, date, sheet) {
    const { names, rows: levels, states } = await resolveChunkLevels(db, inputs, date, sheet?.filter);
    return inputs.map(({ row, current }, i): Resolution => {
      const { errors, level } = levels[i];
      const factorRead = readNumber(row.values.factor, 'factor', 'X of Salary or % of Salary', { min: 0, max: 1000 });
      if (factorRead.error) errors.push(factorRead.error);
      else if (!factorRead.number) errors.push(required('factor', 'X of Salary or % of Salary', 'Enter the multiple of salary (2 for 2 × salary) or the percentage (50 for 50 %), more than 0.'));
      const amounts = Object.fromEntries(Object.entries(AMOUNTS).map(([column, header]) => {
        const read = readNumber(row.values[column], column, header, { min: 0, max: 1e9 });
        if (read.error) errors.push(read.error);
        return [column, read.number ?? null];
      })) as Record<keyof typeof AMOUNTS, number | null>;
      if (level && level.plan.basis === 'percent' && amounts.giMultiplier !== null) {
        errors.push({ column: 'giMultiplier', message: `GI Multiplier applies to plans that pay a multiple of salary; ${level.plan.name} pays a percentage of salary. Leave it blank.` });
      }
      if (amounts.minBenefit !== null && amounts.maxBenefit !== null && amounts.minBenefit > amounts.maxBenefit) {
        errors.push({ column: 'minBenefit', message: `Min Benefit Amount (${amounts.minBenefit.toLocaleString('en-US')}) is more than Max Benefit (${amounts.maxBenefit.toLocaleString('en-US')}). Lower the minimum or raise the maximum.` });
      }
      if (errors.length > 0 || !level) return { errors };
      const state = states.get(level.levelId);
      const changed = current ? Number(current.factor) !== factorRead.number : true;
      // seed: "Age Band, and Benefit Amount can ONLY be added or deleted if ALL Step Downs for that Benefit Level are set to 0."
      if (changed && state && !bandsMayChange(state.steps)) {
        return { errors: [amountLocked(levelName(names, level.levelId), nonZeroSteps(state.steps), current ? 'changed' : 'added')] };
      }
      return { errors, attributes: { plan_id: level.plan.id, level_id: level.levelId, factor: factorRead.number, gi_limit: amounts.giLimit, gi_multiplier: amounts.giMultiplier, min_benefit: amounts.minBenefit, max_benefit: amounts.maxBenefit } };
    });
  },

  async refuseDeletes(db, records, date) {
    const { names, states } = await deletedLevels(db, records, date);
    const refused = new Map<string, RowError[]>();
    for (const { key, attributes } of records) {
      const state = states.get(attributes.level_id as number);
      if (state && !bandsMayChange(state.steps)) refused.set(key, [amountLocked(levelName(names, attributes.level_id as number), nonZeroSteps(state.steps), 'deleted')]);
    }
    return refused;
  },
};
