/** Benefits: a keyed kind whose key (the Benefit ID) the server assigns (seed: nVision Benefits setup). */
import type { RowError } from '../../../src/contract/api';
import { unknownName } from '../../engine/unknown-names';
import { readListValue, required, text, tooLong } from '../../engine/values';
import { toDownloadPage, type KeyedKind, type Resolution } from '../../engine/workbook-kind';
import { benefitUsage } from '../benefit-categories/setup-usage.repository';
import { benefitsDefinition, PROVIDER_LIMIT } from './definition';
import { deleteBenefits, findBenefitNames, findBenefitRows, findCategories, nextBenefitIds } from './benefits.repository';

const YES_NO = ['Yes', 'No'];

export const benefitsKind: KeyedKind = {
  definition: benefitsDefinition,
  recordName: 'benefit',
  table: 'benefits',
  keyColumn: 'benefitId',
  storedKeyColumn: 'id',
  keyType: 'integer',
  attributes: { category_id: 'integer', provider: 'text', policy_number: 'text', w2_box12_reportable: 'boolean' },
  assignKeys: nextBenefitIds,

  async lists(db) {
    return { benefitCategories: (await findCategories(db)).map((c) => c.name), yesNo: YES_NO };
  },

  async download(db, page) {
    return toDownloadPage(await findBenefitRows(db, page), (r) => ({
      benefitId: Number(r.key), benefitCategory: r.category, provider: r.provider, policyNumber: r.policy_number, w2Box12Reportable: r.w2_box12_reportable ? 'Yes' : 'No',
    }));
  },

  async resolve(db, inputs) {
    const categories = new Map((await findCategories(db)).map((c) => [c.name.toLowerCase(), c]));
    const existing = await findBenefitNames(db);
    return inputs.map(({ row, key, current }): Resolution => {
      const errors: RowError[] = [];
      const attributes: Record<string, unknown> = {};
      const has = (column: string) => row.op === 'insert' || column in row.values;
      if (has('benefitCategory')) {
        const name = text(row.values.benefitCategory);
        const category = categories.get(name.toLowerCase());
        if (!name) errors.push(required('benefitCategory', 'Benefit Category', 'Pick one from the list (Health, Dental, Life…).'));
        else if (!category) errors.push(unknownName({ column: 'benefitCategory', message: `There is no benefit category named "${name}". Pick one from the list, or add it in Benefit Categories first.` }));
        else attributes.category_id = category.id;
      }
      if (has('provider')) {
        const provider = text(row.values.provider);
        const long = tooLong(provider, PROVIDER_LIMIT, 'provider', 'Provider');
        if (!provider) errors.push(required('provider', 'Provider', 'Enter the insurance provider, such as BLUE SHIELD-20%.'));
        else if (long) errors.push(long);
        else attributes.provider = provider;
      }
      if (has('policyNumber')) attributes.policy_number = text(row.values.policyNumber) || null;
      if (has('w2Box12Reportable')) {
        const w2 = readListValue(row.values.w2Box12Reportable, 'w2Box12Reportable', 'W-2 Box 12 Reportable', YES_NO);
        if (w2.error) errors.push(w2.error);
        else attributes.w2_box12_reportable = w2.value === 'Yes';
      }
      const categoryId = (attributes.category_id ?? current?.category_id) as number | undefined;
      const provider = String(attributes.provider ?? current?.provider ?? '');
      const twin = existing.find((b) => String(b.id) !== key && b.category_id === categoryId && b.provider.toLowerCase() === provider.toLowerCase());
      if (errors.length === 0 && twin) errors.push({ column: 'provider', message: `There is already a benefit "${twin.provider}" in this category (Benefit ID ${twin.id}). Change that one, or name this provider differently.` });
      return errors.length > 0 ? { errors } : { errors, attributes };
    });
  },

  // seed: "You cannot delete any benefit records that are currently being used."
  canDelete: (db, keys) => benefitUsage(db, keys.map(Number)),
  remove: deleteBenefits,
};
