import type { KeyedKind } from '../../engine/workbook-kind';

/** seed (Selerix Rates tab): "Level 1, with a code of 1, is the first benefit level … rename the benefit level and its corresponding code". */
export const benefitLevelsDefinition: KeyedKind['definition'] = {
  kind: 'benefit-levels',
  title: 'Benefit Levels',
  description: 'The benefit levels of each group life plan (such as 1x Salary, code 1): the names an enrollment line gives in Option and the Rate Grid, Benefit Level Limits and Step-Downs use. The Level ID is assigned by the server. A level in use cannot be deleted.',
  scope: 'keyed',
  // A level holds no person's data: searched by its code or name and its plan.
  search: { persons: false, name: { label: 'Code or benefit level', hint: 'Part of the code or name, such as 2x.' }, group: { label: 'Plan', hint: 'Only the levels of this group life plan.', list: 'groupLifePlans' } },
  columns: [
    { key: 'levelId', header: 'Level ID', type: 'number', editable: false, enterable: false, required: false, width: 8, identifying: true },
    { key: 'plan', header: 'Plan', type: 'text', editable: false, enterable: true, required: true, list: 'groupLifePlans', width: 22, identifying: true },
    { key: 'code', header: 'Code', type: 'text', editable: true, enterable: true, required: true, width: 8 },
    { key: 'name', header: 'Benefit Level', type: 'text', editable: true, enterable: true, required: true, width: 18 },
  ],
};

export const LEVEL_NAME_LIMIT = 80;
export const LEVEL_CODE_LIMIT = 20;
