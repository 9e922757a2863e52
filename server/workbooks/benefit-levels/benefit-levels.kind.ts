/**
 * Benefit Levels: a keyed kind whose key (the Level ID) the server assigns. A level is one of a group life plan's
 * options, named by enrollment lines in Option and by the Rate Grid, Benefit Level Limits and Step-Downs (seed:
 * Selerix "Benefit Level … rename the benefit level and its corresponding code").
 */
import type { RowError } from '../../../src/contract/api';
import { EARLIEST_DATE, END_OF_TIME } from '../../engine/effective-dating';
import { required, text, tooLong } from '../../engine/values';
import { toDownloadPage, type KeyedKind, type Resolution } from '../../engine/workbook-kind';
import { gridLists, loadGridNames } from '../rate-grid/grid-names';
import { benefitLevelsDefinition, LEVEL_CODE_LIMIT, LEVEL_NAME_LIMIT } from './definition';
import { findAllLevels, findLevelRows, levelUsage, nextLevelIds } from './benefit-levels.repository';

export const benefitLevelsKind: KeyedKind = {
  definition: benefitLevelsDefinition,
  recordName: 'benefit level',
  table: 'benefit_options',
  keyColumn: 'levelId',
  storedKeyColumn: 'id',
  keyType: 'integer',
  attributes: { plan_id: 'integer', code: 'text', name: 'text', start_date: 'date', end_date: 'date' },
  assignKeys: nextLevelIds,

  async lists(db) {
    return { groupLifePlans: (await gridLists(db)).groupLifePlans };
  },

  async download(db, page) {
    return toDownloadPage(await findLevelRows(db, page), (r) => ({ levelId: Number(r.key), plan: r.plan, code: r.code, name: r.name }));
  },

  async resolve(db, inputs) {
    const names = await loadGridNames(db);
    const stored = await findAllLevels(db);
    // Rows of this chunk count too: two new levels of one plan cannot share a code or a name.
    const taken = stored.map((l) => ({ key: String(l.id), planId: l.plan_id, code: l.code?.toLowerCase(), name: l.name.toLowerCase() }));
    return inputs.map(({ row, key, current }): Resolution => {
      const errors: RowError[] = [];
      const attributes: Record<string, unknown> = {};
      const has = (column: string) => row.op === 'insert' || column in row.values;
      let planId = current?.plan_id as number | undefined;
      if (row.op === 'insert') {
        const planName = text(row.values.plan);
        planId = names.plans.get(planName)?.id;
        if (!planName) errors.push(required('plan', 'Plan', 'Pick the group life plan the level belongs to.'));
        else if (planId === undefined) errors.push({ column: 'plan', message: `There is no group life plan named "${planName}". Pick one from the list, or add it in Group Life Plans first.` });
        Object.assign(attributes, { plan_id: planId, start_date: EARLIEST_DATE, end_date: END_OF_TIME });
      }
      const field = (column: 'code' | 'name', header: string, limit: number, hint: string) => {
        if (!has(column)) return;
        const value = text(row.values[column]);
        const long = tooLong(value, limit, column, header);
        if (!value) errors.push(required(column, header, hint));
        else if (long) errors.push(long);
        else if (taken.some((t) => t.key !== key && t.planId === planId && t[column] === value.toLowerCase())) {
          errors.push({ column, message: `${names.plansById.get(planId as number)?.name ?? 'This plan'} already has a benefit level with ${header} "${value}". Give this level another ${header.toLowerCase()}.` });
        } else attributes[column] = value;
      };
      field('code', 'Code', LEVEL_CODE_LIMIT, 'Enter a short code, such as 1 for the first level.');
      field('name', 'Benefit Level', LEVEL_NAME_LIMIT, 'Enter the level\'s name, such as 2x Salary.');
      if (errors.length > 0) return { errors };
      const mine = { key, planId: planId as number, code: String(attributes.code ?? current?.code ?? '').toLowerCase(), name: String(attributes.name ?? current?.name ?? '').toLowerCase() };
      const index = taken.findIndex((t) => t.key === key);
      if (index >= 0) taken[index] = mine;
      else taken.push(mine);
      return { errors, attributes };
    });
  },

  canDelete: (db, keys) => levelUsage(db, keys),
};
