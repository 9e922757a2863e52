import type { KeyedKind } from '../../engine/workbook-kind';

/**
 * seed (nVision Benefit Groups setup): the insurance types benefits belong to (Health, Dental, Life…). Called
 * benefit categories here: "Person Benefit Groups" (Executives, Retirees…) are who a person is, for data access.
 */
export const benefitCategoriesDefinition: KeyedKind['definition'] = {
  kind: 'benefit-categories',
  title: 'Benefit Categories',
  description: 'nVision\'s Benefit Groups: the kinds of insurance benefits belong to (Health, Dental, Life…). Not the Person Benefit Groups (Executives, Retirees…). A category a benefit uses cannot be deleted.',
  scope: 'keyed',
  search: { persons: false, name: { label: 'Name or description', hint: 'Part of the name or description, such as dent.' } },
  columns: [
    // seed: "When updating a benefit group record, this field is not modifiable."
    { key: 'name', header: 'Name', type: 'text', editable: false, enterable: true, required: true, width: 18, identifying: true },
    { key: 'description', header: 'Description', type: 'text', editable: true, enterable: true, required: false, width: 40 },
  ],
};

/** seed: "the full description (up to 100 characters)". */
export const DESCRIPTION_LIMIT = 100;
export const NAME_LIMIT = 30;
