/** Which of an uploaded row's values the row may set: the definition decides, for every kind alike. */
import type { UploadRow, WorkbookDefinition } from '../../src/contract/api';

// A chunk asks for every one of its 2,000 rows: the columns are worked out once per definition.
const settableKeys = new WeakMap<WorkbookDefinition, { insert: Set<string>; other: Set<string> }>();

function keysOf(definition: WorkbookDefinition): { insert: Set<string>; other: Set<string> } {
  let keys = settableKeys.get(definition);
  if (!keys) {
    keys = { insert: new Set(definition.columns.filter((c) => c.enterable).map((c) => c.key)), other: new Set(definition.columns.filter((c) => c.editable).map((c) => c.key)) };
    settableKeys.set(definition, keys);
  }
  return keys;
}

/** seed: on a downloaded row only editable columns are uploaded; a new row also takes its enterable columns. */
export function settableOnly(definition: WorkbookDefinition, row: UploadRow): UploadRow {
  const settable = row.op === 'insert' ? keysOf(definition).insert : keysOf(definition).other;
  const values: UploadRow['values'] = {};
  for (const key in row.values) if (settable.has(key)) values[key] = row.values[key];
  return { ...row, values };
}
