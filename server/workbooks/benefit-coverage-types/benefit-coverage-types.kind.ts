/** Benefit Coverage Types: a keyed kind (one row per code, no dates). */
import type { RowError } from '../../../src/contract/api';
import { GASB45_TYPES } from '../../db/migrations/013-benefit-setup';
import { readListValue, required, text, tooLong } from '../../engine/values';
import { toDownloadPage, type KeyedKind, type Resolution } from '../../engine/workbook-kind';
import { DESCRIPTION_LIMIT, NAME_LIMIT } from '../benefit-categories/definition';
import { findSetupPage } from '../benefit-categories/setup-page.repository';
import { coverageTypeUsage } from '../benefit-categories/setup-usage.repository';
import { benefitCoverageTypesDefinition } from './definition';

export const benefitCoverageTypesKind: KeyedKind = {
  definition: benefitCoverageTypesDefinition,
  recordName: 'coverage type',
  table: 'benefit_coverage_types',
  keyColumn: 'code',
  attributes: { name: 'text', gasb45_type: 'text' },

  async lists() {
    return { gasb45Types: [...GASB45_TYPES] };
  },

  async download(db, page) {
    return toDownloadPage(await findSetupPage<{ name: string; gasb45_type: string }>(db, 'benefit_coverage_types', 'code', ['name', 'gasb45_type'], page, { name: "s.code || ' ' || s.name", group: 's.gasb45_type' }), (r) => ({ code: r.key, name: r.name, gasb45Type: r.gasb45_type }));
  },

  async resolve(_db, inputs) {
    return inputs.map(({ row, key }): Resolution => {
      const errors: RowError[] = [];
      const attributes: Record<string, unknown> = {};
      const has = (column: string) => row.op === 'insert' || column in row.values;
      if (row.op === 'insert') {
        const long = tooLong(key, NAME_LIMIT, 'code', 'Benefit Coverage Type Code');
        if (long) errors.push(long);
      }
      if (has('name')) {
        const name = text(row.values.name);
        const long = tooLong(name, DESCRIPTION_LIMIT, 'name', 'Benefit Coverage Type Name');
        if (!name) errors.push(required('name', 'Benefit Coverage Type Name', 'Enter the full name, such as Individual Coverage.'));
        else if (long) errors.push(long);
        else attributes.name = name;
      }
      if (has('gasb45Type')) {
        const gasb = readListValue(row.values.gasb45Type, 'gasb45Type', 'GASB 45 Type', GASB45_TYPES);
        if (gasb.error) errors.push(gasb.error);
        else if (!gasb.value) errors.push(required('gasb45Type', 'GASB 45 Type', `Pick one of: ${GASB45_TYPES.join(', ')}.`));
        else attributes.gasb45_type = gasb.value;
      }
      return errors.length > 0 ? { errors } : { errors, attributes };
    });
  },

  // seed: "You cannot delete any benefit types that are currently being used."
  canDelete: (db, keys) => coverageTypeUsage(db, keys),
};
