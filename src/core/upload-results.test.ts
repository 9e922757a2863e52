import type { WorkbookDefinition } from '../contract/api';
import { planUpload } from './row-diff';
import { createLayout, readSheetRow, rowFailure, rowWarnings, toSheetRow } from './sheet-layout';
import { applyResult, clearedRow } from './upload-results';

const definition: WorkbookDefinition = {
  kind: 'k',
  title: 'Kind',
  description: '',
  scope: 'effective-date',
  columns: [
    { key: 'person', header: 'Person', type: 'text', editable: false, enterable: true, required: true },
    { key: 'name', header: 'Name', type: 'text', editable: false, enterable: false, required: false },
    { key: 'group', header: 'Group', type: 'text', editable: true, enterable: true, required: true },
  ],
};
const layout = createLayout(definition, 'en-US');
const group = layout.dataColumns[2].index;

function editedRow() {
  const cells = toSheetRow(layout, { key: 'a', version: 1, values: { person: 'P1', name: 'Ana', group: 'Gold' } });
  cells[group] = 'Silver';
  return readSheetRow(layout, 4, cells);
}

describe('upload results', () => {
  it('when a row is saved, then its status, version and fingerprint are the server values and Changed is cleared', () => {
    const cells = applyResult(layout, editedRow(), { rowId: 4, status: 'Updated', errors: [], key: 'a', version: 2, values: { person: 'P1', name: 'Ana', group: 'Silver' } });
    expect(cells.slice(0, 3)).toEqual(['', '', 'Updated']);
    expect(cells[layout.version]).toBe(2);
    expect(planUpload(layout, [readSheetRow(layout, 4, cells)]).send).toEqual([]);
  });

  it('when a row is saved with warnings, then it is saved like any other, and its warnings stay for the selected-row list without making it a failure', () => {
    const warnings = [{ column: 'group', message: 'Saved, but check the limits.' }];
    const cells = applyResult(layout, editedRow(), { rowId: 4, status: 'Updated', errors: [], warnings, key: 'a', version: 2, values: { person: 'P1', name: 'Ana', group: 'Silver' } });
    const saved = readSheetRow(layout, 4, cells);
    expect(saved.status).toBe('Updated');
    expect(planUpload(layout, [saved]).send).toEqual([]);
    expect(rowFailure(layout, saved)).toBeUndefined();
    expect(rowWarnings(saved)).toEqual({ status: 'Updated', errors: warnings });
    const plain = readSheetRow(layout, 4, applyResult(layout, saved, { rowId: 4, status: 'Updated', errors: [], key: 'a', version: 3, values: { person: 'P1', name: 'Ana', group: 'Gold' } }));
    expect(rowWarnings(plain)).toBeUndefined(); // the next save without warnings clears them
  });

  it('when an inserted row is saved, then it gains its key and the values the server looked up', () => {
    const cells = Array(layout.width).fill('');
    cells[layout.dataColumns[0].index] = 'P2';
    cells[group] = 'Gold';
    const saved = applyResult(layout, readSheetRow(layout, 9, cells), { rowId: 9, status: 'Inserted', errors: [], key: 'new', version: 1, values: { person: 'P2', name: 'Bo', group: 'Gold' } });
    expect(saved[layout.key]).toBe('new');
    expect(saved[layout.dataColumns[1].index]).toBe('Bo');
  });

  it('when a row fails, then it keeps its edit and its downloaded copies (so its Changed formula marks it), shows the status and keeps the errors, and is sent again', () => {
    const errors = [{ column: 'group', message: 'Silver is not a benefits group on 2026-01-01.' }];
    const cells = applyResult(layout, editedRow(), { rowId: 4, status: 'Upload Failed', errors });
    expect(cells[layout.firstCopy + layout.tracked.findIndex((c) => c.key === 'group')]).toBe('Gold');
    expect(cells[2]).toBe('Upload Failed');
    expect(cells[group]).toBe('Silver');
    const reread = readSheetRow(layout, 4, cells);
    expect(reread.errors).toEqual(errors);
    expect(planUpload(layout, [reread]).send).toHaveLength(1);
  });

  it('when a row is deleted, then it says Deleted, its copies take its cells (no Changed mark) and it is not sent by a later upload', () => {
    const cells = applyResult(layout, editedRow(), { rowId: 4, status: 'Deleted', errors: [] });
    expect(cells[2]).toBe('Deleted');
    expect(cells[layout.firstCopy + layout.tracked.findIndex((c) => c.key === 'group')]).toBe('Silver');
    expect(planUpload(layout, [readSheetRow(layout, 4, cells)]).send).toEqual([]);
  });

  it('when a failed row edit is undone, then its failure and mark are cleared; an untouched row needs no write', () => {
    const failed = applyResult(layout, editedRow(), { rowId: 4, status: 'Upload Failed', errors: [{ message: 'x' }] });
    failed[group] = 'Gold';
    const cleared = clearedRow(readSheetRow(layout, 4, failed), layout);
    expect(cleared?.slice(0, 3)).toEqual(['', '', '']);
    expect(cleared?.[layout.errors]).toBe('');
    expect(clearedRow(readSheetRow(layout, 4, toSheetRow(layout, { key: 'a', version: 1, values: {} })), layout)).toBeUndefined();
  });
});
