/** A level's step-downs and age bands in effect on a date, for the seed's step-down rules (one query each per chunk). */
import type { Db } from '../../engine/workbook-kind';
import type { Step } from '../../../src/core/step-downs';

export interface LevelState {
  /** The level's step-downs in effect, with their keys. */
  steps: Array<Step & { key: string }>;
  /** The level's age bands in the rate grid: lower age → how many rate rows (genders) have it. */
  bands: Map<number, Array<{ key: string }>>;
}

export async function loadLevelStates(db: Db, levelIds: number[], date: string): Promise<Map<number, LevelState>> {
  const ids = [...new Set(levelIds)];
  const states = new Map<number, LevelState>(ids.map((id) => [id, { steps: [], bands: new Map() }]));
  if (ids.length === 0) return states;
  const [steps, rates] = await Promise.all([
    db.selectFrom('rate_grid_step_downs').select(['key', 'level_id', 'lower_age', 'step_down']).where('level_id', 'in', ids).where('effective_start_date', '<=', date).where('effective_end_date', '>=', date).execute(),
    db.selectFrom('rate_grid_rates').select(['key', 'level_id', 'lower_age']).where('level_id', 'in', ids).where('effective_start_date', '<=', date).where('effective_end_date', '>=', date).execute(),
  ]);
  for (const s of steps) states.get(s.level_id)?.steps.push({ key: s.key, lowerAge: s.lower_age, percent: Number(s.step_down) });
  for (const r of rates) {
    const bands = states.get(r.level_id)?.bands;
    bands?.set(r.lower_age, [...(bands.get(r.lower_age) ?? []), { key: r.key }]);
  }
  return states;
}

/** "at 65: 25 %, at 75: 50 %": a level's non-zero step-downs, for messages. */
export function nonZeroSteps(steps: Step[]): string {
  return [...steps].filter((s) => s.percent !== 0).sort((a, b) => a.lowerAge - b.lowerAge).map((s) => `${s.percent} % at ${s.lowerAge}`).join(', ');
}
