/** Benefit Categories: nVision's Benefit Groups (Health, Dental…), a keyed kind (one row per name, no dates). */
import type { RowError } from '../../../src/contract/api';
import { text, tooLong } from '../../engine/values';
import { toDownloadPage, type KeyedKind, type Resolution } from '../../engine/workbook-kind';
import { benefitCategoriesDefinition, DESCRIPTION_LIMIT, NAME_LIMIT } from './definition';
import { findSetupPage } from './setup-page.repository';
import { categoryUsage } from './setup-usage.repository';

export const benefitCategoriesKind: KeyedKind = {
  definition: benefitCategoriesDefinition,
  recordName: 'benefit category',
  table: 'benefit_categories',
  keyColumn: 'name',
  attributes: { description: 'text' },

  async lists() {
    return {};
  },

  async download(db, page) {
    return toDownloadPage(await findSetupPage<{ description: string }>(db, 'benefit_categories', 'name', ['description'], page, { name: "s.name || ' ' || s.description" }), (r) => ({ name: r.key, description: r.description }));
  },

  async resolve(_db, inputs) {
    return inputs.map(({ row, key }): Resolution => {
      const errors = [row.op === 'insert' ? tooLong(key, NAME_LIMIT, 'name', 'Name') : undefined, tooLong(text(row.values.description), DESCRIPTION_LIMIT, 'description', 'Description')].filter((e): e is RowError => e !== undefined);
      if (errors.length > 0) return { errors };
      return { errors, attributes: 'description' in row.values || row.op === 'insert' ? { description: text(row.values.description) } : {} };
    });
  },

  // seed: "You cannot delete any benefit group records that are currently being used."
  canDelete: (db, keys) => categoryUsage(db, keys),
};
