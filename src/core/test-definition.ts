/** A small workbook definition for the core's tests: an enterable key column, a display column, an editable list column, a date. */
import type { WorkbookDefinition } from '../contract/api';

export const testDefinition: WorkbookDefinition = {
  kind: 'k',
  title: 'Kind',
  description: '',
  scope: 'effective-date',
  columns: [
    { key: 'person', header: 'Person', type: 'text', editable: false, enterable: true, required: true },
    { key: 'name', header: 'Name', type: 'text', editable: false, enterable: false, required: false },
    { key: 'group', header: 'Group', type: 'text', editable: true, enterable: true, required: true, list: 'groups' },
    { key: 'start', header: 'Start', type: 'date', editable: false, enterable: false, required: false },
  ],
};

/** A small batch kind: a line's entered columns, and a status the definition asks to colour. */
export const testBatchDefinition: WorkbookDefinition = {
  kind: 'b',
  title: 'Batch Kind',
  description: '',
  scope: 'batch',
  columns: [
    { key: 'person', header: 'Person', type: 'text', editable: true, enterable: true, required: true },
    { key: 'plan', header: 'Plan', type: 'text', editable: true, enterable: true, required: false, list: 'plans' },
    { key: 'lineStatus', header: 'Line Status', type: 'text', editable: false, enterable: false, required: false },
  ],
  highlights: [
    { column: 'lineStatus', equals: 'COMPLETE', tone: 'good' },
    { column: 'lineStatus', equals: 'ERROR', tone: 'bad' },
  ],
};
