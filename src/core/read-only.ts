/**
 * Read-only workbook kinds (the definition has `readOnly`): a sheet to look at. Every cell is locked, there are no
 * rows to add, no dropdowns, and the engine's own Changed, Mark for Deletion and Status columns are hidden.
 */
import type { WorkbookDefinition } from '../contract/api';
import type { SheetFormat } from '../excel/workbook-host';
import { COL } from './sheet-layout';

const ENGINE_COLUMNS: number[] = [COL.changed, COL.markForDeletion, COL.status];

/** Why an action cannot be done on a read-only sheet, or undefined when the kind can be changed. */
export function readOnlyMessage(definition: WorkbookDefinition, action: string): string | undefined {
  if (!definition.readOnly) return undefined;
  return `"${definition.title}" is read-only: you cannot ${action} in it. ${definition.readOnly.reason}`;
}

/** The format of a read-only sheet, from the generic one: nothing unlocked, no validations, the engine's columns hidden. */
export function lockedFormat(format: SheetFormat): SheetFormat {
  const columns = format.columns.map((c) => (ENGINE_COLUMNS.includes(c.index) ? { ...c, hidden: true } : c));
  const conditionalFills = format.conditionalFills?.filter((f) => !ENGINE_COLUMNS.includes(f.column));
  return { ...format, columns, unlocked: [], validations: [], conditionalFills };
}
