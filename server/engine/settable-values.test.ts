import type { WorkbookDefinition } from '../../src/contract/api';
import { settableOnly } from './settable-values';

const definition: WorkbookDefinition = {
  kind: 'k',
  title: 'K',
  description: '',
  scope: 'effective-date',
  columns: [
    { key: 'person', header: 'Person', type: 'text', editable: false, enterable: true, required: true },
    { key: 'name', header: 'Name', type: 'text', editable: false, enterable: false, required: false },
    { key: 'group', header: 'Group', type: 'text', editable: true, enterable: true, required: true },
  ],
};

describe('values a row may set', () => {
  it('when an update carries values of non-editable columns, then only the editable ones are kept', () => {
    const row = settableOnly(definition, { rowId: 1, op: 'update', key: 'a', version: 1, values: { person: 'P2', name: 'X', group: 'G', extra: 'Y' } });
    expect(row.values).toEqual({ group: 'G' });
  });

  it('when a new row carries values, then its enterable columns are kept and display-only ones dropped', () => {
    const row = settableOnly(definition, { rowId: 1, op: 'insert', values: { person: 'P2', name: 'X', group: 'G' } });
    expect(row.values).toEqual({ person: 'P2', group: 'G' });
  });
});
