/**
 * Where a row read earlier is now. Rows are found by their hidden key, never by position: a person may insert rows
 * while an upload runs, and the add-in's sort moves rows. A new row has no key yet: it is found by its values (its
 * fingerprint), at its old place if it is still there, else at the first keyless row holding the same values.
 */
import { currentFingerprint, FIRST_DATA_ROW, type Layout, type SheetRow } from '../core/sheet-layout';

export interface SheetReader {
  /** The used rows now, and the Key cell of each data row up to them (in as few requests as their size allows). */
  usedKeys(): Promise<{ used: number; keys: string[] }>;
  /** These whole rows. */
  rows(rows: number[]): Promise<SheetRow[]>;
}

/** Maps each row's old sheet row to its current one; a row no longer found is left out (nothing is written to it). */
export async function locateRows(reader: SheetReader, layout: Layout, rows: SheetRow[]): Promise<Map<number, number>> {
  const where = new Map<number, number>();
  if (rows.length === 0) return where;
  const { keys } = await reader.usedKeys();
  const byKey = new Map<string, number>();
  const keyless: number[] = [];
  keys.forEach((key, i) => (key ? byKey.set(key, FIRST_DATA_ROW + i) : keyless.push(FIRST_DATA_ROW + i)));

  const newRows: SheetRow[] = [];
  for (const row of rows) {
    if (!row.key) newRows.push(row);
    else if (byKey.has(row.key)) where.set(row.row, byKey.get(row.key)!);
  }
  if (newRows.length === 0 || keyless.length === 0) return where;

  const current = await reader.rows(keyless);
  const free = new Map(current.filter((r) => !r.key).map((r) => [r.row, currentFingerprint(layout, r)]));
  for (const row of newRows) {
    const fingerprint = currentFingerprint(layout, row);
    const found = free.get(row.row) === fingerprint ? row.row : [...free].find(([, f]) => f === fingerprint)?.[0];
    if (found === undefined) continue;
    where.set(row.row, found);
    free.delete(found);
  }
  return where;
}
