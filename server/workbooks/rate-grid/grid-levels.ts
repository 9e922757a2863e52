/**
 * What the three group life kinds (Rate Grid, Benefit Level Limits, Step-Downs) do alike around a row's benefit
 * level: the columns it is named by, the chunk's plans and levels resolved at once with their step-down states on
 * the session date, and who a stored record is for in messages.
 */
import type { ColumnDefinition, RowError } from '../../../src/contract/api';
import type { Db, RecordSubject, ResolveInput } from '../../engine/workbook-kind';
import { loadGridNames, resolveLevel, type GridNames, type Level } from './grid-names';
import { loadLevelStates, type LevelState } from './level-state.repository';

/** The first columns of every group life sheet: which plan and benefit level a row is for. */
export const PLAN_LEVEL_COLUMNS: ColumnDefinition[] = [
  { key: 'plan', header: 'Plan', type: 'text', editable: false, enterable: true, required: false, list: 'groupLifePlans', width: 22, identifying: true },
  { key: 'benefitLevel', header: 'Benefit Level', type: 'text', editable: false, enterable: true, required: true, list: 'benefitLevels', width: 16, identifying: true },
];

/** The last columns of every group life sheet: the record's dates. */
export const GRID_DATE_COLUMNS: ColumnDefinition[] = [
  { key: 'startDate', header: 'Start Date', type: 'date', editable: false, enterable: false, required: false, width: 14 },
  { key: 'endDate', header: 'End Date', type: 'date', editable: false, enterable: false, required: false, width: 14 },
];

export interface ChunkLevels {
  names: GridNames;
  /** Per input, in order: its level (or undefined) and the errors on its Plan and Benefit Level; the kind adds its own. */
  rows: Array<{ errors: RowError[]; level: Level | undefined }>;
  /** The resolved levels' step-downs and age bands on the date. */
  states: Map<number, LevelState>;
}

/** A chunk's plans and benefit levels (one look-up for all), and the step-down state of the levels it names. */
export async function resolveChunkLevels(db: Db, inputs: ResolveInput[], date: string, sheetPlan: string | undefined): Promise<ChunkLevels> {
  const names = await loadGridNames(db);
  const rows = inputs.map((input) => {
    const errors: RowError[] = [];
    return { errors, level: resolveLevel(names, input, sheetPlan, errors) };
  });
  const states = await loadLevelStates(db, rows.flatMap((r) => (r.level ? [r.level.levelId] : [])), date);
  return { names, rows, states };
}

/** The names and step-down states of the levels of the records a chunk deletes. */
export async function deletedLevels(db: Db, records: Array<{ attributes: Record<string, unknown> }>, date: string): Promise<Pick<ChunkLevels, 'names' | 'states'>> {
  const states = await loadLevelStates(db, records.map((r) => r.attributes.level_id as number), date);
  return { names: await loadGridNames(db), states };
}

/** A level's name for messages. */
export const levelName = (names: GridNames, levelId: number): string => names.levelNames.get(levelId) ?? 'this level';

/** One record in effect per plan, level and the kind's other `columns`; `what` says what a record is ("limits for 2x Salary"). */
export function gridSubject(columns: string[], column: string, what: (record: Record<string, unknown>, level: string | undefined) => string): RecordSubject {
  return {
    columns: ['plan_id', 'level_id', ...columns],
    column,
    async describe(db, records) {
      const names = await loadGridNames(db);
      return records.map((r) => ({ who: names.plansById.get(r.plan_id as number)?.name ?? 'This plan', what: what(r, names.levelNames.get(r.level_id as number)) }));
    },
  };
}
