/** Which of an uploaded row's values the row may set: the definition decides, for every kind alike. */
import type { UploadRow, WorkbookDefinition } from '../../src/contract/api';

/** seed: on a downloaded row only editable columns are uploaded; a new row also takes its enterable columns. */
export function settableOnly(definition: WorkbookDefinition, row: UploadRow): UploadRow {
  const settable = new Set(definition.columns.filter((c) => (row.op === 'insert' ? c.enterable : c.editable)).map((c) => c.key));
  return { ...row, values: Object.fromEntries(Object.entries(row.values).filter(([key]) => settable.has(key))) };
}
