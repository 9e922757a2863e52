/**
 * Step-Downs: from an age band on, a group life benefit is reduced by a percentage of the full amount (seed: Selerix
 * "Step Down Tab"; 25 here is the seed's "75% step-down": the benefit becomes 75 %). seed: "A valid Step Down
 * configuration must start with 0, and each subsequent step down must be larger than the previous"; a step's age is
 * one of the level's age bands in the Rate Grid.
 */
import { sql } from 'kysely';
import type { RowError } from '../../../src/contract/api';
import { stepDownProblem, type Step } from '../../../src/core/step-downs';
import { readNumber, required } from '../../engine/values';
import { toDownloadPage, type EffectiveDatedKind, type Resolution } from '../../engine/workbook-kind';
import { findGridPage } from '../rate-grid/grid-page.repository';
import { filteredPlanId, gridLists, loadGridNames } from '../rate-grid/grid-names';
import { deletedLevels, gridSubject, resolveChunkLevels } from '../rate-grid/grid-levels';
import { stepDownsDefinition } from './definition';

type Keyed = Step & { key: string };

/** The level's steps once the chunk's rows (and deletes) are applied to the stored ones. */
function withChanges(stored: Keyed[], changes: Array<Keyed & { remove?: boolean }>): Step[] {
  const byKey = new Map(stored.map((s) => [s.key, s as Step]));
  for (const c of changes) {
    if (c.remove) byKey.delete(c.key);
    else byKey.set(c.key, c);
  }
  return [...byKey.values()];
}

export const stepDownsKind: EffectiveDatedKind = {
  definition: stepDownsDefinition,
  recordName: 'step-down',
  table: 'rate_grid_step_downs',
  attributes: { plan_id: 'integer', level_id: 'integer', lower_age: 'integer', step_down: 'numeric' },
  subject: gridSubject(['lower_age'], 'lowerAge', (r, level) => `a step-down for ${level} at age ${r.lower_age}`),

  lists: (db) => gridLists(db),

  async download(db, date, page) {
    const planId = filteredPlanId(await loadGridNames(db), page.filter);
    const found = await findGridPage<{ lower_age: number; step_down: string }>(db, 'rate_grid_step_downs', sql`r.lower_age, r.step_down`, [{ expr: 'r.lower_age', type: 'integer' }], date, page, planId);
    return toDownloadPage(found, (r) => ({ plan: r.plan_name, benefitLevel: r.level_name, lowerAge: r.lower_age, stepDown: Number(r.step_down), startDate: r.effective_start_date, endDate: r.effective_end_date }));
  },

  async resolve(db, inputs, date, sheet) {
    const { names, rows: levels, states } = await resolveChunkLevels(db, inputs, date, sheet?.filter);
    const rows = inputs.map(({ row, current }, i) => {
      const { errors, level } = levels[i];
      let lowerAge = current?.lower_age as number | undefined;
      if (!current) {
        const read = readNumber(row.values.lowerAge, 'lowerAge', 'Lower Age Limit', { min: 0, max: 120 });
        if (read.error) errors.push(read.error);
        else if (read.number === undefined) errors.push(required('lowerAge', 'Lower Age Limit', 'Enter the age band the step-down starts at, such as 65.'));
        lowerAge = read.number;
      }
      const step = readNumber(row.values.stepDown, 'stepDown', 'Step-Down %', { min: 0, max: 99.99 });
      if (step.error) errors.push(step.error);
      else if (step.number === undefined) errors.push(required('stepDown', 'Step-Down %', 'Enter how much the benefit is reduced, in percent (0 for the first band).'));
      return { errors, level, lowerAge, percent: step.number, key: current ? (inputs[i].row.key as string) : `new-${i}` };
    });
    // The chunk's valid rows of each level, applied together: the sequence rule is about the whole level.
    const byLevel = new Map<number, Array<Keyed & { at: number }>>();
    rows.forEach((r, at) => {
      if (r.errors.length > 0 || !r.level || r.lowerAge === undefined || r.percent === undefined) return;
      const state = states.get(r.level.levelId);
      if (state && !state.bands.has(r.lowerAge)) {
        const bands = [...state.bands.keys()].sort((a, b) => a - b).join(', ') || 'none yet';
        r.errors.push({ column: 'lowerAge', message: `${r.lowerAge} is not an age band of ${names.levelNames.get(r.level.levelId)} in the Rate Grid on ${date} (its bands: ${bands}). Step-downs are set by age band: add the band in the Rate Grid first.` });
        return;
      }
      byLevel.set(r.level.levelId, [...(byLevel.get(r.level.levelId) ?? []), { key: r.key, lowerAge: r.lowerAge, percent: r.percent, at }]);
    });
    for (const [levelId, changes] of byLevel) {
      const problem = stepDownProblem(withChanges(states.get(levelId)?.steps ?? [], changes));
      if (problem) for (const c of changes) rows[c.at].errors.push({ column: 'stepDown', message: `${problem} Fix the step-downs of ${names.levelNames.get(levelId)} together.` });
    }
    return rows.map((r): Resolution => (r.errors.length > 0 || !r.level
      ? { errors: r.errors }
      : { errors: [], attributes: { plan_id: r.level.plan.id, level_id: r.level.levelId, lower_age: r.lowerAge, step_down: r.percent } }));
  },

  async refuseDeletes(db, records, date) {
    const { names, states } = await deletedLevels(db, records, date);
    const refused = new Map<string, RowError[]>();
    const levels = [...new Set(records.map((r) => r.attributes.level_id as number))];
    for (const levelId of levels) {
      const mine = records.filter((r) => r.attributes.level_id === levelId);
      const problem = stepDownProblem(withChanges(states.get(levelId)?.steps ?? [], mine.map((r) => ({ key: r.key, lowerAge: 0, percent: 0, remove: true }))));
      if (problem) for (const r of mine) refused.set(r.key, [{ column: 'stepDown', message: `Deleting this step-down leaves ${names.levelNames.get(levelId)} invalid: ${problem}` }]);
    }
    return refused;
  },
};
