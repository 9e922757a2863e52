import type { KeyedKind } from '../../engine/workbook-kind';

/** seed (nVision Benefits setup): the benefit itself; its rates per coverage type are in Benefit Rates. */
export const benefitsDefinition: KeyedKind['definition'] = {
  kind: 'benefits',
  title: 'Benefits',
  description: 'The benefits your organisation offers: provider, benefit category, policy number and W-2 Box 12 reporting. The Benefit ID is assigned by the server when you add one; enter its rates in Benefit Rates. A benefit an employee has cannot be deleted.',
  scope: 'keyed',
  search: { persons: false, name: { label: 'Provider', hint: 'Part of the provider, such as blue.' }, group: { label: 'Benefit Category', hint: 'Only the benefits of this category (Health, Dental…).', list: 'benefitCategories' } },
  columns: [
    // seed: "This number is system-defined and uniquely identifies the benefit."
    { key: 'benefitId', header: 'Benefit ID', type: 'number', editable: false, enterable: false, required: false, width: 10, identifying: true },
    { key: 'benefitCategory', header: 'Benefit Category', type: 'text', editable: true, enterable: true, required: true, list: 'benefitCategories', width: 16 },
    { key: 'provider', header: 'Provider', type: 'text', editable: true, enterable: true, required: true, width: 26 },
    { key: 'policyNumber', header: 'Policy Number', type: 'text', editable: true, enterable: true, required: false, width: 16 },
    { key: 'w2Box12Reportable', header: 'W-2 Box 12 Reportable', type: 'text', editable: true, enterable: true, required: false, list: 'yesNo', width: 12 },
  ],
};

/** seed: "Identify the insurance provider (up to 50 characters)." */
export const PROVIDER_LIMIT = 50;
