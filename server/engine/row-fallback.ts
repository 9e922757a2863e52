/** Set-based writes that still fail one row at a time: the whole chunk first, each row alone only if the database refuses it. */
import { sql } from 'kysely';
import { logError } from '../errors/log-error';
import type { Db } from './workbook-kind';

/**
 * Writes `rows` in one go inside a savepoint; if the database refuses, rolls that back and writes each row in its own
 * savepoint, calling `failed` for each row it still refuses (that row is rolled back alone, the others are kept).
 * The database's error is logged redacted and never shown to the user: `failed` answers the row in plain words.
 */
export async function writeWithRowFallback<T>(db: Db, rows: T[], write: (rows: T[]) => Promise<void>, failed: (row: T, error: Error) => void): Promise<void> {
  await sql`savepoint chunk_write`.execute(db);
  try {
    await write(rows);
    await sql`release savepoint chunk_write`.execute(db);
    return;
  } catch {
    await sql`rollback to savepoint chunk_write`.execute(db);
  }
  for (const row of rows) {
    await sql`savepoint row_write`.execute(db);
    try {
      await write([row]);
      await sql`release savepoint row_write`.execute(db);
    } catch (error) {
      await sql`rollback to savepoint row_write`.execute(db);
      logError(error, { route: 'row refused by the database' });
      failed(row, error as Error);
    }
  }
}
