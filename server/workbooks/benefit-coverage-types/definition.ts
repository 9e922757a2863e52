import type { KeyedKind } from '../../engine/workbook-kind';

/** seed (nVision Benefit Coverage Types setup): code, name and the GASB 45 type the GASB45 export reports it under. */
export const benefitCoverageTypesDefinition: KeyedKind['definition'] = {
  kind: 'benefit-coverage-types',
  title: 'Benefit Coverage Types',
  description: 'The coverage types of benefit rates (Family, Individual, Spousal, Waived…), each with its GASB 45 type. A coverage type a rate line uses cannot be deleted.',
  scope: 'keyed',
  search: { persons: false, name: { label: 'Code or name', hint: 'Part of the code or name, such as fam.' }, group: { label: 'GASB 45 Type', hint: 'Only the coverage types of this GASB 45 type.', list: 'gasb45Types' } },
  columns: [
    // seed: "When updating a benefit type record, this field is not modifiable."
    { key: 'code', header: 'Benefit Coverage Type Code', type: 'text', editable: false, enterable: true, required: true, width: 16, identifying: true },
    { key: 'name', header: 'Benefit Coverage Type Name', type: 'text', editable: true, enterable: true, required: true, width: 30 },
    { key: 'gasb45Type', header: 'GASB 45 Type', type: 'text', editable: true, enterable: true, required: true, list: 'gasb45Types', width: 24 },
  ],
};
